using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;

namespace CustomerNeeds.Api.Tests.Rpc;

/// <summary>The output-only summaries GetCustomer carries.</summary>
[Collection(ApiCollection.Name)]
public sealed class CustomerSummaryTests(ServerFixture fixture)
{
    private readonly ApiClients api = fixture.Clients;

    [Fact]
    public async Task Satisfaction_summary_counts_csat_and_nps_by_category()
    {
        var (id, _) = await api.CreateCustomerAsync();
        var answers = new (int? Csat, int? Nps)[] { (5, 10), (4, null), (3, 8), (null, 9), (null, 3) };
        for (var i = 0; i < answers.Length; i++)
        {
            await api.RecordAsync(id, TestData.Survey($"s-{i}", TestData.At(TimeSpan.FromHours(i)), answers[i].Csat, answers[i].Nps));
        }

        // An older NPS answer recorded last must not become last_nps.
        await api.RecordAsync(id, TestData.Survey("s-old", TestData.At(TimeSpan.FromHours(-5)), csat: null, nps: 7));

        var s = (await api.GetCustomerAsync(id)).Satisfaction;
        Assert.Equal(3, s.CsatCount);
        Assert.Equal(4.0, s.CsatMean, 6);
        Assert.Equal(2, s.NpsPromoters);
        Assert.Equal(2, s.NpsPassives);
        Assert.Equal(1, s.NpsDetractors);
        Assert.Equal((2 - 1) * 100.0 / 5, s.NpsScore, 6);
        Assert.True(s.HasLastNps);
        Assert.Equal(3, s.LastNps);
        Assert.Equal(TestData.At(TimeSpan.FromHours(4)), s.LastNpsTime);
    }

    [Fact]
    public async Task A_customer_without_answers_has_empty_satisfaction()
    {
        var (id, _) = await api.CreateCustomerAsync();
        var s = (await api.GetCustomerAsync(id)).Satisfaction ?? new SatisfactionSummary();
        Assert.Equal(0, s.CsatCount);
        Assert.Equal(0, s.CsatMean);
        Assert.Equal(0, s.NpsScore);
        Assert.False(s.HasLastNps);
        Assert.Null(s.LastNpsTime);
    }

    [Fact]
    public async Task Recent_interactions_are_the_20_newest_like_the_first_page_of_the_listing()
    {
        var (id, _) = await api.CreateCustomerAsync();
        // 25 interactions recorded in a shuffled order of occur time.
        var order = Enumerable.Range(0, 25).OrderBy(i => (i * 7) % 25).ToArray();
        foreach (var i in order)
        {
            await api.RecordAsync(id, TestData.Inquiry($"i-{i:D2}", TestData.At(TimeSpan.FromMinutes(i))));
        }

        var customer = await api.GetCustomerAsync(id);
        Assert.Equal(20, customer.RecentInteractions.Count);
        Assert.Equal(Enumerable.Range(5, 20).Reverse().Select(i => $"i-{i:D2}"), customer.RecentInteractions.Select(i => i.InteractionId));

        var firstPage = await api.Interactions.ListInteractionsAsync(
            new ListInteractionsRequest { Parent = TestData.CustomerName(id), PageSize = 20 }, deadline: Calls.Deadline());
        Assert.Equal(firstPage.Interactions, customer.RecentInteractions);
        Assert.Equal(25, customer.Lifetime.InteractionCount);
    }

    [Fact]
    public async Task Lifetime_counters_count_every_kind()
    {
        var (id, _) = await api.CreateCustomerAsync();
        await api.RecordAsync(id, TestData.Purchase("p-1", TestData.At(TimeSpan.FromHours(1)), TestData.Eur(10, 500_000_000)));
        await api.RecordAsync(id, TestData.Purchase("p-2", TestData.At(TimeSpan.FromHours(2)), TestData.Eur(20, 250_000_000)));
        await api.RecordAsync(id, TestData.Purchase("p-3", TestData.At(TimeSpan.FromHours(3)), TestData.Eur(0)));
        await api.RecordAsync(id, TestData.Complaint("c-1", TestData.At(TimeSpan.FromHours(4))));
        await api.RecordAsync(id, TestData.Complaint("c-2", TestData.At(TimeSpan.FromHours(5)), ComplaintSeverity.Low));
        await api.RecordAsync(id, TestData.Inquiry("q-1", TestData.At(TimeSpan.FromHours(6))));
        await api.RecordAsync(id, new Interaction
        {
            InteractionId = "r-1",
            Channel = InteractionChannel.SocialMedia,
            Kind = InteractionKind.Referral,
            Direction = InteractionDirection.Inbound,
            OccurTime = TestData.At(TimeSpan.FromHours(7)),
        });

        var customer = await api.GetCustomerAsync(id);
        var lifetime = customer.Lifetime;
        Assert.Equal(7, lifetime.InteractionCount);
        Assert.Equal(3, lifetime.PurchaseCount);
        Assert.Equal(TestData.Eur(30, 750_000_000), lifetime.LifetimeSpend);
        Assert.Equal(2, lifetime.ComplaintCount);
        Assert.Equal(1, lifetime.ReferralCount);
        Assert.Equal(2, customer.OpenComplaintCount);
        Assert.Equal(7, customer.RecentInteractions.Count);
    }

    [Fact]
    public async Task Top_needs_are_at_most_5_open_needs_by_priority_without_history()
    {
        var (id, _) = await api.CreateCustomerAsync();
        var created = new List<Need>();
        foreach (var (importance, urgency) in new[] { (1, 1), (5, 5), (2, 2), (4, 4), (3, 3), (2, 3), (5, 4) })
        {
            created.Add(await api.Needs.CreateNeedAsync(new CreateNeedRequest
            {
                Parent = TestData.CustomerName(id),
                Need = TestData.Need($"need {importance}/{urgency}", importance, urgency),
                Actor = "agent:anna",
            }, deadline: Calls.Deadline()));
        }

        // Withdraw the most pressing one: it leaves the top needs.
        await api.Needs.UpdateNeedAsync(NeedServiceTests.StatusChange(created[1], NeedStatus.Withdrawn), deadline: Calls.Deadline());

        var customer = await api.GetCustomerAsync(id);
        Assert.Equal(5, customer.TopNeeds.Count);
        Assert.DoesNotContain(customer.TopNeeds, n => n.Name == created[1].Name);
        Assert.All(customer.TopNeeds, n => Assert.Empty(n.History));
        Assert.All(customer.TopNeeds, n => Assert.NotEqual(NeedStatus.Withdrawn, n.Status));

        var open = new ListNeedsRequest { Parent = TestData.CustomerName(id) };
        open.Statuses.Add([NeedStatus.Identified, NeedStatus.Analysed, NeedStatus.Planned, NeedStatus.InProgress]);
        var listed = await api.ListAllNeedsAsync(open);
        Assert.Equal(listed.Take(5).Select(n => n.Name), customer.TopNeeds.Select(n => n.Name));
        Assert.Equal((5, 4), (customer.TopNeeds[0].Importance, customer.TopNeeds[0].Urgency));
    }

    [Fact]
    public async Task The_etag_and_update_time_change_when_an_interaction_is_recorded()
    {
        var (id, created) = await api.CreateCustomerAsync();
        await api.RecordAsync(id, TestData.Inquiry("i-1", TestData.At(TimeSpan.FromHours(1))));
        var after = await api.GetCustomerAsync(id);
        Assert.NotEqual(created.Etag, after.Etag);
        Assert.True(after.UpdateTime >= created.UpdateTime);
    }
}
