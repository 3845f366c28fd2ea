using System.Globalization;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CustomerNeeds.Api.Tests.Watching;

/// <summary>WatchCustomer through the real server: the customer, then every committed change in order; resume; errors.</summary>
[Collection(ApiCollection.Name)]
public sealed class WatchCustomerTests(ServerFixture fixture)
{
    private readonly ApiClients api = fixture.Clients;

    [Fact]
    public async Task A_new_watch_gets_the_customer_then_each_committed_change_with_the_customer_after_it()
    {
        var (id, created) = await api.CreateCustomerAsync();
        using var call = api.Watch(id);

        var s0 = WatchCalls.SequenceOf(created);
        var current = await call.NextCurrentAsync();
        Assert.Equal(s0, current.Sequence);
        Assert.Equal(created.DisplayName, current.Customer.DisplayName);
        Assert.Equal(created.Etag, current.Customer.Etag);

        await api.RecordAsync(id, TestData.Inquiry("w-1", TestData.At(TimeSpan.FromHours(1))));
        var renamed = await api.Customers.UpdateCustomerAsync(new UpdateCustomerRequest
        {
            Customer = new Customer { Name = TestData.CustomerName(id), DisplayName = "Anna Watched" },
            UpdateMask = new FieldMask { Paths = { "display_name" } },
        });
        var need = await api.Needs.CreateNeedAsync(new CreateNeedRequest { Parent = TestData.CustomerName(id), Need = TestData.Need("Faster delivery", 4, 3), Actor = "agent:eva" });

        var recorded = await call.NextChangeAsync();
        Assert.Equal(s0 + 1, recorded.Sequence);
        Assert.Equal("w-1", WatchCalls.InteractionId(recorded));
        Assert.Equal("interaction-recorded", recorded.Event.Fields["$type"].StringValue);
        Assert.Equal(1, recorded.Customer.Lifetime.InteractionCount);

        var profile = await call.NextChangeAsync();
        Assert.Equal(s0 + 2, profile.Sequence);
        Assert.Equal("profile-updated", profile.EventType);
        Assert.Equal("Anna Watched", profile.Customer.DisplayName);
        Assert.Equal(renamed.Etag, profile.Customer.Etag);

        var needCreated = await call.NextChangeAsync();
        Assert.Equal(s0 + 3, needCreated.Sequence);
        Assert.Equal("need-created", needCreated.EventType);
        Assert.Equal(need.Title, needCreated.Event.Fields["Fields"].StructValue.Fields["Title"].StringValue);
        Assert.NotNull(needCreated.RecordTime);
    }

