namespace CustomerNeeds.Storage.Segments;

/// <summary>A page of segments ordered by id.</summary>
/// <param name="Segments">The rows.</param>
/// <param name="NextAfterId">The id the next page starts after; null on the last page.</param>
public sealed record SegmentPage(IReadOnlyList<SegmentRow> Segments, string? NextAfterId);
