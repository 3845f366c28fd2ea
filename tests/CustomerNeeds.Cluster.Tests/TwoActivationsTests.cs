using System.Diagnostics;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using CustomerNeeds.Client;
using CustomerNeeds.Cluster.Tests.Infrastructure;
using Grpc.Core;
using Xunit.Abstractions;

namespace CustomerNeeds.Cluster.Tests;

/// <summary>
/// Two activations of one customer at once, forced with two servers that are separate clusters
/// (same service id, different cluster ids) on one database: the second writer loses on the log's
/// sequence key, is answered ABORTED, stores nothing, and its next call reads the winner's write
/// (docs/clustering.md, "One activation per customer, and what if there are two").
/// </summary>
[Collection(FaultCollection.Name)]
[Trait("Category", FaultCollection.Category)]
public sealed class TwoActivationsTests(FaultFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task The_second_activation_s_write_is_aborted_stores_nothing_and_its_next_call_sees_the_winner()
    {
        var watch = Stopwatch.StartNew();
        var connectionString = await fixture.Postgres.CreateDatabaseAsync();
        await using var a = await ServerProcess.StartAsync(connectionString, Separate("cluster-a"));
        await using var b = await ServerProcess.StartAsync(connectionString, Separate("cluster-b"));
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(connectionString);

        var (customerId, _) = await a.Clients.CreateCustomerAsync();
        await a.Clients.RecordAsync(customerId, TestData.Inquiry("before", TestData.AtMs(1000)));

        // Both load the customer: one activation in each cluster, both at sequence 2.
        Assert.Equal(1, (await a.Clients.GetCustomerAsync(customerId)).Lifetime.InteractionCount);
        Assert.Equal(1, (await b.Clients.GetCustomerAsync(customerId)).Lifetime.InteractionCount);

        // A writes first and wins; B's write (no retry: the harness channel has none) loses.
        await a.Clients.RecordAsync(customerId, TestData.Inquiry("winner", TestData.AtMs(2000)));
        var eventsAfterWinner = await Calls.CountEventsAsync(dataSource, customerId);
        var lost = await Assert.ThrowsAsync<RpcException>(() => b.Clients.RecordAsync(customerId, TestData.Inquiry("loser", TestData.AtMs(3000))));
        Assert.Equal(StatusCode.Aborted, lost.StatusCode);

        var stored = await EventLogCheck.StoredInteractionsAsync(dataSource, [customerId]);
        Assert.Equal(["before", "winner"], stored.Select(s => s.InteractionId).Order(StringComparer.Ordinal));
        Assert.Empty(await EventLogCheck.CustomersWithSequenceGapsAsync(dataSource, [customerId]));
        Assert.Equal(eventsAfterWinner, await Calls.CountEventsAsync(dataSource, customerId));

        // B's activation deactivated itself; its next call reloads the log and sees A's write.
        var seen = await b.Clients.ListAllInteractionsAsync(customerId);
        Assert.Equal(["before", "winner"], seen.Select(i => i.InteractionId).Order(StringComparer.Ordinal));

        // The client helper retries ABORTED for RecordInteraction: the same write through it is stored once.
        using var helper = CustomerNeedsChannel.Create(new CustomerNeedsClientOptions { Addresses = [b.Address], BearerToken = TestTokens.Default });
        var interactions = new InteractionService.InteractionServiceClient(helper.CallInvoker);
        var retried = await interactions.RecordInteractionAsync(new RecordInteractionRequest
        {
            Parent = TestData.CustomerName(customerId),
            Interaction = TestData.Inquiry("loser", TestData.AtMs(3000)),
        });
        Assert.False(retried.Replayed);

        // Now A is the stale one: its write is aborted too, and retried by the helper it succeeds.
        using var helperA = CustomerNeedsChannel.Create(new CustomerNeedsClientOptions { Addresses = [a.Address], BearerToken = TestTokens.Default });
        using var callA = new InteractionService.InteractionServiceClient(helperA.CallInvoker).RecordInteractionAsync(new RecordInteractionRequest
        {
            Parent = TestData.CustomerName(customerId),
            Interaction = TestData.Inquiry("after", TestData.AtMs(4000)),
        });
        await callA.ResponseAsync;
        var attemptsA = (await callA.ResponseHeadersAsync).GetValue("grpc-previous-rpc-attempts");

        stored = await EventLogCheck.StoredInteractionsAsync(dataSource, [customerId]);
        Assert.Equal(["after", "before", "loser", "winner"], stored.Select(s => s.InteractionId).Order(StringComparer.Ordinal));
        Assert.Empty(await EventLogCheck.CustomersWithSequenceGapsAsync(dataSource, [customerId]));
        Assert.Equal(4, (await a.Clients.GetCustomerAsync(customerId)).Lifetime.InteractionCount);
        // While both activations live, a read answers from the memory of the one it reaches: B has not
        // written since A's last write, so it still answers 3 (it learns on its next write, which loses).
        var staleRead = (await b.Clients.GetCustomerAsync(customerId)).Lifetime.InteractionCount;
        Assert.Equal(3, staleRead);

        FaultReport.Write(output, "two activations of one customer", string.Join("; ",
            $"loser answered {lost.StatusCode} ({lost.Status.Detail})",
            $"log: {eventsAfterWinner} events after the winner's write and still after the loser's; sequences 1..{await Calls.CountEventsAsync(dataSource, customerId)} without gap at the end, the loser's interaction stored only by its retry",
            $"stale activation's write through the client helper: OK after {attemptsA ?? "0"} earlier attempt(s)",
            $"a read from the other, now stale, activation answered {staleRead} interactions (4 stored)",
            $"test {FaultReport.Seconds(watch.Elapsed)}"));
        Assert.Equal("1", attemptsA);
    }

    private static Dictionary<string, string> Separate(string clusterId) => new(StringComparer.Ordinal)
    {
        ["CustomerNeeds__Cluster__ServiceId"] = LoopbackCluster.ServiceId,
        ["CustomerNeeds__Cluster__ClusterId"] = clusterId,
    };
}
