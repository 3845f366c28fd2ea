namespace CustomerNeeds.Domain.Loyalty;

/// <summary>What happens when a customer no longer qualifies for their current tier.</summary>
public enum DowngradeMode
{
    /// <summary>Never drop: tiers only rise (the floor and upgrades still apply).</summary>
    None = 0,

    /// <summary>Drop at the first evaluation that finds the customer below the tier.</summary>
    Immediate = 1,

    /// <summary>Drop only after the customer has been below the tier for the grace period.</summary>
    AfterGracePeriod = 2,
}
