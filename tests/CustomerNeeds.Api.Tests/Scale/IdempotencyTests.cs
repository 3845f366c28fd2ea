using System.Collections.Concurrent;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;

namespace CustomerNeeds.Api.Tests.Scale;

/// <summary>RecordInteraction is idempotent by interaction_id: a replay returns the stored result and records nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class IdempotencyTests(ServerFixture fixture)
{
    private readonly ApiClients api = fixture.Clients;

    [Fact]
    public async Task The_same_interaction_twice_is_replayed_and_stored_once()
    {
        var (id, _) = await api.CreateCustomerAsync();
        var input = TestData.Purchase("i-1", TestData.At(TimeSpan.FromHours(1)), TestData.Eur(42, 100_000_000));
        input.Csat = 5;

        var first = await api.RecordAsync(id, input);
        var before = await api.GetCustomerAsync(id);
        var second = await api.RecordAsync(id, input);

        Assert.False(first.Replayed);
        Assert.True(second.Replayed);
        Assert.Equal(first.Interaction, second.Interaction); // including the original record_time
        Assert.Equal(first.OpenedComplaint, second.OpenedComplaint);

        var after = await api.GetCustomerAsync(id);
        TestData.AssertUnchanged(before, after);
        Assert.Equal(1, after.Lifetime.InteractionCount);
        Assert.Equal(1, after.Lifetime.PurchaseCount);
        Assert.Equal(TestData.Eur(42, 100_000_000), after.Lifetime.LifetimeSpend);
        Assert.Equal(1, after.Satisfaction.CsatCount);
        Assert.Single(await api.ListAllInteractionsAsync(id));
        Assert.Equal(1, await Calls.CountInteractionRowsAsync(fixture.Database.DataSource, id));
    }

    [Fact]
    public async Task A_replayed_complaint_names_the_case_it_opened_and_opens_no_second_one()
    {
        var (id, _) = await api.CreateCustomerAsync();
        var input = TestData.Complaint("i-c", TestData.At(TimeSpan.FromHours(1)));

        var first = await api.RecordAsync(id, input);
        var second = await api.RecordAsync(id, input);

        Assert.NotEmpty(first.OpenedComplaint);
        Assert.True(second.Replayed);
        Assert.Equal(first.OpenedComplaint, second.OpenedComplaint);
        Assert.Equal(first.Interaction, second.Interaction);
        var complaints = await api.ListAllComplaintsAsync(new ListComplaintsRequest { Parent = TestData.CustomerName(id) });
        Assert.Equal(first.OpenedComplaint, Assert.Single(complaints).Name);
        var customer = await api.GetCustomerAsync(id);
        Assert.Equal(1, customer.OpenComplaintCount);
        Assert.Equal(1, customer.Lifetime.ComplaintCount);
    }

    [Fact]
    public async Task A_replay_after_later_interactions_still_returns_the_original()
    {
        var (id, _) = await api.CreateCustomerAsync();
        var input = TestData.Inquiry("i-0", TestData.At(TimeSpan.Zero));
        var first = await api.RecordAsync(id, input);
        for (var i = 1; i <= 30; i++)
        {
            await api.RecordAsync(id, TestData.Inquiry($"i-{i}", TestData.At(TimeSpan.FromMinutes(i))));
        }

        // i-0 is no longer among the 20 recent interactions the grain keeps in memory.
        var replay = await api.RecordAsync(id, input);
        Assert.True(replay.Replayed);
        Assert.Equal(first.Interaction, replay.Interaction);
        Assert.Equal(31, (await api.GetCustomerAsync(id)).Lifetime.InteractionCount);

        var changed = input.Clone();
        changed.Agent = "agent:someone-else";
        await RpcAssert.FailsAsync(Grpc.Core.StatusCode.AlreadyExists, () => api.RecordAsync(id, changed));
    }

    [Fact]
    public async Task A_thousand_interactions_each_sent_twice_concurrently_are_stored_exactly_once()
    {
        const int count = 1000;
        var (id, _) = await api.CreateCustomerAsync();
        var inputs = Enumerable.Range(0, count)
            .Select(i => TestData.Inquiry($"i-{i:D4}", TestData.AtMs(i * 1000L), (InteractionChannel)(1 + (i % 10))))
            .ToArray();

        var responses = new ConcurrentBag<(int Index, RecordInteractionResponse Response)>();
        // Both copies of each interaction are in flight together: indices 2i and 2i+1 carry interaction i.
        await Calls.ForAllAsync(2 * count, 64, async k =>
        {
            var index = k / 2;
            responses.Add((index, await api.RecordAsync(id, inputs[index])));
        });

        Assert.Equal(2 * count, responses.Count);
        foreach (var group in responses.GroupBy(r => r.Index))
        {
            var pair = group.ToArray();
            Assert.Equal(2, pair.Length);
            Assert.Equal(1, pair.Count(p => !p.Response.Replayed));
            Assert.Equal(pair[0].Response.Interaction, pair[1].Response.Interaction);
        }

        var listed = await api.ListAllInteractionsAsync(id, pageSize: 250);
        Assert.Equal(count, listed.Count);
        Assert.Equal(count, listed.Select(i => i.InteractionId).Distinct().Count());
        Calls.AssertNewestFirst(listed);
        Assert.Equal(count, (await api.GetCustomerAsync(id)).Lifetime.InteractionCount);
        Assert.Equal(count, await Calls.CountInteractionRowsAsync(fixture.Database.DataSource, id));
    }
}
