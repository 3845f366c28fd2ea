namespace CustomerNeeds.Domain.Loyalty;

/// <summary>The customer's tier, manual floor, tier history and referrals.</summary>
public sealed class LoyaltyState
{
    /// <summary>How many tier changes the history keeps (the latest).</summary>
    public const int MaxHistory = 50;

    /// <summary>Current tier name (from the tier policy); null when none.</summary>
    public string? Tier { get; set; }

    /// <summary>When the current tier was reached.</summary>
    public DateTimeOffset? TierSince { get; set; }

    /// <summary>Manual floor: the tier never drops below it; null when none.</summary>
    public string? Floor { get; set; }

    public string FloorReason { get; set; } = "";

    public string FloorActor { get; set; } = "";

    public DateTimeOffset? FloorSetAt { get; set; }

    /// <summary>Under AfterGracePeriod: since when the customer no longer qualifies for the current tier; null otherwise.</summary>
    public DateTimeOffset? BelowTierSince { get; set; }

    /// <summary>Tier changes, oldest first, the latest <see cref="MaxHistory"/>.</summary>
    public List<TierChange> History { get; set; } = [];

    /// <summary>Customers referred by this customer.</summary>
    public long ReferralCount { get; set; }

    /// <summary>The dormancy as last recorded by a loyalty review (DormancyChanged); Unspecified before the first.</summary>
    public Dormancy Dormancy { get; set; }

    /// <summary>The churn-risk level as last recorded by a loyalty review (ChurnRiskChanged); Unspecified before the first.</summary>
    public ChurnRiskLevel ChurnRiskLevel { get; set; }

    /// <summary>A deep copy.</summary>
    public LoyaltyState Clone()
    {
        var copy = (LoyaltyState)MemberwiseClone();
        copy.History = [.. History];
        return copy;
    }
}
