namespace CustomerNeeds.Storage;

/// <summary>Where a newest-first interaction listing stopped: the last interaction returned.</summary>
public sealed record InteractionCursor(DateTimeOffset OccurredAt, long Sequence);
