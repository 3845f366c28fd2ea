namespace CustomerNeeds.Search.Syntax;

/// <summary>How the value of a restriction was written.</summary>
public enum ArgumentKind
{
    /// <summary>A double-quoted string, e.g. <c>"vip"</c>.</summary>
    String,

    /// <summary>A number, e.g. <c>3</c>, <c>-0.5</c>, <c>1e3</c>.</summary>
    Number,

    /// <summary>Bare text, e.g. <c>EXTERNAL</c> or <c>key-account</c>; dotted words are joined (<c>a.b</c>).</summary>
    Text,

    /// <summary>A lone <c>*</c> (presence test after <c>:</c>).</summary>
    Star,
}
