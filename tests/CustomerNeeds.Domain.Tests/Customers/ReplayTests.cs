using System.Text.Json;
using CustomerNeeds.Domain.Complaints;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Events;
using CustomerNeeds.Domain.Interactions;
using CustomerNeeds.Domain.Kano;
using CustomerNeeds.Domain.Loyalty;
using CustomerNeeds.Domain.Merging;
using CustomerNeeds.Domain.Needs;
using CustomerNeeds.Domain.Privacy;

namespace CustomerNeeds.Domain.Tests.Customers;

public sealed class ReplayTests
{
    /// <summary>A customer's busy first year, through every kind of decision.</summary>
    public static Scenario BusyYear()
    {
        var s = new Scenario();
        s.Create(new CustomerProfile
        {
            DisplayName = "Acme",
            ContactPersons = [new ContactPerson { Name = "Dana", Role = DecisionRole.DecisionMaker }],
            RelationshipMode = RelationshipMode.Relational,
            ValueTypes = [CustomerValueType.Commercial],
            Attributes = new Dictionary<string, string> { ["segment"] = "smb" },
        });
        s.Run(st => CustomerDecisions.Decide(st, new UpdateProfile(new CustomerProfile { Tags = ["key", "eu"] }, ["tags"], st.Etag), s.Now, s.Policy));
        s.CreateNeed(importance: 5, urgency: 4);
        s.CreateNeed("price-level", 2, 2, "Lower price");
        s.UpdateNeed("n1", Scenario.NeedWith() with { Status = NeedStatus.Analysed, KanoClass = KanoClass.MustBe }, "status", "kano_class");
        for (var day = 1; day <= 40; day++)
        {
            s.AtDay(day * 7);
            s.Purchase(100m + day);
            if (day % 5 == 0)
            {
                s.Contact(csat: day % 3 + 3, nps: day % 11);
            }
        }

        s.AtDay(281).Complain(ComplaintSeverity.High);
        s.AtDay(282).Transition("k1", ComplaintStatus.Accepted, responsible: "logistics");
        s.Transition("k1", ComplaintStatus.Analysed);
        s.Transition("k1", ComplaintStatus.BeingHandled, escalate: true);
        s.AtDay(283).Transition("k1", ComplaintStatus.Resolved);
        var k1 = s.State.OpenComplaints["k1"];
        s.AtDay(286.5).Run(st => ComplaintSlaDecisions.Decide(st, s.Now));
        s.Transition("k1", ComplaintStatus.FollowUpDone);
        s.Transition("k1", ComplaintStatus.Closed);
        s.AtDay(290).Transition("k1", ComplaintStatus.BeingHandled, closed: k1);
        s.AtDay(291).Complain();
        s.Record(s.NewInteraction(InteractionKind.Suggestion) with { RelatedNeedIds = ["n1"], ReferredCustomerId = "c-2", Sentiment = Sentiment.Positive });
        s.SetFloor("gold");
        s.AtDay(292).SetFloor(null, "");
        s.Run(st => ConsentDecisions.Decide(st, new SetConsent("marketing-email", ConsentStatus.Granted, s.Now.AddDays(-1), "webshop"), s.Now));
        s.AtDay(293).Run(st => ConsentDecisions.Decide(st, new SetConsent("marketing-email", ConsentStatus.Revoked, null, "call-center"), s.Now));
        s.AtDay(399).Run(st => LoyaltyReview.Decide(st, s.Now, s.Policy));
        s.AtDay(400).Contact(csat: 1);
        s.AtDay(500).Contact(nps: 2);
        return s;
    }

    /// <summary>The busy year, then the customer absorbs a merged customer and is itself merged into another.</summary>
    public static Scenario MergedYear()
    {
        var s = BusyYear();
        var source = MergeDecisionsTests.SealedSource("c-old", s.State.Id);
        s.AtDay(500.5).Run(st => RetentionDecisions.Decide(st, s.Now.AddDays(-100), s.Now));
        s.AtDay(501).Run(st => MergeDecisions.Absorb(st, source, "agent:mia", s.Now, s.Policy));
        s.AtDay(502).Contact(csat: 5);
        s.Run(st => MergeDecisions.Seal(st, "c-new", "agent:mia", s.Now));
        return s;
    }

    [Fact]
    public void The_merged_year_covers_every_event_type()
    {
        var types = MergedYear().Events.Select(e => e.GetType()).ToHashSet();
        Assert.Equal(CustomerEventJson.TypeNames.Keys.ToHashSet(), types);
    }

