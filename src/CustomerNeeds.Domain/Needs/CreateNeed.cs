namespace CustomerNeeds.Domain.Needs;

/// <summary>Capture a need. <paramref name="NeedId"/> null = mint "n&lt;number&gt;".</summary>
public sealed record CreateNeed(string? NeedId, NeedFields Fields, string Actor);
