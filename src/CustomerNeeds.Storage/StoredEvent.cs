namespace CustomerNeeds.Storage;

/// <summary>An event as stored in a customer's log.</summary>
/// <param name="Sequence">Its position in the customer's log, from 1, without gaps.</param>
/// <param name="EventType">The stable name of the event's type.</param>
/// <param name="PayloadJson">The JSON exactly as appended.</param>
/// <param name="RecordedAt">When it was recorded (UTC, microsecond precision).</param>
/// <param name="ContentHash">For an interaction, the content hash given at append; otherwise null.</param>
/// <param name="CustomerId">The customer whose log holds it, when a read spans merged customers; otherwise null.</param>
public sealed record StoredEvent(long Sequence, string EventType, string PayloadJson, DateTimeOffset RecordedAt, string? ContentHash = null, string? CustomerId = null);
