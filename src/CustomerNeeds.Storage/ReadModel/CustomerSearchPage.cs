namespace CustomerNeeds.Storage.ReadModel;

/// <summary>A page of customers.</summary>
/// <param name="Rows">The rows, in the query's order.</param>
/// <param name="Next">Where the next page starts; null when this is the last page.</param>
/// <param name="TotalSize">How many customers match the filter, when asked for; else null.</param>
public sealed record CustomerSearchPage(IReadOnlyList<CustomerSearchRow> Rows, CustomerCursor? Next, long? TotalSize);
