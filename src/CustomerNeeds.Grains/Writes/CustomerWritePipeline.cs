using CustomerNeeds.Abstractions.Errors;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Errors;
using CustomerNeeds.Domain.Events;
using CustomerNeeds.Storage;
using CustomerNeeds.Storage.GroupCommit;
using Microsoft.Extensions.Logging;

namespace CustomerNeeds.Grains.Writes;

/// <summary>
/// The write path of one customer (docs/group-commit.md, layer 1). Writes queue up; when no append
/// is in flight, every queued write is decided in order on one clone of the committed state and the
/// group is committed as one append. Only then does the clone become the committed state and are the
/// writes answered, in order. Runs on the grain's scheduler: not thread-safe, no locks needed.
/// </summary>
internal sealed class CustomerWritePipeline(
    string customerId,
    ICustomerEventLog log,
    TimeProvider time,
    CustomerPolicy policy,
    Func<CustomerState> committed,
    Action<CustomerState, CustomerAppend> adopt,
    Action lose,
    ILogger logger)
{
    /// <summary>Most writes decided into one append.</summary>
    public const int MaxGroupWrites = 256;

    private readonly LinkedList<CustomerWrite> waiting = new();
    private bool running;
    private CustomerOperationException? lostWith;

    /// <summary>Queues <paramref name="write"/>; the returned task completes when it is answered.</summary>
    public Task Submit(CustomerWrite write)
    {
        if (lostWith is { } lost)
        {
            write.Fail(lost);
            return write.Done;
        }

        waiting.AddLast(write);
        if (!running)
        {
            running = true;
            _ = RunAsync();
        }

        return write.Done;
    }

    private async Task RunAsync()
    {
        try
        {
            while (waiting.Count > 0 && lostWith is null)
            {
                await CommitNextGroupAsync();
            }
        }
        finally
        {
            running = false;
            if (lostWith is { } lost)
            {
                while (waiting.First is { } node)
                {
                    waiting.RemoveFirst();
                    node.Value.Fail(lost);
                }
            }
        }
    }

    private async Task CommitNextGroupAsync()
    {
        var start = committed();
        CustomerWrite? readFirst = null;
        // A sealed customer reads nothing: every write is redirected to the merge target.
        if (start.MergedInto is null && waiting.First!.Value.NeedsRead(start))
        {
            readFirst = waiting.First.Value;
            waiting.RemoveFirst();
            try
            {
                // Nothing is in flight and only this pipeline changes the state: the read sees exactly it.
                await readFirst.ReadAsync(start);
            }
            catch (Exception e)
            {
                // A retry found in a merged customer's log is answered from there by the grain.
                readFirst.Fail(e is InteractionAlreadyRecordedException ? e : ToOperation(e));
                return;
            }
        }

        var members = new List<(CustomerWrite Write, Exception? Refusal)>();
        var group = new GroupAppend(customerId, start.Version);
        var next = start.Clone();
        CustomerAppend? append = null;
        try
        {
            while (members.Count < MaxGroupWrites)
            {
                CustomerWrite write;
                if (readFirst is not null)
                {
                    write = readFirst;
                    readFirst = null;
                }
                else if (waiting.First is { } node && !node.Value.NeedsRead(next) && !RecordsAgain(node.Value, members))
                {
                    write = node.Value;
                    waiting.RemoveFirst();
                }
                else
                {
                    break;
                }

                members.Add((write, DecideInto(write, next, group)));
            }

            // The read-model rows are projected once per group, from the state after all of it.
            append = group.IsEmpty ? null : group.Build(next, policy);
        }
        catch (Exception e)
        {
            // Applying an event or projecting failed: the clone is unusable (a bug or a corrupt log). Reload.
            logger.LogError(e, "Customer {CustomerId}: deciding a group failed", customerId);
            Lose(new CustomerOperationException(CustomerErrorCode.Unavailable, "The customer could not be updated; retry."), members.Select(m => m.Write));
            return;
        }

        if (append is not null && !await TryCommitAsync(append, members.Select(m => m.Write).ToList()))
        {
            return;
        }

        if (append is not null)
        {
            adopt(next, append);
        }

        foreach (var (write, refusal) in members)
        {
            if (refusal is null)
            {
                write.Complete();
            }
            else
            {
                write.Fail(refusal);
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="write"/> records an interaction id a write of the group already
    /// records (a retry sent while the original is still queued). It waits for the next group, where
    /// the committed original answers it; the memory of recent interactions cannot be relied on, as
    /// it keeps the latest by occurrence time only.
    /// </summary>
    private static bool RecordsAgain(CustomerWrite write, List<(CustomerWrite Write, Exception? Refusal)> members) =>
        write.InteractionId is { } id && members.Exists(m => m.Write.InteractionId == id);

    /// <summary>Decides one write on the group's state and adds its rows; returns its refusal, if any.</summary>
    private Exception? DecideInto(CustomerWrite write, CustomerState next, GroupAppend group)
    {
        if (next.MergedInto is { } target)
        {
            // Queued behind the seal (or sent to a sealed customer): nothing is decided here.
            return new MergedCustomerRedirect(target);
        }

        var now = time.GetUtcNow();
        if (write.Deadline is { } deadline && deadline <= now)
        {
            // The caller has given up: no write starts after its deadline (docs/security.md, "Deadlines").
            return new CustomerOperationException(CustomerErrorCode.DeadlineExceeded, "The call's deadline passed before the write started; nothing was written.");
        }

        IReadOnlyList<CustomerEvent> events;
        try
        {
            events = write.Decide(next, now);
        }
        catch (DomainException e)
        {
            return e.ToOperationException();
        }
        catch (CustomerOperationException e)
        {
            return e;
        }

        if (events.Count == 0)
        {
            write.Capture(next, events, null);
            return null;
        }

        var append = CustomerLogEntries.Build(customerId, next, events, group.Changes);
        write.Capture(next, events, append);
        group.Add(append);
        return null;
    }

    /// <summary>Commits the group; false when it was not committed (its writes are failed or queued again).</summary>
    private async Task<bool> TryCommitAsync(CustomerAppend append, List<CustomerWrite> writes)
    {
        try
        {
            // Not cancellable: once the commit starts, its outcome must be known before answering.
            await log.AppendAsync(append, CancellationToken.None);
            return true;
        }
        catch (CustomerConcurrencyConflictException e)
            when (e.Kind == ConcurrencyConflictKind.DuplicateInteraction && writes.Any(w => w.InteractionId is { } id && e.DuplicateInteractionIds.Contains(id)))
        {
            // Nothing was written. Answer the refused ids from the log; decide the others again.
            foreach (var write in Enumerable.Reverse(writes))
            {
                if (write.InteractionId is { } id && e.DuplicateInteractionIds.Contains(id))
                {
                    write.Fail(new InteractionAlreadyRecordedException(id));
                }
                else
                {
                    waiting.AddFirst(write);
                }
            }

            return false;
        }
        catch (AppendRefusedException e)
        {
            // Refused before it was tried: nothing written, the state is still right.
            logger.LogWarning("Customer {CustomerId}: append refused ({Refusal})", customerId, e.Refusal);
            var refusal = ToOperation(e);
            writes.ForEach(w => w.Fail(refusal));
            return false;
        }
        catch (CustomerConcurrencyConflictException e)
        {
            logger.LogWarning(e, "Customer {CustomerId}: another writer won sequence {Sequence}; reloading", customerId, append.ExpectedSequence + 1);
            Lose(new CustomerOperationException(CustomerErrorCode.Aborted, "A concurrent write to this customer won; reread and retry."), writes);
            return false;
        }
        catch (Exception e)
        {
            // The outcome is unknown (e.g. the connection broke during COMMIT): reload from the log.
            logger.LogWarning(e, "Customer {CustomerId}: append failed; reloading from the log", customerId);
            Lose(new CustomerOperationException(CustomerErrorCode.Unavailable, "Storage is unavailable; the change was not acknowledged. Retry."), writes);
            return false;
        }
    }

    /// <summary>The state can no longer be trusted: fail these writes and everything queued, and let the grain reload.</summary>
    private void Lose(CustomerOperationException error, IEnumerable<CustomerWrite> writes)
    {
        lostWith = error;
        foreach (var write in writes)
        {
            write.Fail(error);
        }

        lose();
    }

    private static CustomerOperationException ToOperation(Exception e) => e switch
    {
        CustomerOperationException op => op,
        DomainException domain => domain.ToOperationException(),
        AppendRefusedException { Refusal: AppendRefusal.QueueFull } =>
            new CustomerOperationException(CustomerErrorCode.ResourceExhausted, "The server's write queue is full; retry with backoff."),
        _ => new CustomerOperationException(CustomerErrorCode.Unavailable, "Storage is unavailable; nothing was changed. Retry."),
    };
}
