namespace CustomerNeeds.Domain.Loyalty;

/// <summary>One threshold of a tier rule, checked: whether it is met and how, e.g. "6 purchases in 365 days >= 5".</summary>
public sealed record TierClause(bool Met, string Text);
