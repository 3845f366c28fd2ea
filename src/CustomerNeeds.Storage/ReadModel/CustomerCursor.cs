namespace CustomerNeeds.Storage.ReadModel;

/// <summary>
/// Where a page of customers ended: the sort-key values of its last row, in the order of the
/// ordering's keys (null where the customer has no value), and that row's customer id. The next
/// page starts strictly after this position (keyset paging).
/// </summary>
/// <param name="Keys">One invariant text per sort key (see <see cref="SortValueText"/>); null for no value.</param>
/// <param name="CustomerId">The last row's customer id.</param>
public sealed record CustomerCursor(IReadOnlyList<string?> Keys, string CustomerId);
