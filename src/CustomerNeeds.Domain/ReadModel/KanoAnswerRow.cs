namespace CustomerNeeds.Domain.ReadModel;

/// <summary>One row of <c>kano_answers</c>: a customer's latest answer pair for one feature.</summary>
/// <param name="FeatureId">feature_id.</param>
/// <param name="Functional">functional (<c>KanoAnswer</c>, 1 to 5).</param>
/// <param name="Dysfunctional">dysfunctional (<c>KanoAnswer</c>, 1 to 5).</param>
/// <param name="AnswerClass">answer_class: the pair's <c>KanoClass</c> in the KANO evaluation table.</param>
/// <param name="InteractionId">interaction_id: the survey interaction that carried the pair.</param>
/// <param name="AnsweredAt">answered_at: that interaction's occur time.</param>
/// <param name="LastSequence">last_sequence: the log sequence of that interaction's event.</param>
public sealed record KanoAnswerRow(
    string FeatureId,
    short Functional,
    short Dysfunctional,
    short AnswerClass,
    string InteractionId,
    DateTimeOffset AnsweredAt,
    long LastSequence);
