using Npgsql;

namespace CustomerNeeds.Storage.Analytics;

/// <summary>A connection and its read-only transaction on an imported snapshot (<see cref="SnapshotReads.OpenAsync"/>).</summary>
internal sealed class SnapshotSession(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
{
    public NpgsqlConnection Connection { get; } = connection;

    public NpgsqlTransaction Transaction { get; } = transaction;

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync().ConfigureAwait(false);
        await Connection.DisposeAsync().ConfigureAwait(false);
    }
}
