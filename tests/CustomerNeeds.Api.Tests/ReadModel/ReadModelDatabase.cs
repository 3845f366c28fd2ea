using CustomerNeeds.Api.Tests.Infrastructure;
using Npgsql;

namespace CustomerNeeds.Api.Tests.ReadModel;

/// <summary>Reads and prepares the read-model tables of a server's database.</summary>
internal static class ReadModelDatabase
{
    /// <summary>The read-model tables derived from the log, with the key that orders their rows.</summary>
    public static readonly (string Table, string Key)[] DerivedTables =
    [
        ("customer_summaries", "customer_id"),
        ("customer_summary_needs", "customer_id, need_id"),
        ("kano_answers", "customer_id, feature_id"),
    ];

    /// <summary>Adds KANO questionnaire features (their RPCs belong to the analytics service).</summary>
    public static async Task AddKanoFeaturesAsync(NpgsqlDataSource dataSource, params string[] featureIds)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO kano_features (feature_id, display_name, functional_question, dysfunctional_question, created_at, updated_at)
            SELECT f, 'Feature ' || f, 'If it has ' || f || '?', 'If it lacks ' || f || '?', now(), now() FROM unnest($1::text[]) AS f
            """);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = featureIds });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every row of <paramref name="sql"/> (parameter $1: <paramref name="customerId"/>) as column → value.</summary>
    public static async Task<List<Dictionary<string, object?>>> RowsAsync(NpgsqlDataSource dataSource, string sql, string customerId)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = customerId });
        var rows = new List<Dictionary<string, object?>>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Runs a SQL text that takes no parameters.</summary>
    public static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The text of a migration of the repository, e.g. "0005_read_model_backfill".</summary>
    public static string Migration(string name) =>
        File.ReadAllText(Path.Combine(ServerBinary.RepositoryRoot, "src", "CustomerNeeds.Storage", "Migrations", name + ".sql"));

    /// <summary>Copies every derived table to a table named with <paramref name="prefix"/>.</summary>
    public static async Task CopyAsync(NpgsqlDataSource data, string prefix)
    {
        foreach (var (table, _) in DerivedTables)
        {
            await ExecuteAsync(data, $"DROP TABLE IF EXISTS {prefix}{table}; CREATE TABLE {prefix}{table} AS SELECT * FROM {table}");
        }
    }

    /// <summary>Empties every derived table.</summary>
    public static Task TruncateAsync(NpgsqlDataSource data) =>
        ExecuteAsync(data, "TRUNCATE " + string.Join(", ", DerivedTables.Select(t => t.Table)));

    /// <summary>Every table equals its copy row for row and column for column, both ways, and is not empty.</summary>
    public static async Task AssertSameRowsAsync(NpgsqlDataSource data, string prefix)
    {
        foreach (var (table, key) in DerivedTables)
        {
            await using var command = data.CreateCommand($"""
                SELECT (SELECT count(*) FROM {table}),
                       (SELECT count(*) FROM {prefix}{table}),
                       (SELECT count(*) FROM (SELECT * FROM {table} EXCEPT ALL SELECT * FROM {prefix}{table}) a),
                       (SELECT count(*) FROM (SELECT * FROM {prefix}{table} EXCEPT ALL SELECT * FROM {table}) b),
                       (SELECT string_agg(row_to_json(d)::text, E'\n' ORDER BY {key}) FROM
                            (SELECT 'rebuilt' AS side, * FROM (SELECT * FROM {table} EXCEPT ALL SELECT * FROM {prefix}{table}) x
                             UNION ALL
                             SELECT 'live' AS side, * FROM (SELECT * FROM {prefix}{table} EXCEPT ALL SELECT * FROM {table}) y) d)
                """);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            var differences = reader.IsDBNull(4) ? "" : reader.GetString(4);
            Assert.True(reader.GetInt64(0) > 0, $"{table} is empty");
            Assert.True(reader.GetInt64(2) == 0 && reader.GetInt64(3) == 0, $"{table} differs from the rebuild:\n{differences}");
            Assert.Equal(reader.GetInt64(1), reader.GetInt64(0));
        }
    }
}
