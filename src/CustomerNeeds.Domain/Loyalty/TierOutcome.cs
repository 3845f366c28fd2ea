using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Satisfaction;

namespace CustomerNeeds.Domain.Loyalty;

/// <summary>
/// The tier and grace-period start that <see cref="TierEvaluator.Evaluate"/> decides, without its
/// reasons: the loyalty review asks this many times per write to plan its next instant, and the
/// text is only needed when an event is written. Same rules, equal results (tested).
/// </summary>
public static class TierOutcome
{
    /// <summary>(Tier, BelowTierSince) of <see cref="TierEvaluator.Evaluate"/> for the same arguments.</summary>
    public static (string? Tier, DateTimeOffset? BelowTierSince) Of(CustomerState state, TierPolicy policy, DateTimeOffset now)
    {
        var loyalty = state.Loyalty;
        var window = state.Aggregates.PurchasesInWindow(now, policy.RollingWindowDays);
        var qualified = -1;
        for (var i = policy.Tiers.Count - 1; i >= 0; i--)
        {
            if (Meets(policy.Tiers[i], state, window, now))
            {
                qualified = i;
                break;
            }
        }

        var target = Math.Max(qualified, policy.RankOf(loyalty.Floor));
        var current = policy.RankOf(loyalty.Tier);
        if ((loyalty.Tier is not null && current < 0) || target >= current)
        {
            return (NameAt(policy, target), null);
        }

        switch (policy.DowngradeMode)
        {
            case DowngradeMode.Immediate:
                return (NameAt(policy, target), null);
            case DowngradeMode.AfterGracePeriod:
                var since = loyalty.BelowTierSince ?? now;
                return now - since >= TimeSpan.FromDays(policy.GracePeriodDays)
                    ? (NameAt(policy, target), null)
                    : (policy.Tiers[current].Name, since);
            default:
                return (policy.Tiers[current].Name, null);
        }
    }

    private static bool Meets(TierRule rule, CustomerState state, (int Count, decimal Amount) window, DateTimeOffset now)
    {
        var a = state.Aggregates;
        return (rule.MinSpend is not { } minSpend || window.Amount >= minSpend)
            && (rule.MinPurchases is not { } minPurchases || window.Count >= minPurchases)
            && (rule.MaxDaysSinceLastPurchase is not { } maxDays || RfmValues.DaysSince(a.LastPurchaseAt, now) <= maxDays)
            && (rule.MinCsatMean is not { } minCsat || new CsatMean(a.CsatSum, a.CsatCount).Value >= minCsat)
            && (rule.MinReferrals is not { } minReferrals || state.Loyalty.ReferralCount >= minReferrals)
            && (rule.MaxOpenComplaints is not { } maxOpen || state.OpenComplaints.Count <= maxOpen);
    }

    private static string? NameAt(TierPolicy policy, int rank) => rank >= 0 ? policy.Tiers[rank].Name : null;
}
