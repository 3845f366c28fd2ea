using CustomerNeeds.Domain.Customers;

namespace CustomerNeeds.Abstractions.Watching;

/// <summary>The customer as of <paramref name="Sequence"/>, the last sequence of its log at that moment.</summary>
[GenerateSerializer, Immutable]
[Alias("customerneeds.WatchedCustomer")]
public sealed record WatchedCustomer(
    [property: Id(0)] long Sequence,
    [property: Id(1)] CustomerSummary Customer);
