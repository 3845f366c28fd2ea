using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Errors;
using CustomerNeeds.Domain.Events;
using CustomerNeeds.Domain.Interactions;

namespace CustomerNeeds.Domain.Tests.Interactions;

public sealed class InteractionDecisionsTests
{
    private static Scenario Created()
    {
        var s = new Scenario();
        s.Create();
        return s;
    }

    [Fact]
    public void Purchases_feed_counters_buckets_and_rhythm()
    {
        var s = Created();
        s.Purchase(100m, Scenario.T0.AddDays(-20));
        s.Purchase(50.25m, Scenario.T0.AddDays(-10));
        s.Purchase(10m, Scenario.T0.AddDays(-10).AddHours(1));
        s.Record(s.NewInteraction(InteractionKind.Purchase)); // no amount: counts, adds nothing

        var a = s.State.Aggregates;
        Assert.Equal(4, a.InteractionCount);
        Assert.Equal(4, a.PurchaseCount);
        Assert.Equal(160.25m, a.LifetimeSpend);
        Assert.Equal(Scenario.T0.AddDays(-20), a.FirstPurchaseAt);
        Assert.Equal(Scenario.T0, a.LastPurchaseAt);
        Assert.Equal(20.0 / 3, a.MeanPurchaseGapDays()!.Value, 9);
        Assert.Equal(["2024-12-12", "2024-12-22", "2025-01-01"], a.PurchaseBuckets.Keys);
        Assert.Equal(new PurchaseBucket(2, 60.25m), a.PurchaseBuckets["2024-12-22"]);
        Assert.Equal(new PurchaseBucket(1, 0m), a.PurchaseBuckets["2025-01-01"]);
    }

    [Fact]
    public void Purchase_buckets_are_pruned_to_the_retention()
    {
        var s = Created();
        s.Purchase(1m, Scenario.T0);
        s.AtDay(730).Purchase(2m);
        Assert.Equal(2, s.State.Aggregates.PurchaseBuckets.Count);

        s.AtDay(731).Purchase(3m);
        Assert.Equal(["2027-01-01", "2027-01-02"], s.State.Aggregates.PurchaseBuckets.Keys);
        s.AtDay(731).Purchase(4m, Scenario.T0.AddDays(-1)); // backdated beyond retention: counted, not bucketed
        Assert.Equal(2, s.State.Aggregates.PurchaseBuckets.Count);
        Assert.Equal(4, s.State.Aggregates.PurchaseCount);
        Assert.Equal(10m, s.State.Aggregates.LifetimeSpend);
    }

    [Fact]
    public void Amounts_in_another_currency_are_refused()
    {
        var s = Created();
        var i = s.NewInteraction(InteractionKind.Purchase) with { Amount = new Money(10m, "USD") };
        var e = Assert.Throws<DomainValidationException>(() => s.Record(i));

        Assert.Equal(("interaction.amount.currency_code", "must be EUR, the service's currency"), (e.Fields[0].Field, e.Fields[0].Description));
        Assert.Equal(0, s.State.Aggregates.PurchaseCount);
    }

    [Fact]
    public void A_retry_with_the_same_content_records_nothing_and_different_content_is_a_conflict()
    {
        var s = Created();
        var i = s.NewInteraction() with { RelatedNeedIds = [] };
        s.Record(i);
        var version = s.State.Version;

        Assert.Empty(s.Record(i with { RelatedNeedIds = [] }));
        Assert.Equal(version, s.State.Version);
        var e = Assert.Throws<InteractionAlreadyExistsException>(() => s.Record(i with { Summary = "other" }));
        Assert.Equal(DomainErrorKind.AlreadyExists, e.Kind);
        Assert.Equal(1, s.State.Aggregates.InteractionCount);
    }

    public static TheoryData<Func<Interaction, Interaction>, string> BadInteractions() => new()
    {
        { i => i with { InteractionId = "" }, "interaction.interaction_id" },
        { i => i with { Channel = Channel.Unspecified }, "interaction.channel" },
        { i => i with { Kind = (InteractionKind)99 }, "interaction.kind" },
        { i => i with { Direction = Direction.Unspecified }, "interaction.direction" },
        { i => i with { OccurTime = default }, "interaction.occur_time" },
        { i => i with { OccurTime = Scenario.T0.AddMinutes(6) }, "interaction.occur_time" },
        { i => i with { Agent = new string('a', 201) }, "interaction.agent" },
        { i => i with { Summary = new string('a', 4001) }, "interaction.summary" },
        { i => i with { Amount = new Money(-1m, "EUR") }, "interaction.amount" },
        { i => i with { Csat = 0 }, "interaction.csat" },
        { i => i with { Csat = 6 }, "interaction.csat" },
        { i => i with { Nps = -1 }, "interaction.nps" },
        { i => i with { Nps = 11 }, "interaction.nps" },
        { i => i with { Sentiment = (Sentiment)9 }, "interaction.sentiment" },
        { i => i with { RelatedNeedIds = ["bad id"] }, "interaction.related_needs" },
        { i => i with { RelatedComplaintId = "" }, "interaction.related_complaint" },
        { i => i with { ReferredCustomerId = "c-1" }, "interaction.referred_customer" },
        { i => i with { ComplaintSeverity = (CustomerNeeds.Domain.Complaints.ComplaintSeverity)9 }, "interaction.complaint_severity" },
    };

