namespace CustomerNeeds.Storage.Analytics;

/// <summary>The outcome of a change of a questionnaire feature: how it ended, the feature as stored (when there is one), and for a delete the staff beliefs removed with it.</summary>
public sealed record KanoFeatureOutcome(KanoFeatureChange Change, KanoFeatureRow? Feature, long DeletedBeliefs = 0);
