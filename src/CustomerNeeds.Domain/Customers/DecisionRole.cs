namespace CustomerNeeds.Domain.Customers;

/// <summary>The part a business customer's contact person plays in buying decisions.</summary>
public enum DecisionRole
{
    /// <summary>Not known.</summary>
    Unspecified = 0,

    /// <summary>Decides.</summary>
    DecisionMaker = 1,

    /// <summary>Decides on behalf of the decision maker.</summary>
    DelegatedDecisionMaker = 2,

    /// <summary>Does not decide but sways the decision.</summary>
    Influencer = 3,
}
