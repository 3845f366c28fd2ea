namespace CustomerNeeds.Storage;

/// <summary>One page of interactions, newest first.</summary>
/// <param name="Interactions">The interaction events of this page.</param>
/// <param name="Next">The cursor for the next page; null when there are no more interactions.</param>
public sealed record InteractionPage(IReadOnlyList<StoredEvent> Interactions, InteractionCursor? Next);
