namespace CustomerNeeds.Domain.Satisfaction;

/// <summary>
/// NPS answers counted by category. <see cref="Value"/> = % promoters − % detractors, in
/// points from −100 to +100; null without answers.
/// </summary>
public readonly record struct NpsScore(long Promoters, long Passives, long Detractors)
{
    /// <summary>All answers.</summary>
    public long Total => Promoters + Passives + Detractors;

    /// <summary>% promoters − % detractors; null without answers.</summary>
    public double? Value => Total == 0 ? null : 100.0 * (Promoters - Detractors) / Total;

    /// <summary>Promoter 9-10, passive 7-8, detractor 0-6.</summary>
    public static NpsCategory Categorize(int answer)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(answer, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(answer, 10);
        return answer switch
        {
            >= 9 => NpsCategory.Promoter,
            >= 7 => NpsCategory.Passive,
            _ => NpsCategory.Detractor,
        };
    }

    /// <summary>The score with one more answer.</summary>
    public NpsScore Add(int answer) => Categorize(answer) switch
    {
        NpsCategory.Promoter => this with { Promoters = Promoters + 1 },
        NpsCategory.Passive => this with { Passives = Passives + 1 },
        _ => this with { Detractors = Detractors + 1 },
    };

    /// <summary>The score of a list of answers.</summary>
    public static NpsScore Of(IEnumerable<int> answers) => answers.Aggregate(default(NpsScore), (s, a) => s.Add(a));
}
