namespace CustomerNeeds.Storage.Segments;

/// <summary>A row of <c>segments</c>: a named customer filter.</summary>
/// <param name="SegmentId">The id (the last part of <c>segments/{segment}</c>).</param>
/// <param name="DisplayName">Name to show.</param>
/// <param name="Description">What the segment is for; may be empty.</param>
/// <param name="Filter">The filter text as given (evaluated when members are read).</param>
/// <param name="Etag">Version counter: 1 at creation, one more per update.</param>
/// <param name="CreatedAt">Creation time (UTC).</param>
/// <param name="UpdatedAt">Last change (UTC).</param>
public sealed record SegmentRow(string SegmentId, string DisplayName, string Description, string Filter, long Etag, DateTime CreatedAt, DateTime UpdatedAt);
