namespace CustomerNeeds.Storage;

/// <summary>
/// The facts of an interaction that KPIs aggregate, stored in the interaction's event row
/// (customer_events, migration 0004) so that KPI queries need not read payloads.
/// </summary>
/// <param name="Direction">direction (the <c>Direction</c> number).</param>
/// <param name="Csat">csat (1 to 5); null when not asked.</param>
/// <param name="Nps">nps (0 to 10); null when not asked.</param>
/// <param name="Amount">amount of a purchase; null when none.</param>
/// <param name="Currency">currency of <paramref name="Amount"/>; null when no amount.</param>
/// <param name="RelatedComplaintId">related_complaint_id; null when none.</param>
/// <param name="ReferredCustomerId">referred_customer_id; null when none.</param>
public sealed record InteractionFacts(
    short Direction,
    short? Csat,
    short? Nps,
    decimal? Amount,
    string? Currency,
    string? RelatedComplaintId,
    string? ReferredCustomerId);
