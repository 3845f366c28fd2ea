using CustomerNeeds.Domain.Customers;

namespace CustomerNeeds.Abstractions.Watching;

/// <summary>What one committed group of writes changed: its events, in order, and the customer after them.</summary>
[GenerateSerializer, Immutable]
[Alias("customerneeds.CustomerCommit")]
public sealed record CustomerCommit(
    [property: Id(0)] IReadOnlyList<CommittedEvent> Events,
    [property: Id(1)] CustomerSummary Customer)
{
    /// <summary>The sequence of the group's first event.</summary>
    public long FirstSequence => Events[0].Sequence;

    /// <summary>The sequence of the group's last event: the customer's version after it.</summary>
    public long LastSequence => Events[^1].Sequence;
}
