using CustomerNeeds.Domain.Interactions;

namespace CustomerNeeds.Abstractions.Customers;

/// <summary>
/// An interaction as stored: the caller's content, when it was recorded, and what it opened;
/// <c>OriginCustomerId</c> names the customer that recorded it when that customer was merged into this one.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("customerneeds.RecordedInteraction")]
public sealed record RecordedInteraction(
    [property: Id(0)] Interaction Interaction,
    [property: Id(1)] DateTimeOffset RecordedAt,
    [property: Id(2)] string? OpenedComplaintId,
    [property: Id(3)] bool Replayed,
    [property: Id(4)] string? OriginCustomerId = null);
