namespace CustomerNeeds.Domain.Kano;

/// <summary>
/// The standard KANO evaluation table and per-feature aggregation.
/// <code>
///                      dysfunctional
/// functional      like  must-be  neutral  live-with  dislike
///   like           Q      A        A         A          O
///   must-be        R      I        I         I          M
///   neutral        R      I        I         I          M
///   live-with      R      I        I         I          M
///   dislike        R      R        R         R          Q
/// </code>
/// Aggregation: the class is the most frequent one; ties are broken M &gt; O &gt; A &gt; I &gt; R &gt; Q
/// (the class with the stronger effect on satisfaction wins). better = (A+O)/(A+O+M+I),
/// worse = -(O+M)/(A+O+M+I).
/// </summary>
public static class KanoEvaluator
{
    private static readonly KanoClass[,] Table =
    {
        { KanoClass.Questionable, KanoClass.Attractive, KanoClass.Attractive, KanoClass.Attractive, KanoClass.OneDimensional },
        { KanoClass.Reverse, KanoClass.Indifferent, KanoClass.Indifferent, KanoClass.Indifferent, KanoClass.MustBe },
        { KanoClass.Reverse, KanoClass.Indifferent, KanoClass.Indifferent, KanoClass.Indifferent, KanoClass.MustBe },
        { KanoClass.Reverse, KanoClass.Indifferent, KanoClass.Indifferent, KanoClass.Indifferent, KanoClass.MustBe },
        { KanoClass.Reverse, KanoClass.Reverse, KanoClass.Reverse, KanoClass.Reverse, KanoClass.Questionable },
    };

    /// <summary>Tie-break order: earlier wins.</summary>
    private static readonly KanoClass[] Precedence =
    [
        KanoClass.MustBe, KanoClass.OneDimensional, KanoClass.Attractive,
        KanoClass.Indifferent, KanoClass.Reverse, KanoClass.Questionable,
    ];

    /// <summary>The class of one answer pair.</summary>
    public static KanoClass Classify(KanoAnswer functional, KanoAnswer dysfunctional)
    {
        if (functional is < KanoAnswer.Like or > KanoAnswer.Dislike)
        {
            throw new ArgumentOutOfRangeException(nameof(functional), functional, "An answer on the five-point scale is required.");
        }

        if (dysfunctional is < KanoAnswer.Like or > KanoAnswer.Dislike)
        {
            throw new ArgumentOutOfRangeException(nameof(dysfunctional), dysfunctional, "An answer on the five-point scale is required.");
        }

        return Table[(int)functional - 1, (int)dysfunctional - 1];
    }

    /// <summary>The class of one response.</summary>
    public static KanoClass Classify(KanoResponse response) => Classify(response.Functional, response.Dysfunctional);

    /// <summary>Aggregates the responses for one feature.</summary>
    public static KanoFeatureResult Evaluate(IEnumerable<KanoResponse> responses) => Aggregate(responses.Select(Classify));

    /// <summary>
    /// Aggregates counted responses for one feature: how many respondents gave each answer pair
    /// (the KANO analysis counts pairs in SQL and classifies them here).
    /// </summary>
    public static KanoFeatureResult Evaluate(IReadOnlyDictionary<KanoResponse, int> respondentsPerPair)
    {
        ArgumentNullException.ThrowIfNull(respondentsPerPair);
        var counts = new Dictionary<KanoClass, int>();
        foreach (var (response, respondents) in respondentsPerPair)
        {
            var c = Classify(response);
            counts[c] = counts.GetValueOrDefault(c) + respondents;
        }

        return Aggregate(counts);
    }

    /// <summary>Aggregates already classified answers for one feature (Unspecified entries are ignored).</summary>
    public static KanoFeatureResult Aggregate(IEnumerable<KanoClass> classes)
    {
        var counts = new Dictionary<KanoClass, int>();
        foreach (var c in classes)
        {
            counts[c] = counts.GetValueOrDefault(c) + 1;
        }

        return Aggregate(counts);
    }

    /// <summary>Aggregates the number of answers per class for one feature (Unspecified is ignored).</summary>
    public static KanoFeatureResult Aggregate(IReadOnlyDictionary<KanoClass, int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        int Count(KanoClass c) => c == KanoClass.Unspecified ? 0 : counts.GetValueOrDefault(c);
        var a = Count(KanoClass.Attractive);
        var o = Count(KanoClass.OneDimensional);
        var m = Count(KanoClass.MustBe);
        var i = Count(KanoClass.Indifferent);
        var denominator = a + o + m + i;

        var best = KanoClass.Unspecified;
        var bestCount = 0;
        foreach (var c in Precedence)
        {
            if (Count(c) > bestCount)
            {
                best = c;
                bestCount = Count(c);
            }
        }

        return new KanoFeatureResult(
            best,
            a,
            o,
            m,
            i,
            Count(KanoClass.Reverse),
            Count(KanoClass.Questionable),
            denominator == 0 ? null : (double)(a + o) / denominator,
            denominator == 0 ? null : -(double)(o + m) / denominator);
    }
}
