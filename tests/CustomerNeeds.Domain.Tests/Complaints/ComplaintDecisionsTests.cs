using CustomerNeeds.Domain.Complaints;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Errors;
using CustomerNeeds.Domain.Events;

namespace CustomerNeeds.Domain.Tests.Complaints;

public sealed class ComplaintDecisionsTests
{
    private static Scenario WithComplaint(ComplaintSeverity severity = ComplaintSeverity.High)
    {
        var s = new Scenario();
        s.Create();
        s.Complain(severity);
        return s;
    }

    private static Scenario At(Scenario s, double hours)
    {
        s.Now = Scenario.T0.AddHours(hours);
        return s;
    }

    [Fact]
    public void A_complaint_interaction_opens_a_recorded_case_with_deadlines()
    {
        var s = new Scenario();
        s.Create();
        var events = s.Complain(ComplaintSeverity.High);

        var recorded = Assert.IsType<InteractionRecorded>(events[0]);
        var opened = Assert.IsType<ComplaintOpened>(events[1]);
        Assert.Equal("k1", recorded.OpenedComplaintId);
        Assert.Equal("k1", opened.ComplaintId);
        var c = s.State.OpenComplaints["k1"];
        Assert.Equal(ComplaintStatus.Recorded, c.Status);
        Assert.Equal(ComplaintSeverity.High, c.Severity);
        Assert.Equal("late delivery", c.Summary);
        Assert.Equal("i1", c.SourceInteractionId);
        Assert.Equal(Scenario.T0, c.OpenedAt);
        Assert.Equal(Scenario.T0.AddHours(4), c.ResponseDeadline);
        Assert.Equal(Scenario.T0.AddHours(72), c.ResolutionDeadline);
        var first = Assert.Single(c.History);
        Assert.Equal((ComplaintStatus.Unspecified, ComplaintStatus.Recorded, "agent-7"), (first.FromStatus, first.ToStatus, first.Actor));
        Assert.Equal(1, s.State.Aggregates.ComplaintCount);
        Assert.Equal(2, s.State.NextComplaintNumber);
    }

    [Fact]
    public void Severity_defaults_to_medium_and_ids_count_up()
    {
        var s = WithComplaint(ComplaintSeverity.Unspecified);
        s.Complain();

        Assert.Equal(["k1", "k2"], s.State.OpenComplaints.Keys);
        Assert.Equal(ComplaintSeverity.Medium, s.State.OpenComplaints["k1"].Severity);
        Assert.Equal(Scenario.T0.AddHours(24), s.State.OpenComplaints["k1"].ResponseDeadline);
    }

    [Fact]
    public void First_response_and_resolution_times_are_recorded()
    {
        var s = WithComplaint(ComplaintSeverity.High);
        At(s, 3).Transition("k1", ComplaintStatus.Accepted);
        At(s, 5).Transition("k1", ComplaintStatus.Analysed);
        At(s, 6).Transition("k1", ComplaintStatus.BeingHandled);
        At(s, 80).Transition("k1", ComplaintStatus.Resolved);

        var c = s.State.OpenComplaints["k1"];
        Assert.Equal(Scenario.T0.AddHours(3), c.FirstResponseAt);
        Assert.Equal(TimeSpan.FromHours(3), c.ResponseTime());
        Assert.True(c.RespondedWithinTarget());
        Assert.Equal(Scenario.T0.AddHours(80), c.ResolvedAt);
        Assert.Equal(TimeSpan.FromHours(80), c.ResolutionTime());
        Assert.False(c.ResolvedWithinTarget());
        Assert.Equal(Scenario.T0.AddHours(80).AddDays(3), c.FollowUpDueAt);
        Assert.Equal(5, c.History.Count);
    }

    [Fact]
    public void An_escalation_alone_is_not_a_first_response()
    {
        var s = WithComplaint();
        At(s, 1).Transition("k1", null, escalate: true);
        At(s, 2).Transition("k1", ComplaintStatus.Recorded, escalate: true);

        var c = s.State.OpenComplaints["k1"];
        Assert.Equal(ComplaintStatus.Recorded, c.Status);
        Assert.Equal(2, c.EscalationLevel);
        Assert.True(c.IsEscalated());
        Assert.Null(c.FirstResponseAt);
        Assert.Null(c.RespondedWithinTarget());
        Assert.True(c.History[^1].Escalated);
    }

    [Fact]
    public void Responsible_party_is_assigned_with_or_without_a_move()
    {
        var s = WithComplaint();
        s.Transition("k1", null, responsible: "logistics");
        s.Transition("k1", ComplaintStatus.Accepted, responsible: "quality");

        var c = s.State.OpenComplaints["k1"];
        Assert.Equal("quality", c.ResponsibleParty);
        Assert.Equal("logistics", c.History[1].ResponsibleParty);
        Assert.Equal(ComplaintStatus.Recorded, c.History[1].ToStatus);
    }

