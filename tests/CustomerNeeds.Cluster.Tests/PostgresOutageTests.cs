using System.Diagnostics;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Cluster.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Health.V1;
using Xunit.Abstractions;

namespace CustomerNeeds.Cluster.Tests;

/// <summary>
/// PostgreSQL stopped for 30 s (pg_ctl stop -m fast) under continuous writes, then started again: no
/// write is answered OK while it is down, no acknowledged write is lost, and the servers recover by
/// themselves (writes OK and readiness SERVING again, no restart).
/// </summary>
[Collection(FaultCollection.Name)]
[Trait("Category", FaultCollection.Category)]
public sealed class PostgresOutageTests(FaultFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Postgres_down_30_s_no_ok_while_down_nothing_lost_and_recovery_without_restart()
    {
        var watch = Stopwatch.StartNew();
        await using var cluster = await LoopbackCluster.StartAsync(await fixture.Postgres.CreateDatabaseAsync());
        using var channel = cluster.NewClientChannel();
        var customers = await LoopbackCluster.CreateCustomersAsync(channel, 100);
        var load = new WriteLoad(channel, customers, "pg") { GiveUpAfter = TimeSpan.FromMinutes(3) };
        using var stop = new CancellationTokenSource();
        var writing = load.RunUntilAsync(inFlight: 16, stop.Token);
        await load.WaitAcknowledgedAsync(300, TimeSpan.FromMinutes(1));
        var processes = cluster.Servers.Select(s => s.ProcessId).ToList();

        var outages = new List<(TimeSpan Down, TimeSpan Up)>();
        var recoveries = new List<(TimeSpan Writes, TimeSpan Health)>();
        var readinessDuring = new List<HealthCheckResponse.Types.ServingStatus>();
        var livenessDuring = new List<HealthCheckResponse.Types.ServingStatus>();
        for (var round = 0; round < FaultScale.Factor; round++)
        {
            await fixture.Postgres.StopAsync();
            var down = load.Now;
            await Task.Delay(TimeSpan.FromSeconds(5));
            foreach (var server in cluster.Servers)
            {
                readinessDuring.Add(await CheckAsync(server, ""));
                livenessDuring.Add(await CheckAsync(server, "liveness"));
            }

            await Task.Delay(Outage - (load.Now - down));
            var up = load.Now;
            await fixture.Postgres.StartAgainAsync();
            outages.Add((down, up));

            var writesBack = await WaitFirstOkAfterAsync(load, up, TimeSpan.FromMinutes(2)) - up;
            foreach (var server in cluster.Servers)
            {
                await WaitServingAsync(server);
            }

            recoveries.Add((writesBack, load.Now - up));
            await load.WaitAcknowledgedAsync(load.Acknowledged.Count + 300, TimeSpan.FromMinutes(2));
        }

        await stop.CancelAsync();
        await writing;

        // Nothing sent after PostgreSQL stopped was acknowledged before it was started again.
        var okWhileDown = load.Attempts
            .Where(a => a.Code == StatusCode.OK && outages.Any(o => a.Sent > o.Down && a.Answered < o.Up))
            .ToList();
        await EventLogCheck.AssertStoredExactlyOnceAsync(cluster.DataSource, channel, customers, load);
        FaultReport.Write(output, "PostgreSQL stopped 30 s", string.Join("; ",
            $"{customers.Count} customers, 16 writers, {outages.Count} outage(s) of {FaultReport.Seconds(Outage)}",
            load.Summary(),
            $"OK answers to calls sent and answered while down: {okWhileDown.Count} ({okWhileDown.Count(a => a.Replayed)} replays)",
            $"readiness while down: {string.Join(", ", readinessDuring)}; liveness: {string.Join(", ", livenessDuring)}",
            $"after the start: first OK write after {string.Join(", ", recoveries.Select(r => FaultReport.Seconds(r.Writes)))}, every server SERVING after {string.Join(", ", recoveries.Select(r => FaultReport.Seconds(r.Health)))}",
            $"test {FaultReport.Seconds(watch.Elapsed)}"));

        Assert.Empty(okWhileDown);
        Assert.True(load.GaveUp.IsEmpty, $"the clients gave up on {load.GaveUp.Count} interactions: {load.Summary()}\n{cluster.Output}");
        Assert.Equal(processes, cluster.Servers.Select(s => s.ProcessId).ToList());
        Assert.All(readinessDuring, s => Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, s));
        Assert.All(livenessDuring, s => Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, s));
    }

    private static async Task<HealthCheckResponse.Types.ServingStatus> CheckAsync(ServerProcess server, string service) =>
        (await server.Clients.Health.CheckAsync(new HealthCheckRequest { Service = service }, deadline: DateTime.UtcNow.AddSeconds(10))).Status;

    private static async Task WaitServingAsync(ServerProcess server)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (await CheckAsync(server, "") != HealthCheckResponse.Types.ServingStatus.Serving)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The server was not SERVING within a minute of PostgreSQL's start.\n{server.Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>When the first call answered after <paramref name="after"/> was answered OK.</summary>
    private static async Task<TimeSpan> WaitFirstOkAfterAsync(WriteLoad load, TimeSpan after, TimeSpan timeout)
    {
        while (true)
        {
            var first = load.Attempts.Where(a => a.Code == StatusCode.OK && a.Answered >= after).Select(a => (TimeSpan?)a.Answered).Min();
            if (first is { } answered)
            {
                return answered;
            }

            if (load.Now - after > timeout)
            {
                throw new TimeoutException($"No write was answered OK within {timeout} of PostgreSQL's start. {load.Summary()}");
            }

            await Task.Delay(50);
        }
    }
}
