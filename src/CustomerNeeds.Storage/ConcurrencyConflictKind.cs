namespace CustomerNeeds.Storage;

/// <summary>Why an append was refused.</summary>
public enum ConcurrencyConflictKind
{
    /// <summary>The expected sequence is not the customer's last: another writer appended first.</summary>
    StaleSequence = 1,

    /// <summary>An interaction id of the append is already recorded for the customer (or repeated within the append).</summary>
    DuplicateInteraction = 2,
}
