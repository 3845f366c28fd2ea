using CustomerNeeds.Domain.Complaints;

namespace CustomerNeeds.Domain.Events;

/// <summary>A complaint case was opened from a complaint interaction (status Recorded).</summary>
/// <param name="ComplaintId">Minted id "k&lt;number&gt;".</param>
/// <param name="InteractionId">The opening interaction.</param>
/// <param name="Severity">Severity (Unspecified on the interaction becomes Medium).</param>
/// <param name="Summary">The interaction's summary.</param>
/// <param name="Actor">The interaction's agent.</param>
/// <param name="OpenedAt">The interaction's occur time.</param>
/// <param name="ResponseDeadline">OpenedAt + response target for the severity (fixed at opening).</param>
/// <param name="ResolutionDeadline">OpenedAt + resolution target for the severity (fixed at opening).</param>
public sealed record ComplaintOpened(
    string ComplaintId,
    string InteractionId,
    ComplaintSeverity Severity,
    string Summary,
    string Actor,
    DateTimeOffset OpenedAt,
    DateTimeOffset ResponseDeadline,
    DateTimeOffset ResolutionDeadline) : CustomerEvent;
