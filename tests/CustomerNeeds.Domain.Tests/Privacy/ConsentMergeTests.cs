using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Events;
using CustomerNeeds.Domain.Merging;
using CustomerNeeds.Domain.Privacy;

namespace CustomerNeeds.Domain.Tests.Privacy;

/// <summary>A merge keeps the consents of both customers (docs/privacy.md, Consent).</summary>
public sealed class ConsentMergeTests
{
    [Fact]
    public void The_target_takes_the_source_consents_and_of_a_purpose_both_decided_the_later_recorded_decision()
    {
        var t0 = Scenario.T0;
        var source = new Scenario();
        source.Create();
        source.AtDay(1).Run(st => ConsentDecisions.Decide(st, new SetConsent("marketing-email", ConsentStatus.Granted, null, "webshop"), source.Now));
        source.AtDay(3).Run(st => ConsentDecisions.Decide(st, new SetConsent("marketing-email", ConsentStatus.Revoked, null, "call-center"), source.Now));
        source.Run(st => ConsentDecisions.Decide(st, new SetConsent("profiling", ConsentStatus.Denied, null, "app"), source.Now));
        source.AtDay(1).Run(st => ConsentDecisions.Decide(st, new SetConsent("surveys", ConsentStatus.Granted, null, "old"), source.Now));
        source.State.Id = "c-0";
        source.AtDay(5).Run(st => MergeDecisions.Seal(st, "c-1", "agent", source.Now));

        var target = new Scenario();
        target.Create();
        target.AtDay(2).Run(st => ConsentDecisions.Decide(st, new SetConsent("marketing-email", ConsentStatus.Granted, null, "app"), target.Now));
        target.AtDay(4).Run(st => ConsentDecisions.Decide(st, new SetConsent("surveys", ConsentStatus.Denied, null, "new"), target.Now));

        var absorbed = Assert.IsType<CustomerAbsorbed>(target.AtDay(6).Run(st => MergeDecisions.Absorb(st, source.State, "agent", target.Now, target.Policy))[0]);

        Assert.Equal(3, absorbed.Consents!.Count);
        var consents = target.State.Consents;
        Assert.Equal(["marketing-email", "profiling", "surveys"], consents.Keys);
        Assert.Equal(
            new Consent("marketing-email", ConsentStatus.Revoked, t0.AddDays(2), null, t0.AddDays(3), "call-center", t0.AddDays(3)),
            consents["marketing-email"]);
        Assert.Equal(source.State.Consents["profiling"], consents["profiling"]);
        Assert.Equal(
            new Consent("surveys", ConsentStatus.Denied, t0.AddDays(1), t0.AddDays(4), null, "new", t0.AddDays(4)),
            consents["surveys"]);
    }

    [Fact]
    public void An_absorption_recorded_before_consents_existed_replays_without_consents()
    {
        const string stored = """
            {"$type":"customer-absorbed","SourceCustomerId":"c-0","SourceSequence":3,"Needs":[],"OpenComplaints":[],"Aggregates":{},"ReferralCount":0,"RecentInteractions":[],"RecentRecordTimes":{},"KanoAnswers":[],"HistoryCustomerIds":["c-0"],"Actor":"agent","OccurredAt":"2025-01-01T12:00:00+00:00"}
            """;
        var e = Assert.IsType<CustomerAbsorbed>(CustomerEventJson.Deserialize(stored));
        var state = States.Existing();

        CustomerEvolution.Apply(state, e);

        Assert.Null(e.Consents);
        Assert.Empty(state.Consents);
        Assert.Equal(["c-0"], state.AbsorbedCustomerIds);
    }
}
