namespace CustomerNeeds.Domain.Complaints;

/// <summary>
/// The complaint workflow: one step forward along Recorded → Accepted → Analysed →
/// BeingHandled → Resolved → FollowUpDone → Closed; reopen from Resolved, FollowUpDone or
/// Closed back to BeingHandled. Escalation is allowed whenever the resulting status is not
/// Closed. Everything else is illegal.
/// </summary>
public static class ComplaintWorkflow
{
    /// <summary>True until the case is Closed.</summary>
    public static bool IsOpen(ComplaintStatus status) =>
        status is >= ComplaintStatus.Recorded and < ComplaintStatus.Closed;

    /// <summary>True when the move is legal (staying put is not a move).</summary>
    public static bool CanMove(ComplaintStatus from, ComplaintStatus to) =>
        IsForwardStep(from, to) || IsReopen(from, to);

    /// <summary>True for the one-step forward moves.</summary>
    public static bool IsForwardStep(ComplaintStatus from, ComplaintStatus to) =>
        from is >= ComplaintStatus.Recorded and < ComplaintStatus.Closed && to == from + 1;

    /// <summary>True for Resolved / FollowUpDone / Closed → BeingHandled.</summary>
    public static bool IsReopen(ComplaintStatus from, ComplaintStatus to) =>
        to == ComplaintStatus.BeingHandled
        && from is ComplaintStatus.Resolved or ComplaintStatus.FollowUpDone or ComplaintStatus.Closed;

    /// <summary>True when a case that ends the step in <paramref name="resulting"/> may be escalated.</summary>
    public static bool CanEscalate(ComplaintStatus resulting) => IsOpen(resulting);

    /// <summary>The statuses reachable in one legal move.</summary>
    public static IReadOnlyList<ComplaintStatus> NextStatuses(ComplaintStatus from) =>
        Enum.GetValues<ComplaintStatus>().Where(to => CanMove(from, to)).ToArray();

    /// <summary>When the first response is due.</summary>
    public static DateTimeOffset ResponseDeadline(DateTimeOffset openedAt, ComplaintSeverity severity, ComplaintServiceLevels levels) =>
        openedAt + levels.ResponseTarget(severity);

    /// <summary>When resolution is due.</summary>
    public static DateTimeOffset ResolutionDeadline(DateTimeOffset openedAt, ComplaintSeverity severity, ComplaintServiceLevels levels) =>
        openedAt + levels.ResolutionTarget(severity);

    /// <summary>When the follow-up contact is due after resolution.</summary>
    public static DateTimeOffset FollowUpDue(DateTimeOffset resolvedAt, ComplaintServiceLevels levels) =>
        resolvedAt + levels.FollowUpDelay;
}
