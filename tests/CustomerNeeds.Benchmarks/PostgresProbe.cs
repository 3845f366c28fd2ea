using Npgsql;

namespace CustomerNeeds.Benchmarks;

/// <summary>
/// Measures commits in the server's PostgreSQL, independently of the server:
/// <list type="bullet">
/// <item>interactions per commit: over the <c>customer_events</c> rows whose interaction id starts
/// with a scenario's prefix, <c>count(*) / count(DISTINCT xmin)</c>; <c>xmin</c> of a row is the
/// transaction that inserted it, so this is how many interactions each committing transaction
/// carried on average;</item>
/// <item>write transactions: the difference of <c>pg_current_xact_id()</c> before and after a
/// scenario, the transaction ids handed out meanwhile (only writing transactions get one; the
/// probe's own call takes one).</item>
/// </list>
/// </summary>
public sealed class PostgresProbe(string connectionString) : IAsyncDisposable
{
    private readonly NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connectionString);

    /// <summary>The next transaction id (consumes one).</summary>
    public async Task<long> CurrentTransactionIdAsync()
    {
        await using var command = dataSource.CreateCommand("SELECT pg_current_xact_id()::text::bigint");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Rows and distinct inserting transactions of the interactions whose id starts with <paramref name="prefix"/>.</summary>
    public async Task<(long Rows, long Transactions)> InteractionCommitsAsync(string prefix)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT count(*), count(DISTINCT xmin::text) FROM customer_events WHERE interaction_id LIKE $1");
        command.CommandTimeout = 600;
        command.Parameters.AddWithValue(prefix + "%");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>The server's version string, e.g. "15.18 (Debian 15.18-0+deb12u1)".</summary>
    public async Task<string> ServerVersionAsync()
    {
        await using var command = dataSource.CreateCommand("SHOW server_version");
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
