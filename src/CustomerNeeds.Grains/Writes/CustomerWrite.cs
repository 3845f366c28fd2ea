using CustomerNeeds.Abstractions;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Events;
using CustomerNeeds.Storage;

namespace CustomerNeeds.Grains.Writes;

/// <summary>
/// One mutating call waiting in a customer's <see cref="CustomerWritePipeline"/>: how to decide
/// it, what it must read from storage first (if anything), and how its answer is captured at the
/// moment it is decided. It completes only after its group was committed.
/// </summary>
internal abstract class CustomerWrite
{
    private readonly TaskCompletionSource completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the write's group is committed (or the write was refused); fails with a <c>CustomerOperationException</c>.</summary>
    public Task Done => completion.Task;

    /// <summary>The caller's deadline, taken from the request context of the grain call that made this write; null if none.</summary>
    public DateTimeOffset? Deadline { get; } = CallDeadline.Current;

    /// <summary>The interaction this write records, if any (for refusals by the unique index).</summary>
    public string? InteractionId { get; init; }

    /// <summary>Whether deciding on <paramref name="state"/> needs a storage read first.</summary>
    public abstract bool NeedsRead(CustomerState state);

    /// <summary>The storage read, done on the committed state while nothing is in flight.</summary>
    public abstract Task ReadAsync(CustomerState state);

    /// <summary>Decides on <paramref name="state"/> (not changing it); throws a domain error to refuse.</summary>
    public abstract IReadOnlyList<CustomerEvent> Decide(CustomerState state, DateTimeOffset now);

    /// <summary>
    /// Called right after the events were applied to <paramref name="state"/>: captures the answer,
    /// which later writes of the group must not change.
    /// </summary>
    /// <param name="state">The state after this write.</param>
    /// <param name="events">The write's events (none when it changed nothing).</param>
    /// <param name="append">The rows of this write alone; null when it changed nothing.</param>
    public abstract void Capture(CustomerState state, IReadOnlyList<CustomerEvent> events, CustomerAppend? append);

    public void Complete() => completion.TrySetResult();

    public void Fail(Exception error) => completion.TrySetException(error);
}
