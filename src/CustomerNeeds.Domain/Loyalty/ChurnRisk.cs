using System.Globalization;
using CustomerNeeds.Domain.Customers;

namespace CustomerNeeds.Domain.Loyalty;

/// <summary>
/// Churn-risk score 0..1 = min(1, Σ weight × severity) over five factors, each severity 0..1:
/// recency = clamp((days since last purchase / expected gap − 1) / (3 − 1)), the expected gap
/// being the customer's mean gap between purchases (or 90 days with fewer than two purchases;
/// with no purchase at all, days since the last interaction count; with no activity, 0);
/// satisfaction trend = clamp((earlier CSAT mean − mean of the latest 3) / 2), needs ≥ 4 kept
/// scores; open complaints = min(open, 2) / 2; repeated complaints = 1 when ≥ 2 opened within
/// 90 days; NPS detractor = 1 when the latest NPS ≤ 6. Level: low &lt; 0.33 ≤ medium &lt; 0.66 ≤ high.
/// </summary>
public static class ChurnRisk
{
    /// <summary>Score from which the level is Medium.</summary>
    public const double MediumFrom = 0.33;

    /// <summary>Score from which the level is High.</summary>
    public const double HighFrom = 0.66;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Assesses <paramref name="state"/> at <paramref name="now"/>.</summary>
    public static ChurnRiskAssessment Assess(CustomerState state, ChurnRiskModel model, DateTimeOffset now)
    {
        var factors = new[]
        {
            Recency(state, model, now),
            SatisfactionTrend(state, model),
            OpenComplaints(state, model),
            RepeatedComplaints(state, model, now),
            NpsDetractor(state, model),
        };
        var score = Math.Round(Math.Min(1.0, factors.Sum(f => f.Contribution)), 4);
        return new ChurnRiskAssessment(score, LevelOf(score), factors);
    }

    /// <summary>The band of a score.</summary>
    public static ChurnRiskLevel LevelOf(double score) => score switch
    {
        < MediumFrom => ChurnRiskLevel.Low,
        < HighFrom => ChurnRiskLevel.Medium,
        _ => ChurnRiskLevel.High,
    };

    private static ChurnFactor Recency(CustomerState state, ChurnRiskModel model, DateTimeOffset now)
    {
        const string name = "recency";
        var a = state.Aggregates;
        var (reference, what) = a.LastPurchaseAt is { } p ? (p, "purchase") : (a.LastInteractionAt, "interaction");
        if (reference is null)
        {
            return Factor(name, model.RecencyWeight, 0, "no activity yet");
        }

        var days = RfmValues.DaysSince(reference, now)!.Value;
        var mean = a.MeanPurchaseGapDays();
        var expected = mean is { } m ? Math.Max(1.0, m) : model.DefaultExpectedGapDays;
        var ratio = days / expected;
        var severity = Clamp((ratio - 1) / (model.RecencyFullRatio - 1));
        var basis = mean is null ? "the default gap" : "the usual gap";
        return Factor(
            name,
            model.RecencyWeight,
            severity,
            $"{days} days since last {what}, {ratio.ToString("0.0#", Invariant)}x {basis} of {expected.ToString("0.#", Invariant)} days");
    }

    private static ChurnFactor SatisfactionTrend(CustomerState state, ChurnRiskModel model)
    {
        const string name = "satisfaction_trend";
        var series = state.Aggregates.RecentCsat;
        var recentCount = Math.Max(1, model.TrendRecentCount);
        if (series.Count < recentCount + 1)
        {
            return Factor(name, model.SatisfactionTrendWeight, 0, $"fewer than {recentCount + 1} recent CSAT scores");
        }

        var earlier = series.Take(series.Count - recentCount).Average(x => x.Score);
        var recent = series.Skip(series.Count - recentCount).Average(x => x.Score);
        var drop = earlier - recent;
        var severity = Clamp(drop / model.TrendFullDrop);
        return Factor(
            name,
            model.SatisfactionTrendWeight,
            severity,
            $"recent CSAT mean {recent.ToString("0.00", Invariant)} vs earlier {earlier.ToString("0.00", Invariant)}");
    }

    private static ChurnFactor OpenComplaints(CustomerState state, ChurnRiskModel model)
    {
        var open = state.OpenComplaints.Count;
        return Factor("open_complaints", model.OpenComplaintsWeight, Math.Min(open, 2) / 2.0, $"{open} open complaints");
    }

    private static ChurnFactor RepeatedComplaints(CustomerState state, ChurnRiskModel model, DateTimeOffset now)
    {
        var recent = state.Aggregates.ComplaintsWithin(now, model.RepeatedComplaintWindowDays);
        var repeated = recent >= model.RepeatedComplaintThreshold;
        return Factor(
            "repeated_complaints",
            model.RepeatedComplaintsWeight,
            repeated ? 1 : 0,
            $"{recent} complaints in the last {model.RepeatedComplaintWindowDays} days");
    }

    private static ChurnFactor NpsDetractor(CustomerState state, ChurnRiskModel model)
    {
        var last = state.Aggregates.LastNps;
        return last is { } nps
            ? Factor("nps_detractor", model.NpsDetractorWeight, nps <= 6 ? 1 : 0, $"latest NPS answer {nps}")
            : Factor("nps_detractor", model.NpsDetractorWeight, 0, "no NPS answer");
    }

    private static ChurnFactor Factor(string name, double weight, double severity, string explanation) =>
        new(name, weight, Math.Round(weight * severity, 4), explanation);

    private static double Clamp(double x) => Math.Clamp(x, 0, 1);
}
