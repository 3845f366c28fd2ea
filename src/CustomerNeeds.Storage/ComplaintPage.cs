namespace CustomerNeeds.Storage;

/// <summary>One page of complaints.</summary>
/// <param name="Complaints">The complaints of this page.</param>
/// <param name="Next">The cursor for the next page; null when there are no more complaints.</param>
public sealed record ComplaintPage(IReadOnlyList<ComplaintRow> Complaints, ComplaintCursor? Next);
