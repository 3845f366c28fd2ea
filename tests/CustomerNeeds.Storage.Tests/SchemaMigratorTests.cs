using CustomerNeeds.Testing;
using Npgsql;
using Orleans.Storage;

namespace CustomerNeeds.Storage.Tests;

public sealed class SchemaMigratorTests
{
    private static readonly string[] Tables = ["schema_migrations", "orleansquery", "orleans_grain_state", "customer_events", "customer_complaints", "customer_summaries", "customer_summary_needs", "kano_answers", "api_keys", "audit_events", "customer_tombstones"];

    [Fact]
    public void EmbeddedMigrationsAreNumberedFromOneWithoutGaps()
    {
        Assert.Equal(
            [(1, "orleans_storage"), (2, "customer_event_log"), (3, "customer_complaints"), (4, "read_model"), (5, "read_model_backfill"), (7, "analytics"), (8, "purchase_index"), (9, "complaint_slas"), (10, "loyalty_review"), (11, "merge_identity"), (12, "api_keys"), (13, "erasure_retention"), (14, "audit_log"), (15, "cluster_membership")],
            SchemaMigrator.Migrations.Select(m => (m.Version, m.Name)).ToArray());
        Assert.All(SchemaMigrator.Migrations, m => Assert.Equal(64, m.Checksum.Length));
    }

    [Fact]
    public async Task EightServersStartingAtOnceApplyEachMigrationExactlyOnce()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var servers = Enumerable.Range(0, 8).Select(_ => NpgsqlDataSource.Create(database.ConnectionString)).ToList();
        try
        {
            var applied = await Task.WhenAll(servers.Select(server => Task.Run(() => SchemaMigrator.MigrateAsync(server, CancellationToken.None))));

            Assert.Equal(SchemaMigrator.Migrations.Count, applied.Sum());
            Assert.Equal([(1, "orleans_storage"), (2, "customer_event_log"), (3, "customer_complaints"), (4, "read_model"), (5, "read_model_backfill"), (7, "analytics"), (8, "purchase_index"), (9, "complaint_slas"), (10, "loyalty_review"), (11, "merge_identity"), (12, "api_keys"), (13, "erasure_retention"), (14, "audit_log"), (15, "cluster_membership")], await AppliedAsync(database.DataSource));
            foreach (var table in Tables)
            {
                Assert.True(await ExistsAsync(database.DataSource, table), table);
            }
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task SecondRunChangesNothing()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        Assert.Equal(SchemaMigrator.Migrations.Count, await SchemaMigrator.MigrateAsync(database.DataSource, CancellationToken.None));
        var before = await AppliedAtAsync(database.DataSource);

        Assert.Equal(0, await SchemaMigrator.MigrateAsync(database.DataSource, CancellationToken.None));

        Assert.Equal(before, await AppliedAtAsync(database.DataSource));
    }

    [Fact]
    public async Task GrainStorageFindsItsQueriesWithItsOwnInitialisationQuery()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await SchemaMigrator.MigrateAsync(database.DataSource, CancellationToken.None);

        // The exact statement the Orleans ADO.NET provider runs at start-up.
        await using var command = database.DataSource.CreateCommand(AdoNetGrainStorage.DefaultInitializationQuery);
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(reader.GetOrdinal("QueryKey")));
            Assert.False(string.IsNullOrWhiteSpace(reader.GetString(reader.GetOrdinal("QueryText"))));
        }

        Assert.Equal(["ClearStorageKey", "DeleteStorageKey", "ReadFromStorageKey", "WriteToStorageKey"], keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AnAppliedMigrationThatWasEditedStopsTheRun()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await SchemaMigrator.MigrateAsync(database.DataSource, CancellationToken.None);
        await using (var tamper = database.DataSource.CreateCommand("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 2"))
        {
            await tamper.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SchemaMigrator.MigrateAsync(database.DataSource, CancellationToken.None));

        Assert.Contains("Schema migration 2 (customer_event_log)", error.Message, StringComparison.Ordinal);
    }

    private static async Task<List<(int, string)>> AppliedAsync(NpgsqlDataSource dataSource)
    {
        var applied = new List<(int, string)>();
        await using var command = dataSource.CreateCommand("SELECT version, name FROM schema_migrations ORDER BY version");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            applied.Add((reader.GetInt32(0), reader.GetString(1)));
        }

        return applied;
    }

    private static async Task<List<DateTime>> AppliedAtAsync(NpgsqlDataSource dataSource)
    {
        var applied = new List<DateTime>();
        await using var command = dataSource.CreateCommand("SELECT applied_at FROM schema_migrations ORDER BY version");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            applied.Add(reader.GetDateTime(0));
        }

        return applied;
    }

    private static async Task<bool> ExistsAsync(NpgsqlDataSource dataSource, string table)
    {
        await using var command = dataSource.CreateCommand("SELECT to_regclass($1) IS NOT NULL");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = table });
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
