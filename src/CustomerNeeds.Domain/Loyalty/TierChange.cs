namespace CustomerNeeds.Domain.Loyalty;

/// <summary>One tier change with its reason (history entry).</summary>
public sealed record TierChange(string? FromTier, string? ToTier, string Reason, string? Actor, DateTimeOffset At);
