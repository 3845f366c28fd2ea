namespace CustomerNeeds.Domain.Customers;

/// <summary>Purchases of one UTC day: how many, and the amount in the service's currency.</summary>
public sealed record PurchaseBucket(int Count, decimal Amount);
