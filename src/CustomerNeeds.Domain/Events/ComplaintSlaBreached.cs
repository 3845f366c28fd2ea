using CustomerNeeds.Domain.Complaints;

namespace CustomerNeeds.Domain.Events;

/// <summary>
/// A complaint missed a service-level target; the escalation level rose by one and the
/// complaint's history got an escalation step by actor "sla" (docs/complaint-slas.md).
/// </summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="Target">First response or resolution.</param>
/// <param name="Severity">The complaint's severity.</param>
/// <param name="Status">The complaint's status when the breach was detected.</param>
/// <param name="Deadline">The deadline that passed.</param>
/// <param name="DetectedAt">When the service noticed (at or after the deadline).</param>
/// <param name="EscalationLevelBefore">Escalation level before the breach.</param>
/// <param name="EscalationLevelAfter">Escalation level after the breach (before + 1).</param>
public sealed record ComplaintSlaBreached(
    string ComplaintId,
    SlaTarget Target,
    ComplaintSeverity Severity,
    ComplaintStatus Status,
    DateTimeOffset Deadline,
    DateTimeOffset DetectedAt,
    int EscalationLevelBefore,
    int EscalationLevelAfter) : CustomerEvent;
