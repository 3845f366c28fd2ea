namespace CustomerNeeds.Storage.Analytics;

/// <summary>How many respondents gave one answer pair (functional, dysfunctional: answer numbers 1-5) for a feature.</summary>
public sealed record KanoPairCount(short Functional, short Dysfunctional, long Count);
