namespace CustomerNeeds.Storage.Privacy;

/// <summary>
/// Retention in memory mode: the in-memory log is not rewritten (nothing survives the process, and the
/// retention sweep runs only on PostgreSQL); the grain still strips the interactions it holds.
/// </summary>
public sealed class InMemoryInteractionRetentionStore : IInteractionRetentionStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<string>> FindCustomersAsync(DateTimeOffset cutoff, string? after, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    /// <inheritdoc />
    public Task<int> AnonymiseAsync(string customerId, DateTimeOffset cutoff, Func<string, string> strip, CancellationToken cancellationToken) =>
        Task.FromResult(0);
}
