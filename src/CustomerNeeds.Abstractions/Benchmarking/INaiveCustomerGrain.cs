using CustomerNeeds.Abstractions.Customers;
using CustomerNeeds.Domain.Interactions;

namespace CustomerNeeds.Abstractions.Benchmarking;

/// <summary>
/// Benchmark baseline only (docs/benchmarks.md, scenario "naive"): the design one builds by
/// default, a grain whose whole persistent state is the customer's interaction list, rewritten
/// in full through Orleans grain storage on every call. Never used by the service's API.
/// Keyed by the customer id.
/// </summary>
[Alias("customerneeds.benchmark.INaiveCustomerGrain")]
public interface INaiveCustomerGrain : IGrainWithStringKey
{
    /// <summary>
    /// Appends the interaction to the list and writes the whole state; a known id with the same
    /// content returns the stored one (replayed), with different content AlreadyExists.
    /// </summary>
    [Alias("RecordInteraction")]
    Task<RecordedInteraction> RecordInteractionAsync(Interaction interaction, CancellationToken cancellationToken = default);

    /// <summary>How many interactions the grain's state holds.</summary>
    [Alias("Count")]
    Task<int> CountAsync(CancellationToken cancellationToken = default);
}
