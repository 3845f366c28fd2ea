namespace CustomerNeeds.Search.Syntax;

/// <summary>One name of a field path, as written (a word, or a quoted string for a map key).</summary>
public sealed record MemberSegment(string Name, int Position)
{
    public override string ToString() => FilterLiteral.BareOrQuoted(Name);
}
