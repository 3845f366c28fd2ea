namespace CustomerNeeds.Domain.Events;

/// <summary>The manual tier floor was set (or cleared when <paramref name="Floor"/> is null).</summary>
public sealed record TierFloorSet(string? Floor, string Reason, string Actor) : CustomerEvent;
