namespace CustomerNeeds.Storage.Privacy;

/// <summary>Erases customers from storage and keeps their tombstones (docs/privacy.md).</summary>
public interface ICustomerErasureStore
{
    /// <summary>
    /// In one transaction: deletes every row that holds one of the customers (event log, complaints,
    /// read-model rows, identity keys, KANO answers, RFM scores, grain snapshots, reminders) and
    /// records a tombstone per customer. A customer erased before keeps its tombstone. Returns the
    /// tombstone of the first customer as stored.
    /// </summary>
    Task<CustomerTombstone> EraseAsync(CustomerErasure erasure, CancellationToken cancellationToken);

    /// <summary>The tombstone of <paramref name="customerId"/>, or null when it was never erased.</summary>
    Task<CustomerTombstone?> FindTombstoneAsync(string customerId, CancellationToken cancellationToken);
}
