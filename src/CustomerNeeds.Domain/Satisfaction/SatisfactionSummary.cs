using CustomerNeeds.Domain.Customers;

namespace CustomerNeeds.Domain.Satisfaction;

/// <summary>The customer's satisfaction at a glance (read model).</summary>
/// <param name="CsatMean">Mean of all CSAT scores; null without scores.</param>
/// <param name="CsatCount">How many CSAT scores.</param>
/// <param name="NpsPromoters">NPS answers 9-10.</param>
/// <param name="NpsPassives">NPS answers 7-8.</param>
/// <param name="NpsDetractors">NPS answers 0-6.</param>
/// <param name="Nps">% promoters − % detractors over all answers; null without answers.</param>
/// <param name="LastNps">The latest NPS answer (by contact time); null without answers.</param>
/// <param name="LastNpsAt">When it was given.</param>
/// <param name="RecentCsat">The latest CSAT scores (at most 10), oldest first.</param>
public sealed record SatisfactionSummary(
    double? CsatMean,
    long CsatCount,
    long NpsPromoters,
    long NpsPassives,
    long NpsDetractors,
    double? Nps,
    int? LastNps,
    DateTimeOffset? LastNpsAt,
    IReadOnlyList<CsatAnswer> RecentCsat)
{
    /// <summary>The summary of a customer's aggregates.</summary>
    public static SatisfactionSummary From(CustomerAggregates a)
    {
        var nps = new NpsScore(a.NpsPromoters, a.NpsPassives, a.NpsDetractors);
        return new SatisfactionSummary(
            new CsatMean(a.CsatSum, a.CsatCount).Value,
            a.CsatCount,
            a.NpsPromoters,
            a.NpsPassives,
            a.NpsDetractors,
            nps.Value,
            a.LastNps,
            a.LastNpsAt,
            a.RecentCsat.ToArray());
    }
}
