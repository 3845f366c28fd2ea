namespace CustomerNeeds.Storage.Analytics;

/// <summary>How many customers have one combination of RFM quintiles.</summary>
public sealed record RfmCellRow(short Recency, short Frequency, short Monetary, long CustomerCount);

/// <summary>
/// The population over the RFM quintiles: the occupied cells (best first), the customers in the
/// read model, and the oldest and newest computed_at of the scores (null when nothing is scored).
/// </summary>
public sealed record RfmDistributionRow(
    IReadOnlyList<RfmCellRow> Cells,
    long CustomerCount,
    DateTimeOffset? OldestComputedAt,
    DateTimeOffset? NewestComputedAt)
{
    /// <summary>Customers with a score.</summary>
    public long ScoredCount => Cells.Sum(c => c.CustomerCount);
}
