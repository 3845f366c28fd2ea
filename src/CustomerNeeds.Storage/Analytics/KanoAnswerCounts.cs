namespace CustomerNeeds.Storage.Analytics;

/// <summary>
/// For one feature: how many customers (their latest answer) and how many staff members gave
/// each answer pair. At most 25 pairs each; the caller classifies them with the KANO evaluation table.
/// </summary>
public sealed record KanoAnswerCounts(
    KanoFeatureRow Feature,
    IReadOnlyList<KanoPairCount> Customers,
    IReadOnlyList<KanoPairCount> Staff);
