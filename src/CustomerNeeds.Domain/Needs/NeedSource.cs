namespace CustomerNeeds.Domain.Needs;

/// <summary>Where a need was captured: the interaction (optional) and the research method.</summary>
public sealed record NeedSource(string? InteractionId, ResearchMethod Method);
