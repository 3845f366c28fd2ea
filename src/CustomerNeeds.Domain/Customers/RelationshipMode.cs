namespace CustomerNeeds.Domain.Customers;

/// <summary>How the customer relates to us.</summary>
public enum RelationshipMode
{
    /// <summary>Not known.</summary>
    Unspecified = 0,

    /// <summary>Short deals, low switching cost, clear standard needs, little customisation.</summary>
    Transactional = 1,

    /// <summary>Long term, high switching cost, high customisation; deserves value-added service.</summary>
    Relational = 2,
}
