using CustomerNeeds.Storage.ApiKeys;

namespace CustomerNeeds.Server.Tests.ApiKeys;

/// <summary>The real store, counting the key reads that reach it (so a test sees whether the cache answered).</summary>
internal sealed class CountingKeyStore(IApiKeyStore inner) : IApiKeyStore
{
    private int reads;

    public int Reads => Volatile.Read(ref reads);

    public Task<ApiKeyRow?> CreateAsync(ApiKeyRow key, CancellationToken cancellationToken) => inner.CreateAsync(key, cancellationToken);

    public Task<ApiKeyRow?> GetAsync(string keyId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref reads);
        return inner.GetAsync(keyId, cancellationToken);
    }

    public Task<ApiKeyPage> ListAsync(ApiKeyCursor? after, int pageSize, bool showInactive, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.ListAsync(after, pageSize, showInactive, now, cancellationToken);

    public Task<ApiKeyRow?> RevokeAsync(string keyId, string revokedBy, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.RevokeAsync(keyId, revokedBy, now, cancellationToken);
}
