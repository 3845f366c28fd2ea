namespace CustomerNeeds.Storage.Analytics;

/// <summary>A KPI window [Start, End): start inclusive, end exclusive (docs/kpis.md).</summary>
public sealed record KpiWindow(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>The window's length.</summary>
    public TimeSpan Length => End - Start;

    /// <summary>Start of the previous period of the same length, the churn base: [BaseStart, Start).</summary>
    public DateTimeOffset BaseStart => Start - Length;
}
