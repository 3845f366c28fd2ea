namespace CustomerNeeds.Storage.ComplaintSla;

/// <summary>Where a page of breaches ended: the last breach's sort key.</summary>
public sealed record ComplaintBreachCursor(DateTimeOffset DetectedAt, string CustomerId, string ComplaintId, short Target);
