namespace CustomerNeeds.Storage.Segments;

/// <summary>The fields an update replaces; null leaves a field as it is.</summary>
public sealed record SegmentChanges(string? DisplayName, string? Description, string? Filter);
