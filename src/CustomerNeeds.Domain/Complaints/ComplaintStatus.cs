namespace CustomerNeeds.Domain.Complaints;

/// <summary>Workflow status of a complaint (numbers as in complaint.proto); moves follow <see cref="ComplaintWorkflow"/>.</summary>
public enum ComplaintStatus
{
    /// <summary>Not set (only the "from" of the opening history entry).</summary>
    Unspecified = 0,

    /// <summary>Recorded from the customer's contact; not yet acknowledged.</summary>
    Recorded = 1,

    /// <summary>Acknowledged and accepted as a case.</summary>
    Accepted = 2,

    /// <summary>Cause analysed.</summary>
    Analysed = 3,

    /// <summary>Remedy under way.</summary>
    BeingHandled = 4,

    /// <summary>Remedy delivered.</summary>
    Resolved = 5,

    /// <summary>The customer was asked whether the remedy worked.</summary>
    FollowUpDone = 6,

    /// <summary>Closed; the case leaves the customer's state (the storage keeps it).</summary>
    Closed = 7,
}
