using CustomerNeeds.Domain.Interactions;

namespace CustomerNeeds.Abstractions.Customers;

/// <summary>A page request over the whole interaction history, newest first.</summary>
[GenerateSerializer, Immutable]
[Alias("customerneeds.InteractionQuery")]
public sealed record InteractionQuery(
    [property: Id(0)] int PageSize,
    [property: Id(1)] IReadOnlyList<Channel> Channels,
    [property: Id(2)] IReadOnlyList<InteractionKind> Kinds,
    [property: Id(3)] DateTimeOffset? OccurredFrom,
    [property: Id(4)] DateTimeOffset? OccurredBefore,
    [property: Id(5)] HistoryPosition? After);
