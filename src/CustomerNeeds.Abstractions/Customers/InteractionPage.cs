namespace CustomerNeeds.Abstractions.Customers;

/// <summary>One page of interactions, newest first; <see cref="Next"/> is null on the last page.</summary>
[GenerateSerializer, Immutable]
[Alias("customerneeds.InteractionPage")]
public sealed record InteractionPage([property: Id(0)] IReadOnlyList<RecordedInteraction> Interactions, [property: Id(1)] HistoryPosition? Next);
