using CustomerNeeds.Domain.Interactions;

namespace CustomerNeeds.Abstractions.Customers;

/// <summary>An interaction as stored: the caller's content, when it was recorded, and what it opened.</summary>
[GenerateSerializer, Immutable]
[Alias("customerneeds.RecordedInteraction")]
public sealed record RecordedInteraction(
    [property: Id(0)] Interaction Interaction,
    [property: Id(1)] DateTimeOffset RecordedAt,
    [property: Id(2)] string? OpenedComplaintId,
    [property: Id(3)] bool Replayed);
