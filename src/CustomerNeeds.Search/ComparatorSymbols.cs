namespace CustomerNeeds.Search;

/// <summary>How each <see cref="Comparator"/> is written in a filter.</summary>
public static class ComparatorSymbols
{
    /// <summary>The operator as written: <c>=</c>, <c>!=</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c> or <c>:</c>.</summary>
    public static string Symbol(this Comparator comparator) => comparator switch
    {
        Comparator.Equal => "=",
        Comparator.NotEqual => "!=",
        Comparator.Less => "<",
        Comparator.LessOrEqual => "<=",
        Comparator.Greater => ">",
        Comparator.GreaterOrEqual => ">=",
        Comparator.Has => ":",
        _ => throw new ArgumentOutOfRangeException(nameof(comparator), comparator, null),
    };

    /// <summary>The operator placed between a field and a value: <c>:</c> without spaces, the others with one space either side.</summary>
    internal static string Between(this Comparator comparator) =>
        comparator == Comparator.Has ? ":" : $" {comparator.Symbol()} ";
}
