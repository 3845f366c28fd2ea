using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;

namespace CustomerNeeds.Testing.ReadModel;

/// <summary>
/// A customer_summaries row (and its need rows) written directly with SQL, for tests of the query
/// side that must not depend on the write side. Enum fields are proto numbers; null is "no value".
/// </summary>
public sealed partial record SummarySeed(string CustomerId)
{
    public string DisplayName { get; init; } = "Customer";

    public short Kind { get; init; } = 3;

    public short[] ValueTypes { get; init; } = [];

    public short RelationshipMode { get; init; }

    public string? Industry { get; init; }

    public string? Region { get; init; }

    public string[] Tags { get; init; } = [];

    public Dictionary<string, string> Attributes { get; init; } = [];

    public string? Tier { get; init; }

    public short LadderStage { get; init; } = 1;

    public double ChurnRiskScore { get; init; }

    public short ChurnRiskLevel { get; init; } = 1;

    public double? CsatMean { get; init; }

    public long CsatCount { get; init; }

    public double? NpsScore { get; init; }

    public short? LastNps { get; init; }

    public int OpenComplaintCount { get; init; }

    public DateTime? LastInteractionAt { get; init; }

    public DateTime CreatedAt { get; init; } = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public DateTime UpdatedAt { get; init; } = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public long LastSequence { get; init; } = 1;

    public SummaryNeed[] Needs { get; init; } = [];

    /// <summary>The words of a title as the needs.title filter splits them: runs of letters and digits, lower case, distinct.</summary>
    public static string[] TitleWords(string title) =>
        Word().Matches(title).Select(m => m.Value.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Inserts (or replaces) the rows.</summary>
    public async Task InsertAsync(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand(
            """
            INSERT INTO customer_summaries (customer_id, display_name, kind, value_types, relationship_mode, industry, region, tags, attributes,
                tier, ladder_stage, churn_risk_score, churn_risk_level, csat_mean, csat_count, nps_score, last_nps, open_complaint_count,
                complaint_count, interaction_count, purchase_count, lifetime_spend, referral_count, last_interaction_at,
                created_at, updated_at, evaluated_at, last_sequence)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12, $13, $14, $15, $16, $17, $18, 0, 0, 0, 0, 0, $19, $20, $21, $21, $22)
            ON CONFLICT (customer_id) DO UPDATE SET display_name = EXCLUDED.display_name, kind = EXCLUDED.kind, value_types = EXCLUDED.value_types,
                relationship_mode = EXCLUDED.relationship_mode, industry = EXCLUDED.industry, region = EXCLUDED.region, tags = EXCLUDED.tags,
                attributes = EXCLUDED.attributes, tier = EXCLUDED.tier, ladder_stage = EXCLUDED.ladder_stage, churn_risk_score = EXCLUDED.churn_risk_score,
                churn_risk_level = EXCLUDED.churn_risk_level, csat_mean = EXCLUDED.csat_mean, csat_count = EXCLUDED.csat_count,
                nps_score = EXCLUDED.nps_score, last_nps = EXCLUDED.last_nps, open_complaint_count = EXCLUDED.open_complaint_count,
                last_interaction_at = EXCLUDED.last_interaction_at, created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at,
                evaluated_at = EXCLUDED.evaluated_at, last_sequence = EXCLUDED.last_sequence
            """,
            connection,
            transaction))
        {
            object?[] values =
            [
                CustomerId, DisplayName, Kind, ValueTypes, RelationshipMode, Industry, Region, Tags, JsonSerializer.Serialize(Attributes),
                Tier, LadderStage, ChurnRiskScore, ChurnRiskLevel, CsatMean, CsatCount, NpsScore, LastNps, OpenComplaintCount,
                LastInteractionAt, CreatedAt, UpdatedAt, LastSequence,
            ];
            foreach (var value in values)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
            }

            await command.ExecuteNonQueryAsync();
        }

        foreach (var need in Needs)
        {
            await using var command = new NpgsqlCommand(
                """
                INSERT INTO customer_summary_needs (customer_id, need_id, type, area, kano_class, status, title, title_words, last_sequence)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                ON CONFLICT (customer_id, need_id) DO UPDATE SET type = EXCLUDED.type, area = EXCLUDED.area, kano_class = EXCLUDED.kano_class,
                    status = EXCLUDED.status, title = EXCLUDED.title, title_words = EXCLUDED.title_words, last_sequence = EXCLUDED.last_sequence
                """,
                connection,
                transaction);
            object[] values = [CustomerId, need.NeedId, need.Type, need.Area, need.KanoClass, need.Status, need.Title, TitleWords(need.Title), LastSequence];
            foreach (var value in values)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
