namespace CustomerNeeds.Domain.Complaints;

/// <summary>Which service-level target of a complaint (numbers as in complaint.proto).</summary>
public enum SlaTarget
{
    /// <summary>Not set.</summary>
    Unspecified = 0,

    /// <summary>The first response: the case leaves Recorded.</summary>
    FirstResponse = 1,

    /// <summary>The resolution: the case reaches Resolved.</summary>
    Resolution = 2,
}
