namespace CustomerNeeds.Domain.Complaints;

/// <summary>
/// The targets of one loyalty tier: each one that is set replaces the default of
/// <see cref="ComplaintSlaPolicy.Defaults"/>; each one left null falls back to it.
/// </summary>
public sealed record ComplaintSlaOverride
{
    public TimeSpan? ResponseCritical { get; init; }
    public TimeSpan? ResponseHigh { get; init; }
    public TimeSpan? ResponseMedium { get; init; }
    public TimeSpan? ResponseLow { get; init; }
    public TimeSpan? ResolutionCritical { get; init; }
    public TimeSpan? ResolutionHigh { get; init; }
    public TimeSpan? ResolutionMedium { get; init; }
    public TimeSpan? ResolutionLow { get; init; }
    public TimeSpan? FollowUpDelay { get; init; }

    /// <summary>The defaults with this tier's settings applied.</summary>
    public ComplaintServiceLevels Over(ComplaintServiceLevels defaults) => defaults with
    {
        ResponseCritical = ResponseCritical ?? defaults.ResponseCritical,
        ResponseHigh = ResponseHigh ?? defaults.ResponseHigh,
        ResponseMedium = ResponseMedium ?? defaults.ResponseMedium,
        ResponseLow = ResponseLow ?? defaults.ResponseLow,
        ResolutionCritical = ResolutionCritical ?? defaults.ResolutionCritical,
        ResolutionHigh = ResolutionHigh ?? defaults.ResolutionHigh,
        ResolutionMedium = ResolutionMedium ?? defaults.ResolutionMedium,
        ResolutionLow = ResolutionLow ?? defaults.ResolutionLow,
        FollowUpDelay = FollowUpDelay ?? defaults.FollowUpDelay,
    };
}
