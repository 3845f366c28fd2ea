using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Events;

namespace CustomerNeeds.Domain.Complaints;

/// <summary>
/// What the SLA timers decide (docs/complaint-slas.md). A target is pending until it is judged:
/// the first response while the case has not left Recorded by its deadline and no breach is
/// recorded; the resolution while the case was not resolved by its deadline and no breach is
/// recorded; the follow-up while the case is Resolved and its follow-up has not been recorded as
/// due. A deadline that had already passed when the complaint was recorded (entered late or
/// imported) is not timed: the case's own times show the miss. Deciding twice at the same or a
/// later time yields no second event for the same target.
/// </summary>
public static class ComplaintSlaDecisions
{
    /// <summary>The breach and follow-up events for every pending instant at or before <paramref name="now"/>.</summary>
    public static IReadOnlyList<CustomerEvent> Decide(CustomerState state, DateTimeOffset now)
    {
        List<CustomerEvent> events = [];

        // A customer merged into another: its open cases are timed by the target that absorbed them.
        if (!state.Exists || state.MergedInto is not null)
        {
            return events;
        }

        foreach (var k in Ordered(state))
        {
            var level = k.EscalationLevel;
            if (ResponsePending(k) && k.ResponseDeadline <= now)
            {
                events.Add(new ComplaintSlaBreached(k.Id, SlaTarget.FirstResponse, k.Severity, k.Status, k.ResponseDeadline, now, level, level + 1) { OccurredAt = now });
                level++;
            }

            if (ResolutionPending(k) && k.ResolutionDeadline <= now)
            {
                events.Add(new ComplaintSlaBreached(k.Id, SlaTarget.Resolution, k.Severity, k.Status, k.ResolutionDeadline, now, level, level + 1) { OccurredAt = now });
            }

            if (FollowUpPending(k) && k.FollowUpDueAt <= now)
            {
                events.Add(new ComplaintFollowUpDue(k.Id, k.ResolvedAt!.Value, k.FollowUpDueAt!.Value, k.ResponsibleParty) { OccurredAt = now });
            }
        }

        return events;
    }

    /// <summary>The earliest pending instant of any open complaint (possibly past); null when nothing is pending.</summary>
    public static DateTimeOffset? NextInstant(CustomerState state)
    {
        DateTimeOffset? next = null;
        if (!state.Exists || state.MergedInto is not null)
        {
            return next;
        }

        foreach (var k in state.OpenComplaints.Values)
        {
            next = Earlier(next, ResponsePending(k) ? k.ResponseDeadline : null);
            next = Earlier(next, ResolutionPending(k) ? k.ResolutionDeadline : null);
            next = Earlier(next, FollowUpPending(k) ? k.FollowUpDueAt : null);
        }

        return next;
    }

    /// <summary>True while the first-response target is timed and not judged: no breach yet, and no response in time.</summary>
    public static bool ResponsePending(ComplaintCase k) =>
        k.ResponseBreachedAt is null && k.ResponseDeadline > k.RecordedAt && (k.FirstResponseAt is not { } responded || responded > k.ResponseDeadline);

    /// <summary>True while the resolution target is timed and not judged: no breach yet, and no resolution in time.</summary>
    public static bool ResolutionPending(ComplaintCase k) =>
        k.ResolutionBreachedAt is null && k.ResolutionDeadline > k.RecordedAt && (k.ResolvedAt is not { } resolved || resolved > k.ResolutionDeadline);

    /// <summary>True while a Resolved case's follow-up has not been recorded as due.</summary>
    public static bool FollowUpPending(ComplaintCase k) =>
        k.Status == ComplaintStatus.Resolved && k.FollowUpDueAt is not null && k.FollowUpFellDueAt is null;

    private static IEnumerable<ComplaintCase> Ordered(CustomerState state) =>
        state.OpenComplaints.Values.OrderBy(k => k.OpenedAt).ThenBy(k => k.Id, StringComparer.Ordinal);

    private static DateTimeOffset? Earlier(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;
}
