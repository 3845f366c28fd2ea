using CustomerNeeds.Domain.Complaints;

namespace CustomerNeeds.Abstractions.Customers;

/// <summary>One page of complaints; <see cref="Next"/> is null on the last page.</summary>
[GenerateSerializer, Immutable]
[Alias("customerneeds.ComplaintPage")]
public sealed record ComplaintPage([property: Id(0)] IReadOnlyList<ComplaintCase> Complaints, [property: Id(1)] ComplaintPosition? Next);
