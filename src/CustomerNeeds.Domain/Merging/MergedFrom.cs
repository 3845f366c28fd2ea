namespace CustomerNeeds.Domain.Merging;

/// <summary>Where a need or complaint came from when a merge moved it: the customer and its id there.</summary>
/// <param name="CustomerId">The customer that held it before the merge (the merge's source).</param>
/// <param name="Id">Its id at that customer (the id in the target may differ when it collided).</param>
public sealed record MergedFrom(string CustomerId, string Id);
