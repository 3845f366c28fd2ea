namespace CustomerNeeds.Storage.Analytics;

/// <summary>A row of <c>kano_features</c>: a questionnaire feature.</summary>
public sealed record KanoFeatureRow(
    string FeatureId,
    string DisplayName,
    string FunctionalQuestion,
    string DysfunctionalQuestion,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Etag);
