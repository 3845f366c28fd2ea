using CustomerNeeds.Domain.Complaints;

namespace CustomerNeeds.Abstractions.Customers;

/// <summary>A page request over all complaints of a customer (open and closed), newest first.</summary>
[GenerateSerializer, Immutable]
[Alias("customerneeds.ComplaintQuery")]
public sealed record ComplaintQuery(
    [property: Id(0)] int PageSize,
    [property: Id(1)] IReadOnlyList<ComplaintStatus> Statuses,
    [property: Id(2)] ComplaintPosition? After);
