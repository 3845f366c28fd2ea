using CustomerNeeds.Domain.Complaints;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Errors;
using CustomerNeeds.Domain.Events;
using CustomerNeeds.Domain.Merging;

namespace CustomerNeeds.Domain.Tests;

/// <summary>The seal and the absorption of a merge (docs/merge.md).</summary>
public sealed class MergeDecisionsTests
{
    /// <summary>A customer <paramref name="id"/> with needs n1 and "price-level", an open complaint k1 and a purchase of 50, sealed into <paramref name="targetId"/>.</summary>
    public static CustomerState SealedSource(string id, string targetId)
    {
        var s = new Scenario();
        s.Create(new CustomerProfile { DisplayName = "Acme (old record)" });
        s.CreateNeed();
        s.CreateNeed("price-level", title: "Cheaper");
        s.AtDay(1).Purchase(50m);
        s.Contact(csat: 4, nps: 10);
        s.Complain(ComplaintSeverity.High);
        s.State.Id = id;
        s.AtDay(2).Run(st => MergeDecisions.Seal(st, targetId, "agent:mia", s.Now));
        return s.State;
    }

    [Fact]
    public void A_seal_names_the_target_and_the_complaints_that_move_and_is_decided_once()
    {
        var s = new Scenario();
        s.Create();
        s.Complain();

        var sealedEvent = Assert.IsType<CustomerMergedInto>(Assert.Single(s.Run(st => MergeDecisions.Seal(st, "c-2", "agent", s.Now))));

        Assert.Equal("c-2", sealedEvent.TargetCustomerId);
        Assert.Equal(["k1"], sealedEvent.MovedComplaintIds);
        Assert.Equal("c-2", s.State.MergedInto);
        Assert.Empty(MergeDecisions.Seal(s.State, "c-2", "agent", s.Now));
        Assert.Throws<MergeRefusedException>(() => MergeDecisions.Seal(s.State, "c-3", "agent", s.Now));
    }

    [Fact]
    public void A_customer_cannot_be_sealed_into_itself_or_into_one_it_absorbed()
    {
        var s = new Scenario();
        s.Create();
        var invalid = Assert.Throws<DomainValidationException>(() => MergeDecisions.Seal(s.State, "c-1", "agent", s.Now));
        Assert.Equal("target", Assert.Single(invalid.Fields).Field);

        s.Run(st => MergeDecisions.Absorb(st, SealedSource("c-0", "c-1"), "agent", s.Now, s.Policy));
        Assert.Throws<MergeRefusedException>(() => MergeDecisions.Seal(s.State, "c-0", "agent", s.Now));
    }

    [Fact]
    public void The_target_absorbs_needs_complaints_and_figures_with_provenance_once()
    {
        var s = new Scenario();
        s.Create();
        s.CreateNeed(title: "Own need");
        s.Purchase(20m);
        s.Complain();
        var source = SealedSource("c-0", "c-1");

        var events = s.AtDay(3).Run(st => MergeDecisions.Absorb(st, source, "agent", s.Now, s.Policy));

        var absorbed = Assert.IsType<CustomerAbsorbed>(events[0]);
        Assert.Equal(source.Version, absorbed.SourceSequence);
        var st = s.State;
        Assert.Equal(["n1", "n2", "price-level"], st.Needs.Keys);
        Assert.Equal("Own need", st.Needs["n1"].Title);
        Assert.Null(st.Needs["n1"].MergedFrom);
        Assert.Equal(new MergedFrom("c-0", "n1"), st.Needs["n2"].MergedFrom);
        Assert.Equal(new MergedFrom("c-0", "price-level"), st.Needs["price-level"].MergedFrom);
        Assert.Equal(["k1", "k2"], st.OpenComplaints.Keys);
        Assert.Equal(new MergedFrom("c-0", "k1"), st.OpenComplaints["k2"].MergedFrom);
        Assert.Equal(ComplaintSeverity.High, st.OpenComplaints["k2"].Severity);
        Assert.Equal(3, st.NextNeedNumber);
        Assert.Equal(3, st.NextComplaintNumber);
        Assert.Equal(2, st.Aggregates.PurchaseCount);
        Assert.Equal(70m, st.Aggregates.LifetimeSpend);
        Assert.Equal(2 + 3, st.Aggregates.InteractionCount);
        Assert.Equal(2, st.Aggregates.ComplaintCount);
        Assert.Equal(1, st.Aggregates.CsatCount);
        Assert.Equal(1, st.Aggregates.NpsPromoters);
        // Both scenarios number their interactions i1, i2, ...: an id both hold keeps the target's.
        Assert.Equal(["i1", "i2", "i3"], st.RecentInteractions.Select(i => i.InteractionId).Order(StringComparer.Ordinal));
        Assert.Equal(["c-0"], st.AbsorbedCustomerIds);

        Assert.Empty(MergeDecisions.Absorb(st, source, "agent", s.Now, s.Policy));
    }

    [Fact]
    public void Only_a_source_sealed_into_the_target_or_into_one_it_absorbed_is_absorbed()
    {
        var s = new Scenario();
        s.Create();
        Assert.Throws<MergeRefusedException>(() => MergeDecisions.Absorb(s.State, SealedSource("c-0", "c-9"), "agent", s.Now, s.Policy));

        s.Run(st => MergeDecisions.Absorb(st, SealedSource("c-0", "c-1"), "agent", s.Now, s.Policy));
        // c-5 was sealed into c-0 but absorbed late, after c-0 itself was merged here: it lands here.
        s.Run(st => MergeDecisions.Absorb(st, SealedSource("c-5", "c-0"), "agent", s.Now, s.Policy));
        Assert.Equal(["c-0", "c-5"], s.State.AbsorbedCustomerIds);
    }
}
