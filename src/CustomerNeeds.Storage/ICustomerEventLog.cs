namespace CustomerNeeds.Storage;

/// <summary>
/// The per-customer append-only event log, the source of truth for everything that happens to a
/// customer, with the complaint projection written beside it. It knows nothing of domain types:
/// events are (type, JSON payload).
/// </summary>
/// <remarks>
/// Storage failures (server unreachable, timeouts) propagate as the driver's exceptions
/// (NpgsqlException, TimeoutException); only refused appends become
/// <see cref="CustomerConcurrencyConflictException"/>.
/// </remarks>
public interface ICustomerEventLog
{
    /// <summary>
    /// Appends <see cref="CustomerAppend.Events"/> with the sequences after
    /// <see cref="CustomerAppend.ExpectedSequence"/> and inserts or replaces
    /// <see cref="CustomerAppend.Complaints"/>, all in one transaction. Returns only after the
    /// commit. The cost does not depend on the length of the customer's history.
    /// </summary>
    /// <exception cref="CustomerConcurrencyConflictException">
    /// The expected sequence is not the customer's last (another writer won), or an interaction id
    /// is already recorded for the customer. Nothing was written.
    /// </exception>
    /// <remarks>
    /// Cancellation is honoured until the commit is sent; the commit itself is not cancelled. If the
    /// commit fails with a storage error the outcome is unknown: reload before writing again.
    /// </remarks>
    Task AppendAsync(CustomerAppend append, CancellationToken cancellationToken);

    /// <summary>The customer's events with sequences after <paramref name="afterSequence"/>, in sequence order.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadAsync(string customerId, long afterSequence, CancellationToken cancellationToken);

    /// <summary>At most <paramref name="limit"/> of the customer's events with sequences after <paramref name="afterSequence"/>, in sequence order.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadAsync(string customerId, long afterSequence, int limit, CancellationToken cancellationToken);

    /// <summary>The event that recorded the given interaction, or null.</summary>
    Task<StoredEvent?> FindInteractionAsync(string customerId, string interactionId, CancellationToken cancellationToken);

    /// <summary>One page of the customer's interactions, newest first (occurred time, then sequence, descending).</summary>
    Task<InteractionPage> ListInteractionsAsync(InteractionFilter filter, CancellationToken cancellationToken);

    /// <summary>The complaint's current row, or null.</summary>
    Task<ComplaintRow?> FindComplaintAsync(string customerId, string complaintId, CancellationToken cancellationToken);

    /// <summary>One page of the customer's complaints, newest opened first, ties by complaint id.</summary>
    Task<ComplaintPage> ListComplaintsAsync(ComplaintFilter filter, CancellationToken cancellationToken);

    /// <summary>The customer's last sequence; 0 when nothing was ever appended.</summary>
    Task<long> LastSequenceAsync(string customerId, CancellationToken cancellationToken);
}
