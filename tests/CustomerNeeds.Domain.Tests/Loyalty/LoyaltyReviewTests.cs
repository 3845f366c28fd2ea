using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Events;
using CustomerNeeds.Domain.Loyalty;

namespace CustomerNeeds.Domain.Tests.Loyalty;

public sealed class LoyaltyReviewTests
{
    /// <summary>Reviews at <paramref name="at"/> and applies the events the way the grain does.</summary>
    private static IReadOnlyList<CustomerEvent> Review(Scenario s, DateTimeOffset at) =>
        s.Run(state => LoyaltyReview.Decide(state, at, s.Policy));

    [Fact]
    public void Silence_makes_a_contact_semi_dormant_at_90_days_dormant_at_180_and_medium_risk_at_239()
    {
        // No purchase: recency counts days since the last interaction against the default gap of 90
        // days; 0.40 x ((239 / 90 - 1) / 2) = 0.3311 >= 0.33, while day 238 gives 0.3289.
        var s = new Scenario();
        s.Create();
        s.Contact();
        Assert.Empty(LoyaltyReview.Decide(s.State, Scenario.T0, s.Policy));

        var first = LoyaltyReview.NextReviewAt(s.State, s.Policy, Scenario.T0);
        Assert.Equal(Scenario.T0.AddDays(90), first);
        Assert.Empty(LoyaltyReview.Decide(s.State, Scenario.T0.AddDays(90).AddTicks(-1), s.Policy));
        Assert.Equal(Dormancy.Active, LoyaltyAssessment.Assess(s.State, s.Policy, Scenario.T0.AddDays(90).AddTicks(-1)).Dormancy);
        Assert.Equal(Dormancy.SemiDormant, LoyaltyAssessment.Assess(s.State, s.Policy, Scenario.T0.AddDays(90)).Dormancy);
        var semi = Assert.IsType<DormancyChanged>(Assert.Single(Review(s, first!.Value)));
        Assert.Equal((Dormancy.Active, Dormancy.SemiDormant, 90), (semi.From, semi.To, semi.DaysSilent));
        Assert.Equal("no contact for 90 days since 2025-01-01: semi-dormant from 90 days", semi.Reason);
        Assert.Empty(LoyaltyReview.Decide(s.State, first.Value, s.Policy));

        var second = LoyaltyReview.NextReviewAt(s.State, s.Policy, first.Value);
        Assert.Equal(Scenario.T0.AddDays(180), second);
        Assert.Equal(Dormancy.Dormant, Assert.IsType<DormancyChanged>(Assert.Single(Review(s, second!.Value))).To);

        var third = LoyaltyReview.NextReviewAt(s.State, s.Policy, second.Value);
        Assert.Equal(Scenario.T0.AddDays(239), third);
        var churn = Assert.IsType<ChurnRiskChanged>(Assert.Single(Review(s, third!.Value)));
        Assert.Equal((ChurnRiskLevel.Low, ChurnRiskLevel.Medium, 0.3311), (churn.From, churn.To, churn.Score));
        Assert.StartsWith("churn risk low -> medium at score 0.3311: recency 0.3311 (239 days since last interaction", churn.Reason);
        Assert.Equal(5, churn.Factors.Count);

        // The recency factor is full from 270 days: nothing changes by time alone any more.
        Assert.Null(LoyaltyReview.NextReviewAt(s.State, s.Policy, third.Value));
        Assert.Equal(Scenario.Json(s.State), Scenario.Json(CustomerEvolution.Replay(s.Events)));
    }

