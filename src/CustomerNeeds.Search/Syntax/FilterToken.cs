namespace CustomerNeeds.Search.Syntax;

/// <summary>
/// One token: its kind, where it starts, how many characters of source it covers, and its
/// text (the decoded value for a string, the source text otherwise).
/// </summary>
internal readonly record struct FilterToken(TokenKind Kind, int Position, int Length, string Text, Comparator Comparator = default)
{
    /// <summary>The first position after the token.</summary>
    public int End => Position + Length;

    /// <summary>How an error message names the token.</summary>
    public string Describe(string source) => Kind switch
    {
        TokenKind.End => "end of text",
        TokenKind.String => Length <= 40 ? source.Substring(Position, Length) : source.Substring(Position, 36) + "...\"",
        _ => "\"" + source.Substring(Position, Length) + "\"",
    };
}
