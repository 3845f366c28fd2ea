using CustomerNeeds.Domain.Needs;

namespace CustomerNeeds.Abstractions.Customers;

/// <summary>One page of needs, highest priority first; <see cref="NextOffset"/> is null on the last page.</summary>
[GenerateSerializer, Immutable]
[Alias("customerneeds.NeedPage")]
public sealed record NeedPage([property: Id(0)] IReadOnlyList<Need> Needs, [property: Id(1)] int? NextOffset);
