namespace CustomerNeeds.Storage.Analytics;

/// <summary>
/// The complaints opened in a KPI window (all channels or one) and their outcome now: counts, and
/// the first-response and resolution time percentiles in seconds (null when nothing to measure).
/// </summary>
public sealed record ComplaintFigures(
    long Opened,
    long Responded,
    double? FirstResponseP50Seconds,
    double? FirstResponseP90Seconds,
    long Resolved,
    double? ResolutionP50Seconds,
    double? ResolutionP90Seconds,
    long FirstContactResolved)
{
    /// <summary>No complaint at all.</summary>
    public static ComplaintFigures None { get; } = new(0, 0, null, null, 0, null, null, 0);
}
