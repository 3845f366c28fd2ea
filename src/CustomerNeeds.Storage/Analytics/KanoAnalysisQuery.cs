using CustomerNeeds.Search.Customers;
using CustomerNeeds.Storage.ReadModel;
using Npgsql;

namespace CustomerNeeds.Storage.Analytics;

/// <summary>
/// Counts the answer pairs per questionnaire feature, in SQL: customers' latest answers
/// (<c>kano_answers</c>) and staff beliefs (<c>kano_staff_beliefs</c>), in one snapshot. At most
/// 25 groups per feature and side come back; the evaluation table and the aggregation rules stay
/// in the domain (KanoEvaluator), the one place that classifies.
/// </summary>
public sealed class KanoAnalysisQuery(NpgsqlDataSource dataSource)
{
    private const string Counts = """
        SELECT feature_id, functional, dysfunctional, count(*)
        FROM {0} answer
        WHERE feature_id = ANY($1){1}
        GROUP BY feature_id, functional, dysfunctional
        """;

    /// <summary>The counts of one feature, customers restricted to <paramref name="segment"/> (null: all); null when the feature does not exist.</summary>
    public async Task<KanoAnswerCounts?> OneAsync(string featureId, CustomerFilter? segment, CancellationToken cancellationToken) =>
        (await RunAsync("feature_id = $1", featureId, 1, segment, cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    /// <summary>
    /// The counts of up to <paramref name="limit"/> features with an id after <paramref name="afterId"/>
    /// (null: from the first), in id order, customers restricted to <paramref name="segment"/> (null: all).
    /// </summary>
    public Task<IReadOnlyList<KanoAnswerCounts>> PageAsync(string? afterId, int limit, CustomerFilter? segment, CancellationToken cancellationToken) =>
        RunAsync("feature_id > $1", afterId ?? "", limit, segment, cancellationToken);

    private async Task<IReadOnlyList<KanoAnswerCounts>> RunAsync(string featureCondition, string featureKey, int limit, CustomerFilter? segment, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await SnapshotReads.BeginAsync(connection, cancellationToken).ConfigureAwait(false);
        var features = new List<KanoFeatureRow>();
        await using (var command = new NpgsqlCommand(
            $"SELECT {KanoFeatures.Columns} FROM kano_features WHERE {featureCondition} ORDER BY feature_id LIMIT $2",
            connection,
            transaction))
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = featureKey });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                features.Add(KanoFeatures.Read(reader));
            }
        }

        var ids = features.Select(f => f.FeatureId).ToArray();
        var customers = await CountAsync(connection, transaction, "kano_answers", ids, segment, cancellationToken).ConfigureAwait(false);
        var staff = await CountAsync(connection, transaction, "kano_staff_beliefs", ids, null, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        return features
            .Select(f => new KanoAnswerCounts(f, Of(customers, f.FeatureId), Of(staff, f.FeatureId)))
            .ToList();
    }

    private static IReadOnlyList<KanoPairCount> Of(Dictionary<string, List<KanoPairCount>> counts, string featureId) =>
        counts.TryGetValue(featureId, out var found) ? found : [];

    private static async Task<Dictionary<string, List<KanoPairCount>>> CountAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string table, string[] featureIds, CustomerFilter? segment, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, List<KanoPairCount>>(StringComparer.Ordinal);
        if (featureIds.Length == 0)
        {
            return counts;
        }

        var parameters = new SqlParameters();
        parameters.Add(featureIds);
        var restriction = SegmentRestriction.On("answer", segment, parameters);
        if (table == "kano_answers")
        {
            // A merged customer's answers were absorbed by the customer it was merged into (docs/merge.md).
            restriction += " AND NOT EXISTS (SELECT 1 FROM customer_summaries merged WHERE merged.customer_id = answer.customer_id AND merged.merged_into IS NOT NULL)";
        }

        await using var command = new NpgsqlCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, Counts, table, restriction), connection, transaction);
        parameters.AddTo(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var featureId = reader.GetString(0);
            if (!counts.TryGetValue(featureId, out var pairs))
            {
                counts[featureId] = pairs = [];
            }

            pairs.Add(new KanoPairCount(reader.GetInt16(1), reader.GetInt16(2), reader.GetInt64(3)));
        }

        return counts;
    }
}
