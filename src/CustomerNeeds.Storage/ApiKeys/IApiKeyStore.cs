namespace CustomerNeeds.Storage.ApiKeys;

/// <summary>The API keys (docs/api-keys.md): PostgreSQL's <c>api_keys</c>, or the process's memory in in-memory mode.</summary>
public interface IApiKeyStore
{
    /// <summary>Stores a new key; returns the row as stored (times in microseconds), or null when the id is taken (nothing changed).</summary>
    Task<ApiKeyRow?> CreateAsync(ApiKeyRow key, CancellationToken cancellationToken);

    /// <summary>The key, or null.</summary>
    Task<ApiKeyRow?> GetAsync(string keyId, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="pageSize"/> keys created before <paramref name="after"/> (null: the newest),
    /// newest first (creation time, then id, both descending); without <paramref name="showInactive"/>
    /// only keys neither revoked nor expired at <paramref name="now"/>.
    /// </summary>
    Task<ApiKeyPage> ListAsync(ApiKeyCursor? after, int pageSize, bool showInactive, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Revokes the key at <paramref name="now"/> by <paramref name="revokedBy"/> and returns it; a key
    /// already revoked is returned unchanged (first revocation kept); null when there is no such key.
    /// </summary>
    Task<ApiKeyRow?> RevokeAsync(string keyId, string revokedBy, DateTimeOffset now, CancellationToken cancellationToken);
}
