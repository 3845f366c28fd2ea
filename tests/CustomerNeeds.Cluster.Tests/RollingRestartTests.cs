using System.Diagnostics;
using System.Globalization;
using CustomerNeeds.Client;
using CustomerNeeds.Cluster.Tests.Infrastructure;
using Grpc.Core;
using Xunit.Abstractions;

namespace CustomerNeeds.Cluster.Tests;

/// <summary>
/// A rolling restart of all three servers (SIGTERM, wait for the exit, start, wait SERVING, next)
/// under continuous writes: no acknowledged write lost, and every error a client sees is one the
/// retry policy retries.
/// </summary>
[Collection(FaultCollection.Name)]
[Trait("Category", FaultCollection.Category)]
public sealed class RollingRestartTests(FaultFixture fixture, ITestOutputHelper output)
{
    private const string Method = "/customerneeds.v1.InteractionService/RecordInteraction";

    [Fact]
    public async Task Rolling_restart_under_load_loses_nothing_and_clients_see_only_retryable_errors()
    {
        var watch = Stopwatch.StartNew();
        await using var cluster = await LoopbackCluster.StartAsync(await fixture.Postgres.CreateDatabaseAsync());
        using var channel = cluster.NewClientChannel();
        var customers = await LoopbackCluster.CreateCustomersAsync(channel, 100);
        var load = new WriteLoad(channel, customers, "roll");
        using var stop = new CancellationTokenSource();
        var writing = load.RunUntilAsync(inFlight: 32, stop.Token);

        await load.WaitAcknowledgedAsync(500, TimeSpan.FromMinutes(1));
        var steps = new List<string>();
        for (var round = 0; round < FaultScale.Factor; round++)
        {
            for (var i = 0; i < cluster.Servers.Count; i++)
            {
                var server = cluster.Servers[i];
                var started = load.Now;
                await server.StopAsync();
                Assert.Equal(0, server.LastExitCode);
                var stopped = load.Now;
                await server.RestartAsync();
                var serving = load.Now;
                steps.Add(string.Create(CultureInfo.InvariantCulture,
                    $"server {i + 1}: stop {FaultReport.Seconds(stopped - started)}, start to SERVING {FaultReport.Seconds(serving - stopped)}"));

                // Writes go on before the next server stops.
                await load.WaitAcknowledgedAsync(load.Acknowledged.Count + 200, TimeSpan.FromMinutes(1));
            }
        }

        await stop.CancelAsync();
        await writing;

        await EventLogCheck.AssertStoredExactlyOnceAsync(cluster.DataSource, channel, customers, load);
        FaultReport.Write(output, "rolling restart of 3 servers", string.Join("; ",
            $"{customers.Count} customers, 32 writers, {FaultScale.Factor} round(s)",
            load.Summary(),
            string.Join(", ", steps),
            $"test {FaultReport.Seconds(watch.Elapsed)}"));

        Assert.True(load.GaveUp.IsEmpty, $"the clients gave up on {load.GaveUp.Count} interactions: {load.Summary()}\n{cluster.Output}");
        var notRetryable = load.Attempts.Where(a => a.Code != StatusCode.OK && !CustomerNeedsRetryPolicy.IsRetryable(Method, a.Code)).ToList();
        Assert.True(notRetryable.Count == 0,
            $"clients saw codes the policy does not retry: {WriteLoad.Format(notRetryable.GroupBy(a => a.Code.ToString()).ToDictionary(g => g.Key, g => g.Count()))}");
    }
}
