namespace CustomerNeeds.Storage.GroupCommit;

/// <summary>What the batch statement did with one append.</summary>
internal struct BatchOutcome
{
    /// <summary>Inserted (committed once the transaction commits).</summary>
    public bool Accepted;

    /// <summary>Interaction ids of the append already recorded; the append was not inserted.</summary>
    public List<string>? Duplicates;
}
