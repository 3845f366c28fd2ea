namespace CustomerNeeds.Domain.Kano;

/// <summary>One customer's answer pair for a feature: functional (feature present) and dysfunctional (absent).</summary>
public sealed record KanoResponse(KanoAnswer Functional, KanoAnswer Dysfunctional);
