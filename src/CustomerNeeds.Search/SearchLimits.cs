namespace CustomerNeeds.Search;

/// <summary>
/// Bounds on what one search request may ask for, so that a hostile filter cannot exhaust
/// the parser, the checker or the database.
/// </summary>
public sealed record SearchLimits
{
    /// <summary>The limits documented in docs/filtering.md.</summary>
    public static SearchLimits Default { get; } = new();

    /// <summary>Longest filter, in characters.</summary>
    public int MaxFilterLength { get; init; } = 2_000;

    /// <summary>Deepest nesting of parentheses.</summary>
    public int MaxDepth { get; init; } = 8;

    /// <summary>Most restrictions (field, operator, value) in one filter.</summary>
    public int MaxRestrictions { get; init; } = 50;

    /// <summary>Most words in one <c>needs.title</c> value.</summary>
    public int MaxTitleWords { get; init; } = 10;

    /// <summary>Longest order_by, in characters.</summary>
    public int MaxOrderByLength { get; init; } = 500;

    /// <summary>Most fields in one order_by.</summary>
    public int MaxSortKeys { get; init; } = 5;
}
