namespace CustomerNeeds.Domain.Satisfaction;

/// <summary>The category of an NPS answer (0 to 10).</summary>
public enum NpsCategory
{
    /// <summary>0 to 6.</summary>
    Detractor = 1,

    /// <summary>7 or 8.</summary>
    Passive = 2,

    /// <summary>9 or 10.</summary>
    Promoter = 3,
}
