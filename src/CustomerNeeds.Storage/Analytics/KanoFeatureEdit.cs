namespace CustomerNeeds.Storage.Analytics;

/// <summary>New values for some fields of a questionnaire feature; null leaves a field as it is.</summary>
public sealed record KanoFeatureEdit(string? DisplayName, string? FunctionalQuestion, string? DysfunctionalQuestion);
