namespace CustomerNeeds.Storage;

/// <summary>Where a newest-first interaction listing stopped: the last interaction returned.</summary>
/// <param name="OccurredAt">Its occur time.</param>
/// <param name="Sequence">Its sequence in its customer's log.</param>
/// <param name="CustomerId">Its customer, when the listing spans merged customers (the last tie-break); null otherwise.</param>
public sealed record InteractionCursor(DateTimeOffset OccurredAt, long Sequence, string? CustomerId = null);
