using CustomerNeeds.Api.Tests.Durability;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Testing;
using Grpc.Core;
using Grpc.Health.V1;
using Npgsql;

namespace CustomerNeeds.Api.Tests.Cluster;

/// <summary>
/// Servers with Clustering=Postgres form one cluster through the membership tables (migration
/// 0015) and stop in order on SIGTERM: readiness first, then the calls, then the silo, which writes
/// its grains' snapshots and leaves the cluster (docs/clustering.md).
/// </summary>
[Collection(DurabilityCollection.Name)]
public sealed class ClusterMembershipTests
{
    private const int Active = 3;
    private const int Dead = 6;

    [Fact]
    public async Task Two_servers_form_one_cluster_and_serve_each_others_customers()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var clusterId = ClusterSettings.NewClusterId();
        var (portA, portB) = (LoopbackPort.Unused(), LoopbackPort.Unused());
        await using var a = await ServerProcess.StartAsync(database.ConnectionString, ClusterSettings.Member(clusterId, portA));
        await using var b = await ServerProcess.StartAsync(database.ConnectionString, ClusterSettings.Member(clusterId, portB));

        Assert.Equal(
            new[] { (portA, Active), (portB, Active) }.Order(),
            (await MembersAsync(database.DataSource, clusterId)).Order());

        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add((await a.Clients.CreateCustomerAsync()).Id);
        }

        foreach (var id in ids)
        {
            await b.Clients.RecordAsync(id, TestData.Inquiry("through-b", TestData.AtMs(1000)));
            Assert.Equal(1, (await a.Clients.GetCustomerAsync(id)).Lifetime.InteractionCount);
            Assert.Equal(1, (await b.Clients.GetCustomerAsync(id)).Lifetime.InteractionCount);
        }
    }

    [Fact]
    public async Task Sigterm_drains_finishes_writes_the_snapshots_and_leaves_the_cluster()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var clusterId = ClusterSettings.NewClusterId();
        var (portA, portB) = (LoopbackPort.Unused(), LoopbackPort.Unused());
        var drain = new Dictionary<string, string> { ["CustomerNeeds__Shutdown__DrainDelay"] = "00:00:03" };
        await using var a = await ServerProcess.StartAsync(database.ConnectionString, ClusterSettings.Member(clusterId, portA, drain));
        await using var b = await ServerProcess.StartAsync(database.ConnectionString, ClusterSettings.Member(clusterId, portB, drain));

        // Customers on both silos, each with a log longer than its snapshot (fewer events than SnapshotInterval).
        var ids = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            var (id, _) = await b.Clients.CreateCustomerAsync();
            await b.Clients.RecordAsync(id, TestData.Inquiry("first", TestData.AtMs(1000)));
            await b.Clients.RecordAsync(id, TestData.Inquiry("second", TestData.AtMs(2000)));
            ids.Add(id);
        }

        var coveredBefore = await CoveredBySnapshotAsync(database.DataSource, ids);

        b.BeginStop();
        var readiness = await WaitForStatusAsync(b, "readiness", HealthCheckResponse.Types.ServingStatus.NotServing);
        Assert.True(b.IsRunning);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, (await CheckAsync(b, "")).Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await CheckAsync(b, "liveness")).Status);
        // Still serving while it drains.
        Assert.Equal(2, (await b.Clients.GetCustomerAsync(ids[0])).Lifetime.InteractionCount);
        await b.Clients.RecordAsync(ids[1], TestData.Inquiry("during-drain", TestData.AtMs(3000)));

        await b.StopAsync();
        Assert.Equal(0, b.LastExitCode);
        Assert.True(readiness < TimeSpan.FromSeconds(3), $"readiness turned NOT_SERVING only after {readiness}");
        Assert.Contains((portB, Dead), await MembersAsync(database.DataSource, clusterId));
        Assert.Contains((portA, Active), await MembersAsync(database.DataSource, clusterId));

        // The silo that left wrote the snapshots of its customers; the other one serves them all at once.
        var coveredAfterB = await CoveredBySnapshotAsync(database.DataSource, ids);
        Assert.True(coveredAfterB > coveredBefore, $"no snapshot was written when B stopped ({coveredBefore} before, {coveredAfterB} after)");
        foreach (var id in ids)
        {
            var customer = await a.Clients.Customers.GetCustomerAsync(
                new Api.V1.GetCustomerRequest { Name = TestData.CustomerName(id) }, deadline: DateTime.UtcNow.AddSeconds(10));
            Assert.Equal(id == ids[1] ? 3 : 2, customer.Lifetime.InteractionCount);
        }

        await a.StopAsync();
        Assert.Equal(0, a.LastExitCode);
        Assert.Equal(ids.Count, await CoveredBySnapshotAsync(database.DataSource, ids));
        Assert.All(await MembersAsync(database.DataSource, clusterId), m => Assert.Equal(Dead, m.Status));
    }

    private static async Task<TimeSpan> WaitForStatusAsync(ServerProcess server, string service, HealthCheckResponse.Types.ServingStatus wanted)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            if ((await CheckAsync(server, service)).Status == wanted)
            {
                return watch.Elapsed;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{service} did not turn {wanted} within 10 s.\n{server.Output}");
    }

    private static async Task<HealthCheckResponse> CheckAsync(ServerProcess server, string service) =>
        await server.Clients.Health.CheckAsync(new HealthCheckRequest { Service = service }, deadline: DateTime.UtcNow.AddSeconds(5));

    private static async Task<List<(int Port, int Status)>> MembersAsync(NpgsqlDataSource dataSource, string clusterId)
    {
        await using var command = dataSource.CreateCommand("SELECT port, status FROM orleans_membership WHERE deployment_id = $1");
        command.Parameters.AddWithValue(clusterId);
        await using var reader = await command.ExecuteReaderAsync();
        var members = new List<(int, int)>();
        while (await reader.ReadAsync())
        {
            members.Add((reader.GetInt32(0), reader.GetInt32(1)));
        }

        return members;
    }

    /// <summary>How many of the customers have a snapshot that covers their whole log.</summary>
    private static async Task<int> CoveredBySnapshotAsync(NpgsqlDataSource dataSource, IReadOnlyList<string> ids)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT count(*)
            FROM unnest($1::text[]) AS c(id)
            JOIN orleans_grain_state s ON s.grain_id_extension = c.id AND s.payload IS NOT NULL
            WHERE coalesce(s.payload->>'Sequence', s.payload->>'sequence')::bigint
                  = (SELECT max(sequence) FROM customer_events e WHERE e.customer_id = c.id)
            """);
        command.Parameters.AddWithValue(ids.ToArray());
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }
}
