using CustomerNeeds.Domain.ReadModel;
using Npgsql;

namespace CustomerNeeds.Storage.Tests.ReadModel;

/// <summary>Projections to write and the read-model rows read back, for the storage tests.</summary>
internal static class ReadModelRows
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A projection whose display name, need title and KANO interaction id carry <paramref name="label"/>.</summary>
    public static CustomerProjection Projection(string customerId, long sequence, string label, bool withRows = true) => new(
        new CustomerSummaryRow(
            customerId, label, 3, [1, 3], 2, "retail", null, ["vip", "key-account"], new Dictionary<string, string> { ["segment"] = "b2b" },
            "gold", T0, 4, 0.25, 1, 4.5, 2, 100.0, 9, 1, 2, 7, 3, 1234.56m, T0.AddDays(-10), T0.AddDays(-1), 1, T0.AddHours(-1),
            T0.AddYears(-1), T0.AddTicks(1234567), T0.AddTicks(1234567), sequence),
        withRows ? [new NeedSummaryRow("n1", 1, 4, 1, 2, "Faster delivery " + label, ["faster", "delivery", label], sequence)] : [],
        withRows ? [new KanoAnswerRow("f-speed", 1, 5, 2, "i-" + label, T0, sequence)] : []);

    /// <summary>(display_name, last_sequence) of the customer's summary row; null when none.</summary>
    public static async Task<(string Name, long Sequence)?> SummaryAsync(NpgsqlDataSource dataSource, string customerId)
    {
        await using var command = dataSource.CreateCommand("SELECT display_name, last_sequence FROM customer_summaries WHERE customer_id = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = customerId });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetString(0), reader.GetInt64(1)) : null;
    }

    /// <summary>The customer's need titles and KANO interaction ids, with their sequences.</summary>
    public static async Task<List<string>> ChildRowsAsync(NpgsqlDataSource dataSource, string customerId)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT 'need ' || need_id || ' ' || title || ' ' || last_sequence FROM customer_summary_needs WHERE customer_id = $1
            UNION ALL
            SELECT 'kano ' || feature_id || ' ' || interaction_id || ' ' || last_sequence FROM kano_answers WHERE customer_id = $1
            ORDER BY 1
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = customerId });
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    /// <summary>Every column of one row of <paramref name="sql"/> (one parameter: the customer id) as text.</summary>
    public static async Task<Dictionary<string, string?>> RowAsync(NpgsqlDataSource dataSource, string sql, string customerId)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = customerId });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "no row");
        var row = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetString(i);
        }

        return row;
    }
}
