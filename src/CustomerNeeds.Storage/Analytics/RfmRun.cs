namespace CustomerNeeds.Storage.Analytics;

/// <summary>The outcome of one RFM recomputation: whether it ran (false: another server held the lock) and how many customers it scored.</summary>
public sealed record RfmRun(bool Ran, long ScoredCustomers);
