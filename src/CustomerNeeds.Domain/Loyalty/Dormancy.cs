namespace CustomerNeeds.Domain.Loyalty;

/// <summary>How long a customer has been silent, in bands (docs/loyalty-sweep.md). Dormant and semi-dormant customers are to be revived.</summary>
public enum Dormancy
{
    /// <summary>Not recorded yet (counts as <see cref="Active"/>).</summary>
    Unspecified = 0,

    /// <summary>In contact within the semi-dormant threshold, or never in contact.</summary>
    Active = 1,

    /// <summary>Silent for at least the semi-dormant threshold.</summary>
    SemiDormant = 2,

    /// <summary>Silent for at least the dormant threshold.</summary>
    Dormant = 3,
}
