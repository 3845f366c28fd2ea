using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Loyalty;

namespace CustomerNeeds.Domain.Tests.Loyalty;

public sealed class TierEvaluatorTests
{
    private static readonly DateTimeOffset Now = States.Now;

    private static string Repeat(int count, int daysAgo, decimal amount) =>
        string.Join(",", Enumerable.Range(0, count).Select(_ => $"{daysAgo}:{amount.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));

    // Default policy: silver = spend >= 500, >= 2 purchases, <= 180 days; gold = >= 2,000, >= 5, <= 90 days, CSAT >= 3.5;
    // platinum = >= 10,000, >= 12, <= 60 days, CSAT >= 4.0, >= 1 referral, 0 open complaints. Window 365 days.
    [Theory]
    [InlineData("", 0, 0, 0, 0, "bronze")]
    [InlineData("10:600", 0, 0, 0, 0, "bronze")]                       // one purchase < 2
    [InlineData("10:250,20:250", 0, 0, 0, 0, "silver")]               // spend exactly 500
    [InlineData("10:250,20:249.99", 0, 0, 0, 0, "bronze")]            // 499.99
    [InlineData("180:500,200:500", 0, 0, 0, 0, "silver")]             // last purchase exactly 180 days ago
    [InlineData("181:500,200:500", 0, 0, 0, 0, "bronze")]             // 181 days
    [InlineData("10:400,20:400,30:400,40:400,90:400", 7, 2, 0, 0, "gold")]   // 2,000, 5 purchases, 90 days, CSAT 3.5
    [InlineData("10:400,20:400,30:400,40:400,90:400", 0, 0, 0, 0, "silver")] // no CSAT scores: silence is not satisfaction
    [InlineData("10:400,20:400,30:400,40:400,90:400", 17, 5, 0, 0, "silver")] // CSAT 3.4
    [InlineData("10:400,20:400,30:400,40:400,91:400", 7, 2, 0, 0, "gold")]   // last is 10 days ago; 91 is just the oldest
    [InlineData("91:400,92:400,93:400,94:400,95:400", 7, 2, 0, 0, "silver")] // last purchase 91 days ago > 90
    [InlineData("10:399.99,20:400,30:400,40:400,50:400", 7, 2, 0, 0, "silver")] // 1,999.99
    public void Qualification_table(string purchases, long csatSum, long csatCount, int referrals, int openComplaints, string expected)
    {
        var state = States.Existing().WithPurchases(purchases, Now).WithCsat(csatSum, csatCount).WithOpenComplaints(openComplaints);
        state.Loyalty.ReferralCount = referrals;

        Assert.Equal(expected, TierEvaluator.Evaluate(state, TierPolicy.Default, Now).Tier);
    }

    [Theory]
    [InlineData(1, 0, 8, 2, "platinum")]  // all met: 12 x 1,000 = 12,000, 60 days, CSAT 4.0, 1 referral, none open
    [InlineData(0, 0, 8, 2, "gold")]      // no referral
    [InlineData(1, 1, 8, 2, "gold")]      // one open complaint
    [InlineData(1, 0, 7, 2, "gold")]      // CSAT 3.5 < 4.0
    public void Platinum_needs_every_threshold(int referrals, int openComplaints, long csatSum, long csatCount, string expected)
    {
        var state = States.Existing().WithPurchases(Repeat(11, 100, 1000m) + ",60:1000", Now)
            .WithCsat(csatSum, csatCount).WithOpenComplaints(openComplaints);
        state.Loyalty.ReferralCount = referrals;

        Assert.Equal(expected, TierEvaluator.Evaluate(state, TierPolicy.Default, Now).Tier);
    }

    [Theory]
    [InlineData(364, "silver")] // age 364 < 365: inside the window
    [InlineData(365, "bronze")] // age 365: outside
    [InlineData(500, "bronze")]
    public void Purchases_leave_the_rolling_window(int oldestDaysAgo, string expected)
    {
        var state = States.Existing().WithPurchases($"10:1000,{oldestDaysAgo}:1000", Now);
        Assert.Equal(expected, TierEvaluator.Evaluate(state, TierPolicy.Default, Now).Tier);
    }

    [Fact]
    public void The_reason_names_each_threshold()
    {
        var state = States.Existing().WithPurchases("10:625,20:625", Now);
        var result = TierEvaluator.Evaluate(state, TierPolicy.Default, Now);

        Assert.Equal(
            "qualifies for silver: spend 1,250.00 in 365 days >= 500.00; 2 purchases in 365 days >= 2; last purchase 10 days ago <= 180",
            result.Reason);
        Assert.Equal("silver", result.QualifiedTier);
    }

    [Fact]
    public void Without_thresholds_the_lowest_tier_always_qualifies()
    {
        var result = TierEvaluator.Evaluate(States.Existing(), TierPolicy.Default, Now);
        Assert.Equal("bronze", result.Tier);
        Assert.Equal("qualifies for bronze: no thresholds", result.Reason);
    }

    [Fact]
    public void When_even_the_lowest_tier_has_thresholds_a_customer_may_have_none()
    {
        var policy = new TierPolicy { Tiers = [new TierRule { Name = "member", MinPurchases = 1 }] };
        var result = TierEvaluator.Evaluate(States.Existing(), policy, Now);

        Assert.Null(result.Tier);
        Assert.Equal("qualifies for no tier: 0 purchases in 365 days < 1", result.Reason);
    }

    private static CustomerState GoldHolderNowSilver(DateTimeOffset? belowSince = null)
    {
        var state = States.Existing().WithPurchases("10:1000,20:1000", Now);
        state.Loyalty.Tier = "gold";
        state.Loyalty.BelowTierSince = belowSince;
        return state;
    }

    [Fact]
    public void Immediate_downgrade_drops_at_once()
    {
        var result = TierEvaluator.Evaluate(GoldHolderNowSilver(), TierPolicy.Default with { DowngradeMode = DowngradeMode.Immediate }, Now);

        Assert.Equal("silver", result.Tier);
        Assert.StartsWith("below gold: 2 purchases in 365 days < 5; no CSAT scores", result.Reason);
        Assert.Null(result.BelowTierSince);
    }

    [Fact]
    public void No_downgrade_keeps_the_tier()
    {
        var result = TierEvaluator.Evaluate(GoldHolderNowSilver(), TierPolicy.Default with { DowngradeMode = DowngradeMode.None }, Now);

        Assert.Equal("gold", result.Tier);
        Assert.EndsWith("downgrades are disabled", result.Reason);
        Assert.Null(result.BelowTierSince);
        Assert.Equal("silver", result.QualifiedTier);
    }

    [Theory]
    [InlineData(null, "gold", 0.0)]   // first time below: the grace period starts now
    [InlineData(1.0, "gold", 1.0)]
    [InlineData(29.9, "gold", 29.9)]
    [InlineData(30.0, "silver", null)] // 30 days below: grace over
    [InlineData(45.0, "silver", null)]
    public void Grace_period_downgrade(double? belowDaysAgo, string expected, double? expectedSinceDaysAgo)
    {
        var since = belowDaysAgo is { } d ? Now.AddDays(-d) : (DateTimeOffset?)null;
        var result = TierEvaluator.Evaluate(GoldHolderNowSilver(since), TierPolicy.Default, Now);

        Assert.Equal(expected, result.Tier);
        Assert.Equal(expectedSinceDaysAgo is { } e ? Now.AddDays(-e) : null, result.BelowTierSince);
    }

    [Fact]
    public void Qualifying_again_clears_the_grace_period()
    {
        var state = States.Existing().WithPurchases("1:500,2:500,3:500,4:500,5:500", Now).WithCsat(4, 1);
        state.Loyalty.Tier = "gold";
        state.Loyalty.BelowTierSince = Now.AddDays(-10);

        var result = TierEvaluator.Evaluate(state, TierPolicy.Default, Now);
        Assert.Equal("gold", result.Tier);
        Assert.Null(result.BelowTierSince);
    }

    [Theory]
    [InlineData("", "gold", "gold")]            // qualifies bronze, floor gold
    [InlineData("10:1000,20:1000", "bronze", "silver")] // floor below qualification has no effect
    [InlineData("10:1000,20:1000", "silver", "silver")]
    [InlineData("", null, "bronze")]
    public void The_floor_is_a_minimum(string purchases, string? floor, string expected)
    {
        var state = States.Existing().WithPurchases(purchases, Now);
        state.Loyalty.Floor = floor;
        state.Loyalty.FloorReason = "key account";

        Assert.Equal(expected, TierEvaluator.Evaluate(state, TierPolicy.Default, Now).Tier);
    }

    [Fact]
    public void The_floor_reason_is_named()
    {
        var state = States.Existing();
        state.Loyalty.Floor = "gold";
        state.Loyalty.FloorReason = "key account";

        Assert.Equal("floor gold (key account); qualifies for bronze: no thresholds", TierEvaluator.Evaluate(state, TierPolicy.Default, Now).Reason);
    }

    [Fact]
    public void The_floor_stops_a_downgrade_at_the_floor()
    {
        var state = GoldHolderNowSilver();
        state.Loyalty.Tier = "platinum";
        state.Loyalty.Floor = "gold";
        var result = TierEvaluator.Evaluate(state, TierPolicy.Default with { DowngradeMode = DowngradeMode.Immediate }, Now);

        Assert.Equal("gold", result.Tier);
    }

    [Fact]
    public void A_tier_removed_from_the_policy_is_replaced_at_once()
    {
        var state = States.Existing();
        state.Loyalty.Tier = "diamond";
        var result = TierEvaluator.Evaluate(state, TierPolicy.Default with { DowngradeMode = DowngradeMode.None }, Now);

        Assert.Equal("bronze", result.Tier);
        Assert.StartsWith("tier diamond is no longer configured", result.Reason);
    }

    [Fact]
    public void Max_open_complaints_and_referral_thresholds_are_reported()
    {
        var policy = new TierPolicy { Tiers = [new TierRule { Name = "t", MinReferrals = 2, MaxOpenComplaints = 0 }] };
        var state = States.Existing().WithOpenComplaints(1);
        state.Loyalty.ReferralCount = 1;

        var (met, clauses) = TierEvaluator.Check(policy.Tiers[0], state, policy, Now);
        Assert.False(met);
        Assert.Equal(["1 referrals < 2", "1 open complaints > 0"], clauses.Select(c => c.Text));
    }

    [Theory]
    [InlineData(0, 365, 30, false)]
    [InlineData(4, 730, 30, true)]
    [InlineData(1, 0, 30, false)]
    [InlineData(1, 731, 30, false)]
    [InlineData(1, 730, -1, false)]
    [InlineData(1, 365, 0, true)]
    public void Policy_validation(int tierCount, int window, int grace, bool valid)
    {
        var policy = new TierPolicy
        {
            Tiers = TierPolicy.Default.Tiers.Take(tierCount).ToArray(),
            RollingWindowDays = window,
            GracePeriodDays = grace,
        };
        Assert.Equal(valid, policy.Validate().Count == 0);
    }

    [Fact]
    public void Duplicate_names_and_bad_thresholds_are_invalid()
    {
        var policy = new TierPolicy
        {
            Tiers = [new TierRule { Name = "a" }, new TierRule { Name = "a", MinCsatMean = 6 }, new TierRule { Name = "", MinSpend = -1 }],
        };

        Assert.Equal(4, policy.Validate().Count);
    }
}