    [Theory]
    [MemberData(nameof(BadInteractions))]
    public void Bad_interactions_name_the_field(Func<Interaction, Interaction> spoil, string field)
    {
        var s = Created();
        var e = Assert.Throws<DomainValidationException>(() => s.Record(spoil(s.NewInteraction())));
        Assert.Equal(field, Assert.Single(e.Fields).Field);
        Assert.Equal(2, s.State.Version);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(5, 5)]
    [InlineData(10, 5)]
    public void Scores_on_the_edges_are_accepted(int nps, int csat)
    {
        var s = Created();
        s.Contact(csat, nps, Scenario.T0.AddMinutes(5));
        Assert.Equal(csat, s.State.Aggregates.CsatSum);
        Assert.Equal(nps, s.State.Aggregates.LastNps);
    }

    [Fact]
    public void Related_needs_must_exist()
    {
        var s = Created();
        s.CreateNeed();
        s.Record(s.NewInteraction() with { RelatedNeedIds = ["n1"] });
        Assert.Throws<NeedNotFoundException>(() => s.Record(s.NewInteraction() with { RelatedNeedIds = ["n1", "n2"] }));
    }

    [Fact]
    public void Satisfaction_answers_are_tallied()
    {
        var s = Created();
        s.Contact(csat: 5, nps: 10, at: Scenario.T0.AddHours(-3));
        s.Contact(csat: 2, nps: 3, at: Scenario.T0.AddHours(-1));
        s.Contact(csat: 4, nps: 8, at: Scenario.T0.AddHours(-2)); // older than the latest NPS: not "last"

        var a = s.State.Aggregates;
        Assert.Equal((11L, 3L), (a.CsatSum, a.CsatCount));
        Assert.Equal((1L, 1L, 1L), (a.NpsPromoters, a.NpsPassives, a.NpsDetractors));
        Assert.Equal((3, Scenario.T0.AddHours(-1)), (a.LastNps, a.LastNpsAt));
        Assert.Equal([5, 4, 2], a.RecentCsat.Select(c => c.Score));
    }

    [Fact]
    public void The_csat_series_keeps_the_latest_ten()
    {
        var s = Created();
        for (var i = 1; i <= 12; i++)
        {
            s.Contact(csat: i % 5 + 1, at: Scenario.T0.AddMinutes(-100 + i));
        }

        var series = s.State.Aggregates.RecentCsat;
        Assert.Equal(10, series.Count);
        Assert.Equal(Scenario.T0.AddMinutes(-97), series[0].At);
        Assert.Equal(Scenario.T0.AddMinutes(-88), series[^1].At);
        Assert.Equal(12, s.State.Aggregates.CsatCount);
    }

    [Fact]
    public void Recent_interactions_are_the_latest_twenty_newest_first()
    {
        var s = Created();
        for (var i = 0; i < 25; i++)
        {
            s.Record(s.NewInteraction(at: Scenario.T0.AddMinutes(-i * 2)));
        }

        s.Record(s.NewInteraction(at: Scenario.T0.AddMinutes(-3))); // i26 slots between i2 (-2) and i3 (-4)
        s.Record(s.NewInteraction(at: Scenario.T0.AddDays(-5)));   // i27 older than all kept: dropped

        var recent = s.State.RecentInteractions;
        Assert.Equal(20, recent.Count);
        Assert.Equal(["i1", "i2", "i26", "i3"], recent.Take(4).Select(x => x.InteractionId));
        Assert.Equal("i19", recent[^1].InteractionId);
        Assert.Equal(27, s.State.Aggregates.InteractionCount);
        Assert.Equal(Scenario.T0, s.State.Aggregates.LastInteractionAt);
    }

    [Fact]
    public void Referrals_are_counted()
    {
        var s = Created();
        s.Contact(referred: "c-2");
        s.Contact(referred: "c-3");
        Assert.Equal(2, s.State.Loyalty.ReferralCount);
    }

    [Fact]
    public void Complaints_are_limited_per_customer()
    {
        var s = Created();
        for (var i = 0; i < CustomerState.MaxOpenComplaints; i++)
        {
            s.Complain();
        }

        Assert.Throws<LimitExceededException>(() => s.Complain());
        Assert.Equal(100, s.State.OpenComplaints.Count);
        Assert.Equal(CustomerAggregates.MaxRecentComplaints, s.State.Aggregates.RecentComplaintTimes.Count);
    }

    [Fact]
    public void Recording_for_a_missing_customer_is_not_found()
    {
        var s = new Scenario();
        Assert.Throws<CustomerNotFoundException>(() => s.Record(s.NewInteraction()));
    }
}
