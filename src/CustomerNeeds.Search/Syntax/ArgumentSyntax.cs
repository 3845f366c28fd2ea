namespace CustomerNeeds.Search.Syntax;

/// <summary>The value of a restriction: its kind, its text (decoded for a string) and where it starts.</summary>
public sealed record ArgumentSyntax(ArgumentKind Kind, string Text, int Position)
{
    public override string ToString() => Kind == ArgumentKind.String ? FilterLiteral.Quote(Text) : Text;
}
