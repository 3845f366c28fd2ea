using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Satisfaction;

namespace CustomerNeeds.Domain.Loyalty;

/// <summary>
/// The loyalty-ladder stage of a customer (lifetime counters; each stage requires the one
/// below): suspect = no interaction; prospect = interactions, no purchase; first-time = 1
/// purchase; repeat = ≥ 2 purchases; supporter = repeat and positively satisfied (CSAT mean ≥
/// 4.0, or latest NPS ≥ 9); advocate = supporter with ≥ 1 referral; partner = advocate whose
/// relationship mode is relational and who has ≥ 10 purchases.
/// </summary>
public static class LoyaltyLadder
{
    /// <summary>The stage of <paramref name="state"/>; Unspecified when the customer does not exist.</summary>
    public static LoyaltyStage StageOf(CustomerState state, LoyaltyLadderRules rules)
    {
        if (!state.Exists)
        {
            return LoyaltyStage.Unspecified;
        }

        var a = state.Aggregates;
        if (a.InteractionCount == 0)
        {
            return LoyaltyStage.Suspect;
        }

        if (a.PurchaseCount == 0)
        {
            return LoyaltyStage.Prospect;
        }

        if (a.PurchaseCount == 1)
        {
            return LoyaltyStage.FirstTimeCustomer;
        }

        if (!IsPositivelySatisfied(a, rules))
        {
            return LoyaltyStage.RepeatCustomer;
        }

        if (state.Loyalty.ReferralCount < rules.AdvocateMinReferrals)
        {
            return LoyaltyStage.Supporter;
        }

        return state.Profile.RelationshipMode == RelationshipMode.Relational && a.PurchaseCount >= rules.PartnerMinPurchases
            ? LoyaltyStage.Partner
            : LoyaltyStage.Advocate;
    }

    /// <summary>CSAT mean ≥ the threshold, or latest NPS ≥ the threshold.</summary>
    public static bool IsPositivelySatisfied(CustomerAggregates a, LoyaltyLadderRules rules) =>
        new CsatMean(a.CsatSum, a.CsatCount).Value >= rules.SupporterMinCsatMean
        || a.LastNps >= rules.SupporterMinLastNps;
}
