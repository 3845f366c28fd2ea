namespace CustomerNeeds.Storage;

/// <summary>An event to append: its stable type name and its JSON payload, stored verbatim.</summary>
/// <param name="EventType">The stable name of the event's type, e.g. "interaction-recorded".</param>
/// <param name="PayloadJson">The event as JSON; read back byte for byte.</param>
/// <param name="RecordedAt">When the service recorded the event; kept to the microsecond, in UTC.</param>
/// <param name="Interaction">Set when the event records an interaction.</param>
public sealed record NewEvent(string EventType, string PayloadJson, DateTimeOffset RecordedAt, InteractionKey? Interaction = null);
