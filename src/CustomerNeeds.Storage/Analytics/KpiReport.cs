namespace CustomerNeeds.Storage.Analytics;

/// <summary>Everything <see cref="KpiQuery"/> computes for one window: the totals, churn, and (when asked for) the channels, in channel text order.</summary>
public sealed record KpiReport(
    InteractionFigures Interactions,
    ComplaintFigures Complaints,
    ChurnFigures Churn,
    IReadOnlyList<ChannelFigures> Channels);