    [Theory]
    [InlineData(ComplaintStatus.Analysed)]
    [InlineData(ComplaintStatus.BeingHandled)]
    [InlineData(ComplaintStatus.Resolved)]
    [InlineData(ComplaintStatus.Closed)]
    public void Skipping_steps_is_illegal_and_records_nothing(ComplaintStatus target)
    {
        var s = WithComplaint();
        var before = s.State.Version;

        var e = Assert.Throws<IllegalTransitionException>(() => s.Transition("k1", target));
        Assert.Equal(DomainErrorKind.FailedPrecondition, e.Kind);
        Assert.Equal(before, s.State.Version);
    }

    [Fact]
    public void Staying_put_without_escalation_or_assignment_is_refused()
    {
        var s = WithComplaint();
        Assert.Throws<IllegalTransitionException>(() => s.Transition("k1", ComplaintStatus.Recorded));
        var e = Assert.Throws<DomainValidationException>(() => s.Transition("k1", null));
        Assert.Equal("target_status", Assert.Single(e.Fields).Field);
    }

    private static Scenario Walk(Scenario s, params ComplaintStatus[] statuses)
    {
        foreach (var status in statuses)
        {
            s.Transition("k1", status);
        }

        return s;
    }

    private static readonly ComplaintStatus[] ToClosed =
    [
        ComplaintStatus.Accepted, ComplaintStatus.Analysed, ComplaintStatus.BeingHandled,
        ComplaintStatus.Resolved, ComplaintStatus.FollowUpDone, ComplaintStatus.Closed,
    ];

    [Fact]
    public void Closing_removes_the_case_but_keeps_the_counters()
    {
        var s = Walk(WithComplaint(), ToClosed);

        Assert.Empty(s.State.OpenComplaints);
        Assert.Equal(1, s.State.Aggregates.ComplaintCount);
        Assert.Single(s.State.Aggregates.RecentComplaintTimes);
        var closed = Assert.IsType<ComplaintTransitioned>(s.Events.Last(e => e is ComplaintTransitioned));
        Assert.Equal(ComplaintStatus.Closed, closed.ToStatus);
    }

    [Fact]
    public void Reopening_a_resolved_case_counts_and_clears_the_resolution()
    {
        var s = Walk(WithComplaint(), ComplaintStatus.Accepted, ComplaintStatus.Analysed, ComplaintStatus.BeingHandled, ComplaintStatus.Resolved);
        var reopened = Assert.IsType<ComplaintTransitioned>(s.Transition("k1", ComplaintStatus.BeingHandled)[0]);

        Assert.True(reopened.Reopened);
        var c = s.State.OpenComplaints["k1"];
        Assert.Equal(ComplaintStatus.BeingHandled, c.Status);
        Assert.Equal(1, c.ReopenCount);
        Assert.Null(c.ResolvedAt);
        Assert.Null(c.FollowUpDueAt);
    }

    [Fact]
    public void A_closed_case_is_reopened_from_the_copy_the_storage_kept()
    {
        var s = WithComplaint();
        var open = s.State.OpenComplaints["k1"];
        Walk(s, ToClosed);
        var archived = open; // the same object, now closed: what the storage projection holds

        Assert.Throws<ComplaintNotFoundException>(() => s.Transition("k1", ComplaintStatus.BeingHandled));
        var events = s.Transition("k1", ComplaintStatus.BeingHandled, escalate: true, closed: archived);

        var e = Assert.IsType<ComplaintTransitioned>(events[0]);
        Assert.NotNull(e.RestoredCase);
        var c = s.State.OpenComplaints["k1"];
        Assert.Equal(ComplaintStatus.BeingHandled, c.Status);
        Assert.Equal(1, c.ReopenCount);
        Assert.Equal(1, c.EscalationLevel);
        Assert.Null(c.ClosedAt);
        Assert.Equal(8, c.History.Count);
        Assert.Equal(Scenario.Json(s.State), Scenario.Json(CustomerEvolution.Replay(s.Events)));
    }

    [Fact]
    public void A_closed_case_accepts_nothing_but_a_reopen()
    {
        var s = WithComplaint();
        var open = s.State.OpenComplaints["k1"];
        Walk(s, ToClosed);

        Assert.Throws<IllegalTransitionException>(() => s.Transition("k1", null, escalate: true, closed: open));
        Assert.Throws<IllegalTransitionException>(() => s.Transition("k1", ComplaintStatus.Resolved, closed: open));
    }

    [Fact]
    public void Escalating_while_closing_is_illegal()
    {
        var s = Walk(WithComplaint(), ComplaintStatus.Accepted, ComplaintStatus.Analysed, ComplaintStatus.BeingHandled, ComplaintStatus.Resolved, ComplaintStatus.FollowUpDone);
        Assert.Throws<IllegalTransitionException>(() => s.Transition("k1", ComplaintStatus.Closed, escalate: true));
    }

    [Fact]
    public void Unknown_complaint_and_bad_input_are_refused()
    {
        var s = WithComplaint();
        Assert.Throws<ComplaintNotFoundException>(() => s.Transition("k9", ComplaintStatus.Accepted));
        var e = Assert.Throws<DomainValidationException>(() =>
            ComplaintDecisions.Decide(s.State, new TransitionComplaint("k1", (ComplaintStatus)77, false, "", "", ""), s.Now, s.Policy));
        Assert.Equal(["target_status", "actor", "responsible_party"], e.Fields.Select(f => f.Field));
    }
}
