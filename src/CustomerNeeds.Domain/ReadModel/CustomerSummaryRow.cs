namespace CustomerNeeds.Domain.ReadModel;

/// <summary>
/// One row of <c>customer_summaries</c>, column for column (the generated <c>nps_category</c>
/// aside). Enums are their numbers (the same in the domain and the protos); a value the customer
/// does not have is null, never "" or 0.
/// </summary>
/// <param name="CustomerId">customer_id.</param>
/// <param name="DisplayName">display_name.</param>
/// <param name="Kind">kind (<c>CustomerKind</c>).</param>
/// <param name="ValueTypes">value_types (<c>CustomerValueType</c>, ascending).</param>
/// <param name="RelationshipMode">relationship_mode (<c>RelationshipMode</c>; 0 = not classified).</param>
/// <param name="Industry">industry; null when empty.</param>
/// <param name="Region">region; null when empty.</param>
/// <param name="Tags">tags, in the profile's order.</param>
/// <param name="Attributes">attributes (a jsonb object of strings).</param>
/// <param name="Tier">tier; null when none.</param>
/// <param name="TierSince">tier_since; null when no tier.</param>
/// <param name="LadderStage">ladder_stage (<c>LoyaltyStage</c>) at <paramref name="EvaluatedAt"/>.</param>
/// <param name="ChurnRiskScore">churn_risk_score (0 to 1) at <paramref name="EvaluatedAt"/>.</param>
/// <param name="ChurnRiskLevel">churn_risk_level (<c>ChurnRiskLevel</c>) at <paramref name="EvaluatedAt"/>.</param>
/// <param name="CsatMean">csat_mean; null without CSAT scores.</param>
/// <param name="CsatCount">csat_count.</param>
/// <param name="NpsScore">nps_score (-100 to 100); null without NPS answers.</param>
/// <param name="LastNps">last_nps (0 to 10, latest by contact time); null without NPS answers.</param>
/// <param name="OpenComplaintCount">open_complaint_count.</param>
/// <param name="ComplaintCount">complaint_count (all complaints ever opened).</param>
/// <param name="InteractionCount">interaction_count.</param>
/// <param name="PurchaseCount">purchase_count.</param>
/// <param name="LifetimeSpend">lifetime_spend, in the service's currency.</param>
/// <param name="FirstPurchaseAt">first_purchase_at; null without purchases.</param>
/// <param name="LastPurchaseAt">last_purchase_at; null without purchases.</param>
/// <param name="ReferralCount">referral_count.</param>
/// <param name="LastInteractionAt">last_interaction_at (latest occur time); null without interactions.</param>
/// <param name="CreatedAt">created_at.</param>
/// <param name="UpdatedAt">updated_at (the last event's record time).</param>
/// <param name="EvaluatedAt">evaluated_at: the instant the time-driven values were evaluated at.</param>
/// <param name="LastSequence">last_sequence: the log sequence the row reflects.</param>
/// <param name="NextReviewAt">next_review_at: when a loyalty review next changes something (<c>LoyaltyReview.NextReviewAt</c> from <paramref name="EvaluatedAt"/>); null when time alone changes nothing.</param>
/// <param name="IdentityKeys">identity_keys: the normalised phone, email and external-id keys (<see cref="IdentityKeys"/>); null: none.</param>
/// <param name="MergedInto">merged_into: the customer this one was merged into; null when not merged.</param>
public sealed record CustomerSummaryRow(
    string CustomerId,
    string DisplayName,
    short Kind,
    IReadOnlyList<short> ValueTypes,
    short RelationshipMode,
    string? Industry,
    string? Region,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> Attributes,
    string? Tier,
    DateTimeOffset? TierSince,
    short LadderStage,
    double ChurnRiskScore,
    short ChurnRiskLevel,
    double? CsatMean,
    long CsatCount,
    double? NpsScore,
    short? LastNps,
    int OpenComplaintCount,
    long ComplaintCount,
    long InteractionCount,
    long PurchaseCount,
    decimal LifetimeSpend,
    DateTimeOffset? FirstPurchaseAt,
    DateTimeOffset? LastPurchaseAt,
    long ReferralCount,
    DateTimeOffset? LastInteractionAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset EvaluatedAt,
    long LastSequence,
    DateTimeOffset? NextReviewAt = null,
    IReadOnlyList<string>? IdentityKeys = null,
    string? MergedInto = null);
