using Npgsql;

namespace CustomerNeeds.Storage.Loyalty;

/// <summary>
/// A session-level PostgreSQL advisory lock held on its own connection for the length of one
/// sweep run, taken without waiting: only one server of a cluster sweeps at a time. Disposing
/// releases it; if the server dies, the connection's end releases it.
/// </summary>
public sealed class SweepLock : IAsyncDisposable
{
    /// <summary>The loyalty sweep's lock key ("CNLOYSWP" in ASCII).</summary>
    public const long LoyaltySweepKey = 0x434E_4C4F_5953_5750;

    private readonly NpgsqlConnection connection;
    private readonly long key;

    private SweepLock(NpgsqlConnection connection, long key)
    {
        this.connection = connection;
        this.key = key;
    }

    /// <summary>The lock, or null when another session holds it.</summary>
    public static async Task<SweepLock?> TryTakeAsync(NpgsqlDataSource dataSource, long key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection);
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                return new SweepLock(connection, key);
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        await connection.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection);
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
            await command.ExecuteScalarAsync().ConfigureAwait(false);
        }
        finally
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
