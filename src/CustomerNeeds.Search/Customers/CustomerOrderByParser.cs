using CustomerNeeds.Search.Syntax;

namespace CustomerNeeds.Search.Customers;

/// <summary>
/// Parses an AIP-132 order_by: <c>field [desc], field [desc], ...</c>, e.g.
/// <c>loyalty.churn_risk_score desc, display_name</c>. <c>asc</c> is accepted and is the
/// default. Errors are <see cref="FilterException"/>s on <c>order_by</c>.
/// </summary>
public static class CustomerOrderByParser
{
    private static readonly (string Name, CustomerSortField Field)[] Sortable =
    [
        ("name", CustomerSortField.Name),
        ("display_name", CustomerSortField.DisplayName),
        ("create_time", CustomerSortField.CreateTime),
        ("update_time", CustomerSortField.UpdateTime),
        ("last_interaction_time", CustomerSortField.LastInteractionTime),
        ("open_complaint_count", CustomerSortField.OpenComplaintCount),
        ("loyalty.ladder_stage", CustomerSortField.LadderStage),
        ("loyalty.churn_risk_score", CustomerSortField.ChurnRiskScore),
        ("satisfaction.csat_mean", CustomerSortField.CsatMean),
        ("satisfaction.nps_score", CustomerSortField.NpsScore),
    ];

    /// <summary>The names order_by accepts, in documentation order.</summary>
    public static IReadOnlyList<string> SortableFields { get; } = Sortable.Select(s => s.Name).ToArray();

    /// <summary>The checked ordering; <see cref="CustomerOrdering.Default"/> for null, empty or blank text.</summary>
    /// <exception cref="FilterException">Where and what is wrong.</exception>
    public static CustomerOrdering Parse(string? orderBy, SearchLimits? limits = null)
    {
        limits ??= SearchLimits.Default;
        if (string.IsNullOrWhiteSpace(orderBy))
        {
            return CustomerOrdering.Default;
        }

        if (orderBy.Length > limits.MaxOrderByLength)
        {
            throw Error(limits.MaxOrderByLength, $"order_by is too long: {orderBy.Length:N0} characters; at most {limits.MaxOrderByLength:N0} are allowed");
        }

        var tokens = FilterLexer.Tokenize(orderBy, FilterException.OrderByParameter);
        var keys = new List<SortKey>();
        var next = 0;
        while (true)
        {
            var (field, name, position) = Field(tokens, ref next, orderBy);
            if (keys.Any(k => k.Field == field))
            {
                throw Error(position, $"{name} appears more than once");
            }

            if (keys.Count == limits.MaxSortKeys)
            {
                throw Error(position, $"too many sort fields: at most {limits.MaxSortKeys} are allowed");
            }

            var descending = false;
            if (tokens[next] is { Kind: TokenKind.Word, Text: "desc" or "asc" } direction)
            {
                descending = direction.Text == "desc";
                next++;
            }

            keys.Add(new SortKey(field, name, descending));
            var separator = tokens[next];
            if (separator.Kind == TokenKind.End)
            {
                return new CustomerOrdering(keys);
            }

            if (separator.Kind != TokenKind.Comma)
            {
                throw Error(separator.Position, $"expected \",\" or the end after {keys[^1]}, found {separator.Describe(orderBy)}"
                    + (separator.Kind == TokenKind.Word ? " (the direction is \"desc\" or \"asc\", in lower case)" : ""));
            }

            next++;
        }
    }

    private static (CustomerSortField Field, string Name, int Position) Field(IReadOnlyList<FilterToken> tokens, ref int next, string text)
    {
        var first = tokens[next];
        if (first.Kind != TokenKind.Word)
        {
            throw Error(first.Position, $"expected a field name, found {first.Describe(text)}");
        }

        var name = first.Text;
        next++;
        while (tokens[next].Kind == TokenKind.Dot && tokens[next + 1].Kind == TokenKind.Word)
        {
            name += "." + tokens[next + 1].Text;
            next += 2;
        }

        foreach (var (sortable, field) in Sortable)
        {
            if (sortable == name)
            {
                return (field, name, first.Position);
            }
        }

        throw Error(first.Position, $"unknown sort field {FilterLiteral.Quote(name)}; sortable fields: {string.Join(", ", SortableFields)}");
    }

    private static FilterException Error(int position, string reason) => new(FilterException.OrderByParameter, position, reason);
}
