using CustomerNeeds.Search.Customers;

namespace CustomerNeeds.Storage.ReadModel;

/// <summary>
/// The SQL of a <see cref="CustomerOrdering"/> over <c>customer_summaries</c>: the ORDER BY
/// (customers without a value last in either direction, ties broken by customer id ascending)
/// and the keyset condition "after this cursor" in the same order, so that a customer whose sort
/// key does not change is returned exactly once however the table changes between pages.
/// </summary>
public sealed class CustomerOrderSql
{
    private readonly IReadOnlyList<(CustomerSortColumn Column, bool Descending)> _columns;
    private readonly bool _tieBreakAdded;

    public CustomerOrderSql(CustomerOrdering ordering)
    {
        ArgumentNullException.ThrowIfNull(ordering);
        Ordering = ordering;
        var columns = ordering.Keys.Select(k => (CustomerSortColumn.Of(k.Field), k.Descending)).ToList();
        _tieBreakAdded = !ordering.Keys.Any(k => k.Field == CustomerSortField.Name);
        if (_tieBreakAdded)
        {
            columns.Add((CustomerSortColumn.CustomerId, false));
        }

        _columns = columns;
    }

    /// <summary>The ordering this SQL sorts by.</summary>
    public CustomerOrdering Ordering { get; }

    /// <summary>The ORDER BY list (without the keywords) over the row <paramref name="alias"/>.</summary>
    public string OrderBy(string alias)
    {
        alias = SqlAlias.Checked(alias);
        return string.Join(", ", _columns.Select(c => $"{alias}.{c.Column.Column} {(c.Descending ? "DESC" : "ASC")} NULLS LAST"));
    }

    /// <summary>True when <paramref name="cursor"/> has one well-formed value per sort key of this ordering.</summary>
    public bool Accepts(CustomerCursor cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        try
        {
            _ = Values(cursor);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>
    /// The condition "the row <paramref name="alias"/> sorts after <paramref name="cursor"/>": never NULL.
    /// </summary>
    /// <exception cref="FormatException">The cursor does not fit this ordering (see <see cref="Accepts"/>).</exception>
    public string After(CustomerCursor cursor, string alias, SqlParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        alias = SqlAlias.Checked(alias);
        var values = Values(cursor);
        var placeholders = values.Select((v, i) => v is null ? null : Placeholder(_columns[i].Column.Kind, v, parameters)).ToArray();
        var disjuncts = new List<string>();
        for (var i = 0; i < _columns.Count; i++)
        {
            if (placeholders[i] is not { } value)
            {
                // Nothing sorts after "no value" in this key except ties, handled by later keys.
                continue;
            }

            var terms = Enumerable.Range(0, i).Select(j => Equal(alias, _columns[j].Column, placeholders[j])).ToList();
            terms.Add(Beyond(alias, _columns[i].Column, _columns[i].Descending, value));
            disjuncts.Add("(" + string.Join(" AND ", terms) + ")");
        }

        if (disjuncts.Count == 0)
        {
            return "FALSE";
        }

        // Implied by the disjunction, but written out so that PostgreSQL can start an index scan on
        // the first key at the cursor instead of filtering every row before it.
        var (first, descending) = _columns[0];
        var bound = placeholders[0] is { } start
            ? (first.Nullable ? null : $"{alias}.{first.Column} {(descending ? "<=" : ">=")} {start} AND ")
            : $"{alias}.{first.Column} IS NULL AND ";
        return "(" + bound + "(" + string.Join(" OR ", disjuncts) + "))";
    }

    /// <summary>The cursor of a row: the position just after it in this ordering.</summary>
    public CustomerCursor CursorOf(CustomerSearchRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var keys = Ordering.Keys
            .Select(k => CustomerSortColumn.Of(k.Field))
            .Select(c => SortValueText.Format(c.Kind, c.ValueOf(row)))
            .ToArray();
        return new CustomerCursor(keys, row.CustomerId);
    }

    private object?[] Values(CustomerCursor cursor)
    {
        if (cursor.Keys.Count != Ordering.Keys.Count || cursor.CustomerId.Length == 0)
        {
            throw new FormatException("the cursor does not fit the ordering");
        }

        var texts = _tieBreakAdded ? [.. cursor.Keys, cursor.CustomerId] : cursor.Keys;
        return texts.Select((text, i) => text is null
            ? (_columns[i].Column.Nullable ? null : throw new FormatException($"{_columns[i].Column.Column} always has a value"))
            : SortValueText.Parse(_columns[i].Column.Kind, text)).ToArray();
    }

    private static string Placeholder(SortValueKind kind, object value, SqlParameters parameters) => kind switch
    {
        SortValueKind.Text => parameters.Add((string)value),
        SortValueKind.Timestamp => parameters.Add((DateTime)value),
        SortValueKind.Integer => parameters.Add((long)value),
        SortValueKind.Number => parameters.Add((double)value),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown sort value kind"),
    };

    private static string Equal(string alias, CustomerSortColumn column, string? placeholder) => placeholder is null
        ? $"{alias}.{column.Column} IS NULL"
        : column.Nullable
            ? $"({alias}.{column.Column} IS NOT NULL AND {alias}.{column.Column} = {placeholder})"
            : $"{alias}.{column.Column} = {placeholder}";

    private static string Beyond(string alias, CustomerSortColumn column, bool descending, string placeholder)
    {
        var test = $"{alias}.{column.Column} {(descending ? "<" : ">")} {placeholder}";
        return column.Nullable ? $"({test} OR {alias}.{column.Column} IS NULL)" : test;
    }
}
