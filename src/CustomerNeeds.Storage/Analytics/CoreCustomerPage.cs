namespace CustomerNeeds.Storage.Analytics;

/// <summary>
/// One page of the revenue core with the totals of the same snapshot: the population (customers
/// in the read model), total lifetime revenue, the core's size and revenue.
/// </summary>
public sealed record CoreCustomerPage(
    IReadOnlyList<CoreCustomerRow> Customers,
    long PopulationCount,
    decimal TotalRevenue,
    long CoreCount,
    decimal CoreRevenue)
{
    /// <summary>True when customers of the core come after this page.</summary>
    public bool HasMore => Customers.Count > 0 && Customers[^1].Rank < CoreCount;
}
