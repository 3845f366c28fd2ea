namespace CustomerNeeds.Search.Syntax;

/// <summary>A restriction: <c>member comparator argument</c>, e.g. <c>loyalty.tier = gold</c>.</summary>
/// <param name="ComparatorPosition">0-based offset of the operator.</param>
public sealed record RestrictionSyntax(MemberSyntax Member, Comparator Comparator, int ComparatorPosition, ArgumentSyntax Argument)
    : FilterSyntax(Member.Position)
{
    public override string ToString() => Member + Comparator.Between() + Argument;
}
