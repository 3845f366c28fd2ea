namespace CustomerNeeds.Domain.Complaints;

/// <summary>
/// Service-level targets for complaints, per severity, and the follow-up delay. Defaults:
/// response critical 1 h, high 4 h, medium 24 h, low 72 h; resolution critical 24 h, high
/// 72 h, medium 7 d, low 14 d; follow-up 3 d after resolution.
/// </summary>
public sealed record ComplaintServiceLevels
{
    public TimeSpan ResponseCritical { get; init; } = TimeSpan.FromHours(1);
    public TimeSpan ResponseHigh { get; init; } = TimeSpan.FromHours(4);
    public TimeSpan ResponseMedium { get; init; } = TimeSpan.FromHours(24);
    public TimeSpan ResponseLow { get; init; } = TimeSpan.FromHours(72);
    public TimeSpan ResolutionCritical { get; init; } = TimeSpan.FromHours(24);
    public TimeSpan ResolutionHigh { get; init; } = TimeSpan.FromHours(72);
    public TimeSpan ResolutionMedium { get; init; } = TimeSpan.FromDays(7);
    public TimeSpan ResolutionLow { get; init; } = TimeSpan.FromDays(14);

    /// <summary>How long after resolution the follow-up contact is due.</summary>
    public TimeSpan FollowUpDelay { get; init; } = TimeSpan.FromDays(3);

    /// <summary>The defaults above.</summary>
    public static ComplaintServiceLevels Default { get; } = new();

    /// <summary>Time allowed from opening to the first response (Unspecified counts as Medium).</summary>
    public TimeSpan ResponseTarget(ComplaintSeverity severity) => severity switch
    {
        ComplaintSeverity.Critical => ResponseCritical,
        ComplaintSeverity.High => ResponseHigh,
        ComplaintSeverity.Low => ResponseLow,
        _ => ResponseMedium,
    };

    /// <summary>Time allowed from opening to resolution (Unspecified counts as Medium).</summary>
    public TimeSpan ResolutionTarget(ComplaintSeverity severity) => severity switch
    {
        ComplaintSeverity.Critical => ResolutionCritical,
        ComplaintSeverity.High => ResolutionHigh,
        ComplaintSeverity.Low => ResolutionLow,
        _ => ResolutionMedium,
    };
}
