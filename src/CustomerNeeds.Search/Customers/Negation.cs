namespace CustomerNeeds.Search.Customers;

/// <summary>
/// Holds when the operand does not hold (NOT). Two-valued: a restriction on a value the
/// customer does not have is false, so its negation is true.
/// </summary>
public sealed record Negation(CustomerFilter Operand) : CustomerFilter
{
    public override string ToString() => "NOT " + Operand;
}
