namespace CustomerNeeds.Abstractions.Watching;

/// <summary>Committed events read back from the log, in sequence order, and the customer's last sequence.</summary>
[GenerateSerializer, Immutable]
[Alias("customerneeds.CustomerChangePage")]
public sealed record CustomerChangePage(
    [property: Id(0)] IReadOnlyList<CommittedEvent> Events,
    [property: Id(1)] long LastSequence);
