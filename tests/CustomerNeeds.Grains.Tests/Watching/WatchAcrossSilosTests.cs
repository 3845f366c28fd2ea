using System.Text.Json;
using CustomerNeeds.Abstractions;
using CustomerNeeds.Grains.Watching;

namespace CustomerNeeds.Grains.Tests.Watching;

/// <summary>Watches whose watcher and grain live on different silos of one cluster (docs/watch.md).</summary>
public sealed class WatchAcrossSilosTests
{
    [Fact]
    public async Task A_watcher_on_another_silo_sees_every_concurrent_write_once_in_order_and_disposing_it_unregisters_it()
    {
        const int writes = 200;
        await using var cluster = await TwoSiloCluster.StartAsync();
        var id = Samples.NewCustomerId();
        var grain = cluster.Grains.GetGrain<ICustomerGrain>(id);
        var start = (await grain.CreateAsync(Samples.Profile())).Etag;
        var grainSilo = await cluster.SiloOfAsync(id);
        var watcherSilo = cluster.Other(grainSilo);
        Assert.NotEqual(grainSilo.SiloAddress, watcherSilo.SiloAddress);

        var feed = TwoSiloCluster.WatchingOn(watcherSilo).Open(id);
        await using (var reader = new FeedReader(feed))
        {
            var current = await reader.NextCurrentAsync();
            Assert.Equal(long.Parse(start), current.Sequence);
            Assert.Equal(1, await grain.CountWatchersAsync());

            await Task.WhenAll(Enumerable.Range(0, writes).Select(i => grain.RecordInteractionAsync(Samples.Purchase($"p-{i}", i))));

            var ids = new List<string>();
            for (var sequence = current.Sequence + 1; sequence <= current.Sequence + writes; sequence++)
            {
                var change = await reader.NextChangeAsync();
                Assert.Equal(sequence, change.Sequence);
                Assert.Equal("interaction-recorded", change.Event.EventType);
                ids.Add(InteractionId(change));
            }

            Assert.Equal(Enumerable.Range(0, writes).Select(i => $"p-{i}").Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        }

        Assert.Equal(0, await grain.CountWatchersAsync());
    }

    [Fact]
    public async Task A_watch_goes_on_without_gap_when_the_grain_moves_to_another_silo()
    {
        await using var cluster = await TwoSiloCluster.StartAsync();

        // A customer whose grain lives on the secondary silo, watched from the primary.
        string id;
        do
        {
            id = Samples.NewCustomerId();
            await cluster.Grains.GetGrain<ICustomerGrain>(id).CreateAsync(Samples.Profile());
        }
        while ((await cluster.SiloOfAsync(id)).SiloAddress.Equals(cluster.Cluster.Primary!.SiloAddress));

        var grain = cluster.Grains.GetGrain<ICustomerGrain>(id);
        var feed = TwoSiloCluster.WatchingOn(cluster.Cluster.Primary!).Open(id);
        await using var reader = new FeedReader(feed);
        var current = await reader.NextCurrentAsync();
        await grain.RecordInteractionAsync(Samples.Purchase("before-move", 1));
        Assert.Equal(current.Sequence + 1, (await reader.NextChangeAsync()).Sequence);

        // The grain's silo leaves; the next writes activate the grain on the primary, which does not know the watcher.
        await cluster.Cluster.StopSiloAsync(cluster.Cluster.SecondarySilos[0]);
        for (var i = 0; i < 5; i++)
        {
            await grain.RecordInteractionAsync(Samples.Purchase($"after-move-{i}", 10 + i));
        }

        Assert.Equal(cluster.Cluster.Primary!.SiloAddress, (await cluster.SiloOfAsync(id)).SiloAddress);

        // The renewal finds the new activation behind it: the missed changes come from the log, then the customer.
        for (var i = 0; i < 5; i++)
        {
            var change = await reader.NextChangeAsync();
            Assert.Equal(current.Sequence + 2 + i, change.Sequence);
            Assert.Equal($"after-move-{i}", InteractionId(change));
        }

        Assert.Equal(current.Sequence + 6, (await reader.NextCurrentAsync()).Sequence);

        // And live again: the new activation knows the watcher now.
        await grain.RecordInteractionAsync(Samples.Purchase("live-again", 30));
        var live = await reader.NextChangeAsync();
        Assert.Equal(current.Sequence + 7, live.Sequence);
        Assert.NotNull(live.Customer);
    }

    [Fact]
    public async Task Resuming_after_a_sequence_reads_the_rest_from_the_log_then_the_customer()
    {
        await using var cluster = await TwoSiloCluster.StartAsync();
        var id = Samples.NewCustomerId();
        var grain = cluster.Grains.GetGrain<ICustomerGrain>(id);
        var created = long.Parse((await grain.CreateAsync(Samples.Profile())).Etag);
        for (var i = 0; i < 600; i++)
        {
            await grain.RecordInteractionAsync(Samples.Purchase($"h-{i}", i));
        }

        var watcherSilo = cluster.Other(await cluster.SiloOfAsync(id));
        await using var reader = new FeedReader(TwoSiloCluster.WatchingOn(watcherSilo).Open(id), afterSequence: created + 100);
        for (var sequence = created + 101; sequence <= created + 600; sequence++)
        {
            var change = await reader.NextChangeAsync();
            Assert.Equal(sequence, change.Sequence);
            Assert.Null(change.Customer);
        }

        Assert.Equal(created + 600, (await reader.NextCurrentAsync()).Sequence);
    }

    [Fact]
    public async Task A_feed_whose_queue_overflows_ends_with_fell_behind_at_its_last_delivered_sequence()
    {
        await using var cluster = await TwoSiloCluster.StartAsync();
        var id = Samples.NewCustomerId();
        var grain = cluster.Grains.GetGrain<ICustomerGrain>(id);
        await grain.CreateAsync(Samples.Profile());
        var feed = TwoSiloCluster.WatchingOn(cluster.Other(await cluster.SiloOfAsync(id))).Open(id);
        await using var reader = new FeedReader(feed);
        var current = await reader.NextCurrentAsync();

        // Nobody reads the feed while more commits than its queue holds (256) are written one by one.
        for (var i = 0; i < 300; i++)
        {
            await grain.RecordInteractionAsync(Samples.Purchase($"o-{i}", i));
        }

        // The commits reach the other silo as one-way messages: the last ones may still be on their way.
        for (var i = 0; i < 100 && !feed.FellBehind.IsCancellationRequested; i++)
        {
            await Task.Delay(100);
        }

        Assert.True(feed.FellBehind.IsCancellationRequested);
        var fell = await Assert.ThrowsAsync<WatcherFellBehindException>(() => reader.NextAsync());
        Assert.Equal(current.Sequence, fell.LastDelivered);

        // The feed unregistered itself when its queue overflowed.
        var watchers = await grain.CountWatchersAsync();
        for (var i = 0; i < 50 && watchers > 0; i++)
        {
            await Task.Delay(100);
            watchers = await grain.CountWatchersAsync();
        }

        Assert.Equal(0, watchers);
    }

    private static string InteractionId(FeedChange change)
    {
        using var json = JsonDocument.Parse(change.Event.PayloadJson);
        return json.RootElement.GetProperty("Interaction").GetProperty("InteractionId").GetString()!;
    }
}
