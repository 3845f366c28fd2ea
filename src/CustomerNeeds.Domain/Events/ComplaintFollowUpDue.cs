namespace CustomerNeeds.Domain.Events;

/// <summary>
/// The follow-up contact of a resolved complaint fell due: an outbound agent should ask the
/// customer whether the remedy worked (docs/complaint-slas.md).
/// </summary>
/// <param name="ComplaintId">The complaint (status Resolved).</param>
/// <param name="ResolvedAt">When the complaint was resolved.</param>
/// <param name="DueAt">When the follow-up became due (resolution + follow-up delay).</param>
/// <param name="ResponsibleParty">Who handles the case ("" when nobody is assigned).</param>
public sealed record ComplaintFollowUpDue(
    string ComplaintId,
    DateTimeOffset ResolvedAt,
    DateTimeOffset DueAt,
    string ResponsibleParty) : CustomerEvent;
