namespace CustomerNeeds.Domain.Complaints;

/// <summary>
/// Move a complaint along its workflow, escalate it, and/or assign the responsible party.
/// </summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="Target">The status to move to; null (or the current status) for an escalation or assignment only.</param>
/// <param name="Escalate">Raise the escalation level by one (not allowed when the result is Closed).</param>
/// <param name="Actor">Who acts; required.</param>
/// <param name="Note">Free-text note; optional.</param>
/// <param name="ResponsibleParty">Assign the responsible party; null leaves it unchanged.</param>
public sealed record TransitionComplaint(
    string ComplaintId,
    ComplaintStatus? Target,
    bool Escalate,
    string Actor,
    string Note,
    string? ResponsibleParty);
