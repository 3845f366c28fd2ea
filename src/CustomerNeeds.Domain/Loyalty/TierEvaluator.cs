using System.Globalization;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Satisfaction;

namespace CustomerNeeds.Domain.Loyalty;

/// <summary>
/// Evaluates the tier policy for one customer at a given time.
/// Qualified tier = the highest tier whose set thresholds are all met. Target = the higher of
/// the qualified tier and the manual floor. At or above the current tier: the target at once.
/// Below: per <see cref="DowngradeMode"/> — None keeps the current tier; Immediate drops to
/// the target; AfterGracePeriod drops only when the customer has been below since a time at
/// least GracePeriodDays ago (that time is <see cref="LoyaltyState.BelowTierSince"/>, set by
/// the first evaluation that finds the customer below and cleared when they qualify again).
/// </summary>
public static class TierEvaluator
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Evaluates the policy for <paramref name="state"/> at <paramref name="now"/>.</summary>
    public static TierEvaluation Evaluate(CustomerState state, TierPolicy policy, DateTimeOffset now)
    {
        var loyalty = state.Loyalty;
        var qualified = -1;
        for (var i = policy.Tiers.Count - 1; i >= 0; i--)
        {
            if (Check(policy.Tiers[i], state, policy, now).Met)
            {
                qualified = i;
                break;
            }
        }

        var qualifiedReason = qualified >= 0
            ? $"qualifies for {policy.Tiers[qualified].Name}: {Describe(Check(policy.Tiers[qualified], state, policy, now).Clauses)}"
            : policy.Tiers.Count == 0
                ? "no tiers configured"
                : $"qualifies for no tier: {Describe(Check(policy.Tiers[0], state, policy, now).Clauses.Where(c => !c.Met))}";

        var floor = policy.RankOf(loyalty.Floor);
        var target = Math.Max(qualified, floor);
        var targetReason = floor > qualified
            ? $"floor {loyalty.Floor} ({loyalty.FloorReason}); {qualifiedReason}"
            : qualifiedReason;
        var qualifiedName = NameAt(policy, qualified);
        var current = policy.RankOf(loyalty.Tier);

        if (loyalty.Tier is not null && current < 0)
        {
            return new TierEvaluation(NameAt(policy, target), $"tier {loyalty.Tier} is no longer configured; {targetReason}", qualifiedName, null);
        }

        if (target >= current)
        {
            return new TierEvaluation(NameAt(policy, target), targetReason, qualifiedName, null);
        }

        var currentRule = policy.Tiers[current];
        var below = $"below {currentRule.Name}: {Describe(Check(currentRule, state, policy, now).Clauses.Where(c => !c.Met))}";
        switch (policy.DowngradeMode)
        {
            case DowngradeMode.Immediate:
                return new TierEvaluation(NameAt(policy, target), $"{below}; {targetReason}", qualifiedName, null);
            case DowngradeMode.AfterGracePeriod:
                var since = loyalty.BelowTierSince ?? now;
                var grace = TimeSpan.FromDays(policy.GracePeriodDays);
                if (now - since >= grace)
                {
                    return new TierEvaluation(
                        NameAt(policy, target),
                        $"{below} since {since.ToString("yyyy-MM-dd", Invariant)}, grace period of {policy.GracePeriodDays} days over; {targetReason}",
                        qualifiedName,
                        null);
                }

                return new TierEvaluation(
                    currentRule.Name,
                    $"{below} since {since.ToString("yyyy-MM-dd", Invariant)}; kept until the grace period of {policy.GracePeriodDays} days ends {(since + grace).ToString("yyyy-MM-dd", Invariant)}",
                    qualifiedName,
                    since);
            default:
                return new TierEvaluation(currentRule.Name, $"{below}; downgrades are disabled", qualifiedName, null);
        }
    }

    /// <summary>Checks every set threshold of <paramref name="rule"/>; Met is true when all are met.</summary>
    public static (bool Met, IReadOnlyList<TierClause> Clauses) Check(TierRule rule, CustomerState state, TierPolicy policy, DateTimeOffset now)
    {
        var clauses = new List<TierClause>();
        var window = policy.RollingWindowDays;
        var (purchases, spend) = state.Aggregates.PurchasesInWindow(now, window);
        if (rule.MinSpend is { } minSpend)
        {
            var met = spend >= minSpend;
            clauses.Add(new TierClause(met, $"spend {spend.ToString("N2", Invariant)} in {window} days {(met ? ">=" : "<")} {minSpend.ToString("N2", Invariant)}"));
        }

        if (rule.MinPurchases is { } minPurchases)
        {
            var met = purchases >= minPurchases;
            clauses.Add(new TierClause(met, $"{purchases} purchases in {window} days {(met ? ">=" : "<")} {minPurchases}"));
        }

        if (rule.MaxDaysSinceLastPurchase is { } maxDays)
        {
            if (RfmValues.DaysSince(state.Aggregates.LastPurchaseAt, now) is { } days)
            {
                var met = days <= maxDays;
                clauses.Add(new TierClause(met, $"last purchase {days} days ago {(met ? "<=" : ">")} {maxDays}"));
            }
            else
            {
                clauses.Add(new TierClause(false, $"no purchase (needs one within {maxDays} days)"));
            }
        }

        if (rule.MinCsatMean is { } minCsat)
        {
            if (new CsatMean(state.Aggregates.CsatSum, state.Aggregates.CsatCount).Value is { } mean)
            {
                var met = mean >= minCsat;
                clauses.Add(new TierClause(met, $"CSAT mean {mean.ToString("0.00", Invariant)} {(met ? ">=" : "<")} {minCsat.ToString("0.00", Invariant)}"));
            }
            else
            {
                clauses.Add(new TierClause(false, $"no CSAT scores (needs a mean >= {minCsat.ToString("0.00", Invariant)})"));
            }
        }

        if (rule.MinReferrals is { } minReferrals)
        {
            var referrals = state.Loyalty.ReferralCount;
            var met = referrals >= minReferrals;
            clauses.Add(new TierClause(met, $"{referrals} referrals {(met ? ">=" : "<")} {minReferrals}"));
        }

        if (rule.MaxOpenComplaints is { } maxOpen)
        {
            var open = state.OpenComplaints.Count;
            var met = open <= maxOpen;
            clauses.Add(new TierClause(met, $"{open} open complaints {(met ? "<=" : ">")} {maxOpen}"));
        }

        return (clauses.TrueForAll(c => c.Met), clauses);
    }

    private static string Describe(IEnumerable<TierClause> clauses)
    {
        var text = string.Join("; ", clauses.Select(c => c.Text));
        return text.Length == 0 ? "no thresholds" : text;
    }

    private static string? NameAt(TierPolicy policy, int rank) => rank >= 0 ? policy.Tiers[rank].Name : null;
}
