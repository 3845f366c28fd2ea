namespace CustomerNeeds.Domain.Loyalty;

/// <summary>The outcome of evaluating the tier policy for one customer at one time.</summary>
/// <param name="Tier">The tier the customer should hold now (after floor and downgrade rules); null when none.</param>
/// <param name="Reason">Why, human-readable.</param>
/// <param name="QualifiedTier">The highest tier whose thresholds are all met; null when none.</param>
/// <param name="BelowTierSince">Under AfterGracePeriod, when the customer is held above what they qualify for: since when; else null.</param>
public sealed record TierEvaluation(string? Tier, string Reason, string? QualifiedTier, DateTimeOffset? BelowTierSince);
