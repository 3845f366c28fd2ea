using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Loyalty;

namespace CustomerNeeds.Domain.Tests.Loyalty;

public sealed class LoyaltyLadderTests
{
    [Theory]
    [InlineData(false, 0, 0, 0, 0, null, 0, RelationshipMode.Unspecified, LoyaltyStage.Unspecified)]
    [InlineData(true, 0, 0, 0, 0, null, 0, RelationshipMode.Unspecified, LoyaltyStage.Suspect)]
    [InlineData(true, 1, 0, 0, 0, null, 0, RelationshipMode.Unspecified, LoyaltyStage.Prospect)]
    [InlineData(true, 9, 0, 10, 2, 10, 3, RelationshipMode.Relational, LoyaltyStage.Prospect)] // no purchase
    [InlineData(true, 1, 1, 0, 0, null, 0, RelationshipMode.Unspecified, LoyaltyStage.FirstTimeCustomer)]
    [InlineData(true, 5, 1, 10, 2, 10, 3, RelationshipMode.Relational, LoyaltyStage.FirstTimeCustomer)] // one purchase caps
    [InlineData(true, 2, 2, 0, 0, null, 0, RelationshipMode.Unspecified, LoyaltyStage.RepeatCustomer)]
    [InlineData(true, 2, 2, 7, 2, null, 0, RelationshipMode.Unspecified, LoyaltyStage.RepeatCustomer)]  // CSAT 3.5
    [InlineData(true, 2, 2, 8, 2, null, 0, RelationshipMode.Unspecified, LoyaltyStage.Supporter)]       // CSAT 4.0
    [InlineData(true, 2, 2, 0, 0, 8, 0, RelationshipMode.Unspecified, LoyaltyStage.RepeatCustomer)]     // NPS 8 passive
    [InlineData(true, 2, 2, 0, 0, 9, 0, RelationshipMode.Unspecified, LoyaltyStage.Supporter)]          // NPS 9 promoter
    [InlineData(true, 2, 2, 2, 1, 10, 0, RelationshipMode.Unspecified, LoyaltyStage.Supporter)]         // CSAT 2 but promoter
    [InlineData(true, 2, 2, 8, 2, null, 1, RelationshipMode.Unspecified, LoyaltyStage.Advocate)]
    [InlineData(true, 2, 2, 7, 2, null, 5, RelationshipMode.Relational, LoyaltyStage.RepeatCustomer)]   // referrals without satisfaction
    [InlineData(true, 10, 10, 8, 2, null, 1, RelationshipMode.Relational, LoyaltyStage.Partner)]
    [InlineData(true, 9, 9, 8, 2, null, 1, RelationshipMode.Relational, LoyaltyStage.Advocate)]         // 9 < 10 purchases
    [InlineData(true, 10, 10, 8, 2, null, 1, RelationshipMode.Transactional, LoyaltyStage.Advocate)]
    [InlineData(true, 10, 10, 8, 2, null, 0, RelationshipMode.Relational, LoyaltyStage.Supporter)]      // no referral
    public void Stage_table(
        bool exists, long interactions, long purchases, long csatSum, long csatCount, int? lastNps, long referrals,
        RelationshipMode mode, LoyaltyStage expected)
    {
        var state = new CustomerState { Exists = exists, Profile = new CustomerProfile { RelationshipMode = mode } };
        state.Aggregates.InteractionCount = interactions;
        state.Aggregates.PurchaseCount = purchases;
        state.Aggregates.CsatSum = csatSum;
        state.Aggregates.CsatCount = csatCount;
        state.Aggregates.LastNps = lastNps;
        state.Loyalty.ReferralCount = referrals;

        Assert.Equal(expected, LoyaltyLadder.StageOf(state, LoyaltyLadderRules.Default));
    }

    [Fact]
    public void Ladder_thresholds_are_configurable()
    {
        var state = new CustomerState { Exists = true, Profile = new CustomerProfile { RelationshipMode = RelationshipMode.Relational } };
        state.Aggregates.InteractionCount = 3;
        state.Aggregates.PurchaseCount = 3;
        state.Aggregates.CsatSum = 3;
        state.Aggregates.CsatCount = 1;
        state.Loyalty.ReferralCount = 2;
        var rules = new LoyaltyLadderRules { SupporterMinCsatMean = 3, AdvocateMinReferrals = 2, PartnerMinPurchases = 3 };

        Assert.Equal(LoyaltyStage.Partner, LoyaltyLadder.StageOf(state, rules));
        Assert.Equal(LoyaltyStage.RepeatCustomer, LoyaltyLadder.StageOf(state, LoyaltyLadderRules.Default));
    }
}
