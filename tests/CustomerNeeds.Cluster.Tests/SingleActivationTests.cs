using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using CustomerNeeds.Cluster.Tests.Infrastructure;
using Xunit.Abstractions;

namespace CustomerNeeds.Cluster.Tests;

/// <summary>
/// 1,000 concurrent first calls to 10 customers, sent to all three servers at once: each customer is
/// activated (loaded from PostgreSQL) exactly once in the cluster. Counted from the line every
/// activation logs (CustomerGrain, Debug: "Customer {id} activated: ..."), across the three servers'
/// output: it counts every load of a customer, also one that a point-in-time count of activations
/// would miss because it was already gone.
/// </summary>
[Collection(FaultCollection.Name)]
[Trait("Category", FaultCollection.Category)]
public sealed partial class SingleActivationTests(FaultFixture fixture, ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> ActivationLog = new(StringComparer.Ordinal)
    {
        ["Logging__LogLevel__CustomerNeeds.Grains.CustomerGrain"] = "Debug",
    };

    [Fact]
    public async Task A_thousand_concurrent_first_calls_to_ten_customers_activate_each_once()
    {
        var watch = Stopwatch.StartNew();
        var connectionString = await fixture.Postgres.CreateDatabaseAsync();

        // The customers are created by a server of another cluster on the same data, then it stops:
        // the three-server cluster has never seen them.
        var customerIds = Enumerable.Range(0, 10).Select(_ => TestData.NewCustomerId()).ToList();
        await using (var creator = await ServerProcess.StartAsync(connectionString, new Dictionary<string, string>
        {
            ["CustomerNeeds__Cluster__ServiceId"] = LoopbackCluster.ServiceId,
            ["CustomerNeeds__Cluster__ClusterId"] = "creator",
        }))
        {
            foreach (var id in customerIds)
            {
                await creator.Clients.CreateCustomerAsync(customerId: id);
            }

            await creator.StopAsync();
        }

        await using var cluster = await LoopbackCluster.StartAsync(connectionString, ActivationLog);
        var calls = 1_000 * FaultScale.Factor;
        var clients = cluster.Servers.Select(s => new ApiClients(s.NewChannel())).ToList();
        using var start = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, calls).Select(async i =>
        {
            await start.WaitAsync();
            var api = clients[i % clients.Count];
            var customerId = customerIds[i / 2 % customerIds.Count];
            if (i % 2 == 0)
            {
                await api.GetCustomerAsync(customerId);
            }
            else
            {
                await api.RecordAsync(customerId, TestData.Inquiry("first-" + i.ToString(CultureInfo.InvariantCulture), TestData.AtMs(i)));
            }
        }).ToList();
        var sent = Stopwatch.StartNew();
        start.Release(calls);
        await Task.WhenAll(tasks);
        var callTime = sent.Elapsed;

        // Every server's output is whole (nothing dropped from its kept lines), so no activation line is missed.
        Assert.All(cluster.Servers, s => Assert.Contains("---- starting", s.Output, StringComparison.Ordinal));
        var activations = cluster.Servers
            .SelectMany((s, server) => ActivationLine().Matches(s.Output).Select(m => (Server: server + 1, CustomerId: m.Groups[1].Value)))
            .Where(a => customerIds.Contains(a.CustomerId))
            .ToList();
        var perCustomer = customerIds.ToDictionary(id => id, id => activations.Count(a => a.CustomerId == id), StringComparer.Ordinal);
        var perServer = activations.GroupBy(a => a.Server).OrderBy(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"server {g.Key}: {g.Count()}"));

        FaultReport.Write(output, "1,000 first calls to 10 customers", string.Join("; ",
            $"{calls} calls (half GetCustomer, half RecordInteraction) sent at once, a third to each server, answered in {FaultReport.Seconds(callTime)}",
            $"activations {activations.Count} ({string.Join(", ", perServer)})",
            $"test {FaultReport.Seconds(watch.Elapsed)}"));

        Assert.All(perCustomer, p => Assert.True(p.Value == 1, $"{p.Key} was activated {p.Value} times.\n{cluster.Output}"));
        foreach (var id in customerIds)
        {
            Assert.Equal(calls / customerIds.Count / 2, (await clients[0].GetCustomerAsync(id)).Lifetime.InteractionCount);
        }
    }

    [GeneratedRegex(@"Customer (\S+) activated: snapshot at")]
    private static partial Regex ActivationLine();
}
