using System.Collections.Concurrent;
using CustomerNeeds.Domain.Privacy;

namespace CustomerNeeds.Storage.Privacy;

/// <summary>
/// Erasure in process memory (in-memory mode, grain tests): forgets the customers' logs in
/// <paramref name="log"/> when it is the in-memory log, and keeps the tombstones. Grain snapshots and
/// reminders in memory are cleared by the grains themselves.
/// </summary>
public sealed class InMemoryCustomerErasureStore(ICustomerEventLog log) : ICustomerErasureStore
{
    private readonly ConcurrentDictionary<string, CustomerTombstone> tombstones = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<CustomerTombstone> EraseAsync(CustomerErasure erasure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(erasure);
        ArgumentOutOfRangeException.ThrowIfZero(erasure.CustomerIds.Count);
        cancellationToken.ThrowIfCancellationRequested();
        (log as InMemoryCustomerEventLog)?.Forget(erasure.CustomerIds);
        var at = StoredTime.Normalize(erasure.ErasedAt);
        var first = erasure.CustomerIds
            .Select(id => tombstones.GetOrAdd(CustomerHash.Of(id), hash => new CustomerTombstone(hash, at, erasure.ErasedBy, erasure.CustomerIds.Count)))
            .ToList();
        return Task.FromResult(first[0]);
    }

    /// <inheritdoc />
    public Task<CustomerTombstone?> FindTombstoneAsync(string customerId, CancellationToken cancellationToken) =>
        Task.FromResult(tombstones.GetValueOrDefault(CustomerHash.Of(customerId)));
}
