using System.Data;
using Npgsql;

namespace CustomerNeeds.Storage.Analytics;

/// <summary>Read-only transactions whose statements all see one snapshot, so figures computed by several statements agree.</summary>
internal static class SnapshotReads
{
    /// <summary>Begins a REPEATABLE READ, READ ONLY transaction on <paramref name="connection"/>.</summary>
    public static async Task<NpgsqlTransaction> BeginAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        await using var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, transaction);
        await readOnly.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return transaction;
    }
}
