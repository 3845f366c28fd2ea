using CustomerNeeds.Storage;

namespace CustomerNeeds.Grains.Tests.Writes;

/// <summary>
/// A real event log whose appends wait until the test lets each one through, so a test knows
/// which writes are in flight and which are queued behind them.
/// </summary>
internal sealed class GatedEventLog(ICustomerEventLog inner) : ICustomerEventLog
{
    private readonly SemaphoreSlim gate = new(0);

    /// <summary>The appends that reached the log, in order.</summary>
    public List<CustomerAppend> Appends { get; } = [];

    /// <summary>When set, appends fail with this instead of reaching the log.</summary>
    public Exception? Failure { get; set; }

    /// <summary>Lets the next append through.</summary>
    public void Open() => gate.Release();

    public async Task AppendAsync(CustomerAppend append, CancellationToken cancellationToken)
    {
        lock (Appends)
        {
            Appends.Add(append);
        }

        await gate.WaitAsync(cancellationToken);
        if (Failure is { } failure)
        {
            throw failure;
        }

        await inner.AppendAsync(append, cancellationToken);
    }

    public Task<IReadOnlyList<StoredEvent>> ReadAsync(string customerId, long afterSequence, CancellationToken cancellationToken) =>
        inner.ReadAsync(customerId, afterSequence, cancellationToken);

    public Task<IReadOnlyList<StoredEvent>> ReadAsync(string customerId, long afterSequence, int limit, CancellationToken cancellationToken) =>
        inner.ReadAsync(customerId, afterSequence, limit, cancellationToken);

    public Task<StoredEvent?> FindInteractionAsync(string customerId, string interactionId, CancellationToken cancellationToken) =>
        inner.FindInteractionAsync(customerId, interactionId, cancellationToken);

    public Task<InteractionPage> ListInteractionsAsync(InteractionFilter filter, CancellationToken cancellationToken) =>
        inner.ListInteractionsAsync(filter, cancellationToken);

    public Task<ComplaintRow?> FindComplaintAsync(string customerId, string complaintId, CancellationToken cancellationToken) =>
        inner.FindComplaintAsync(customerId, complaintId, cancellationToken);

    public Task<ComplaintPage> ListComplaintsAsync(ComplaintFilter filter, CancellationToken cancellationToken) =>
        inner.ListComplaintsAsync(filter, cancellationToken);

    public Task<long> LastSequenceAsync(string customerId, CancellationToken cancellationToken) =>
        inner.LastSequenceAsync(customerId, cancellationToken);
}
