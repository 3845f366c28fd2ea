using CustomerNeeds.Abstractions.Merging;
using CustomerNeeds.Domain.Customers;

namespace CustomerNeeds.Abstractions;

/// <summary>The merge protocol of a customer (docs/merge.md). Called by the merge grain and by customer grains only.</summary>
public partial interface ICustomerGrain
{
    /// <summary>Whether the customer exists and whether it was merged; never forwarded to a merge target.</summary>
    [Alias("GetMergeStatus")]
    Task<CustomerMergeStatus> GetMergeStatusAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Seals this customer into <paramref name="targetId"/> (idempotent) and sees the target absorb it;
    /// returns the target's summary. FailedPrecondition when it was merged into another customer.
    /// </summary>
    [Alias("MergeInto")]
    Task<CustomerSummary> MergeIntoAsync(string targetId, string actor, CancellationToken cancellationToken = default);

    /// <summary>Absorbs the sealed <paramref name="source"/> (idempotent by its id); forwarded when this customer was merged itself.</summary>
    [Alias("Absorb")]
    Task<CustomerSummary> AbsorbAsync(CustomerState source, string actor, CancellationToken cancellationToken = default);
}
