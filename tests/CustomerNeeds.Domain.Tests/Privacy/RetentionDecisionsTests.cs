using System.Text.Json;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Events;
using CustomerNeeds.Domain.Interactions;
using CustomerNeeds.Domain.Privacy;

namespace CustomerNeeds.Domain.Tests.Privacy;

public sealed class RetentionDecisionsTests
{
    private static readonly DateTimeOffset Cutoff = Scenario.T0.AddDays(-30);

    private static Scenario WithHistory()
    {
        var s = new Scenario();
        s.Create(new CustomerProfile { DisplayName = "Acme", ContactPersons = [new ContactPerson { Name = "Bea" }] });
        s.Record(s.NewInteraction(InteractionKind.Feedback, Cutoff.AddDays(-10)) with { Csat = 2, Nps = 3, Sentiment = Sentiment.Negative, ContactPerson = "Bea" });
        s.Purchase(120m, Cutoff.AddDays(-1));
        s.Purchase(30m, Cutoff.AddDays(1));
        return s;
    }

    [Fact]
    public void Interactions_before_the_cutoff_lose_summary_and_contact_person_and_keep_everything_else()
    {
        var s = WithHistory();
        var aggregates = JsonSerializer.Serialize(s.State.Aggregates);
        var loyalty = JsonSerializer.Serialize(s.State.Loyalty);
        var before = s.State.RecentInteractions.ToDictionary(i => i.InteractionId);

        var events = s.Run(state => RetentionDecisions.Decide(state, Cutoff, Scenario.T0));

        var e = Assert.IsType<InteractionsAnonymised>(Assert.Single(events));
        Assert.Equal((Cutoff, 2, Scenario.T0), (e.Cutoff, e.Count, e.OccurredAt));
        foreach (var i in s.State.RecentInteractions)
        {
            var was = before[i.InteractionId];
            var expected = i.OccurTime < Cutoff ? was with { Summary = "", ContactPerson = null } : was;
            Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(i));
        }

        Assert.Equal(aggregates, JsonSerializer.Serialize(s.State.Aggregates));
        Assert.Equal(loyalty, JsonSerializer.Serialize(s.State.Loyalty));
        Assert.Equal("Purchase", s.State.RecentInteractions.Single(i => i.OccurTime > Cutoff).Summary);
    }

    [Fact]
    public void A_second_decision_changes_nothing()
    {
        var s = WithHistory();
        s.Run(state => RetentionDecisions.Decide(state, Cutoff, Scenario.T0));

        Assert.Empty(RetentionDecisions.Decide(s.State, Cutoff, Scenario.T0));
    }

    [Fact]
    public void Nothing_is_decided_without_old_personal_data_or_for_a_cutoff_in_the_future()
    {
        var s = new Scenario();
        s.Create();
        s.Record(s.NewInteraction(at: Cutoff.AddDays(-1)) with { Summary = "" });

        Assert.Empty(RetentionDecisions.Decide(s.State, Cutoff, Scenario.T0));
        Assert.Empty(RetentionDecisions.Decide(s.State, Scenario.T0.AddDays(1), Scenario.T0));
        Assert.Empty(RetentionDecisions.Decide(new CustomerState(), Cutoff, Scenario.T0));
    }

    [Fact]
    public void Replaying_the_log_gives_the_same_stripped_state()
    {
        var s = WithHistory();
        s.Run(state => RetentionDecisions.Decide(state, Cutoff, Scenario.T0));

        var replayed = CustomerEvolution.Replay(s.Events.Select(e => CustomerEventJson.Deserialize(CustomerEventJson.Serialize(e))));

        Assert.Equal(Scenario.Json(s.State), Scenario.Json(replayed));
    }
}
