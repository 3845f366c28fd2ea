namespace CustomerNeeds.Abstractions.Customers;

/// <summary>
/// Where a page of the interaction history ended: the last item's occur time and log sequence, and
/// its customer when the history spans merged customers (docs/merge.md).
/// </summary>
[GenerateSerializer, Immutable]
[Alias("customerneeds.HistoryPosition")]
public sealed record HistoryPosition([property: Id(0)] DateTimeOffset OccurredAt, [property: Id(1)] long Sequence, [property: Id(2)] string? CustomerId = null);
