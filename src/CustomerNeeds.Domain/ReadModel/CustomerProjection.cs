using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Loyalty;
using CustomerNeeds.Domain.Needs;
using CustomerNeeds.Domain.Satisfaction;

namespace CustomerNeeds.Domain.ReadModel;

/// <summary>
/// A customer's rows in the read model (docs/read-model.md): the summary row, and the need rows
/// and KANO answer rows that changed. Pure: the same state, policy, instant and changes always give
/// the same rows, so the write path and the rebuild write equal rows.
/// </summary>
/// <param name="Summary">The customer_summaries row.</param>
/// <param name="Needs">customer_summary_needs rows (distinct need ids).</param>
/// <param name="KanoAnswers">kano_answers rows (distinct feature ids).</param>
public sealed record CustomerProjection(CustomerSummaryRow Summary, IReadOnlyList<NeedSummaryRow> Needs, IReadOnlyList<KanoAnswerRow> KanoAnswers)
{
    /// <summary>
    /// The rows of <paramref name="state"/>: the summary, and a row for each need and KANO feature
    /// in <paramref name="changes"/>. The time-driven values (ladder stage, churn risk, next review) are
    /// evaluated at <paramref name="instant"/> with the same rules as <see cref="LoyaltyAssessment.Assess"/>,
    /// and the satisfaction figures are those of <see cref="SatisfactionSummary.From"/>, so the row
    /// shows what GetCustomer shows at that instant. The write path and the rebuild pass the state's
    /// <see cref="CustomerState.UpdatedAt"/> (the record time of the last event, i.e. the time of the
    /// last decision), which makes the rows a function of the log alone.
    /// </summary>
    /// <exception cref="InvalidOperationException">The customer does not exist, or a changed need or feature is not in the state.</exception>
    public static CustomerProjection Of(CustomerState state, CustomerPolicy policy, DateTimeOffset instant, ProjectionChanges changes)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(changes);
        var needs = new NeedSummaryRow[changes.Needs.Count];
        var n = 0;
        foreach (var (needId, sequence) in changes.Needs)
        {
            needs[n++] = NeedRow(Require(state.Needs, needId, "Need"), sequence);
        }

        var answers = new KanoAnswerRow[changes.KanoFeatures.Count];
        var k = 0;
        foreach (var (featureId, sequence) in changes.KanoFeatures)
        {
            var answer = Require(state.KanoAnswers, featureId, "KANO answer for feature");
            answers[k++] = new KanoAnswerRow(
                answer.FeatureId,
                (short)answer.Functional,
                (short)answer.Dysfunctional,
                (short)answer.Class(),
                answer.InteractionId,
                answer.AnsweredAt,
                sequence);
        }

        return new CustomerProjection(SummaryOf(state, policy, instant), needs, answers);
    }

    /// <summary>The customer_summaries row of <paramref name="state"/> with time-driven values at <paramref name="instant"/>.</summary>
    public static CustomerSummaryRow SummaryOf(CustomerState state, CustomerPolicy policy, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(policy);
        if (!state.Exists || state.CreatedAt is not { } createdAt || state.UpdatedAt is not { } updatedAt)
        {
            throw new InvalidOperationException($"Customer '{state.Id}' does not exist: it has no read-model row.");
        }

        var profile = state.Profile;
        var a = state.Aggregates;
        var loyalty = state.Loyalty;
        var satisfaction = SatisfactionSummary.From(a);
        var churn = ChurnRisk.Assess(state, policy.Churn, instant);
        return new CustomerSummaryRow(
            state.Id,
            profile.DisplayName,
            (short)profile.Kind,
            profile.ValueTypes.Select(v => (short)v).ToArray(),
            (short)profile.RelationshipMode,
            NullWhenEmpty(profile.Industry),
            NullWhenEmpty(profile.Region),
            profile.Tags.ToArray(),
            profile.Attributes,
            loyalty.Tier,
            loyalty.Tier is null ? null : loyalty.TierSince,
            (short)LoyaltyLadder.StageOf(state, policy.Ladder),
            churn.Score,
            (short)churn.Level,
            satisfaction.CsatMean,
            satisfaction.CsatCount,
            satisfaction.Nps,
            satisfaction.LastNps is { } last ? (short)last : null,
            state.OpenComplaints.Count,
            a.ComplaintCount,
            a.InteractionCount,
            a.PurchaseCount,
            a.LifetimeSpend,
            a.FirstPurchaseAt,
            a.LastPurchaseAt,
            loyalty.ReferralCount,
            a.LastInteractionAt,
            createdAt,
            updatedAt,
            instant,
            state.Version,
            state.MergedInto is null ? LoyaltyReview.NextReviewAt(state, policy, instant) : null,
            IdentityKeys.Of(profile.ContactPoints),
            state.MergedInto);
    }

    /// <summary>The customer_summary_needs row of <paramref name="need"/>, last changed at <paramref name="sequence"/>.</summary>
    public static NeedSummaryRow NeedRow(Need need, long sequence)
    {
        ArgumentNullException.ThrowIfNull(need);
        return new NeedSummaryRow(
            need.Id,
            (short)need.Type,
            (short)need.Area,
            (short)need.KanoClass,
            (short)need.Status,
            need.Title,
            TitleWords.Of(need.Title),
            sequence);
    }

    private static string? NullWhenEmpty(string value) => value.Length == 0 ? null : value;

    private static T Require<T>(IDictionary<string, T> items, string id, string what) =>
        items.TryGetValue(id, out var item) ? item : throw new InvalidOperationException($"{what} '{id}' is not in the state.");
}
