namespace CustomerNeeds.Storage.Analytics;

/// <summary>
/// A customer's RFM quintiles (null until the RFM job has scored the customer) beside the current
/// raw values of its summary row.
/// </summary>
public sealed record RfmScoreRow(
    string CustomerId,
    short? Recency,
    short? Frequency,
    short? Monetary,
    DateTimeOffset? ComputedAt,
    DateTimeOffset? LastPurchaseAt,
    long PurchaseCount,
    decimal LifetimeSpend);
