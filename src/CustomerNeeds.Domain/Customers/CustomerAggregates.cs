using System.Globalization;
using CustomerNeeds.Domain.Satisfaction;

namespace CustomerNeeds.Domain.Customers;

/// <summary>
/// Running figures of one customer, bounded in size: counters, CSAT/NPS tallies, the latest
/// CSAT scores, purchase buckets per UTC day (kept <see cref="BucketRetentionDays"/> days),
/// and the latest complaint open times.
/// </summary>
public sealed class CustomerAggregates
{
    /// <summary>How many CSAT scores the trend series keeps.</summary>
    public const int MaxRecentCsat = 10;

    /// <summary>How many complaint open times are kept (for "repeated complaints").</summary>
    public const int MaxRecentComplaints = 10;

    /// <summary>Purchase buckets older than this many days before the latest event are dropped (the longest rolling window allowed is 730 days).</summary>
    public const int BucketRetentionDays = 731;

    /// <summary>All interactions recorded.</summary>
    public long InteractionCount { get; set; }

    /// <summary>All purchase interactions recorded.</summary>
    public long PurchaseCount { get; set; }

    /// <summary>Sum of all purchase amounts, in the service's currency.</summary>
    public decimal LifetimeSpend { get; set; }

    /// <summary>All complaints opened.</summary>
    public long ComplaintCount { get; set; }

    public long CsatSum { get; set; }

    public long CsatCount { get; set; }

    /// <summary>The latest CSAT scores by contact time, oldest first, at most <see cref="MaxRecentCsat"/>.</summary>
    public List<CsatAnswer> RecentCsat { get; set; } = [];

    public long NpsPromoters { get; set; }

    public long NpsPassives { get; set; }

    public long NpsDetractors { get; set; }

    /// <summary>The NPS answer with the latest contact time.</summary>
    public int? LastNps { get; set; }

    public DateTimeOffset? LastNpsAt { get; set; }

    /// <summary>Latest interaction occur time.</summary>
    public DateTimeOffset? LastInteractionAt { get; set; }

    /// <summary>Earliest purchase occur time.</summary>
    public DateTimeOffset? FirstPurchaseAt { get; set; }

    /// <summary>Latest purchase occur time.</summary>
    public DateTimeOffset? LastPurchaseAt { get; set; }

    /// <summary>Purchases per UTC day ("yyyy-MM-dd"), pruned to <see cref="BucketRetentionDays"/>.</summary>
    public SortedDictionary<string, PurchaseBucket> PurchaseBuckets { get; set; } = new();

    /// <summary>Open times of the latest complaints, oldest first, at most <see cref="MaxRecentComplaints"/>.</summary>
    public List<DateTimeOffset> RecentComplaintTimes { get; set; } = [];

    /// <summary>
    /// Mean days between consecutive purchases: (last − first) / (count − 1), which equals the
    /// mean of the gaps between purchases sorted by time. Null with fewer than two purchases.
    /// </summary>
    public double? MeanPurchaseGapDays() =>
        PurchaseCount >= 2 && FirstPurchaseAt is { } first && LastPurchaseAt is { } last
            ? (last - first).TotalDays / (PurchaseCount - 1)
            : null;

    /// <summary>
    /// Purchases and spend in the rolling window of <paramref name="windowDays"/> days ending
    /// at <paramref name="now"/>: the UTC days d with (today − d) &lt; windowDays.
    /// </summary>
    public (int Count, decimal Amount) PurchasesInWindow(DateTimeOffset now, int windowDays)
    {
        // Keys are "yyyy-MM-dd", so ordinal order is date order: no parsing needed.
        var first = DayKey(now.AddDays(-(windowDays - 1)));
        var count = 0;
        var amount = 0m;
        foreach (var (key, bucket) in PurchaseBuckets)
        {
            if (string.CompareOrdinal(key, first) >= 0)
            {
                count += bucket.Count;
                amount += bucket.Amount;
            }
        }

        return (count, amount);
    }

    /// <summary>Complaints opened within the last <paramref name="days"/> days before <paramref name="now"/> (inclusive).</summary>
    public int ComplaintsWithin(DateTimeOffset now, int days) =>
        RecentComplaintTimes.Count(t => t <= now && now - t <= TimeSpan.FromDays(days));

    /// <summary>The bucket key of an instant: its UTC date as "yyyy-MM-dd".</summary>
    public static string DayKey(DateTimeOffset at) =>
        DateOnly.FromDateTime(at.UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Parses a bucket key.</summary>
    public static DateOnly ParseDay(string key) =>
        DateOnly.ParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A deep copy.</summary>
    public CustomerAggregates Clone()
    {
        var copy = (CustomerAggregates)MemberwiseClone();
        copy.RecentCsat = [.. RecentCsat];
        copy.PurchaseBuckets = new SortedDictionary<string, PurchaseBucket>(PurchaseBuckets);
        copy.RecentComplaintTimes = [.. RecentComplaintTimes];
        return copy;
    }
}
