using System.Globalization;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Events;

namespace CustomerNeeds.Domain.Loyalty;

/// <summary>
/// The time-driven loyalty review (docs/loyalty-sweep.md): what time alone changes in a customer's
/// tier, dormancy and churn-risk level, and the earliest instant at which it next does.
/// </summary>
public static class LoyaltyReview
{
    /// <summary>How many candidate instants <see cref="NextReviewAt"/> tries before it returns a checkpoint.</summary>
    public const int MaxCandidates = 32;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// The events of a review at <paramref name="now"/>: the tier events of
    /// <see cref="LoyaltyDecisions.Reevaluate"/>, then DormancyChanged and ChurnRiskChanged when the
    /// value at <paramref name="now"/> differs from the recorded one. Empty when nothing differs.
    /// </summary>
    public static IReadOnlyList<CustomerEvent> Decide(CustomerState state, DateTimeOffset now, CustomerPolicy policy)
    {
        DecisionGuards.RequireExists(state);
        var events = new List<CustomerEvent>(LoyaltyDecisions.Reevaluate(state, now, policy));
        var loyalty = state.Loyalty;
        var dormancy = DormancyEvaluator.Evaluate(state, policy.Ladder, now);
        var recordedDormancy = DormancyEvaluator.Recorded(loyalty);
        if (dormancy != recordedDormancy)
        {
            var last = state.Aggregates.LastInteractionAt;
            var days = RfmValues.DaysSince(last, now);
            events.Add(new DormancyChanged(recordedDormancy, dormancy, last, days, DormancyReason(dormancy, last, days, policy.Ladder)) { OccurredAt = now });
        }

        var churn = ChurnRisk.Assess(state, policy.Churn, now);
        var recordedLevel = RecordedLevel(loyalty);
        if (churn.Level != recordedLevel)
        {
            events.Add(new ChurnRiskChanged(recordedLevel, churn.Level, churn.Score, churn.Factors, ChurnReason(recordedLevel, churn)) { OccurredAt = now });
        }

        return events;
    }

    /// <summary>
    /// The earliest instant at or after <paramref name="from"/> at which a review changes something:
    /// <paramref name="from"/> when something differs already, null when time alone never changes
    /// anything. After <see cref="MaxCandidates"/> candidates without a change, the last one tried (a
    /// checkpoint: a review there changes nothing and plans again).
    /// </summary>
    public static DateTimeOffset? NextReviewAt(CustomerState state, CustomerPolicy policy, DateTimeOffset from)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(policy);
        if (!state.Exists)
        {
            return null;
        }

        if (IsDue(state, policy, from))
        {
            return from;
        }

        var steps = StepInstants(state, policy, from).Distinct().Order().ToList();
        var next = 0;
        var t = from;
        for (var tried = 0; tried < MaxCandidates; tried++)
        {
            DateTimeOffset? step = next < steps.Count ? steps[next] : null;
            var candidate = RecencyCrossing(state, policy.Churn, t, step) ?? step;
            if (candidate is not { } at)
            {
                return null;
            }

            if (IsDue(state, policy, at))
            {
                return at;
            }

            t = at;
            while (next < steps.Count && steps[next] <= t)
            {
                next++;
            }
        }

