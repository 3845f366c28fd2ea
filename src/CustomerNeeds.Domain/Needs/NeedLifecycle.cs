namespace CustomerNeeds.Domain.Needs;

/// <summary>
/// The need lifecycle: one step forward along Identified → Analysed → Planned → InProgress →
/// Satisfied, or from any open status (Identified, Analysed, Planned, InProgress) to Rejected
/// or Withdrawn. Satisfied, Rejected and Withdrawn are final. No backward moves: a need that
/// must be re-examined is withdrawn and captured again, so the history reads forward only
/// (as need.proto states).
/// </summary>
public static class NeedLifecycle
{
    /// <summary>True for Identified, Analysed, Planned and InProgress.</summary>
    public static bool IsOpen(NeedStatus status) =>
        status is NeedStatus.Identified or NeedStatus.Analysed or NeedStatus.Planned or NeedStatus.InProgress;

    /// <summary>True for Satisfied, Rejected and Withdrawn.</summary>
    public static bool IsFinal(NeedStatus status) =>
        status is NeedStatus.Satisfied or NeedStatus.Rejected or NeedStatus.Withdrawn;

    /// <summary>True when the move from <paramref name="from"/> to <paramref name="to"/> is legal (staying put is not a move).</summary>
    public static bool CanMove(NeedStatus from, NeedStatus to) => (from, to) switch
    {
        (NeedStatus.Identified, NeedStatus.Analysed) => true,
        (NeedStatus.Analysed, NeedStatus.Planned) => true,
        (NeedStatus.Planned, NeedStatus.InProgress) => true,
        (NeedStatus.InProgress, NeedStatus.Satisfied) => true,
        (_, NeedStatus.Rejected or NeedStatus.Withdrawn) => IsOpen(from),
        _ => false,
    };

    /// <summary>The statuses reachable in one legal move.</summary>
    public static IReadOnlyList<NeedStatus> NextStatuses(NeedStatus from) =>
        Enum.GetValues<NeedStatus>().Where(to => CanMove(from, to)).ToArray();
}
