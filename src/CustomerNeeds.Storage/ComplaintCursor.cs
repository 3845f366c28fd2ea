namespace CustomerNeeds.Storage;

/// <summary>Where a complaint listing stopped: the last complaint returned.</summary>
public sealed record ComplaintCursor(DateTimeOffset OpenedAt, string ComplaintId);
