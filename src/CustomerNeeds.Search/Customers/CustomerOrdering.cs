namespace CustomerNeeds.Search.Customers;

/// <summary>
/// A checked order_by: the keys in order of significance. Empty means the default order
/// (<c>name</c>). Whatever the keys, ties are broken by <c>name</c> ascending so that paging
/// is stable, and customers without a value for a key come after those with one, in either
/// direction.
/// </summary>
public sealed record CustomerOrdering(IReadOnlyList<SortKey> Keys)
{
    /// <summary>No keys: the default order.</summary>
    public static CustomerOrdering Default { get; } = new(Array.Empty<SortKey>());

    /// <summary>The canonical order_by text, e.g. <c>loyalty.churn_risk_score desc, display_name</c>.</summary>
    public override string ToString() => string.Join(", ", Keys);
}
