using CustomerNeeds.Domain.Loyalty;

namespace CustomerNeeds.Domain.Events;

/// <summary>A loyalty review found the customer's dormancy changed (silence grew, or contact resumed).</summary>
/// <param name="From">Dormancy before (Unspecified reads as active).</param>
/// <param name="To">Dormancy after.</param>
/// <param name="LastInteractionAt">The occur time of the customer's latest interaction; null when none.</param>
/// <param name="DaysSilent">Whole days from it to the review; null when none.</param>
/// <param name="Reason">Human-readable, e.g. "no contact for 95 days since 2026-08-20: semi-dormant from 90 days".</param>
public sealed record DormancyChanged(Dormancy From, Dormancy To, DateTimeOffset? LastInteractionAt, int? DaysSilent, string Reason) : CustomerEvent;
