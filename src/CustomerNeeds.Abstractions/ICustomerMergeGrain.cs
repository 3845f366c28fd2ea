using CustomerNeeds.Domain.Customers;

namespace CustomerNeeds.Abstractions;

/// <summary>
/// Runs merges one at a time for the whole cluster (docs/merge.md), so that no chain or cycle of
/// merges can form between two checks. One grain, key <see cref="Key"/>; not reentrant.
/// </summary>
[Alias("customerneeds.ICustomerMergeGrain")]
public interface ICustomerMergeGrain : IGrainWithIntegerKey
{
    /// <summary>The key of the one merge grain.</summary>
    public const long Key = 0;

    /// <summary>
    /// Merges <paramref name="sourceId"/> into <paramref name="targetId"/>; returns the target's summary.
    /// Idempotent. NotFound, FailedPrecondition (target merged itself, source merged elsewhere) and
    /// InvalidArgument (source = target) as <see cref="Errors.CustomerOperationException"/>.
    /// </summary>
    [Alias("Merge")]
    Task<CustomerSummary> MergeAsync(string sourceId, string targetId, string actor, CancellationToken cancellationToken = default);
}
