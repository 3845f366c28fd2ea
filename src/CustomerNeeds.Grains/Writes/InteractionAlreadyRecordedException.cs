namespace CustomerNeeds.Grains.Writes;

/// <summary>
/// A write was refused because its interaction id is already in the customer's log (older than
/// the interactions held in memory). Never crosses the grain boundary: the grain answers from the
/// log instead (a replay, or ALREADY_EXISTS when the content differs).
/// </summary>
internal sealed class InteractionAlreadyRecordedException(string interactionId)
    : Exception($"Interaction '{interactionId}' is already recorded.")
{
    public string InteractionId { get; } = interactionId;
}
