using Npgsql;

namespace CustomerNeeds.Grains.Tests.Privacy;

/// <summary>
/// A test-only trigger that copies the interaction ids of one customer's deleted log rows into a side
/// table, so a test can see what an erasure deleted. Dropped on dispose.
/// </summary>
internal sealed class DeletedInteractions : IAsyncDisposable
{
    private readonly NpgsqlDataSource dataSource;
    private readonly string suffix;

    private DeletedInteractions(NpgsqlDataSource dataSource, string suffix)
    {
        this.dataSource = dataSource;
        this.suffix = suffix;
    }

    public static async Task<DeletedInteractions> CaptureAsync(NpgsqlDataSource dataSource, string customerId)
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var literal = customerId.Replace("'", "''", StringComparison.Ordinal);
        await using var command = dataSource.CreateCommand($"""
            CREATE TABLE test_deleted_{suffix} (interaction_id text);
            CREATE FUNCTION test_capture_{suffix}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO test_deleted_{suffix} VALUES (OLD.interaction_id);
                RETURN OLD;
            END;
            $$;
            CREATE TRIGGER test_capture_{suffix} BEFORE DELETE ON customer_events
                FOR EACH ROW WHEN (OLD.customer_id = '{literal}' AND OLD.interaction_id IS NOT NULL)
                EXECUTE FUNCTION test_capture_{suffix}();
            """);
        await command.ExecuteNonQueryAsync();
        return new DeletedInteractions(dataSource, suffix);
    }

    public async Task<HashSet<string>> InteractionIdsAsync()
    {
        await using var command = dataSource.CreateCommand($"SELECT interaction_id FROM test_deleted_{suffix}");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public async ValueTask DisposeAsync()
    {
        await using var command = dataSource.CreateCommand($"""
            DROP TRIGGER test_capture_{suffix} ON customer_events;
            DROP FUNCTION test_capture_{suffix}();
            DROP TABLE test_deleted_{suffix};
            """);
        await command.ExecuteNonQueryAsync();
    }
}
