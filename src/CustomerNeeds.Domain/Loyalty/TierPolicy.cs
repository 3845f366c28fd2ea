namespace CustomerNeeds.Domain.Loyalty;

/// <summary>
/// The tier rule set (configuration): ordered tiers lowest first, the rolling window for
/// spend and purchase count, and the downgrade mode. See docs/domain.md for the default.
/// </summary>
public sealed record TierPolicy
{
    /// <summary>The longest rolling window allowed (purchase buckets are kept one day longer).</summary>
    public const int MaxRollingWindowDays = 730;

    /// <summary>Tiers, lowest first.</summary>
    public IReadOnlyList<TierRule> Tiers { get; init; } = [];

    /// <summary>Days in the rolling window, 1 to <see cref="MaxRollingWindowDays"/>.</summary>
    public int RollingWindowDays { get; init; } = 365;

    public DowngradeMode DowngradeMode { get; init; } = DowngradeMode.AfterGracePeriod;

    /// <summary>Days below the tier before a drop under <see cref="DowngradeMode.AfterGracePeriod"/>.</summary>
    public int GracePeriodDays { get; init; } = 30;

    /// <summary>
    /// bronze (no thresholds); silver: spend ≥ 500, ≥ 2 purchases, last purchase ≤ 180 days;
    /// gold: spend ≥ 2,000, ≥ 5 purchases, ≤ 90 days, CSAT ≥ 3.5; platinum: spend ≥ 10,000,
    /// ≥ 12 purchases, ≤ 60 days, CSAT ≥ 4.0, ≥ 1 referral, no open complaint. Window 365
    /// days; downgrade after a 30-day grace period.
    /// </summary>
    public static TierPolicy Default { get; } = new()
    {
        Tiers =
        [
            new TierRule { Name = "bronze" },
            new TierRule { Name = "silver", MinSpend = 500m, MinPurchases = 2, MaxDaysSinceLastPurchase = 180 },
            new TierRule { Name = "gold", MinSpend = 2_000m, MinPurchases = 5, MaxDaysSinceLastPurchase = 90, MinCsatMean = 3.5 },
            new TierRule
            {
                Name = "platinum", MinSpend = 10_000m, MinPurchases = 12, MaxDaysSinceLastPurchase = 60,
                MinCsatMean = 4.0, MinReferrals = 1, MaxOpenComplaints = 0,
            },
        ],
        RollingWindowDays = 365,
        DowngradeMode = DowngradeMode.AfterGracePeriod,
        GracePeriodDays = 30,
    };

    /// <summary>Position of a tier (0 = lowest); -1 for null or a name not in the policy.</summary>
    public int RankOf(string? tier)
    {
        for (var i = 0; i < Tiers.Count; i++)
        {
            if (string.Equals(Tiers[i].Name, tier, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>True when <paramref name="tier"/> names a tier of this policy.</summary>
    public bool Contains(string tier) => RankOf(tier) >= 0;

    /// <summary>What is wrong with this policy; empty when it is usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Tiers.Count == 0)
        {
            problems.Add("at least one tier is required");
        }

        if (Tiers.Any(t => string.IsNullOrWhiteSpace(t.Name)))
        {
            problems.Add("every tier needs a name");
        }

        foreach (var name in Tiers.GroupBy(t => t.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            problems.Add($"tier '{name}' is defined more than once");
        }

        if (RollingWindowDays is < 1 or > MaxRollingWindowDays)
        {
            problems.Add($"rolling window must be 1 to {MaxRollingWindowDays} days");
        }

        if (GracePeriodDays < 0)
        {
            problems.Add("grace period must not be negative");
        }

        if (!Enum.IsDefined(DowngradeMode))
        {
            problems.Add("unknown downgrade mode");
        }

        foreach (var t in Tiers)
        {
            if (t.MinSpend < 0 || t.MinPurchases < 0 || t.MaxDaysSinceLastPurchase < 0 || t.MinReferrals < 0 || t.MaxOpenComplaints < 0)
            {
                problems.Add($"tier '{t.Name}' has a negative threshold");
            }

            if (t.MinCsatMean is < 1 or > 5)
            {
                problems.Add($"tier '{t.Name}': CSAT threshold must be 1 to 5");
            }
        }

        return problems;
    }
}
