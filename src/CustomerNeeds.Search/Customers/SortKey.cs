namespace CustomerNeeds.Search.Customers;

/// <summary>One key of an ordering: a field and its direction.</summary>
/// <param name="Field">What to order by.</param>
/// <param name="Name">The field as written in order_by, e.g. <c>loyalty.churn_risk_score</c>.</param>
/// <param name="Descending">True for <c>desc</c>; ascending otherwise.</param>
public sealed record SortKey(CustomerSortField Field, string Name, bool Descending)
{
    public override string ToString() => Descending ? Name + " desc" : Name;
}
