namespace CustomerNeeds.Domain.Loyalty;

/// <summary>Thresholds of the loyalty ladder (configuration). Defaults: CSAT mean ≥ 4.0 or last NPS ≥ 9; ≥ 1 referral; ≥ 10 purchases; semi-dormant after 90 silent days, dormant after 180.</summary>
public sealed record LoyaltyLadderRules
{
    /// <summary>Supporter: the CSAT mean (all scores) at least this …</summary>
    public double SupporterMinCsatMean { get; init; } = 4.0;

    /// <summary>… or the latest NPS answer at least this (9 = promoter).</summary>
    public int SupporterMinLastNps { get; init; } = 9;

    /// <summary>Advocate: at least this many referrals.</summary>
    public int AdvocateMinReferrals { get; init; } = 1;

    /// <summary>Partner: at least this many purchases (lifetime), with a relational relationship mode.</summary>
    public int PartnerMinPurchases { get; init; } = 10;

    /// <summary>Whole days without any interaction from which a customer is semi-dormant.</summary>
    public int SemiDormantAfterDays { get; init; } = 90;

    /// <summary>Whole days without any interaction from which a customer is dormant.</summary>
    public int DormantAfterDays { get; init; } = 180;

    public static LoyaltyLadderRules Default { get; } = new();
}
