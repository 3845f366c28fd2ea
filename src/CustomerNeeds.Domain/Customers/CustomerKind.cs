namespace CustomerNeeds.Domain.Customers;

/// <summary>The kind of customer.</summary>
public enum CustomerKind
{
    /// <summary>Not known.</summary>
    Unspecified = 0,

    /// <summary>Another part of our own organisation.</summary>
    Internal = 1,

    /// <summary>A reseller or partner who sells on.</summary>
    Intermediary = 2,

    /// <summary>An end customer.</summary>
    External = 3,

    /// <summary>A competitor's customer: a prospect today.</summary>
    CompetitorCustomer = 4,
}
