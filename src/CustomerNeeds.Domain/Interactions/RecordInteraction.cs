namespace CustomerNeeds.Domain.Interactions;

/// <summary>Record one interaction (with its caller-supplied id).</summary>
public sealed record RecordInteraction(Interaction Interaction);
