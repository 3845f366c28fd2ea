using Npgsql;

namespace CustomerNeeds.Storage.Tests.GroupCommit;

/// <summary>
/// Holds the appender's committer inside a batch: a lock on customer_events taken from another
/// connection blocks its INSERT until <see cref="DisposeAsync"/> releases the lock. Appends queued
/// meanwhile form the next batch, so a test knows exactly what goes into it.
/// </summary>
internal sealed class BatchGate : IAsyncDisposable
{
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction transaction;

    private BatchGate(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        this.connection = connection;
        this.transaction = transaction;
    }

    public static async Task<BatchGate> CloseAsync(NpgsqlDataSource dataSource)
    {
        var connection = await dataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("LOCK TABLE customer_events IN SHARE ROW EXCLUSIVE MODE", connection, transaction);
        await command.ExecuteNonQueryAsync();
        return new BatchGate(connection, transaction);
    }

    /// <summary>Waits until a statement of another connection is blocked on the lock.</summary>
    public async Task WaitUntilBlockedAsync(NpgsqlDataSource dataSource)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            await using var command = dataSource.CreateCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
            if ((long)(await command.ExecuteScalarAsync())! > 0)
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("No statement blocked on the gate.");
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.RollbackAsync();
        await connection.DisposeAsync();
    }
}
