using CustomerNeeds.Domain.Customers;

namespace CustomerNeeds.Domain.Loyalty;

/// <summary>Loyalty of one customer computed at read time.</summary>
/// <param name="Tier">Current tier (as stored; changes only through events); null when none.</param>
/// <param name="TierSince">When the current tier was reached.</param>
/// <param name="QualifiedTier">The highest tier whose thresholds are met at the read time.</param>
/// <param name="Floor">Manual floor; null when none.</param>
/// <param name="FloorReason">Why the floor was set.</param>
/// <param name="BelowTierSince">Under a grace period: since when the customer is below the current tier.</param>
/// <param name="History">Tier changes with reasons, oldest first (latest 50).</param>
/// <param name="Stage">Loyalty-ladder stage.</param>
/// <param name="ReferralCount">Customers referred.</param>
/// <param name="Rfm">Raw recency, frequency, monetary values.</param>
/// <param name="ChurnRisk">Churn risk with its factors.</param>
/// <param name="FloorActor">Who set the manual floor (empty when none).</param>
/// <param name="FloorSetAt">When the manual floor was set.</param>
/// <param name="EvaluatedAt">The time the assessment was made.</param>
/// <param name="Dormancy">Dormancy at the assessment time (<see cref="DormancyEvaluator"/>).</param>
public sealed record LoyaltyAssessment(
    string? Tier,
    DateTimeOffset? TierSince,
    string? QualifiedTier,
    string? Floor,
    string FloorReason,
    DateTimeOffset? BelowTierSince,
    IReadOnlyList<TierChange> History,
    LoyaltyStage Stage,
    long ReferralCount,
    RfmValues Rfm,
    ChurnRiskAssessment ChurnRisk,
    string FloorActor = "",
    DateTimeOffset? FloorSetAt = null,
    DateTimeOffset? EvaluatedAt = null,
    Dormancy Dormancy = Dormancy.Unspecified)
{
    /// <summary>Assesses <paramref name="state"/> at <paramref name="now"/>.</summary>
    public static LoyaltyAssessment Assess(CustomerState state, CustomerPolicy policy, DateTimeOffset now)
    {
        var l = state.Loyalty;
        return new LoyaltyAssessment(
            l.Tier,
            l.TierSince,
            TierEvaluator.Evaluate(state, policy.Tiers, now).QualifiedTier,
            l.Floor,
            l.FloorReason,
            l.BelowTierSince,
            l.History.ToArray(),
            LoyaltyLadder.StageOf(state, policy.Ladder),
            l.ReferralCount,
            RfmValues.Compute(state, now, policy.Tiers.RollingWindowDays, policy.CurrencyCode),
            Loyalty.ChurnRisk.Assess(state, policy.Churn, now),
            l.FloorActor,
            l.FloorSetAt,
            now,
            DormancyEvaluator.Evaluate(state, policy.Ladder, now));
    }
}
