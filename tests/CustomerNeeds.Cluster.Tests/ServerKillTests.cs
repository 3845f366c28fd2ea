using System.Diagnostics;
using CustomerNeeds.Cluster.Tests.Infrastructure;
using Grpc.Core;
using Xunit.Abstractions;

namespace CustomerNeeds.Cluster.Tests;

/// <summary>
/// SIGKILL of one server of three while clients record 10,000 interactions over a few hundred
/// customers: no acknowledged interaction is lost or stored twice, every customer stays readable, and
/// the customers of the dead server are written again within 30 s (docs/operations.md, "Fault tests").
/// </summary>
[Collection(FaultCollection.Name)]
[Trait("Category", FaultCollection.Category)]
public sealed class ServerKillTests(FaultFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan WritesBackWithin = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Sigkill_during_10000_writes_loses_and_duplicates_nothing_and_writes_resume_within_30_s()
    {
        var watch = Stopwatch.StartNew();
        var interactions = 10_000 * FaultScale.Factor;
        var kills = FaultScale.Factor;
        await using var cluster = await LoopbackCluster.StartAsync(await fixture.Postgres.CreateDatabaseAsync());
        using var channel = cluster.NewClientChannel();
        var customers = await LoopbackCluster.CreateCustomersAsync(channel, 300 * FaultScale.Factor);
        var load = new WriteLoad(channel, customers, "kill");

        var writing = load.RunAsync(interactions, inFlight: 64);
        var recoveries = new List<TimeSpan>();
        var gaps = new List<TimeSpan>();
        for (var k = 0; k < kills; k++)
        {
            // Kill in the first third of each share of the load, so that most of it runs after the kill.
            await load.WaitAcknowledgedAsync(interactions * k / kills + interactions / kills / 4, TimeSpan.FromMinutes(3));
            var victim = cluster.Servers[(k + 1) % cluster.Servers.Count];
            var killedAt = load.Now;
            await victim.KillAsync();

            var recovery = await WaitEveryCustomerWrittenAfterAsync(load, customers, killedAt, TimeSpan.FromMinutes(2));
            recoveries.Add(recovery);
            gaps.Add(load.LongestGapBetweenOks(killedAt, killedAt + recovery));
            if (k < kills - 1)
            {
                await victim.RestartAsync();
            }
        }

        await writing;
        var loadTime = load.Now;

        await EventLogCheck.AssertStoredExactlyOnceAsync(cluster.DataSource, channel, customers, load);
        FaultReport.Write(output, "SIGKILL of 1 of 3 servers", string.Join("; ",
            $"{interactions} interactions over {customers.Count} customers, 64 in flight, {kills} kill(s)",
            load.Summary(),
            $"every customer written again after the kill within {string.Join(", ", recoveries.Select(FaultReport.Seconds))}",
            $"longest time without any OK after the kill {string.Join(", ", gaps.Select(FaultReport.Seconds))}",
            $"load {FaultReport.Seconds(loadTime)}, test {FaultReport.Seconds(watch.Elapsed)}"));

        Assert.True(load.GaveUp.IsEmpty, $"the clients gave up on {load.GaveUp.Count} interactions: {load.Summary()}\n{cluster.Output}");
        Assert.All(recoveries, r => Assert.True(r <= WritesBackWithin, $"writes were served again only {r} after the kill.\n{load.Summary()}"));
    }

    /// <summary>
    /// The time from <paramref name="killedAt"/> until every customer has had a call sent after it
    /// answered OK: the customers that lived on the killed server are served again by then.
    /// </summary>
    private static async Task<TimeSpan> WaitEveryCustomerWrittenAfterAsync(WriteLoad load, IReadOnlyList<string> customers, TimeSpan killedAt, TimeSpan timeout)
    {
        while (true)
        {
            var firstOk = load.Attempts
                .Where(a => a.Code == StatusCode.OK && a.Sent >= killedAt)
                .GroupBy(a => a.CustomerId)
                .ToDictionary(g => g.Key, g => g.Min(a => a.Answered), StringComparer.Ordinal);
            if (firstOk.Count == customers.Count)
            {
                return firstOk.Values.Max() - killedAt;
            }

            if (load.Now - killedAt > timeout)
            {
                throw new TimeoutException($"{customers.Count - firstOk.Count} customers had no OK write within {timeout} of the kill. {load.Summary()}");
            }

            await Task.Delay(100);
        }
    }
}
