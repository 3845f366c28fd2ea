using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using CustomerNeeds.Cluster.Tests.Loopback;
using Grpc.Core;
using Xunit.Abstractions;

namespace CustomerNeeds.Cluster.Tests.Faults;

/// <summary>
/// A thousand calls at once, spread over three servers, are the first calls to ten customers (the
/// servers were restarted, so nothing is active): Orleans' directory gives each customer exactly one
/// activation in the cluster. Activations are counted from the grain's "Customer {id} activating"
/// log line (Debug, turned on for the category here).
/// </summary>
[Trait("Category", "Fault")]
public sealed partial class FirstActivationTests(ITestOutputHelper output)
{
    private const int CustomerCount = 10;
    private const int CallCount = 1000;

    private static readonly Dictionary<string, string> ActivationLogging = new(StringComparer.Ordinal)
    {
        ["Logging__LogLevel__CustomerNeeds.Grains.CustomerGrain"] = "Debug",
    };

    [Fact]
    public async Task A_thousand_concurrent_first_calls_to_ten_customers_make_one_activation_each()
    {
        await using var cluster = await LoopbackCluster.StartAsync(settings: ActivationLogging);
        var customers = await CustomerSet.CreateAsync(cluster.Customers, "first", CustomerCount);

        // Every server stops (its activations end) and starts again, one after the other, so that each
        // joins a cluster whose members are already known.
        await Task.WhenAll(cluster.Servers.Select(s => s.StopAsync()));
        foreach (var server in cluster.Servers)
        {
            await server.RestartAsync();
        }

        var activations = new ConcurrentDictionary<(string Customer, int Server), int>();
        for (var s = 0; s < cluster.Servers.Count; s++)
        {
            var server = s;
            cluster.Servers[s].OutputLine = line =>
            {
                var match = ActivatingLine().Match(line);
                if (match.Success)
                {
                    activations.AddOrUpdate((match.Groups[1].Value, server), 1, (_, n) => n + 1);
                }
            };
        }

        // All calls are made before any is awaited.
        var clients = cluster.Servers.Select(s => s.Clients).ToArray();
        var calls = Enumerable.Range(0, CallCount).Select(async i =>
        {
            var clientsOfServer = clients[i % clients.Length];
            var customer = customers[(i / clients.Length) % CustomerCount];
            try
            {
                if (i % 2 == 0)
                {
                    await clientsOfServer.Customers.GetCustomerAsync(new GetCustomerRequest { Name = TestData.CustomerName(customer) }, deadline: Calls.Deadline(30));
                }
                else
                {
                    await clientsOfServer.Interactions.RecordInteractionAsync(new RecordInteractionRequest
                    {
                        Parent = TestData.CustomerName(customer),
                        Interaction = TestData.Inquiry("first-" + i.ToString(CultureInfo.InvariantCulture), TestData.AtMs(i)),
                    }, deadline: Calls.Deadline(30));
                }

                return StatusCode.OK;
            }
            catch (RpcException e)
            {
                return e.StatusCode;
            }
        }).ToList();
        var codes = await Task.WhenAll(calls);

        var perCustomer = customers.ToDictionary(c => c, c => activations.Where(a => a.Key.Customer == c).Sum(a => a.Value), StringComparer.Ordinal);
        var perServer = Enumerable.Range(0, cluster.Servers.Count).Select(s => activations.Where(a => a.Key.Server == s).Sum(a => a.Value)).ToList();
        FaultFigures.Report(output, "first-activation",
            ("calls", CallCount),
            ("customers", CustomerCount),
            ("codes", string.Join(", ", codes.GroupBy(c => c).Select(g => $"{g.Key}={g.Count()}"))),
            ("activations", perCustomer.Values.Sum()),
            ("activationsPerServer", string.Join("/", perServer)));

        Assert.All(codes, c => Assert.Equal(StatusCode.OK, c));
        Assert.All(customers, c => Assert.True(perCustomer[c] == 1, $"{c}: {perCustomer[c]} activations\n{cluster.Output}"));
        Assert.Equal(CallCount / 2, (await StoredInteractions.CountAsync(cluster.DataSource)).Count);
    }

    [GeneratedRegex(@"Customer (\S+) activating$")]
    private static partial Regex ActivatingLine();
}
