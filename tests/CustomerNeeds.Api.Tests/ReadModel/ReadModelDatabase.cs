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
}
