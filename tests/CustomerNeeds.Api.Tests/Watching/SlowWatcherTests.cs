using CustomerNeeds.Api.Tests.Durability;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Grpc.Core;

namespace CustomerNeeds.Api.Tests.Watching;

/// <summary>A watcher that stops reading: the writers go on, its stream ends with RESOURCE_EXHAUSTED, and it resumes without gap.</summary>
[Collection(DurabilityCollection.Name)]
public sealed class SlowWatcherTests
{
    private const int BufferedCommits = 4;

    [Fact]
    public async Task A_watcher_that_stops_reading_is_cut_off_while_every_write_is_acknowledged_and_resumes_without_gap_or_duplicate()
    {
        const int writes = 800;
        await using var own = await OwnServer.StartAsync(new Dictionary<string, string>
        {
            ["CustomerNeeds__Watch__BufferedCommits"] = BufferedCommits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var api = own.Clients;
        var (id, created) = await api.CreateCustomerAsync();
        var s0 = WatchCalls.SequenceOf(created);

        // A second connection for the watcher, so its full HTTP/2 window cannot hold up the writers' connection.
        using var watcherChannel = own.Server.NewChannel();
        var watcherApi = new ApiClients(watcherChannel);
        using var stalled = watcherApi.Watch(id, seconds: 300);
        Assert.Equal(s0, (await stalled.NextCurrentAsync()).Sequence);

        // The watcher reads nothing while the writers write, one commit each.
        for (var i = 0; i < writes; i++)
        {
            await api.RecordAsync(id, TestData.Inquiry($"s-{i}", TestData.AtMs(i * 1000L)));
        }

        // Now it reads: what was buffered for it, in order, then RESOURCE_EXHAUSTED.
        var last = s0;
        var ended = await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, async () =>
        {
            while (await stalled.ResponseStream.MoveNext(CancellationToken.None))
            {
                var change = stalled.ResponseStream.Current.Change;
                Assert.Equal(last + 1, change.Sequence);
                last = change.Sequence;
            }
        });
        Assert.Contains("after_sequence", ended.Status.Detail, StringComparison.Ordinal);
        Assert.True(last < s0 + writes, $"The stalled watcher received every change ({last}); it was never cut off.");

        // Resume from the last sequence received: the rest, exactly once each, then the customer.
        using var resumed = watcherApi.Watch(id, afterSequence: last, seconds: 300);
        var seen = new List<string>();
        for (var sequence = last + 1; sequence <= s0 + writes; sequence++)
        {
            var change = await resumed.NextChangeAsync();
            Assert.Equal(sequence, change.Sequence);
            seen.Add(WatchCalls.InteractionId(change));
        }

        Assert.Equal(s0 + writes, (await resumed.NextCurrentAsync()).Sequence);
        Assert.Equal(Enumerable.Range((int)(last - s0), (int)(s0 + writes - last)).Select(i => $"s-{i}"), seen);
    }
}
