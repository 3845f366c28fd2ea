using CustomerNeeds.Search.Customers;

namespace CustomerNeeds.Storage.ReadModel;

/// <summary>One page of a customer search.</summary>
/// <param name="Filter">The checked filter; null for every customer.</param>
/// <param name="Ordering">The order of the rows.</param>
/// <param name="PageSize">Most rows to return (at least 1).</param>
/// <param name="After">Where the previous page ended; null for the first page.</param>
/// <param name="IncludeTotal">Also count every customer that matches the filter, in the same snapshot as the page.</param>
public sealed record CustomerQuery(CustomerFilter? Filter, CustomerOrdering Ordering, int PageSize, CustomerCursor? After, bool IncludeTotal);
