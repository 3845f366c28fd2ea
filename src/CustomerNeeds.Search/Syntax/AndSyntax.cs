namespace CustomerNeeds.Search.Syntax;

/// <summary>A conjunction: operands joined by <c>AND</c> or written side by side (juxtaposition).</summary>
public sealed record AndSyntax(IReadOnlyList<FilterSyntax> Operands, int Position) : FilterSyntax(Position)
{
    public override string ToString() => "(" + string.Join(" AND ", Operands) + ")";
}
