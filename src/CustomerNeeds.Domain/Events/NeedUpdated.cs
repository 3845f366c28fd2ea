using CustomerNeeds.Domain.Needs;

namespace CustomerNeeds.Domain.Events;

/// <summary>A need changed.</summary>
/// <param name="NeedId">The need.</param>
/// <param name="Values">New values; only the fields named by <paramref name="ChangedFields"/> are applied.</param>
/// <param name="ChangedFields">The field paths whose value changed.</param>
/// <param name="FromStatus">Status before.</param>
/// <param name="ToStatus">Status after (equal to FromStatus when unchanged).</param>
/// <param name="Actor">Who changed it.</param>
/// <param name="Reason">Why.</param>
public sealed record NeedUpdated(
    string NeedId,
    NeedFields Values,
    IReadOnlyList<string> ChangedFields,
    NeedStatus FromStatus,
    NeedStatus ToStatus,
    string Actor,
    string Reason) : CustomerEvent;
