namespace CustomerNeeds.Search;

/// <summary>
/// A search request parameter (<c>filter</c> or <c>order_by</c>) that cannot be understood:
/// where it goes wrong and what is wrong. The message reads
/// <c>filter: at 14: unknown field "tierr"; ...</c>. The gRPC layer answers INVALID_ARGUMENT
/// with a field violation on <see cref="Parameter"/>.
/// </summary>
public sealed class FilterException : Exception
{
    /// <summary>The request field name of the filter string.</summary>
    public const string FilterParameter = "filter";

    /// <summary>The request field name of the ordering string.</summary>
    public const string OrderByParameter = "order_by";

    public FilterException(string parameter, int position, string reason)
        : base($"{parameter}: at {position}: {reason}")
    {
        Parameter = parameter;
        Position = position;
        Reason = reason;
    }

    /// <summary>The request field that holds the text: <see cref="FilterParameter"/> or <see cref="OrderByParameter"/>.</summary>
    public string Parameter { get; }

    /// <summary>0-based offset in the text (UTF-16 code units) where the problem starts; the text's length when the text ends too early.</summary>
    public int Position { get; }

    /// <summary>What is wrong, without the parameter and position.</summary>
    public string Reason { get; }
}
