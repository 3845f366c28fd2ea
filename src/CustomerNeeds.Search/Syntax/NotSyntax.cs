namespace CustomerNeeds.Search.Syntax;

/// <summary>A negation: <c>NOT x</c> or <c>-x</c>.</summary>
public sealed record NotSyntax(FilterSyntax Operand, int Position) : FilterSyntax(Position)
{
    public override string ToString() => "NOT " + Operand;
}