    [Fact]
    public async Task Concurrent_writers_are_seen_once_each_in_commit_order()
    {
        const int count = 300;
        var (id, created) = await api.CreateCustomerAsync();
        var s0 = WatchCalls.SequenceOf(created);
        using var call = api.Watch(id);
        Assert.Equal(s0, (await call.NextCurrentAsync()).Sequence);

        await Calls.ForAllAsync(count, 24, i =>
            api.RecordAsync(id, TestData.Inquiry($"cw-{i}", TestData.AtMs(i * 1000L))));

        var seen = new List<string>();
        var withCustomer = 0;
        for (var sequence = s0 + 1; sequence <= s0 + count; sequence++)
        {
            var change = await call.NextChangeAsync();
            Assert.Equal(sequence, change.Sequence);
            if (change.Customer is { } customer)
            {
                Assert.Equal(change.Sequence, WatchCalls.SequenceOf(customer));
                withCustomer++;
            }

            seen.Add(WatchCalls.InteractionId(change));
        }

        // The last change of every commit carries the customer; the writes were committed in groups.
        Assert.InRange(withCustomer, 1, count);

        Assert.Equal(Enumerable.Range(0, count).Select(i => $"cw-{i}").Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        var stored = await api.GetCustomerAsync(id);
        Assert.Equal(s0 + count, WatchCalls.SequenceOf(stored));
    }

    [Fact]
    public async Task A_resumed_watch_gets_the_missed_changes_without_gap_or_duplicate_then_the_customer_then_live_changes()
    {
        var (id, created) = await api.CreateCustomerAsync();
        var s0 = WatchCalls.SequenceOf(created);
        long last;
        using (var first = api.Watch(id))
        {
            await first.NextCurrentAsync();
            await api.RecordAsync(id, TestData.Inquiry("r-1", TestData.AtMs(1000)));
            await api.RecordAsync(id, TestData.Inquiry("r-2", TestData.AtMs(2000)));
            last = (await first.NextChangeAsync()).Sequence;
            Assert.Equal(s0 + 1, last);
        }

        for (var i = 3; i <= 12; i++)
        {
            await api.RecordAsync(id, TestData.Inquiry($"r-{i}", TestData.AtMs(i * 1000L)));
        }

        using var resumed = api.Watch(id, afterSequence: last);
        for (var sequence = s0 + 2; sequence <= s0 + 12; sequence++)
        {
            var change = await resumed.NextChangeAsync();
            Assert.Equal(sequence, change.Sequence);
            Assert.Equal($"r-{sequence - s0}", WatchCalls.InteractionId(change));
            Assert.Null(change.Customer);
        }

        var current = await resumed.NextCurrentAsync();
        Assert.Equal(s0 + 12, current.Sequence);
        Assert.Equal(12, current.Customer.Lifetime.InteractionCount);

        await api.RecordAsync(id, TestData.Inquiry("r-13", TestData.AtMs(13_000)));
        var live = await resumed.NextChangeAsync();
        Assert.Equal(s0 + 13, live.Sequence);
        Assert.Equal("r-13", WatchCalls.InteractionId(live));
        Assert.NotNull(live.Customer);
    }

    [Fact]
    public async Task Resuming_at_the_last_sequence_sends_only_the_customer_and_resuming_from_zero_replays_the_whole_log()
    {
        var (id, created) = await api.CreateCustomerAsync();
        var s0 = WatchCalls.SequenceOf(created);
        await api.RecordAsync(id, TestData.Inquiry("z-1", TestData.AtMs(1000)));

        using (var atLast = api.Watch(id, afterSequence: s0 + 1))
        {
            Assert.Equal(s0 + 1, (await atLast.NextCurrentAsync()).Sequence);
        }

        using var fromStart = api.Watch(id, afterSequence: 0);
        var first = await fromStart.NextChangeAsync();
        Assert.Equal(1, first.Sequence);
        Assert.Equal("customer-created", first.EventType);
        for (var sequence = 2; sequence <= s0 + 1; sequence++)
        {
            Assert.Equal(sequence, (await fromStart.NextChangeAsync()).Sequence);
        }

        Assert.Equal(s0 + 1, (await fromStart.NextCurrentAsync()).Sequence);
    }

    [Fact]
    public async Task Bad_requests_get_exact_statuses()
    {
        var (id, created) = await api.CreateCustomerAsync();
        var s0 = WatchCalls.SequenceOf(created);

        await RpcAssert.InvalidAsync(() => FirstItemAsync(new WatchCustomerRequest { Name = "clients/x" }), "name");
        await RpcAssert.InvalidAsync(() => FirstItemAsync(new WatchCustomerRequest { Name = TestData.CustomerName(id), AfterSequence = -1 }), "after_sequence");
        var beyond = await RpcAssert.InvalidAsync(() => FirstItemAsync(new WatchCustomerRequest { Name = TestData.CustomerName(id), AfterSequence = s0 + 1 }), "after_sequence");
        Assert.Contains($"last sequence {s0}", RpcAssert.Violations(beyond)[0].Description, StringComparison.Ordinal);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => FirstItemAsync(new WatchCustomerRequest { Name = TestData.CustomerName(TestData.NewCustomerId()) }));
    }

    [Fact]
    public async Task A_cancelled_watch_ends_with_cancelled_and_a_new_watch_works()
    {
        var (id, created) = await api.CreateCustomerAsync();
        var s0 = WatchCalls.SequenceOf(created);
        using var cancel = new CancellationTokenSource();
        using (var call = api.Customers.WatchCustomer(new WatchCustomerRequest { Name = TestData.CustomerName(id) }, cancellationToken: cancel.Token))
        {
            await call.NextCurrentAsync();
            await cancel.CancelAsync();
            await RpcAssert.FailsAsync(StatusCode.Cancelled, () => call.ResponseStream.MoveNext(CancellationToken.None));
        }

        await api.RecordAsync(id, TestData.Inquiry("after-cancel", TestData.AtMs(1000)));
        using var again = api.Watch(id);
        Assert.Equal(s0 + 1, (await again.NextCurrentAsync()).Sequence);
    }

    private async Task FirstItemAsync(WatchCustomerRequest request)
    {
        using var call = api.Customers.WatchCustomer(request, deadline: Calls.Deadline(30));
        await call.ResponseStream.MoveNext(CancellationToken.None);
    }
}
