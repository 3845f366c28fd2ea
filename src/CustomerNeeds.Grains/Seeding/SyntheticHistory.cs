namespace CustomerNeeds.Grains.Seeding;

/// <summary>A synthetic customer: its id and its commands in time order, the first creating it.</summary>
public sealed record SyntheticHistory(string CustomerId, IReadOnlyList<SeedStep> Steps);
