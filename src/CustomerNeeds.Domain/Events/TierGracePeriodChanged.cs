namespace CustomerNeeds.Domain.Events;

/// <summary>
/// Under <c>DowngradeMode.AfterGracePeriod</c>: the customer fell below their current tier
/// (<paramref name="BelowTierSince"/> set) or qualifies for it again (null).
/// </summary>
public sealed record TierGracePeriodChanged(DateTimeOffset? BelowTierSince, string Reason) : CustomerEvent;
