using CustomerNeeds.Api.Tests.Cluster;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Cluster.Tests.Loopback;
using Grpc.Core;
using Xunit.Abstractions;

namespace CustomerNeeds.Cluster.Tests.Faults;

/// <summary>
/// Two activations of one customer, forced: two single-server clusters (same ServiceId, different
/// ClusterId) on one database never see each other, so each activates the customer. The event log's
/// primary key (customer_id, sequence) makes the stale one's append fail: ABORTED, nothing of it stored,
/// and its next call reloads the log (docs/architecture.md, "Sequence numbers and concurrent activations").
/// Calls go over plain channels, without the client's retries, so that the test sees each answer.
/// </summary>
[Trait("Category", "Fault")]
public sealed class SequenceConstraintTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Two_activations_of_one_customer_the_sequence_constraint_rejects_the_losers_writes()
    {
        await using var cluster = await LoopbackCluster.StartAsync(servers: 1);
        await using var other = await cluster.StartMemberAsync(ClusterSettings.NewClusterId());
        var a = cluster.Servers[0].Clients;
        var b = other.Clients;

        var (customerId, _) = await a.CreateCustomerAsync();
        var seenByB = await b.GetCustomerAsync(customerId); // B activates the customer too
        Assert.Equal(0, seenByB.Lifetime.InteractionCount);

        await a.RecordAsync(customerId, TestData.Inquiry("by-a-1", TestData.AtMs(1)));
        var refused = await Assert.ThrowsAsync<RpcException>(() => b.RecordAsync(customerId, TestData.Inquiry("by-b-1", TestData.AtMs(2))));
        Assert.Equal(StatusCode.Aborted, refused.StatusCode);
        Assert.Equal(["by-a-1"], await StoredIdsAsync(cluster, customerId));
        AssertContiguous(await StoredInteractions.SequencesAsync(cluster.DataSource, customerId));

        // B dropped its activation: the next call reloads the log and sees A's write; the resent interaction is stored.
        Assert.Equal(1, (await b.GetCustomerAsync(customerId)).Lifetime.InteractionCount);
        await b.RecordAsync(customerId, TestData.Inquiry("by-b-1", TestData.AtMs(2)));

        // Now A holds the stale state: its write is the one refused, and so on.
        var refusedA = await Assert.ThrowsAsync<RpcException>(() => a.RecordAsync(customerId, TestData.Inquiry("by-a-2", TestData.AtMs(3))));
        Assert.Equal(StatusCode.Aborted, refusedA.StatusCode);
        await a.RecordAsync(customerId, TestData.Inquiry("by-a-2", TestData.AtMs(3)));
        Assert.Equal(3, (await a.GetCustomerAsync(customerId)).Lifetime.InteractionCount);

        var sequences = await StoredInteractions.SequencesAsync(cluster.DataSource, customerId);
        AssertContiguous(sequences);
        Assert.Equal(["by-a-1", "by-a-2", "by-b-1"], await StoredIdsAsync(cluster, customerId));
        FaultFigures.Report(output, "two-activations",
            ("refusedB", refused.StatusCode),
            ("refusedA", refusedA.StatusCode),
            ("sequences", string.Join(",", sequences)));
    }

    private static async Task<List<string>> StoredIdsAsync(LoopbackCluster cluster, string customerId) =>
        [.. (await StoredInteractions.CountAsync(cluster.DataSource))
            .Where(r => r.Key.CustomerId == customerId)
            .Select(r => { Assert.Equal(1, r.Value); return r.Key.InteractionId; })
            .Order(StringComparer.Ordinal)];

    private static void AssertContiguous(IReadOnlyList<long> sequences)
    {
        for (var i = 0; i < sequences.Count; i++)
        {
            Assert.Equal(i + 1, sequences[i]);
        }
    }
}
