using System.Diagnostics;
using System.Globalization;
using CustomerNeeds.Api.Tests.Durability;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Grpc.Core;
using Grpc.Health.V1;
using Xunit.Abstractions;

namespace CustomerNeeds.Api.Tests.Security;

/// <summary>
/// The bounded fuzz run (docs/fuzzing.md): random and mutated protobuf payloads against every
/// method of customerneeds.v1, on one real server on real PostgreSQL, a few calls in flight.
/// No call may end UNKNOWN or INTERNAL or carry a stack trace, and the server must still be
/// SERVING at the end. CUSTOMERNEEDS_FUZZ_SECONDS (default 60) and CUSTOMERNEEDS_FUZZ_SEED.
/// </summary>
[Collection(DurabilityCollection.Name)]
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int InFlight = 4;

    [Fact]
    public async Task Random_and_mutated_payloads_to_every_method_get_exact_statuses_and_leave_the_server_serving()
    {
        var seconds = Setting("CUSTOMERNEEDS_FUZZ_SECONDS") ?? 60;
        var seed = Setting("CUSTOMERNEEDS_FUZZ_SEED") ?? Random.Shared.Next();
        output.WriteLine($"fuzz: seed {seed.ToString(CultureInfo.InvariantCulture)} (CUSTOMERNEEDS_FUZZ_SEED), {seconds.ToString(CultureInfo.InvariantCulture)} s (CUSTOMERNEEDS_FUZZ_SECONDS)");
        var methods = FuzzMethodCatalogue.All();
        Assert.Contains(methods, m => m.FullName == "/customerneeds.v1.CustomerService/CreateCustomer");
        Assert.Contains(methods, m => m.Type == MethodType.DuplexStreaming);

        await using var own = await OwnServer.StartAsync();
        var names = await CreateResourcesAsync(own.Clients);
        var invoker = own.Server.Channel.CreateCallInvoker();
        var summary = new FuzzSummary();
        var clock = Stopwatch.StartNew();
        var end = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, InFlight).Select(worker => Task.Run(async () =>
        {
            var random = new Random(seed + worker);
            var payloads = new FuzzPayloads(random, names);
            for (var i = worker; clock.Elapsed < end || i < methods.Count; i += InFlight)
            {
                var method = methods[i % methods.Count];
                var sent = payloads.For(method);
                summary.Add(method, await FuzzCall.SendAsync(invoker, method, sent), sent);
            }
        })));

        output.WriteLine(summary.Report(clock.Elapsed));
        foreach (var finding in summary.Findings)
        {
            output.WriteLine(finding);
        }

        if (summary.FindingCount > 0)
        {
            output.WriteLine("server output:\n" + own.Server.Output);
        }

        Assert.True(own.Server.ProcessId is not null, "The server died during the fuzz run.\n" + own.Server.Output);
        var health = await own.Clients.Health.CheckAsync(new HealthCheckRequest(), deadline: Calls.Deadline(15));
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.Equal(methods.Select(m => m.FullName).Order(StringComparer.Ordinal), summary.MethodsCalled.Order(StringComparer.Ordinal));
        Assert.True(summary.FindingCount == 0, $"seed {seed}: {summary.FindingCount} findings\n{string.Join('\n', summary.Findings)}");
    }

    /// <summary>Customers with needs, interactions and a complaint, so that fuzzed names reach them.</summary>
    private static async Task<List<string>> CreateResourcesAsync(ApiClients api)
    {
        var names = new List<string>();
        for (var c = 0; c < 4; c++)
        {
            var (id, _) = await api.CreateCustomerAsync(TestData.FullProfile());
            names.Add(TestData.CustomerName(id));
            await api.RecordAsync(id, TestData.Purchase("p-1", TestData.AtMs(1), TestData.Eur(120)));
            await api.RecordAsync(id, TestData.Complaint("i-1", TestData.AtMs(2)));
            names.Add(TestData.InteractionName(id, "p-1"));
            names.Add(TestData.InteractionName(id, "i-1"));
            var need = await api.Needs.CreateNeedAsync(
                new CreateNeedRequest { Parent = TestData.CustomerName(id), NeedId = "n-1", Need = TestData.Need("fast delivery", 4, 3), Actor = "fuzz" },
                deadline: Calls.Deadline());
            names.Add(need.Name);
            names.AddRange((await api.ListAllComplaintsAsync(new ListComplaintsRequest { Parent = TestData.CustomerName(id) })).Select(x => x.Name));
            names.Add(TestData.LoyaltyName(id));
            names.Add($"customers/{id}/rfmScore");
        }

        names.AddRange(["segments/fuzz", "kanoFeatures/fuzz", "kanoFeatures/fuzz/staffBeliefs/eva", "apiKeys/k1a2b3c4d5e6"]);
        return names;
    }

    private static int? Setting(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
