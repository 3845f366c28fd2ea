namespace CustomerNeeds.Search.Customers;

/// <summary>Holds when at least one operand holds (OR). Nested disjunctions are flattened into one.</summary>
public sealed record AnyOf(IReadOnlyList<CustomerFilter> Operands) : CustomerFilter
{
    public override string ToString() => "(" + string.Join(" OR ", Operands) + ")";
}
