namespace CustomerNeeds.Search.Syntax;

/// <summary>The kinds of token the lexer produces.</summary>
internal enum TokenKind
{
    /// <summary>A bare word: field name segment, enum value or unquoted text.</summary>
    Word,

    /// <summary>A double-quoted string; the token text is the decoded value.</summary>
    String,

    /// <summary>A number such as <c>3</c>, <c>0.75</c> or <c>1e3</c> (without sign).</summary>
    Number,

    And,
    Or,
    Not,
    Minus,
    LeftParen,
    RightParen,
    Dot,
    Comma,
    Star,

    /// <summary>One of <c>= != &lt; &lt;= &gt; &gt;= :</c>; see <see cref="FilterToken.Comparator"/>.</summary>
    Comparator,

    /// <summary>The end of the text.</summary>
    End,
}
