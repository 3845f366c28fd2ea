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

    /// <summary>
    /// The ORDER BY list (without the keywords) over the row <paramref name="alias"/>. <c>NULLS LAST</c>
    /// is written only for columns that may be unset: on the others it would keep PostgreSQL from
    /// reading a B-tree index backwards for <c>DESC</c>.
    /// </summary>
    public string OrderBy(string alias) => OrderBy(SqlAlias.Checked(alias), _columns);

    /// <summary>
    /// The SELECT of one page: <paramref name="columns"/> of the rows <paramref name="alias"/> of
    /// <c>customer_summaries</c> that satisfy <paramref name="predicate"/> and sort after
    /// <paramref name="after"/> (null: from the start), in this order, at most
    /// <paramref name="limit"/> (a placeholder) rows.
    /// </summary>
    /// <remarks>
    /// When the first sort column may be unset, "customers without a value last" is not the order of
    /// its B-tree index in one of the two directions, and the keyset condition is an OR that no index
    /// range serves. The rows with a value and the rows without are then read by two branches, each
    /// in an order an index provides, with the keyset bound as an index range; the union of at most
    /// twice <paramref name="limit"/> rows is sorted.
    /// </remarks>
    /// <exception cref="FormatException">The cursor does not fit this ordering (see <see cref="Accepts"/>).</exception>
    public string Page(string columns, string alias, string predicate, CustomerCursor? after, string limit, SqlParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        alias = SqlAlias.Checked(alias);
        var placeholders = after is null ? null : Placeholders(after, parameters);
        var keyset = placeholders is null ? "" : " AND " + After(alias, placeholders);
        var select = $"SELECT {columns} FROM customer_summaries {alias} WHERE {predicate}{keyset}";
        var (first, descending) = _columns[0];
        if (!first.Nullable)
        {
            var bound = placeholders is null ? "" : $" AND {alias}.{first.Column} {(descending ? "<=" : ">=")} {placeholders[0]}";
            return $"{select}{bound} ORDER BY {OrderBy(alias, _columns)} LIMIT {limit}";
        }

        var column = $"{alias}.{first.Column}";
        var withoutValue = $"({select} AND {column} IS NULL ORDER BY {OrderBy(alias, _columns.Skip(1))} LIMIT {limit})";
        if (placeholders is not null && placeholders[0] is null)
        {
            // The previous page ended among the customers without a value: only they remain.
            return withoutValue;
        }

        var withValueColumns = _columns.Select((c, i) => i == 0 ? (c.Column with { Nullable = false }, c.Descending) : c).ToList();
        var withValueBound = placeholders is null ? "" : $" AND {column} {(descending ? "<=" : ">=")} {placeholders[0]}";
        var withValue = $"({select} AND {column} IS NOT NULL{withValueBound} ORDER BY {OrderBy(alias, withValueColumns)} LIMIT {limit})";
        const string Union = "page_";
        return $"SELECT * FROM ({withValue} UNION ALL {withoutValue}) {Union} ORDER BY {OrderBy(Union, _columns)} LIMIT {limit}";
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
        return After(SqlAlias.Checked(alias), Placeholders(cursor, parameters));
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

    private string?[] Placeholders(CustomerCursor cursor, SqlParameters parameters) =>
        Values(cursor).Select((v, i) => v is null ? null : Placeholder(_columns[i].Column.Kind, v, parameters)).ToArray();

    private string After(string alias, string?[] placeholders)
    {
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

        return disjuncts.Count == 0 ? "FALSE" : "(" + string.Join(" OR ", disjuncts) + ")";
    }

    private static string OrderBy(string alias, IEnumerable<(CustomerSortColumn Column, bool Descending)> columns) =>
        string.Join(", ", columns.Select(c => $"{alias}.{c.Column.Column} {(c.Descending ? "DESC" : "ASC")}{(c.Column.Nullable ? " NULLS LAST" : "")}"));

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
