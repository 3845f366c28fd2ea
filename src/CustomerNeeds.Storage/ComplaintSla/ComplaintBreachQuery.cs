namespace CustomerNeeds.Storage.ComplaintSla;

/// <summary>One page of SLA breaches across customers, by detection time.</summary>
/// <param name="PageSize">At most this many breaches (at least 1).</param>
/// <param name="Severities">Only these severity numbers; null for all.</param>
/// <param name="Target">Only this target number (1 first response, 2 resolution); null for both.</param>
/// <param name="DetectedFrom">Only breaches detected at or after this; null for no bound.</param>
/// <param name="DetectedBefore">Only breaches detected before this; null for no bound.</param>
/// <param name="After">Continue after this breach; null for the first page.</param>
public sealed record ComplaintBreachQuery(
    int PageSize,
    short[]? Severities,
    short? Target,
    DateTimeOffset? DetectedFrom,
    DateTimeOffset? DetectedBefore,
    ComplaintBreachCursor? After);
