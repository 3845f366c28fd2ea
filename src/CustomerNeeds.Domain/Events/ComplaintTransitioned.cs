using CustomerNeeds.Domain.Complaints;

namespace CustomerNeeds.Domain.Events;

/// <summary>A complaint moved, was escalated, and/or got a responsible party.</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="FromStatus">Status before.</param>
/// <param name="ToStatus">Status after (equal to FromStatus for escalation/assignment only).</param>
/// <param name="Escalated">The escalation level rose by one.</param>
/// <param name="Reopened">The step is a reopen (reopen count + 1; resolve, close and follow-up times cleared).</param>
/// <param name="ResponsibleParty">Newly assigned responsible party; null when unchanged.</param>
/// <param name="Actor">Who acted.</param>
/// <param name="Note">Note given.</param>
/// <param name="FollowUpDueAt">When entering Resolved: the follow-up due time; otherwise null.</param>
/// <param name="RestoredCase">For a reopen of a Closed case (no longer in state): the case as closed, put back into state.</param>
public sealed record ComplaintTransitioned(
    string ComplaintId,
    ComplaintStatus FromStatus,
    ComplaintStatus ToStatus,
    bool Escalated,
    bool Reopened,
    string? ResponsibleParty,
    string Actor,
    string Note,
    DateTimeOffset? FollowUpDueAt,
    ComplaintCase? RestoredCase) : CustomerEvent;