    [Fact]
    public void Replaying_the_merged_year_from_json_or_a_snapshot_reproduces_the_live_state()
    {
        var s = MergedYear();
        var replayed = CustomerEvolution.Replay(s.Events.Select(CustomerEventJson.Serialize).Select(CustomerEventJson.Deserialize));
        var snapshot = JsonSerializer.Deserialize<CustomerState>(Scenario.Json(CustomerEvolution.Replay(s.Events.Take(s.Events.Count - 3))))!;
        CustomerEvolution.Apply(snapshot, s.Events.Skip(s.Events.Count - 3));

        Assert.Equal(Scenario.Json(s.State), Scenario.Json(replayed));
        Assert.Equal(Scenario.Json(s.State), Scenario.Json(snapshot));
        Assert.Equal("c-new", replayed.MergedInto);
        Assert.Equal(["c-old"], replayed.AbsorbedCustomerIds);
    }

    [Fact]
    public void Replaying_the_recorded_events_reproduces_the_live_state()
    {
        var s = BusyYear();
        var replayed = CustomerEvolution.Replay(s.Events);

        Assert.Equal(Scenario.Json(s.State), Scenario.Json(replayed));
        Assert.Equal(s.Events.Count, replayed.Version);
    }

    [Fact]
    public void Replaying_events_read_back_from_json_reproduces_the_live_state()
    {
        var s = BusyYear();
        var stored = s.Events.Select(CustomerEventJson.Serialize).ToList();
        var replayed = CustomerEvolution.Replay(stored.Select(CustomerEventJson.Deserialize));

        Assert.Equal(Scenario.Json(s.State), Scenario.Json(replayed));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(60)]
    [InlineData(100)]
    public void A_snapshot_plus_the_log_tail_reproduces_the_live_state(int snapshotAt)
    {
        var s = BusyYear();
        var snapshot = Scenario.Json(CustomerEvolution.Replay(s.Events.Take(snapshotAt)));
        var restored = JsonSerializer.Deserialize<CustomerState>(snapshot)!;
        CustomerEvolution.Apply(restored, s.Events.Skip(snapshotAt));

        Assert.Equal(Scenario.Json(s.State), Scenario.Json(restored));
    }

    [Fact]
    public void The_populated_state_round_trips_through_System_Text_Json()
    {
        var state = BusyYear().State;
        var json = JsonSerializer.Serialize(state);
        var back = JsonSerializer.Deserialize<CustomerState>(json)!;

        Assert.Equal(json, JsonSerializer.Serialize(back));
        Assert.Equal(state.Etag, back.Etag);
        Assert.Equal(state.Needs["n1"].History.Count, back.Needs["n1"].History.Count);
        Assert.Equal(state.OpenComplaints.Keys, back.OpenComplaints.Keys);
        Assert.Equal(state.Aggregates.PurchaseBuckets.Count, back.Aggregates.PurchaseBuckets.Count);
        Assert.DoesNotContain("\"Etag\"", json);
    }

    [Fact]
    public void The_busy_year_ends_where_the_rules_say()
    {
        var s = BusyYear();
        var st = s.State;
        var a = st.Aggregates;

        Assert.Equal(40, a.PurchaseCount);
        Assert.Equal(4820m, a.LifetimeSpend); // 40 x 100 + (1 + ... + 40)
        Assert.Equal(8 + 1, a.CsatCount);
        Assert.Equal(2, a.ComplaintCount);
        Assert.Equal(["k1", "k2"], st.OpenComplaints.Keys);
        Assert.Equal(1, st.OpenComplaints["k1"].ReopenCount);
        Assert.Equal(2, st.OpenComplaints["k1"].EscalationLevel); // escalated once by hand, once by the late first response
        Assert.Equal(1, st.Loyalty.ReferralCount);
        Assert.Equal(["n1", "price-level"], st.Needs.Keys);
        Assert.Equal(NeedStatus.Analysed, st.Needs["n1"].Status);
        Assert.Equal(["key", "eu"], st.Profile.Tags);
        Assert.Equal(CustomerState.MaxRecentInteractions, st.RecentInteractions.Count);
        Assert.Equal(s.Events.Count, st.Version);
        Assert.Equal(Scenario.T0.AddDays(500), st.UpdatedAt);
    }
}
