using Npgsql;

namespace CustomerNeeds.Storage;

/// <summary>Asks PostgreSQL <c>SELECT 1</c> and waits at most the probe timeout for the answer.</summary>
public sealed class PostgresStorageProbe(NpgsqlDataSource dataSource, TimeSpan timeout) : IStorageProbe
{
    /// <inheritdoc />
    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            command.CommandTimeout = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds));
            var answer = await command.ExecuteScalarAsync(deadline.Token).ConfigureAwait(false);
            return answer is 1;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }
}
