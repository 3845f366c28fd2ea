using CustomerNeeds.Domain.ReadModel;
using Npgsql;
using NpgsqlTypes;

namespace CustomerNeeds.Storage.ReadModel;

/// <summary>
/// The upserts of the read-model rows (customer_summaries, customer_summary_needs, kano_answers)
/// as CTEs of one statement: <see cref="AppendStatement"/> puts them beside the event inserts
/// (rows of accepted appends only), the rebuild runs them alone. One SQL text for both, so the
/// write path and the rebuild cannot write rows differently.
/// </summary>
internal static class ReadModelUpserts
{
    private static readonly RowUpsert<CustomerSummaryRow> Summaries = new(
        "customer_summaries",
        [],
        [
            RowColumn.Scalar<CustomerSummaryRow, string>("display_name", NpgsqlDbType.Text, "text", r => r.DisplayName),
            RowColumn.Scalar<CustomerSummaryRow, short>("kind", NpgsqlDbType.Smallint, "smallint", r => r.Kind),
            RowColumn.List<CustomerSummaryRow, short>("value_types", "smallint", r => r.ValueTypes),
            RowColumn.Scalar<CustomerSummaryRow, short>("relationship_mode", NpgsqlDbType.Smallint, "smallint", r => r.RelationshipMode),
            RowColumn.Scalar<CustomerSummaryRow, string?>("industry", NpgsqlDbType.Text, "text", r => r.Industry),
            RowColumn.Scalar<CustomerSummaryRow, string?>("region", NpgsqlDbType.Text, "text", r => r.Region),
            RowColumn.List<CustomerSummaryRow, string>("tags", "text", r => r.Tags),
            RowColumn.Json<CustomerSummaryRow, IReadOnlyDictionary<string, string>>("attributes", r => r.Attributes),
            RowColumn.Scalar<CustomerSummaryRow, string?>("tier", NpgsqlDbType.Text, "text", r => r.Tier),
            RowColumn.Time<CustomerSummaryRow>("tier_since", r => r.TierSince),
            RowColumn.Scalar<CustomerSummaryRow, short>("ladder_stage", NpgsqlDbType.Smallint, "smallint", r => r.LadderStage),
            RowColumn.Scalar<CustomerSummaryRow, double>("churn_risk_score", NpgsqlDbType.Double, "double precision", r => r.ChurnRiskScore),
            RowColumn.Scalar<CustomerSummaryRow, short>("churn_risk_level", NpgsqlDbType.Smallint, "smallint", r => r.ChurnRiskLevel),
            RowColumn.Scalar<CustomerSummaryRow, double?>("csat_mean", NpgsqlDbType.Double, "double precision", r => r.CsatMean),
            RowColumn.Scalar<CustomerSummaryRow, long>("csat_count", NpgsqlDbType.Bigint, "bigint", r => r.CsatCount),
            RowColumn.Scalar<CustomerSummaryRow, double?>("nps_score", NpgsqlDbType.Double, "double precision", r => r.NpsScore),
            RowColumn.Scalar<CustomerSummaryRow, short?>("last_nps", NpgsqlDbType.Smallint, "smallint", r => r.LastNps),
            RowColumn.Scalar<CustomerSummaryRow, int>("open_complaint_count", NpgsqlDbType.Integer, "integer", r => r.OpenComplaintCount),
            RowColumn.Scalar<CustomerSummaryRow, long>("complaint_count", NpgsqlDbType.Bigint, "bigint", r => r.ComplaintCount),
            RowColumn.Scalar<CustomerSummaryRow, long>("interaction_count", NpgsqlDbType.Bigint, "bigint", r => r.InteractionCount),
            RowColumn.Scalar<CustomerSummaryRow, long>("purchase_count", NpgsqlDbType.Bigint, "bigint", r => r.PurchaseCount),
            RowColumn.Scalar<CustomerSummaryRow, decimal>("lifetime_spend", NpgsqlDbType.Numeric, "numeric", r => r.LifetimeSpend),
            RowColumn.Time<CustomerSummaryRow>("first_purchase_at", r => r.FirstPurchaseAt),
            RowColumn.Time<CustomerSummaryRow>("last_purchase_at", r => r.LastPurchaseAt),
            RowColumn.Scalar<CustomerSummaryRow, long>("referral_count", NpgsqlDbType.Bigint, "bigint", r => r.ReferralCount),
            RowColumn.Time<CustomerSummaryRow>("last_interaction_at", r => r.LastInteractionAt),
            RowColumn.Time<CustomerSummaryRow>("created_at", r => r.CreatedAt),
            RowColumn.Time<CustomerSummaryRow>("updated_at", r => r.UpdatedAt),
            RowColumn.Time<CustomerSummaryRow>("evaluated_at", r => r.EvaluatedAt),
            RowColumn.Scalar<CustomerSummaryRow, long>("last_sequence", NpgsqlDbType.Bigint, "bigint", r => r.LastSequence),
            RowColumn.Time<CustomerSummaryRow>("next_review_at", r => r.NextReviewAt),
            RowColumn.List<CustomerSummaryRow, string>("identity_keys", "text", r => r.IdentityKeys ?? []),
            RowColumn.Scalar<CustomerSummaryRow, string?>("merged_into", NpgsqlDbType.Text, "text", r => r.MergedInto),
        ]);

