using System.Data;
using Npgsql;

namespace CustomerNeeds.Storage.Analytics;

/// <summary>
/// Read-only transactions whose statements all see one snapshot, so figures computed by several
/// statements agree. Aggregations over a window get 64 MB of work memory (hashes and sorts of a
/// few hundred thousand rows stay in memory) and no JIT compilation (which costs more than it
/// saves on these statements); both only for the transaction.
/// </summary>
internal static class SnapshotReads
{
    /// <summary>
    /// Begins a REPEATABLE READ, READ ONLY transaction on <paramref name="connection"/>; with
    /// <paramref name="snapshot"/> (from <see cref="ExportAsync"/>), one that sees that snapshot.
    /// </summary>
    public static async Task<NpgsqlTransaction> BeginAsync(NpgsqlConnection connection, CancellationToken cancellationToken, string? snapshot = null)
    {
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        if (snapshot is not null)
        {
            // Must come before any query of the transaction. The id is PostgreSQL's own text, not caller input.
            await using var import = new NpgsqlCommand($"SET TRANSACTION SNAPSHOT '{snapshot.Replace("'", "''", StringComparison.Ordinal)}'", connection, transaction);
            await import.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY; SET LOCAL work_mem = '64MB'; SET LOCAL jit = off", connection, transaction);
        await readOnly.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return transaction;
    }

    /// <summary>Opens a connection of <paramref name="dataSource"/> with a transaction that sees <paramref name="snapshot"/>.</summary>
    public static async Task<SnapshotSession> OpenAsync(NpgsqlDataSource dataSource, string snapshot, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return new SnapshotSession(connection, await BeginAsync(connection, cancellationToken, snapshot).ConfigureAwait(false));
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Exports the snapshot of <paramref name="transaction"/> for other sessions (valid while it is open).</summary>
    public static async Task<string> ExportAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, transaction);
        return (string)(await export.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
