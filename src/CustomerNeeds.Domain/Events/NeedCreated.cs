using CustomerNeeds.Domain.Needs;

namespace CustomerNeeds.Domain.Events;

/// <summary>A need was captured; its status is Identified.</summary>
/// <param name="NeedId">The need's id (caller-chosen or minted "n&lt;number&gt;").</param>
/// <param name="Fields">The need's fields (Status is ignored: a need starts Identified).</param>
/// <param name="SetFields">The field paths set on creation (for the history entry).</param>
/// <param name="Actor">Who captured it.</param>
public sealed record NeedCreated(string NeedId, NeedFields Fields, IReadOnlyList<string> SetFields, string Actor) : CustomerEvent;
