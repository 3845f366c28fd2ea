namespace CustomerNeeds.Storage.ApiKeys;

/// <summary>A row of <c>api_keys</c>: an API key without its secret (docs/api-keys.md).</summary>
/// <param name="KeyId">The public id (the part of the key before its secret; <c>apiKeys/{id}</c>).</param>
/// <param name="DisplayName">What the key is for.</param>
/// <param name="Roles">The roles it holds.</param>
/// <param name="System">The system a channel key integrates; null for a key without the channel role.</param>
/// <param name="SecretHash">SHA-256 of the secret (32 bytes).</param>
/// <param name="CreatedAt">Creation time (UTC, microseconds).</param>
/// <param name="CreatedBy">The identity of the creator (a caller id, <c>cli:{user}</c> or <c>system</c>).</param>
/// <param name="ExpiresAt">When it stops working by itself; null: never.</param>
/// <param name="RevokedAt">When it was revoked; null while it is not.</param>
/// <param name="RevokedBy">Who revoked it; null while it is not revoked.</param>
public sealed record ApiKeyRow(
    string KeyId,
    string DisplayName,
    IReadOnlyList<string> Roles,
    string? System,
    byte[] SecretHash,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt,
    string? RevokedBy)
{
    /// <summary>True when the key is neither revoked nor expired at <paramref name="now"/>.</summary>
    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is not { } expires || expires > now);
}
