namespace CustomerNeeds.Abstractions.Customers;

/// <summary>Where a page of complaints ended: the last item's open time and id, and its customer when the list spans merged customers.</summary>
[GenerateSerializer, Immutable]
[Alias("customerneeds.ComplaintPosition")]
public sealed record ComplaintPosition([property: Id(0)] DateTimeOffset OpenedAt, [property: Id(1)] string ComplaintId, [property: Id(2)] string? CustomerId = null);
