using CustomerNeeds.Domain.Kano;
using CustomerNeeds.Domain.Needs;

namespace CustomerNeeds.Abstractions.Customers;

/// <summary>
/// A page request over a customer's needs. Empty filter lists match everything;
/// <c>Unspecified</c> in <see cref="KanoClasses"/> matches needs not yet classified.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("customerneeds.NeedQuery")]
public sealed record NeedQuery(
    [property: Id(0)] int PageSize,
    [property: Id(1)] int Offset,
    [property: Id(2)] IReadOnlyList<NeedStatus> Statuses,
    [property: Id(3)] IReadOnlyList<NeedType> Types,
    [property: Id(4)] IReadOnlyList<NeedArea> Areas,
    [property: Id(5)] IReadOnlyList<KanoClass> KanoClasses);
