namespace CustomerNeeds.Domain.Loyalty;

/// <summary>Weights and constants of the churn-risk score (configuration; defaults in docs/domain.md).</summary>
public sealed record ChurnRiskModel
{
    /// <summary>Silence against the customer's own purchase rhythm.</summary>
    public double RecencyWeight { get; init; } = 0.40;

    /// <summary>Recent CSAT below earlier CSAT.</summary>
    public double SatisfactionTrendWeight { get; init; } = 0.20;

    /// <summary>Open complaints (half at 1, full at 2 or more).</summary>
    public double OpenComplaintsWeight { get; init; } = 0.15;

    /// <summary>Repeated complaints in the recent window.</summary>
    public double RepeatedComplaintsWeight { get; init; } = 0.15;

    /// <summary>Latest NPS answer 0-6.</summary>
    public double NpsDetractorWeight { get; init; } = 0.10;

    /// <summary>Expected days between purchases for a customer with fewer than two purchases.</summary>
    public double DefaultExpectedGapDays { get; init; } = 90;

    /// <summary>Silence ratio (days since / expected gap) at which the recency factor is full; at 1 it is 0.</summary>
    public double RecencyFullRatio { get; init; } = 3;

    /// <summary>Drop of recent CSAT mean below earlier mean, in points, at which the trend factor is full.</summary>
    public double TrendFullDrop { get; init; } = 2;

    /// <summary>How many of the latest CSAT scores form the "recent" mean (the rest of the kept series is "earlier").</summary>
    public int TrendRecentCount { get; init; } = 3;

    /// <summary>Window for repeated complaints, in days.</summary>
    public int RepeatedComplaintWindowDays { get; init; } = 90;

    /// <summary>Complaints within the window that count as repeated.</summary>
    public int RepeatedComplaintThreshold { get; init; } = 2;

    public static ChurnRiskModel Default { get; } = new();
}
