namespace CustomerNeeds.Storage.GroupCommit;

/// <summary>
/// The PostgreSQL event log with appends going through the server's <see cref="GroupCommitAppender"/>;
/// reads go straight to <see cref="PostgresCustomerEventLog"/> on their own pooled connections, so
/// they never wait behind the appender.
/// </summary>
public sealed class GroupCommitEventLog(PostgresCustomerEventLog log, GroupCommitAppender appender) : ICustomerEventLog
{
    /// <inheritdoc />
    /// <remarks>
    /// Not cancellable once queued: the caller learns the outcome of the commit. Also fails with
    /// <see cref="AppendRefusedException"/> when the appender's queue is full (nothing written).
    /// </remarks>
    public Task AppendAsync(CustomerAppend append, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return appender.AppendAsync(append);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredEvent>> ReadAsync(string customerId, long afterSequence, CancellationToken cancellationToken) =>
        log.ReadAsync(customerId, afterSequence, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredEvent>> ReadAsync(string customerId, long afterSequence, int limit, CancellationToken cancellationToken) =>
        log.ReadAsync(customerId, afterSequence, limit, cancellationToken);

    /// <inheritdoc />
    public Task<StoredEvent?> FindInteractionAsync(string customerId, string interactionId, CancellationToken cancellationToken) =>
        log.FindInteractionAsync(customerId, interactionId, cancellationToken);

    /// <inheritdoc />
    public Task<InteractionPage> ListInteractionsAsync(InteractionFilter filter, CancellationToken cancellationToken) =>
        log.ListInteractionsAsync(filter, cancellationToken);

    /// <inheritdoc />
    public Task<ComplaintRow?> FindComplaintAsync(string customerId, string complaintId, CancellationToken cancellationToken) =>
        log.FindComplaintAsync(customerId, complaintId, cancellationToken);

    /// <inheritdoc />
    public Task<ComplaintPage> ListComplaintsAsync(ComplaintFilter filter, CancellationToken cancellationToken) =>
        log.ListComplaintsAsync(filter, cancellationToken);

    /// <inheritdoc />
    public Task<long> LastSequenceAsync(string customerId, CancellationToken cancellationToken) =>
        log.LastSequenceAsync(customerId, cancellationToken);
}
