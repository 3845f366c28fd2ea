namespace CustomerNeeds.Storage.Analytics;

/// <summary>A customer of the revenue core: rank by lifetime spend (1 = highest), spend, and spend of everyone up to this rank.</summary>
public sealed record CoreCustomerRow(string CustomerId, string DisplayName, long Rank, decimal LifetimeSpend, decimal CumulativeSpend);
