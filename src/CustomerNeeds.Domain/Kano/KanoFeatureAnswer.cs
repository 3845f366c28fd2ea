namespace CustomerNeeds.Domain.Kano;

/// <summary>
/// A customer's answer pair for one questionnaire feature, given in a survey interaction: how the
/// customer feels when the feature is present (functional) and when it is absent (dysfunctional).
/// </summary>
/// <param name="FeatureId">The feature asked about (an id of the KANO questionnaire).</param>
/// <param name="Functional">Answer to the functional question (1 to 5).</param>
/// <param name="Dysfunctional">Answer to the dysfunctional question (1 to 5).</param>
public sealed record KanoFeatureAnswer(string FeatureId, KanoAnswer Functional, KanoAnswer Dysfunctional);