    [Fact]
    public void A_tier_falls_below_when_purchases_leave_the_window_and_drops_when_the_grace_period_ends()
    {
        var policy = CustomerPolicy.Default with
        {
            Tiers = new TierPolicy
            {
                Tiers = [new TierRule { Name = "basic" }, new TierRule { Name = "active", MinPurchases = 2 }],
                RollingWindowDays = 30,
                DowngradeMode = DowngradeMode.AfterGracePeriod,
                GracePeriodDays = 10,
            },
            Churn = new ChurnRiskModel { RecencyWeight = 0 },
        };
        var s = new Scenario(policy);
        s.Create();
        s.Purchase(10m);
        s.AtDay(1).Purchase(10m);
        Assert.Equal("active", s.State.Loyalty.Tier);

        // The 2025-01-01 purchase leaves the 30-day window at 2025-01-31 00:00 UTC.
        var below = new DateTimeOffset(2025, 1, 31, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(below, LoyaltyReview.NextReviewAt(s.State, policy, s.Now));
        var started = Assert.IsType<TierGracePeriodChanged>(Assert.Single(Review(s, below)));
        Assert.Equal(below, started.BelowTierSince);

        var end = LoyaltyReview.NextReviewAt(s.State, policy, below);
        Assert.Equal(below.AddDays(10), end);
        var dropped = Assert.IsType<TierChanged>(Assert.Single(Review(s, end!.Value)));
        Assert.Equal(("active", "basic", null), (dropped.FromTier, dropped.ToTier, dropped.Actor));
        Assert.Contains("grace period of 10 days over", dropped.Reason, StringComparison.Ordinal);
        Assert.Empty(LoyaltyReview.Decide(s.State, end.Value, policy));
    }

    [Fact]
    public void A_level_already_different_is_due_at_once_and_a_second_review_writes_nothing()
    {
        // Two open complaints (0.15), repeated within 90 days (0.15) and an NPS detractor (0.10): 0.40, medium.
        var s = new Scenario();
        s.Create();
        s.Complain();
        s.Complain();
        s.Contact(nps: 3);

        Assert.Equal(s.Now, LoyaltyReview.NextReviewAt(s.State, s.Policy, s.Now));
        var changed = Assert.IsType<ChurnRiskChanged>(Assert.Single(Review(s, s.Now)));
        Assert.Equal((ChurnRiskLevel.Low, ChurnRiskLevel.Medium, 0.4), (changed.From, changed.To, changed.Score));
        Assert.Contains("open_complaints 0.15 (2 open complaints)", changed.Reason, StringComparison.Ordinal);
        Assert.Equal(ChurnRiskLevel.Medium, s.State.Loyalty.ChurnRiskLevel);

        Assert.Empty(LoyaltyReview.Decide(s.State, s.Now, s.Policy));
        Assert.True(LoyaltyReview.NextReviewAt(s.State, s.Policy, s.Now) > s.Now);
    }

    [Fact]
    public void Contact_after_dormancy_is_reviewed_back_to_active()
    {
        var s = new Scenario();
        s.Create();
        s.Contact();
        Review(s, Scenario.T0.AddDays(100));
        Assert.Equal(Dormancy.SemiDormant, s.State.Loyalty.Dormancy);

        s.AtDay(101).Contact();
        Assert.Equal(s.Now, LoyaltyReview.NextReviewAt(s.State, s.Policy, s.Now));
        var back = Assert.IsType<DormancyChanged>(Assert.Single(Review(s, s.Now)));
        Assert.Equal((Dormancy.SemiDormant, Dormancy.Active), (back.From, back.To));
        Assert.Equal("last contact 2025-04-12, 0 days ago: active below 90 days", back.Reason);
    }

    [Fact]
    public void After_32_candidates_without_a_change_the_last_is_a_checkpoint_that_is_not_due()
    {
        // One tier without thresholds: purchase days leaving the window never change anything.
        var policy = CustomerPolicy.Default with
        {
            Tiers = new TierPolicy { Tiers = [new TierRule { Name = "basic" }], RollingWindowDays = 60, DowngradeMode = DowngradeMode.Immediate },
            Churn = new ChurnRiskModel { RecencyWeight = 0 },
            Ladder = new LoyaltyLadderRules { SemiDormantAfterDays = 1000, DormantAfterDays = 2000 },
        };
        var s = new Scenario(policy);
        s.Create();
        for (var day = 0; day < 50; day++)
        {
            s.AtDay(day).Purchase(1m);
        }

        var checkpoint = LoyaltyReview.NextReviewAt(s.State, policy, s.Now);

        // Purchase days 0 to 49 leave the window at day + 60, 00:00 UTC: the 32nd is day 91, 2025-04-02.
        Assert.Equal(new DateTimeOffset(2025, 4, 2, 0, 0, 0, TimeSpan.Zero), checkpoint);
        Assert.False(LoyaltyReview.IsDue(s.State, policy, checkpoint!.Value));

        // From there: the other 18 purchase days change nothing either; semi-dormancy 1,000 days after the last contact does.
        Assert.Equal(Scenario.T0.AddDays(49 + 1000), LoyaltyReview.NextReviewAt(s.State, policy, checkpoint.Value));
    }

    [Fact]
    public void The_summary_row_carries_the_next_review_from_its_instant()
    {
        var s = new Scenario();
        s.Create();
        s.Contact();
        var row = CustomerNeeds.Domain.ReadModel.CustomerProjection.SummaryOf(s.State, s.Policy, s.State.UpdatedAt!.Value);

        Assert.Equal(Scenario.T0.AddDays(90), row.NextReviewAt);
        Assert.Equal(row.EvaluatedAt, s.State.UpdatedAt);
    }

    [Fact]
    public void With_nothing_time_driven_there_is_no_next_review()
    {
        var s = new Scenario(CustomerPolicy.Default with { Tiers = new TierPolicy { Tiers = [new TierRule { Name = "basic" }] } });
        s.Create();
        Assert.Null(LoyaltyReview.NextReviewAt(s.State, s.Policy, s.Now));
        Assert.Null(LoyaltyReview.NextReviewAt(new CustomerState(), s.Policy, s.Now));
    }
}
