namespace CustomerNeeds.Domain.Satisfaction;

/// <summary>CSAT scores (1 to 5) as sum and count; <see cref="Value"/> is the mean, null without scores.</summary>
public readonly record struct CsatMean(long Sum, long Count)
{
    /// <summary>Sum / Count; null without scores.</summary>
    public double? Value => Count == 0 ? null : (double)Sum / Count;

    /// <summary>The mean with one more score.</summary>
    public CsatMean Add(int score)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(score, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, 5);
        return new CsatMean(Sum + score, Count + 1);
    }

    /// <summary>The mean of a list of scores.</summary>
    public static CsatMean Of(IEnumerable<int> scores) => scores.Aggregate(default(CsatMean), (m, s) => m.Add(s));
}
