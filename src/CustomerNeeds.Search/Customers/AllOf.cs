namespace CustomerNeeds.Search.Customers;

/// <summary>Holds when every operand holds (AND). Nested conjunctions are flattened into one.</summary>
public sealed record AllOf(IReadOnlyList<CustomerFilter> Operands) : CustomerFilter
{
    public override string ToString() => "(" + string.Join(" AND ", Operands) + ")";
}