    private static readonly RowUpsert<NeedSummaryRow> Needs = new(
        "customer_summary_needs",
        ["need_id"],
        [
            RowColumn.Scalar<NeedSummaryRow, string>("need_id", NpgsqlDbType.Text, "text", r => r.NeedId),
            RowColumn.Scalar<NeedSummaryRow, short>("type", NpgsqlDbType.Smallint, "smallint", r => r.Type),
            RowColumn.Scalar<NeedSummaryRow, short>("area", NpgsqlDbType.Smallint, "smallint", r => r.Area),
            RowColumn.Scalar<NeedSummaryRow, short>("kano_class", NpgsqlDbType.Smallint, "smallint", r => r.KanoClass),
            RowColumn.Scalar<NeedSummaryRow, short>("status", NpgsqlDbType.Smallint, "smallint", r => r.Status),
            RowColumn.Scalar<NeedSummaryRow, string>("title", NpgsqlDbType.Text, "text", r => r.Title),
            RowColumn.List<NeedSummaryRow, string>("title_words", "text", r => r.TitleWords),
            RowColumn.Scalar<NeedSummaryRow, long>("last_sequence", NpgsqlDbType.Bigint, "bigint", r => r.LastSequence),
        ]);

    private static readonly RowUpsert<KanoAnswerRow> KanoAnswers = new(
        "kano_answers",
        ["feature_id"],
        [
            RowColumn.Scalar<KanoAnswerRow, string>("feature_id", NpgsqlDbType.Text, "text", r => r.FeatureId),
            RowColumn.Scalar<KanoAnswerRow, short>("functional", NpgsqlDbType.Smallint, "smallint", r => r.Functional),
            RowColumn.Scalar<KanoAnswerRow, short>("dysfunctional", NpgsqlDbType.Smallint, "smallint", r => r.Dysfunctional),
            RowColumn.Scalar<KanoAnswerRow, short>("answer_class", NpgsqlDbType.Smallint, "smallint", r => r.AnswerClass),
            RowColumn.Scalar<KanoAnswerRow, string>("interaction_id", NpgsqlDbType.Text, "text", r => r.InteractionId),
            RowColumn.Time<KanoAnswerRow>("answered_at", r => r.AnsweredAt),
            RowColumn.Scalar<KanoAnswerRow, long>("last_sequence", NpgsqlDbType.Bigint, "bigint", r => r.LastSequence),
        ]);

    /// <summary>How many parameters <see cref="AddParameters"/> adds.</summary>
    public static int ParameterCount => Summaries.ParameterCount + Needs.ParameterCount + KanoAnswers.ParameterCount;

    /// <summary>
    /// The three upsert CTEs (comma-separated, no leading comma), with parameters from
    /// <c>$<paramref name="firstParameter"/></c>, writing the rows of the appends in <paramref name="accepted"/>.
    /// </summary>
    public static string Ctes(int firstParameter, string accepted)
    {
        var needsFrom = firstParameter + Summaries.ParameterCount;
        var answersFrom = needsFrom + Needs.ParameterCount;
        return string.Join(
            ",\n",
            Summaries.Cte("summary_rows", firstParameter, accepted),
            Needs.Cte("need_rows", needsFrom, accepted),
            KanoAnswers.Cte("kano_answer_rows", answersFrom, accepted));
    }

    /// <summary>
    /// Adds the rows of <paramref name="projections"/> (indexed by append number; null: no rows) in
    /// the order <see cref="Ctes"/> expects.
    /// </summary>
    public static void AddParameters(NpgsqlCommand command, IReadOnlyList<CustomerProjection?> projections)
    {
        var summaries = new List<(int, string, CustomerSummaryRow)>(projections.Count);
        var needs = new List<(int, string, NeedSummaryRow)>();
        var answers = new List<(int, string, KanoAnswerRow)>();
        for (var a = 0; a < projections.Count; a++)
        {
            if (projections[a] is not { } projection)
            {
                continue;
            }

            var customerId = projection.Summary.CustomerId;
            summaries.Add((a, customerId, projection.Summary));
            needs.AddRange(projection.Needs.Select(n => (a, customerId, n)));
            answers.AddRange(projection.KanoAnswers.Select(k => (a, customerId, k)));
        }

        Summaries.AddParameters(command, summaries);
        Needs.AddParameters(command, needs);
        KanoAnswers.AddParameters(command, answers);
    }
}
