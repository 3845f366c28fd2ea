namespace CustomerNeeds.Domain.Loyalty;

/// <summary>
/// One tier and the thresholds to qualify for it. A null threshold is not checked; a tier
/// with no thresholds is always met. All set thresholds must be met.
/// </summary>
public sealed record TierRule
{
    /// <summary>Tier name, e.g. "gold"; unique in the policy.</summary>
    public string Name { get; init; } = "";

    /// <summary>Minimum spend in the rolling window (service currency).</summary>
    public decimal? MinSpend { get; init; }

    /// <summary>Minimum number of purchases in the rolling window.</summary>
    public int? MinPurchases { get; init; }

    /// <summary>Maximum whole days since the last purchase (recency); not met without a purchase.</summary>
    public int? MaxDaysSinceLastPurchase { get; init; }

    /// <summary>Minimum mean of all CSAT scores; not met without scores (silence is not satisfaction).</summary>
    public double? MinCsatMean { get; init; }

    /// <summary>Minimum number of referrals.</summary>
    public int? MinReferrals { get; init; }

    /// <summary>Maximum number of open complaints.</summary>
    public int? MaxOpenComplaints { get; init; }
}
