using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Errors;
using CustomerNeeds.Domain.Events;
using CustomerNeeds.Domain.Loyalty;

namespace CustomerNeeds.Domain.Tests.Loyalty;

public sealed class LoyaltyDecisionsTests
{
    [Fact]
    public void Creation_grants_the_initial_tier()
    {
        var s = new Scenario();
        var events = s.Create();

        Assert.Equal(2, events.Count);
        var tier = Assert.IsType<TierChanged>(events[1]);
        Assert.Equal((null, "bronze", "qualifies for bronze: no thresholds"), (tier.FromTier, tier.ToTier, tier.Reason));
        Assert.Equal("bronze", s.State.Loyalty.Tier);
        Assert.Single(s.State.Loyalty.History);
    }

    [Fact]
    public void A_purchase_that_crosses_a_threshold_upgrades_in_the_same_decision()
    {
        var s = new Scenario();
        s.Create();
        Assert.Single(s.Purchase(300m));
        var events = s.Purchase(300m);

        Assert.Equal(2, events.Count);
        var tier = Assert.IsType<TierChanged>(events[1]);
        Assert.Equal(("bronze", "silver"), (tier.FromTier, tier.ToTier));
        Assert.Equal("qualifies for silver: spend 600.00 in 365 days >= 500.00; 2 purchases in 365 days >= 2; last purchase 0 days ago <= 180", tier.Reason);
        Assert.Null(tier.Actor);
        Assert.Equal("silver", s.State.Loyalty.Tier);
    }

    [Fact]
    public void A_referral_can_complete_platinum()
    {
        var s = new Scenario();
        s.Create();
        for (var i = 0; i < 12; i++)
        {
            s.Purchase(1000m);
        }

        s.Contact(csat: 5);
        Assert.Equal("gold", s.State.Loyalty.Tier);

        var events = s.Contact(referred: "c-2");
        Assert.Equal("platinum", Assert.IsType<TierChanged>(events[^1]).ToTier);
        Assert.Equal(1, s.State.Loyalty.ReferralCount);
    }

    [Fact]
    public void Grace_period_runs_through_recorded_events_and_replays()
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
        };
        var s = new Scenario(policy);
        s.Create();
        s.Purchase(10m);
        s.AtDay(1).Purchase(10m);
        Assert.Equal("active", s.State.Loyalty.Tier);

        // Day 31: both purchases have aged out of the 30-day window (ages 31 and 30): below "active" from now.
        var started = Assert.IsType<TierGracePeriodChanged>(Assert.Single(s.AtDay(31).Contact(), e => e is not InteractionRecorded));
        Assert.Equal(Scenario.T0.AddDays(31), started.BelowTierSince);
        Assert.DoesNotContain(s.AtDay(40).Contact(), e => e is TierChanged or TierGracePeriodChanged);
        Assert.Equal("active", s.State.Loyalty.Tier);

        var dropped = Assert.IsType<TierChanged>(Assert.Single(s.AtDay(41).Contact(), e => e is not InteractionRecorded));
        Assert.Equal(("active", "basic"), (dropped.FromTier, dropped.ToTier));
        Assert.Null(s.State.Loyalty.BelowTierSince);

        Assert.Equal(Scenario.Json(s.State), Scenario.Json(CustomerEvolution.Replay(s.Events)));
    }

    [Fact]
    public void Requalifying_within_the_grace_period_clears_it()
    {
        var policy = CustomerPolicy.Default with
        {
            Tiers = new TierPolicy { Tiers = [new TierRule { Name = "basic" }, new TierRule { Name = "active", MinPurchases = 2 }], RollingWindowDays = 30 },
        };
        var s = new Scenario(policy);
        s.Create();
        s.Purchase(10m);
        s.AtDay(1).Purchase(10m);
        s.AtDay(31).Contact();
        Assert.NotNull(s.State.Loyalty.BelowTierSince);

        Assert.Single(s.AtDay(34).Purchase(10m)); // one purchase in the window: still below
        var cleared = Assert.IsType<TierGracePeriodChanged>(s.AtDay(35).Purchase(10m)[^1]);
        Assert.Null(cleared.BelowTierSince);
        Assert.Equal("active", s.State.Loyalty.Tier);
    }

    [Fact]
    public void Setting_a_floor_raises_the_tier_with_the_actor_and_clearing_it_follows_the_downgrade_mode()
    {
        var s = new Scenario(CustomerPolicy.Default with { Tiers = TierPolicy.Default with { DowngradeMode = DowngradeMode.Immediate } });
        s.Create();
        var set = s.SetFloor("gold", "strategic account");

        Assert.IsType<TierFloorSet>(set[0]);
        var raised = Assert.IsType<TierChanged>(set[1]);
        Assert.Equal(("bronze", "gold", "manager-1"), (raised.FromTier, raised.ToTier, raised.Actor));
        Assert.Equal("floor gold (strategic account); qualifies for bronze: no thresholds", raised.Reason);
        Assert.Equal(("gold", "strategic account", "manager-1"), (s.State.Loyalty.Floor, s.State.Loyalty.FloorReason, s.State.Loyalty.FloorActor));

        var cleared = s.SetFloor(null, "");
        Assert.Equal("bronze", Assert.IsType<TierChanged>(cleared[1]).ToTier);
        Assert.Null(s.State.Loyalty.Floor);
        Assert.Equal(3, s.State.Loyalty.History.Count);
    }

    [Fact]
    public void Floor_input_is_checked()
    {
        var s = new Scenario();
        s.Create();
        var e = Assert.Throws<DomainValidationException>(() => s.Run(st => LoyaltyDecisions.Decide(st, new SetTierFloor("diamond", "", ""), s.Now, s.Policy)));
        Assert.Equal(["tier", "reason", "actor"], e.Fields.Select(f => f.Field));
    }

    [Fact]
    public void Reevaluate_emits_nothing_when_nothing_changes_and_a_downgrade_when_due()
    {
        var s = new Scenario(CustomerPolicy.Default with { Tiers = TierPolicy.Default with { DowngradeMode = DowngradeMode.Immediate } });
        s.Create();
        s.Purchase(300m);
        s.Purchase(300m);
        Assert.Empty(LoyaltyDecisions.Reevaluate(s.State, s.Now, s.Policy));

        var later = LoyaltyDecisions.Reevaluate(s.State, s.Now.AddDays(181), s.Policy);
        var change = Assert.IsType<TierChanged>(Assert.Single(later));
        Assert.Equal(("silver", "bronze"), (change.FromTier, change.ToTier));
        Assert.StartsWith("below silver: last purchase 181 days ago > 180", change.Reason);
    }

    [Fact]
    public void Tier_history_keeps_the_latest_fifty()
    {
        var s = new Scenario(CustomerPolicy.Default with { Tiers = TierPolicy.Default with { DowngradeMode = DowngradeMode.Immediate } });
        s.Create();
        for (var i = 0; i < 30; i++)
        {
            s.SetFloor("gold");
            s.SetFloor(null, "");
        }

        Assert.Equal(LoyaltyState.MaxHistory, s.State.Loyalty.History.Count);
        Assert.Equal("gold", s.State.Loyalty.History[^2].ToTier);
        Assert.Equal("bronze", s.State.Loyalty.History[^1].ToTier);
    }
}
