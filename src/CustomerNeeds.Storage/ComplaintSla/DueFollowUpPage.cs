namespace CustomerNeeds.Storage.ComplaintSla;

/// <summary>A page of due follow-ups and where the next one starts (null: no more).</summary>
public sealed record DueFollowUpPage(IReadOnlyList<DueFollowUpRow> Complaints, DueFollowUpCursor? Next);
