namespace CustomerNeeds.Domain.Needs;

/// <summary>Lifecycle status of a need (numbers as in need.proto); moves follow <see cref="NeedLifecycle"/>.</summary>
public enum NeedStatus
{
    /// <summary>Not set (only the "from" of the creation history entry).</summary>
    Unspecified = 0,

    /// <summary>Captured, not yet examined.</summary>
    Identified = 1,

    /// <summary>Examined: type, area, KANO class and priority assessed.</summary>
    Analysed = 2,

    /// <summary>A response is planned.</summary>
    Planned = 3,

    /// <summary>Work on meeting the need is under way.</summary>
    InProgress = 4,

    /// <summary>Met. Final.</summary>
    Satisfied = 5,

    /// <summary>Will not be met by us. Final.</summary>
    Rejected = 6,

    /// <summary>The customer no longer has the need. Final.</summary>
    Withdrawn = 7,
}
