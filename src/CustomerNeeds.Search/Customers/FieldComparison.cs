using CustomerNeeds.Search.Values;

namespace CustomerNeeds.Search.Customers;

/// <summary>
/// Compares a single-valued field with a value: <c>kind = EXTERNAL</c>,
/// <c>loyalty.churn_risk_score &gt;= 0.7</c>, <c>create_time &lt; "2024-01-01T00:00:00Z"</c>.
/// Ordered enums compare by <see cref="EnumValue.Number"/>. For a field of
/// <see cref="FieldScope.AnyNeed"/> (only <see cref="Comparator.Equal"/>), it holds when at
/// least one of the customer's needs has the value. False when the customer has no value.
/// </summary>
public sealed record FieldComparison(CustomerField Field, Comparator Comparator, FieldValue Value) : CustomerFilter
{
    public override string ToString() => Field.Name + Comparator.Between() + Value;
}
