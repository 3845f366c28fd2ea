namespace CustomerNeeds.Storage.ComplaintSla;

/// <summary>Where a page of due follow-ups ended: the last complaint's sort key.</summary>
public sealed record DueFollowUpCursor(DateTimeOffset DueAt, string CustomerId, string ComplaintId);