        return t;
    }

    /// <summary>True when a review at <paramref name="now"/> would write events.</summary>
    public static bool IsDue(CustomerState state, CustomerPolicy policy, DateTimeOffset now)
    {
        var loyalty = state.Loyalty;
        var tier = TierOutcome.Of(state, policy.Tiers, now);
        return !string.Equals(tier.Tier, loyalty.Tier, StringComparison.Ordinal)
            || tier.BelowTierSince != loyalty.BelowTierSince
            || DormancyEvaluator.Evaluate(state, policy.Ladder, now) != DormancyEvaluator.Recorded(loyalty)
            || ChurnRisk.Assess(state, policy.Churn, now).Level != RecordedLevel(loyalty);
    }

    /// <summary>The recorded churn-risk level, Unspecified read as Low.</summary>
    public static ChurnRiskLevel RecordedLevel(LoyaltyState loyalty) =>
        loyalty.ChurnRiskLevel == ChurnRiskLevel.Unspecified ? ChurnRiskLevel.Low : loyalty.ChurnRiskLevel;

    /// <summary>
    /// The instants after <paramref name="after"/> at which an input other than the recency factor
    /// steps: purchase days leaving the tier window, the last purchase passing a tier's recency
    /// threshold, the grace period's end, the dormancy thresholds, complaints entering or leaving
    /// the repeated-complaint window.
    /// </summary>
    private static IEnumerable<DateTimeOffset> StepInstants(CustomerState state, CustomerPolicy policy, DateTimeOffset after)
    {
        var a = state.Aggregates;
        var tiers = policy.Tiers;
        var steps = new List<DateTimeOffset>();
        if (tiers.DowngradeMode != DowngradeMode.None)
        {
            // A purchase day leaves the window at 00:00 UTC of day + window; the days still in the
            // window at "after" are those from its first key on. Keys ascend, and so do their exits:
            // at most MaxCandidates of them are ever tried.
            var first = CustomerAggregates.DayKey(after.AddDays(-(tiers.RollingWindowDays - 1)));
            var exits = 0;
            foreach (var key in a.PurchaseBuckets.Keys)
            {
                if (string.CompareOrdinal(key, first) < 0)
                {
                    continue;
                }

                if (++exits > MaxCandidates)
                {
                    break;
                }

                var day = CustomerAggregates.ParseDay(key).AddDays(tiers.RollingWindowDays);
                steps.Add(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
            }

            if (a.LastPurchaseAt is { } lastPurchase)
            {
                steps.AddRange(tiers.Tiers.Where(r => r.MaxDaysSinceLastPurchase is not null)
                    .Select(r => lastPurchase.AddDays(r.MaxDaysSinceLastPurchase!.Value + 1)));
            }

            if (state.Loyalty.BelowTierSince is { } below)
            {
                steps.Add(below.AddDays(tiers.GracePeriodDays));
            }
        }

        steps.AddRange(DormancyEvaluator.Changes(state, policy.Ladder, after));
        foreach (var opened in a.RecentComplaintTimes)
        {
            steps.Add(opened);
            steps.Add(opened.AddDays(policy.Churn.RepeatedComplaintWindowDays).AddTicks(1));
        }

        return steps.Where(s => s > after);
    }

    /// <summary>
    /// The first instant in (<paramref name="after"/>, <paramref name="before"/>) at which the
    /// recency factor alone moves the churn level (the other factors are constant there); null when
    /// it does not. Whole days since the reference, found by bisection (the score only grows).
    /// </summary>
    private static DateTimeOffset? RecencyCrossing(CustomerState state, ChurnRiskModel model, DateTimeOffset after, DateTimeOffset? before)
    {
        var a = state.Aggregates;
        if ((a.LastPurchaseAt ?? a.LastInteractionAt) is not { } reference || model.RecencyWeight <= 0 || model.RecencyFullRatio <= 1)
        {
            return null;
        }

        var expected = a.MeanPurchaseGapDays() is { } mean ? Math.Max(1.0, mean) : model.DefaultExpectedGapDays;
        var low = RfmValues.DaysSince(reference, after)!.Value + 1;
        var high = (int)Math.Min(Math.Ceiling(expected * model.RecencyFullRatio), int.MaxValue / 2);
        if (before is { } end)
        {
            high = Math.Min(high, (int)Math.Ceiling((end - reference).TotalDays) - 1);
        }

        if (high < low)
        {
            return null;
        }

        var level = ChurnRisk.Assess(state, model, after).Level;
        if (LevelAt(high) == level)
        {
            return null;
        }

        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (LevelAt(middle) == level)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return reference.AddDays(low);

        ChurnRiskLevel LevelAt(int days) => ChurnRisk.Assess(state, model, reference.AddDays(days)).Level;
    }

    private static string DormancyReason(Dormancy to, DateTimeOffset? last, int? days, LoyaltyLadderRules rules)
    {
        if (last is not { } at || days is not { } silent)
        {
            return "no contact yet: active";
        }

        var since = at.ToString("yyyy-MM-dd", Invariant);
        return to switch
        {
            Dormancy.Dormant => $"no contact for {silent} days since {since}: dormant from {rules.DormantAfterDays} days",
            Dormancy.SemiDormant => $"no contact for {silent} days since {since}: semi-dormant from {rules.SemiDormantAfterDays} days",
            _ => $"last contact {since}, {silent} days ago: active below {rules.SemiDormantAfterDays} days",
        };
    }

    private static string ChurnReason(ChurnRiskLevel from, ChurnRiskAssessment churn)
    {
        var contributing = churn.Factors.Where(f => f.Contribution > 0)
            .Select(f => $"{f.Name} {f.Contribution.ToString("0.00##", Invariant)} ({f.Explanation})")
            .ToArray();
        var factors = contributing.Length == 0 ? "no factor contributes" : string.Join("; ", contributing);
        return $"churn risk {from.ToString().ToLowerInvariant()} -> {churn.Level.ToString().ToLowerInvariant()} at score {churn.Score.ToString("0.00##", Invariant)}: {factors}";
    }
}
