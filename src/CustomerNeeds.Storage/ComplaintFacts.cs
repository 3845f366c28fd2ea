namespace CustomerNeeds.Storage;

/// <summary>
/// The columns of a complaint row that complaint KPIs read without the payload (migration 0004).
/// </summary>
/// <param name="Severity">severity (the <c>ComplaintSeverity</c> number).</param>
/// <param name="Channel">
/// channel: the channel name of the interaction that opened the case. Known only to the append
/// that opens the case; null in later appends keeps the stored value.
/// </param>
/// <param name="FirstResponseAt">first_response_at; null before the first response.</param>
/// <param name="ResolvedAt">resolved_at (the latest resolution); null when not resolved.</param>
/// <param name="ClosedAt">closed_at; null when not closed.</param>
/// <param name="ReopenCount">reopen_count.</param>
public sealed record ComplaintFacts(
    short Severity,
    string? Channel,
    DateTimeOffset? FirstResponseAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    int ReopenCount)
{
    /// <summary>response_breached_at: when the first-response breach was recorded (migration 0009).</summary>
    public DateTimeOffset? ResponseBreachedAt { get; init; }

    /// <summary>resolution_breached_at: when the resolution breach was recorded.</summary>
    public DateTimeOffset? ResolutionBreachedAt { get; init; }

    /// <summary>follow_up_due_at: when the follow-up contact is due; null unless resolved.</summary>
    public DateTimeOffset? FollowUpDueAt { get; init; }

    /// <summary>follow_up_fell_due_at: when the follow-up was recorded as due; null until then.</summary>
    public DateTimeOffset? FollowUpFellDueAt { get; init; }
}
