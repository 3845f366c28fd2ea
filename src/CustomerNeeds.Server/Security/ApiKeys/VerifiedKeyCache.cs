using System.Collections.Concurrent;
using CustomerNeeds.Storage.ApiKeys;

namespace CustomerNeeds.Server.Security.ApiKeys;

/// <summary>
/// The verified key rows of one server, by id (docs/api-keys.md). Used only while enabled, that
/// is while <see cref="ApiKeyListener"/> listens on the <c>api_keys</c> channel; enabling clears it.
/// A generation, raised by every drop and every enable or disable, keeps a row read before a
/// revocation from being cached after the revocation's notification arrived.
/// </summary>
public sealed class VerifiedKeyCache(int capacity)
{
    private readonly ConcurrentDictionary<string, ApiKeyRow> rows = new(StringComparer.Ordinal);
    private long generation;
    private volatile bool enabled;

    /// <summary>True while the cache is in use (its server listens for key changes).</summary>
    public bool IsEnabled => enabled;

    /// <summary>Rows held now.</summary>
    public int Count => rows.Count;

    /// <summary>Read before reading a row from the store; hand it to <see cref="Add"/>.</summary>
    public long Generation => Interlocked.Read(ref generation);

    /// <summary>The cached row, or null (also whenever the cache is disabled).</summary>
    public ApiKeyRow? Find(string keyId) => enabled && rows.TryGetValue(keyId, out var row) ? row : null;

    /// <summary>
    /// Caches <paramref name="row"/>, read from the store after <see cref="Generation"/> was
    /// <paramref name="generationBeforeRead"/>, unless the cache is disabled or full, or a change
    /// was notified (or the listener reconnected) since.
    /// </summary>
    public void Add(ApiKeyRow row, long generationBeforeRead)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!enabled || rows.Count >= capacity || Generation != generationBeforeRead)
        {
            return;
        }

        rows[row.KeyId] = row;

        // A drop, enable or disable between the check above and the store: undo.
        if (!enabled || Generation != generationBeforeRead)
        {
            rows.TryRemove(new KeyValuePair<string, ApiKeyRow>(row.KeyId, row));
        }
    }

    /// <summary>A key changed (a notification): forget it.</summary>
    public void Drop(string keyId)
    {
        Interlocked.Increment(ref generation);
        rows.TryRemove(keyId, out _);
    }

    /// <summary>The listener listens (again): start from nothing and use the cache.</summary>
    public void Enable()
    {
        Interlocked.Increment(ref generation);
        rows.Clear();
        enabled = true;
    }

    /// <summary>The listener lost its connection: stop using the cache at once.</summary>
    public void Disable()
    {
        enabled = false;
        Interlocked.Increment(ref generation);
        rows.Clear();
    }
}
