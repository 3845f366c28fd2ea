namespace CustomerNeeds.Storage;

/// <summary>
/// The columns that make an event an interaction: its caller-supplied id (unique per customer, for
/// ever), when it happened, its channel and kind (for filtering) and a hash of its content (so a
/// retry with the same id can be told apart from a different interaction reusing the id).
/// </summary>
public sealed record InteractionKey(string InteractionId, DateTimeOffset OccurredAt, string Channel, string Kind, string ContentHash);
