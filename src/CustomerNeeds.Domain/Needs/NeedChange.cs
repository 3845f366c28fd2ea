namespace CustomerNeeds.Domain.Needs;

/// <summary>One recorded change of a need: who changed what, when and why.</summary>
/// <param name="FromStatus">Status before (Unspecified for the creation entry).</param>
/// <param name="ToStatus">Status after; equal to FromStatus when the status did not change.</param>
/// <param name="ChangedFields">The field paths that changed (for creation: the fields set).</param>
/// <param name="Actor">Who made the change.</param>
/// <param name="Reason">Why ("" for creation).</param>
/// <param name="ChangedAt">When the change was recorded (server clock).</param>
public sealed record NeedChange(
    NeedStatus FromStatus,
    NeedStatus ToStatus,
    IReadOnlyList<string> ChangedFields,
    string Actor,
    string Reason,
    DateTimeOffset ChangedAt);
