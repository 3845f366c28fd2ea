namespace CustomerNeeds.Storage.ComplaintSla;

/// <summary>One page of resolved complaints whose follow-up fell due, by due time.</summary>
/// <param name="PageSize">At most this many complaints (at least 1).</param>
/// <param name="Severities">Only these severity numbers; null for all.</param>
/// <param name="After">Continue after this complaint; null for the first page.</param>
public sealed record DueFollowUpQuery(int PageSize, short[]? Severities, DueFollowUpCursor? After);
