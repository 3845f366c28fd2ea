namespace CustomerNeeds.Storage.Analytics;

/// <summary>Churn of a KPI window: the buyers of the previous period (the base) and those of them who did not buy in the window.</summary>
public sealed record ChurnFigures(long BaseCustomers, long ChurnedCustomers);
