namespace CustomerNeeds.Storage;

/// <summary>
/// The columns that make an event an interaction: its caller-supplied id (unique per customer, for
/// ever), when it happened, its channel and kind (for filtering) and a hash of its content (so a
/// retry with the same id can be told apart from a different interaction reusing the id).
/// </summary>
/// <param name="InteractionId">interaction_id.</param>
/// <param name="OccurredAt">occurred_at.</param>
/// <param name="Channel">channel (the channel's name).</param>
/// <param name="Kind">kind (the kind's name).</param>
/// <param name="ContentHash">content_hash.</param>
/// <param name="Facts">The KPI fact columns; null leaves them NULL.</param>
public sealed record InteractionKey(string InteractionId, DateTimeOffset OccurredAt, string Channel, string Kind, string ContentHash, InteractionFacts? Facts = null);
