namespace CustomerNeeds.Domain.Privacy;

/// <summary>
/// Record the customer's decision <paramref name="Status"/> for <paramref name="Purpose"/>, taken at
/// <paramref name="DecidedAt"/> (null: now) and captured at <paramref name="Source"/> (may be empty).
/// </summary>
public sealed record SetConsent(string Purpose, ConsentStatus Status, DateTimeOffset? DecidedAt, string Source);
