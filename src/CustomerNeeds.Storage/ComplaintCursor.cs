namespace CustomerNeeds.Storage;

/// <summary>Where a complaint listing stopped: the last complaint returned.</summary>
/// <param name="OpenedAt">Its open time.</param>
/// <param name="ComplaintId">Its id.</param>
/// <param name="CustomerId">Its customer, when the listing spans merged customers (the last tie-break); null otherwise.</param>
public sealed record ComplaintCursor(DateTimeOffset OpenedAt, string ComplaintId, string? CustomerId = null);
