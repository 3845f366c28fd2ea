namespace CustomerNeeds.Domain.Needs;

/// <summary>
/// Priority of a need: importance × urgency (each 1 to 5), so 1 to 25. Multiplying keeps a
/// need low when either factor is low (5×1 = 5 ranks below 3×3 = 9): what matters a lot but
/// can wait, or is urgent but trivial, yields to what is both fairly important and fairly
/// urgent. Ties: higher importance first, then the older need, then the id (ordinal).
/// </summary>
public static class NeedPriority
{
    /// <summary>The lowest priority (1 × 1).</summary>
    public const int Min = 1;

    /// <summary>The highest priority (5 × 5).</summary>
    public const int Max = 25;

    /// <summary>importance × urgency.</summary>
    public static int Compute(int importance, int urgency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(importance, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(importance, 5);
        ArgumentOutOfRangeException.ThrowIfLessThan(urgency, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(urgency, 5);
        return importance * urgency;
    }

    /// <summary>Orders needs most pressing first: priority desc, importance desc, created asc, id asc.</summary>
    public static IComparer<Need> Comparer { get; } = Comparer<Need>.Create(Compare);

    /// <summary>Needs ordered by <see cref="Comparer"/>.</summary>
    public static IEnumerable<Need> Order(IEnumerable<Need> needs) => needs.Order(Comparer);

    private static int Compare(Need? a, Need? b)
    {
        if (ReferenceEquals(a, b))
        {
            return 0;
        }

        if (a is null)
        {
            return 1;
        }

        if (b is null)
        {
            return -1;
        }

        var c = b.Priority.CompareTo(a.Priority);
        if (c == 0)
        {
            c = b.Importance.CompareTo(a.Importance);
        }

        if (c == 0)
        {
            c = a.CreatedAt.CompareTo(b.CreatedAt);
        }

        return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
    }
}
