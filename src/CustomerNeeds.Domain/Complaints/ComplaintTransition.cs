namespace CustomerNeeds.Domain.Complaints;

/// <summary>One step of a complaint's workflow (history entry).</summary>
/// <param name="FromStatus">Status before (Unspecified for the opening entry).</param>
/// <param name="ToStatus">Status after; equal to FromStatus for an escalation or assignment only.</param>
/// <param name="Actor">Who made the step (opening: the interaction's agent).</param>
/// <param name="Note">Free-text note.</param>
/// <param name="At">When the step was recorded (opening: the open time).</param>
/// <param name="Escalated">True when the step raised the escalation level.</param>
/// <param name="ResponsibleParty">The responsible party assigned by this step; null when unchanged.</param>
public sealed record ComplaintTransition(
    ComplaintStatus FromStatus,
    ComplaintStatus ToStatus,
    string Actor,
    string Note,
    DateTimeOffset At,
    bool Escalated,
    string? ResponsibleParty);
