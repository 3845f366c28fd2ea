namespace CustomerNeeds.Domain.Events;

/// <summary>The customer's tier changed.</summary>
/// <param name="FromTier">Tier before (null: none).</param>
/// <param name="ToTier">Tier after (null: none).</param>
/// <param name="Reason">Human-readable reason, e.g. "qualifies for gold: spend 2,500.00 EUR in 365 days &gt;= 2,000.00; ...".</param>
/// <param name="Actor">Who caused it when manual (tier floor); null when automatic.</param>
public sealed record TierChanged(string? FromTier, string? ToTier, string Reason, string? Actor) : CustomerEvent;
