namespace CustomerNeeds.Storage.ReadModel;

/// <summary>How many read-model rows an upsert wrote (inserted or replaced), per table.</summary>
/// <param name="Summaries">customer_summaries rows.</param>
/// <param name="Needs">customer_summary_needs rows.</param>
/// <param name="KanoAnswers">kano_answers rows.</param>
public readonly record struct ReadModelRowCounts(long Summaries, long Needs, long KanoAnswers)
{
    /// <summary>The sum of two counts.</summary>
    public static ReadModelRowCounts operator +(ReadModelRowCounts a, ReadModelRowCounts b) =>
        new(a.Summaries + b.Summaries, a.Needs + b.Needs, a.KanoAnswers + b.KanoAnswers);

    /// <summary>The sum of two counts (named alternative to the operator).</summary>
    public static ReadModelRowCounts Add(ReadModelRowCounts a, ReadModelRowCounts b) => a + b;
}
