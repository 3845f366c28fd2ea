namespace CustomerNeeds.Storage.Privacy;

/// <summary>Retention of interactions in the event log (docs/privacy.md): finds and strips old interaction rows.</summary>
public interface IInteractionRetentionStore
{
    /// <summary>
    /// Customers (ids in ordinal order, after <paramref name="after"/>) with an interaction that occurred
    /// before <paramref name="cutoff"/> and is not anonymised yet; at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<string>> FindCustomersAsync(DateTimeOffset cutoff, string? after, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Rewrites the payload of each interaction row of <paramref name="customerId"/> that occurred before
    /// <paramref name="cutoff"/> and is not anonymised yet with <paramref name="strip"/>, and marks it
    /// anonymised (the row's other columns stay). Returns how many rows it rewrote.
    /// </summary>
    Task<int> AnonymiseAsync(string customerId, DateTimeOffset cutoff, Func<string, string> strip, CancellationToken cancellationToken);
}
