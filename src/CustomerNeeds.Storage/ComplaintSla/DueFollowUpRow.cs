namespace CustomerNeeds.Storage.ComplaintSla;

/// <summary>A complaint whose follow-up is due.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="DueAt">The follow-up due time.</param>
/// <param name="PayloadJson">The complaint row's payload (the whole case).</param>
public sealed record DueFollowUpRow(string CustomerId, string ComplaintId, DateTimeOffset DueAt, string PayloadJson);
