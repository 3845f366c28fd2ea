using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace CustomerNeeds.Storage.ReadModel;

/// <summary>
/// One column of a read-model table as the upsert statement sends it: an array parameter holding
/// the column's value for every row (unnested in SQL), and the SQL expression that turns the
/// unnested element into the column's value.
/// </summary>
/// <typeparam name="TRow">The row record.</typeparam>
internal sealed class RowColumn<TRow>(string name, string arrayType, string select, Func<IReadOnlyList<TRow>, NpgsqlParameter> parameter)
{
    /// <summary>The column's name in the table (and of the unnested element).</summary>
    public string Name => name;

    /// <summary>The SQL type of the array parameter, e.g. <c>smallint[]</c>.</summary>
    public string ArrayType => arrayType;

    /// <summary>The SQL expression of the column's value, over the unnested element <c>s.&lt;name&gt;</c>.</summary>
    public string Select => select;

    /// <summary>The array parameter of <paramref name="rows"/>.</summary>
    public NpgsqlParameter Parameter(IReadOnlyList<TRow> rows) => parameter(rows);
}

/// <summary>Builders of <see cref="RowColumn{TRow}"/>.</summary>
internal static class RowColumn
{
    /// <summary>A scalar column sent as an array of <paramref name="elementType"/>.</summary>
    public static RowColumn<TRow> Scalar<TRow, T>(string name, NpgsqlDbType elementType, string sqlType, Func<TRow, T> value) =>
        new(name, sqlType + "[]", "s." + name, rows => Array(rows, value, elementType));

    /// <summary>A timestamptz column (kept to the microsecond, in UTC, like every stored instant).</summary>
    public static RowColumn<TRow> Time<TRow>(string name, Func<TRow, DateTimeOffset> value) =>
        Scalar<TRow, DateTimeOffset>(name, NpgsqlDbType.TimestampTz, "timestamptz", r => StoredTime.Normalize(value(r)));

    /// <summary>A nullable timestamptz column.</summary>
    public static RowColumn<TRow> Time<TRow>(string name, Func<TRow, DateTimeOffset?> value) =>
        Scalar<TRow, DateTimeOffset?>(name, NpgsqlDbType.TimestampTz, "timestamptz", r => value(r) is { } t ? StoredTime.Normalize(t) : null);

    /// <summary>An array column (rows' arrays differ in length): each row's array is sent as JSON text.</summary>
    public static RowColumn<TRow> List<TRow, T>(string name, string elementSqlType, Func<TRow, IReadOnlyList<T>> value) =>
        new(
            name,
            "text[]",
            $"ARRAY(SELECT e.v::{elementSqlType} FROM jsonb_array_elements_text(s.{name}::jsonb) WITH ORDINALITY AS e(v, o) ORDER BY e.o)",
            rows => Array(rows, r => JsonSerializer.Serialize(value(r)), NpgsqlDbType.Text));

    /// <summary>A jsonb object column, sent as JSON text.</summary>
    public static RowColumn<TRow> Json<TRow, T>(string name, Func<TRow, T> value) =>
        new(name, "text[]", $"s.{name}::jsonb", rows => Array(rows, r => JsonSerializer.Serialize(value(r)), NpgsqlDbType.Text));

    private static NpgsqlParameter Array<TRow, T>(IReadOnlyList<TRow> rows, Func<TRow, T> value, NpgsqlDbType elementType)
    {
        var values = new T[rows.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = value(rows[i]);
        }

        return new NpgsqlParameter<T[]> { TypedValue = values, NpgsqlDbType = NpgsqlDbType.Array | elementType };
    }
}
