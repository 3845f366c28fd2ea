using CustomerNeeds.Domain.Complaints;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Events;
using CustomerNeeds.Domain.Merging;

namespace CustomerNeeds.Domain.Tests.Complaints;

/// <summary>High severity by default: response due at T0 + 4 h, resolution at T0 + 72 h, follow-up 3 days after resolution.</summary>
public sealed class ComplaintSlaDecisionsTests
{
    private static Scenario WithComplaint()
    {
        var s = new Scenario();
        s.Create();
        s.Complain(ComplaintSeverity.High);
        return s;
    }

    private static IReadOnlyList<CustomerEvent> Tick(Scenario s, double hours)
    {
        s.Now = Scenario.T0.AddHours(hours);
        return s.Run(state => ComplaintSlaDecisions.Decide(state, s.Now));
    }

    [Fact]
    public void Nothing_is_due_before_the_response_deadline()
    {
        var s = WithComplaint();

        Assert.Empty(Tick(s, 3.9));
        Assert.Equal(Scenario.T0.AddHours(4), ComplaintSlaDecisions.NextInstant(s.State));
    }

    [Fact]
    public void A_missed_response_is_a_breach_that_escalates_and_shows_in_the_history()
    {
        var s = WithComplaint();

        var breach = Assert.IsType<ComplaintSlaBreached>(Assert.Single(Tick(s, 4.5)));

        Assert.Equal(("k1", SlaTarget.FirstResponse, Scenario.T0.AddHours(4), Scenario.T0.AddHours(4.5)), (breach.ComplaintId, breach.Target, breach.Deadline, breach.DetectedAt));
        Assert.Equal((0, 1, ComplaintStatus.Recorded), (breach.EscalationLevelBefore, breach.EscalationLevelAfter, breach.Status));
        var k = s.State.OpenComplaints["k1"];
        Assert.Equal(1, k.EscalationLevel);
        Assert.Equal(Scenario.T0.AddHours(4.5), k.ResponseBreachedAt);
        var step = k.History[^1];
        Assert.Equal((ComplaintStatus.Recorded, ComplaintStatus.Recorded, "sla", true), (step.FromStatus, step.ToStatus, step.Actor, step.Escalated));
        Assert.Equal(Scenario.T0.AddHours(72), ComplaintSlaDecisions.NextInstant(s.State));
    }

    [Fact]
    public void A_customer_merged_into_another_times_nothing_its_target_times_the_moved_cases()
    {
        var s = WithComplaint();
        s.Run(state => MergeDecisions.Seal(state, "c-target", "agent:eva", s.Now));

        Assert.Null(ComplaintSlaDecisions.NextInstant(s.State));
        Assert.Empty(Tick(s, 100));
    }

    [Fact]
    public void A_second_tick_changes_nothing()
    {
        var s = WithComplaint();
        Tick(s, 5);
        var version = s.State.Version;

        Assert.Empty(Tick(s, 5));
        Assert.Empty(Tick(s, 6));
        Assert.Equal(version, s.State.Version);
        Assert.Equal(1, s.State.OpenComplaints["k1"].EscalationLevel);
    }

    [Fact]
    public void A_response_in_time_leaves_only_the_resolution_pending()
    {
        var s = WithComplaint();
        s.Now = Scenario.T0.AddHours(1);
        s.Transition("k1", ComplaintStatus.Accepted);

        Assert.Empty(Tick(s, 10));
        Assert.Equal(Scenario.T0.AddHours(72), ComplaintSlaDecisions.NextInstant(s.State));
    }

    [Fact]
    public void A_late_response_before_the_tick_is_still_a_breach()
    {
        var s = WithComplaint();
        s.Now = Scenario.T0.AddHours(6);
        s.Transition("k1", ComplaintStatus.Accepted);

        var breach = Assert.IsType<ComplaintSlaBreached>(Assert.Single(Tick(s, 6)));
        Assert.Equal(SlaTarget.FirstResponse, breach.Target);
        Assert.Equal(ComplaintStatus.Accepted, breach.Status);
    }

