using Npgsql;

namespace CustomerNeeds.Storage;

/// <summary>
/// Asks PostgreSQL <c>SELECT 1</c> and answers false when no answer came within the timeout, even
/// when the server hangs mid-handshake (where Npgsql would otherwise wait for its own connect timeout).
/// </summary>
public sealed class PostgresStorageProbe(NpgsqlDataSource dataSource, TimeSpan timeout) : IStorageProbe
{
    /// <inheritdoc />
    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var answer = await AskAsync(deadline.Token).WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            return answer is 1;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }

    private async Task<object?> AskAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            command.CommandTimeout = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds));
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException or OperationCanceledException)
        {
            // Also observed when the probe gave up waiting and nobody awaits this task any more.
            return null;
        }
    }
}
