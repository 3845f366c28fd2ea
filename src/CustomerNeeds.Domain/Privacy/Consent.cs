namespace CustomerNeeds.Domain.Privacy;

/// <summary>
/// The customer's current decision about one purpose, with the decision time of the last grant,
/// denial and revocation (null when never) and where and when the last decision was recorded.
/// Immutable: a change replaces the entry.
/// </summary>
public sealed record Consent(
    string Purpose,
    ConsentStatus Status,
    DateTimeOffset? GrantedAt,
    DateTimeOffset? DeniedAt,
    DateTimeOffset? RevokedAt,
    string Source,
    DateTimeOffset UpdatedAt);
