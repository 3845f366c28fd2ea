namespace CustomerNeeds.Search.Syntax;

/// <summary>A disjunction: operands joined by <c>OR</c>.</summary>
public sealed record OrSyntax(IReadOnlyList<FilterSyntax> Operands, int Position) : FilterSyntax(Position)
{
    public override string ToString() => "(" + string.Join(" OR ", Operands) + ")";
}
