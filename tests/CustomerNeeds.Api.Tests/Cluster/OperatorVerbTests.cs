using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.Tests.ReadModel;
using CustomerNeeds.Testing;

namespace CustomerNeeds.Api.Tests.Cluster;

/// <summary>The verbs a deployment runs beside the servers: <c>migrate</c> (its migration step) and <c>health-probe</c> (container health checks).</summary>
public sealed class OperatorVerbTests
{
    [Fact]
    public async Task Migrate_brings_an_empty_database_to_the_current_schema_and_is_idempotent()
    {
        await using var database = await PostgresDatabase.CreateAsync();

        var (exit, output) = await ServerVerb.RunAsync(database.ConnectionString, "migrate");
        Assert.True(exit == 0, output);
        Assert.Contains("the schema is current", output, StringComparison.Ordinal);
        await using (var count = database.DataSource.CreateCommand("SELECT count(*), max(version) FROM schema_migrations"))
        await using (var reader = await count.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            var embedded = Directory.GetFiles(Path.Combine(ServerBinary.RepositoryRoot, "src", "CustomerNeeds.Storage", "Migrations"), "*.sql").Length;
            Assert.Equal(embedded, reader.GetInt64(0));
        }

        (exit, output) = await ServerVerb.RunAsync(database.ConnectionString, "migrate");
        Assert.True(exit == 0, output);
    }

    [Fact]
    public async Task Health_probe_exits_0_for_a_serving_server_and_1_for_an_absent_one()
    {
        await using var server = await ServerProcess.StartAsync(null);

        var (exit, output) = await ServerVerb.RunAsync("", "health-probe", "--address", server.Address.ToString());
        Assert.True(exit == 0, output);
        Assert.Contains("is Serving", output, StringComparison.Ordinal);

        (exit, output) = await ServerVerb.RunAsync("", "health-probe", "--address", server.Address.ToString(), "--service", "liveness");
        Assert.True(exit == 0, output);

        (exit, output) = await ServerVerb.RunAsync("", "health-probe", "--address", $"http://127.0.0.1:{LoopbackPort.Unused()}");
        Assert.Equal(1, exit);
        Assert.Contains("Unavailable", output, StringComparison.Ordinal);
    }
}
