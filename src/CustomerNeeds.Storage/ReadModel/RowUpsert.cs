using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace CustomerNeeds.Storage.ReadModel;

/// <summary>
/// The set-based upsert of one read-model table, as one CTE of a larger statement: the rows of
/// many customers arrive as one array per column (unnested), each tagged with the number of the
/// append it belongs to. Only rows of appends in the statement's <c>accepted</c> relation are
/// written; of several rows with one key the one of the last append is taken (<c>DISTINCT ON</c>:
/// <c>INSERT ... ON CONFLICT DO UPDATE</c> may not touch a row twice); an existing row is replaced
/// only by a row with a higher <c>last_sequence</c>.
/// </summary>
/// <typeparam name="TRow">The row record.</typeparam>
/// <param name="table">The table.</param>
/// <param name="keyColumns">The primary key after customer_id (e.g. need_id); empty for one row per customer.</param>
/// <param name="columns">The columns after customer_id, the key columns among them; one must be last_sequence.</param>
internal sealed class RowUpsert<TRow>(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<RowColumn<TRow>> columns)
{
    /// <summary>How many parameters <see cref="AddParameters"/> adds.</summary>
    public int ParameterCount => columns.Count + 2;

    /// <summary>
    /// The CTE <c><paramref name="name"/> AS (INSERT ... RETURNING 1)</c>, whose parameters start
    /// at <c>$<paramref name="firstParameter"/></c> and which writes the rows of the appends listed in
    /// the relation <paramref name="accepted"/> (column append_no).
    /// </summary>
    public string Cte(string name, int firstParameter, string accepted)
    {
        var key = string.Concat(keyColumns.Select(k => ", s." + k));
        var conflict = string.Join(", ", new[] { "customer_id" }.Concat(keyColumns));
        var arrays = new StringBuilder();
        arrays.Append(CultureInfo.InvariantCulture, $"${firstParameter}::int[], ${firstParameter + 1}::text[]");
        for (var c = 0; c < columns.Count; c++)
        {
            arrays.Append(CultureInfo.InvariantCulture, $", ${firstParameter + 2 + c}::{columns[c].ArrayType}");
        }

        var names = string.Join(", ", columns.Select(c => c.Name));
        var selects = string.Join(", ", columns.Select(c => c.Select));
        var updates = string.Join(", ", columns.Where(c => !keyColumns.Contains(c.Name)).Select(c => $"{c.Name} = excluded.{c.Name}"));
        return $"""
            {name} AS (
                INSERT INTO {table} (customer_id, {names})
                SELECT DISTINCT ON (s.customer_id{key}) s.customer_id, {selects}
                FROM unnest({arrays}) AS s(append_no, customer_id, {names})
                JOIN {accepted} a ON a.append_no = s.append_no
                ORDER BY s.customer_id{key}, s.append_no DESC
                ON CONFLICT ({conflict}) DO UPDATE
                SET {updates}
                WHERE {table}.last_sequence < excluded.last_sequence
                RETURNING 1
            )
            """;
    }

    /// <summary>Adds the column arrays of <paramref name="rows"/> (append number, customer id, row).</summary>
    public void AddParameters(NpgsqlCommand command, IReadOnlyList<(int AppendNo, string CustomerId, TRow Row)> rows)
    {
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = rows.Select(r => r.AppendNo).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = rows.Select(r => r.CustomerId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        var values = rows.Select(r => r.Row).ToArray();
        foreach (var column in columns)
        {
            command.Parameters.Add(column.Parameter(values));
        }
    }
}
