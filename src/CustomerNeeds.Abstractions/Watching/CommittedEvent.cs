namespace CustomerNeeds.Abstractions.Watching;

/// <summary>One committed event of a customer's log, as stored.</summary>
/// <param name="Sequence">Its position in the customer's log (from 1, without gaps).</param>
/// <param name="EventType">The event's stable name, e.g. "interaction-recorded".</param>
/// <param name="PayloadJson">The event's JSON exactly as stored.</param>
/// <param name="RecordedAt">When the service recorded it.</param>
[GenerateSerializer, Immutable]
[Alias("customerneeds.CommittedEvent")]
public sealed record CommittedEvent(
    [property: Id(0)] long Sequence,
    [property: Id(1)] string EventType,
    [property: Id(2)] string PayloadJson,
    [property: Id(3)] DateTimeOffset RecordedAt);
