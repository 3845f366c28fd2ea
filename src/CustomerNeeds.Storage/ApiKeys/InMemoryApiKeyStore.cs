namespace CustomerNeeds.Storage.ApiKeys;

/// <summary>The keys of a server started in memory: they live as long as the process, like everything else in that mode.</summary>
public sealed class InMemoryApiKeyStore : IApiKeyStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, ApiKeyRow> keys = new(StringComparer.Ordinal);

    public Task<ApiKeyRow?> CreateAsync(ApiKeyRow key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var stored = key with
        {
            Roles = key.Roles.ToArray(),
            SecretHash = key.SecretHash.ToArray(),
            CreatedAt = Microseconds(key.CreatedAt),
            ExpiresAt = key.ExpiresAt is { } expires ? Microseconds(expires) : null,
            RevokedAt = null,
            RevokedBy = null,
        };
        lock (gate)
        {
            return Task.FromResult(keys.TryAdd(key.KeyId, stored) ? stored : null);
        }
    }

    public Task<ApiKeyRow?> GetAsync(string keyId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(keys.GetValueOrDefault(keyId));
        }
    }

    public Task<ApiKeyPage> ListAsync(ApiKeyCursor? after, int pageSize, bool showInactive, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        List<ApiKeyRow> rows;
        lock (gate)
        {
            rows = keys.Values
                .Where(k => after is null || Before(k, after))
                .Where(k => showInactive || k.IsActiveAt(now))
                .OrderByDescending(k => k.CreatedAt)
                .ThenByDescending(k => k.KeyId, StringComparer.Ordinal)
                .Take(pageSize + 1)
                .ToList();
        }

        if (rows.Count <= pageSize)
        {
            return Task.FromResult(new ApiKeyPage(rows, null));
        }

        var last = rows[pageSize - 1];
        return Task.FromResult(new ApiKeyPage(rows.Take(pageSize).ToArray(), new ApiKeyCursor(last.CreatedAt, last.KeyId)));
    }

    public Task<ApiKeyRow?> RevokeAsync(string keyId, string revokedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!keys.TryGetValue(keyId, out var key))
            {
                return Task.FromResult<ApiKeyRow?>(null);
            }

            if (key.RevokedAt is null)
            {
                key = keys[keyId] = key with { RevokedAt = Microseconds(now), RevokedBy = revokedBy };
            }

            return Task.FromResult<ApiKeyRow?>(key);
        }
    }

    private static bool Before(ApiKeyRow key, ApiKeyCursor cursor) =>
        key.CreatedAt < cursor.CreatedAt || (key.CreatedAt == cursor.CreatedAt && string.CompareOrdinal(key.KeyId, cursor.KeyId) < 0);

    // PostgreSQL keeps microseconds: so do we, so that page cursors mean the same in both stores.
    private static DateTimeOffset Microseconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero);
}