    [Fact]
    public void Both_targets_missed_at_once_give_two_breaches_and_two_levels()
    {
        var s = WithComplaint();

        var events = Tick(s, 100);

        Assert.Equal([SlaTarget.FirstResponse, SlaTarget.Resolution], events.Cast<ComplaintSlaBreached>().Select(b => b.Target));
        Assert.Equal(2, s.State.OpenComplaints["k1"].EscalationLevel);
        Assert.Equal(2, events.Cast<ComplaintSlaBreached>().Last().EscalationLevelAfter);
        Assert.Null(ComplaintSlaDecisions.NextInstant(s.State));
    }

    [Fact]
    public void After_resolution_the_follow_up_falls_due_once()
    {
        var s = WithComplaint();
        s.Now = Scenario.T0.AddHours(1);
        s.Transition("k1", ComplaintStatus.Accepted);
        s.Transition("k1", ComplaintStatus.Analysed);
        s.Transition("k1", ComplaintStatus.BeingHandled);
        s.Transition("k1", ComplaintStatus.Resolved);
        Assert.Equal(Scenario.T0.AddHours(1).AddDays(3), ComplaintSlaDecisions.NextInstant(s.State));

        Assert.Empty(Tick(s, 70));
        var due = Assert.IsType<ComplaintFollowUpDue>(Assert.Single(Tick(s, 1 + 72)));

        Assert.Equal(("k1", Scenario.T0.AddHours(1), Scenario.T0.AddHours(73)), (due.ComplaintId, due.ResolvedAt, due.DueAt));
        Assert.Equal(Scenario.T0.AddHours(73), s.State.OpenComplaints["k1"].FollowUpFellDueAt);
        Assert.Equal("sla", s.State.OpenComplaints["k1"].History[^1].Actor);
        Assert.Empty(Tick(s, 80));
        Assert.Null(ComplaintSlaDecisions.NextInstant(s.State));
    }

    [Fact]
    public void A_reopen_clears_the_follow_up_and_a_done_follow_up_is_not_due()
    {
        var s = WithComplaint();
        s.Now = Scenario.T0.AddHours(1);
        foreach (var to in new[] { ComplaintStatus.Accepted, ComplaintStatus.Analysed, ComplaintStatus.BeingHandled, ComplaintStatus.Resolved })
        {
            s.Transition("k1", to);
        }

        s.Transition("k1", ComplaintStatus.BeingHandled);
        Assert.Null(s.State.OpenComplaints["k1"].FollowUpDueAt);
        Assert.Equal(Scenario.T0.AddHours(72), ComplaintSlaDecisions.NextInstant(s.State));

        s.Transition("k1", ComplaintStatus.Resolved);
        s.Transition("k1", ComplaintStatus.FollowUpDone);
        Assert.Empty(Tick(s, 71));
        Assert.Null(ComplaintSlaDecisions.NextInstant(s.State));
    }

    [Fact]
    public void Replaying_the_events_reproduces_the_judged_state()
    {
        var s = WithComplaint();
        Tick(s, 100);

        var replayed = new CustomerState { Id = "c-1" };
        CustomerEvolution.Apply(replayed, s.Events);

        var k = replayed.OpenComplaints["k1"];
        Assert.Equal((2, Scenario.T0.AddHours(100), Scenario.T0.AddHours(100)), (k.EscalationLevel, k.ResponseBreachedAt, k.ResolutionBreachedAt));
        Assert.Empty(ComplaintSlaDecisions.Decide(replayed, Scenario.T0.AddHours(200)));
    }

    [Fact]
    public void A_deadline_already_past_when_the_complaint_is_recorded_is_not_timed()
    {
        var s = new Scenario();
        s.Create();
        s.Now = Scenario.T0.AddHours(10);
        // Occurred at T0 (response due T0 + 4 h), recorded 10 h later: only the resolution is timed.
        s.Complain(ComplaintSeverity.High, at: Scenario.T0);

        Assert.Equal(Scenario.T0.AddHours(72), ComplaintSlaDecisions.NextInstant(s.State));
        Assert.Empty(Tick(s, 11));
        var breach = Assert.IsType<ComplaintSlaBreached>(Assert.Single(Tick(s, 80)));
        Assert.Equal(SlaTarget.Resolution, breach.Target);
    }
}
