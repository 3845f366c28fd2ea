namespace CustomerNeeds.Domain.Loyalty;

/// <summary>Set the manual tier floor (a tier name of the policy), or clear it with null.</summary>
public sealed record SetTierFloor(string? Tier, string Reason, string Actor);
