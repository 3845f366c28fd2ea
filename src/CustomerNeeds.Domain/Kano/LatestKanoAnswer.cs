namespace CustomerNeeds.Domain.Kano;

/// <summary>
/// A customer's latest answer pair for one feature: the one given in the interaction with the
/// latest occur time (of equal times, the one recorded later).
/// </summary>
/// <param name="FeatureId">The feature asked about.</param>
/// <param name="Functional">Answer to the functional question.</param>
/// <param name="Dysfunctional">Answer to the dysfunctional question.</param>
/// <param name="InteractionId">The survey interaction that carried the answers.</param>
/// <param name="AnsweredAt">That interaction's occur time.</param>
public sealed record LatestKanoAnswer(string FeatureId, KanoAnswer Functional, KanoAnswer Dysfunctional, string InteractionId, DateTimeOffset AnsweredAt)
{
    /// <summary>The class of the pair in the KANO evaluation table.</summary>
    public KanoClass Class() => KanoEvaluator.Classify(Functional, Dysfunctional);
}
