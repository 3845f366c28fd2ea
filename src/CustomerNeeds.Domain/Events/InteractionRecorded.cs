using CustomerNeeds.Domain.Interactions;

namespace CustomerNeeds.Domain.Events;

/// <summary>An interaction was recorded (the full interaction); names the complaint it opened, if any.</summary>
public sealed record InteractionRecorded(Interaction Interaction, string? OpenedComplaintId) : CustomerEvent;
