namespace CustomerNeeds.Storage.Analytics;

/// <summary>
/// What the interactions of a KPI window add up to (all channels or one): counts and sums, from
/// which the means and rates follow (docs/kpis.md). A customer counts once per flag.
/// </summary>
public sealed record InteractionFigures(
    long Interactions,
    long ActiveCustomers,
    long CsatCount,
    long CsatSum,
    long NpsCount,
    long Promoters,
    long Detractors,
    long ComplainingCustomers,
    long ReferringCustomers,
    long Buyers,
    long RepeatBuyers)
{
    /// <summary>No interaction at all.</summary>
    public static InteractionFigures None { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>NPS answers 7 or 8.</summary>
    public long Passives => NpsCount - Promoters - Detractors;
}
