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
    /// <summary>Begins a REPEATABLE READ, READ ONLY transaction on <paramref name="connection"/>.</summary>
    public static async Task<NpgsqlTransaction> BeginAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        await using var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY; SET LOCAL work_mem = '64MB'; SET LOCAL jit = off", connection, transaction);
        await readOnly.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return transaction;
    }
}
