namespace CustomerNeeds.Domain.Loyalty;

/// <summary>The loyalty ladder, bottom to top.</summary>
public enum LoyaltyStage
{
    /// <summary>Not evaluated (no customer).</summary>
    Unspecified = 0,

    /// <summary>Exists, no interaction yet.</summary>
    Suspect = 1,

    /// <summary>Interactions, no purchase.</summary>
    Prospect = 2,

    /// <summary>Exactly one purchase.</summary>
    FirstTimeCustomer = 3,

    /// <summary>Two or more purchases: profit starts here.</summary>
    RepeatCustomer = 4,

    /// <summary>Repeat customer who is positively satisfied.</summary>
    Supporter = 5,

    /// <summary>Supporter who refers others.</summary>
    Advocate = 6,

    /// <summary>Advocate in a relational, long-term relationship with many purchases.</summary>
    Partner = 7,
}
