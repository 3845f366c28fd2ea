using System.Runtime.CompilerServices;
using System.Threading.Channels;
using CustomerNeeds.Abstractions;
using CustomerNeeds.Abstractions.Errors;
using CustomerNeeds.Abstractions.Watching;
using Microsoft.Extensions.Logging;

namespace CustomerNeeds.Grains.Watching;

/// <summary>
/// One watch of one customer, on the watcher's server (docs/watch.md). An Orleans grain observer
/// that the customer's grain tells about every committed group, one way, into a bounded queue;
/// <see cref="ReadAsync"/> turns the queue into the gap-free, duplicate-free sequence of changes,
/// repairing any gap from the log. Use once; dispose to unregister.
/// </summary>
public sealed class CustomerFeed : ICustomerWatcher, IAsyncDisposable
{
    private readonly IGrainFactory grains;
    private readonly ICustomerGrain customer;
    private readonly CustomerWatchOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly Channel<CustomerCommit> commits;
    private readonly CancellationTokenSource fellBehind = new();
    private ICustomerWatcher? reference;
    private long last;
    private volatile bool erased;

    internal CustomerFeed(IGrainFactory grains, string customerId, CustomerWatchOptions options, TimeProvider time, ILogger logger)
    {
        this.grains = grains;
        this.options = options;
        this.time = time;
        this.logger = logger;
        CustomerId = customerId;
        customer = grains.GetGrain<ICustomerGrain>(customerId);
        commits = Channel.CreateBounded<CustomerCommit>(new BoundedChannelOptions(options.BufferedCommits)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public string CustomerId { get; }

    /// <summary>Cancelled when the queue overflowed: a write to the caller that is still pending should give up.</summary>
    public CancellationToken FellBehind => fellBehind.Token;

    /// <summary>The last sequence handed out by <see cref="ReadAsync"/>.</summary>
    public long LastDelivered => last;

    /// <inheritdoc />
    Task ICustomerWatcher.OnCommitted(CustomerCommit commit)
    {
        if (!commits.Writer.TryWrite(commit) && commits.Writer.TryComplete())
        {
            // Never wait for the watcher: end its stream instead (it resumes from what it received),
            // and stop the grain's notifications at once.
            _ = fellBehind.CancelAsync();
            if (reference is { } registered)
            {
                _ = customer.UnwatchAsync(registered);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    Task ICustomerWatcher.OnErased()
    {
        // What was queued before is still delivered; then the stream ends (NOT_FOUND).
        erased = true;
        commits.Writer.TryComplete();
        return Task.CompletedTask;
    }

    /// <summary>
    /// The customer as of now (or the changes after <paramref name="afterSequence"/>, then the customer),
    /// then every committed change as it comes. Ends only by cancellation, by NOT_FOUND when the customer is erased, or by
    /// <see cref="WatcherFellBehindException"/>.
    /// </summary>
    /// <exception cref="WatchResumeOutOfRangeException">The log has not reached <paramref name="afterSequence"/>.</exception>
    public async IAsyncEnumerable<CustomerFeedItem> ReadAsync(long? afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (reference is not null)
        {
            throw new InvalidOperationException("A feed is read once.");
        }

        reference = grains.CreateObjectReference<ICustomerWatcher>(this);
        var start = await customer.WatchAsync(reference, cancellationToken);
        if (afterSequence is { } after)
        {
            if (after > start.Sequence)
            {
                throw new WatchResumeOutOfRangeException(after, start.Sequence);
            }

            last = after;
            await foreach (var change in CatchUpAsync(start.Sequence, cancellationToken))
            {
                yield return change;
            }
        }

        last = start.Sequence;
        yield return new FeedCurrent(start);

        var renewAt = time.GetUtcNow() + options.RenewInterval;
        while (true)
        {
            var waited = await WaitAsync(renewAt, cancellationToken);
            if (waited == Wait.Closed && erased && !fellBehind.IsCancellationRequested)
            {
                throw CustomerErasedErrors.ReadRefused(CustomerId);
            }

            if (waited == Wait.Closed || fellBehind.IsCancellationRequested)
            {
                throw new WatcherFellBehindException(last, options.BufferedCommits);
            }

            if (waited == Wait.Renew)
            {
                renewAt = time.GetUtcNow() + options.RenewInterval;
                await foreach (var item in RenewAsync(cancellationToken))
                {
                    yield return item;
                }

                continue;
            }

            while (!fellBehind.IsCancellationRequested && commits.Reader.TryRead(out var commit))
            {
                await foreach (var change in DeliverAsync(commit, cancellationToken))
                {
                    yield return change;
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        commits.Writer.TryComplete();
        if (reference is { } registered)
        {
            try
            {
                // Not the call's token: the call may be what was cancelled; the registration must still go.
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await customer.UnwatchAsync(registered).WaitAsync(timeout.Token);
            }
            catch (Exception e)
            {
                // The grain forgets the watcher when its lease runs out.
                logger.LogDebug(e, "Customer {CustomerId}: unwatch failed", CustomerId);
            }

            grains.DeleteObjectReference<ICustomerWatcher>(registered);
        }

        fellBehind.Dispose();
    }

    private enum Wait
    {
        Commit,
        Renew,
        Closed,
    }

    private async Task<Wait> WaitAsync(DateTimeOffset renewAt, CancellationToken cancellationToken)
    {
        var due = renewAt - time.GetUtcNow();
        if (due <= TimeSpan.Zero)
        {
            return Wait.Renew;
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(due);
        try
        {
            return await commits.Reader.WaitToReadAsync(timer.Token) ? Wait.Commit : Wait.Closed;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Wait.Renew;
        }
    }

    /// <summary>The commit's events after <see cref="last"/>, after any gap before them is read from the log.</summary>
    private async IAsyncEnumerable<CustomerFeedItem> DeliverAsync(CustomerCommit commit, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (commit.LastSequence <= last)
        {
            yield break;
        }

        if (commit.FirstSequence > last + 1)
        {
            await foreach (var change in CatchUpAsync(commit.FirstSequence - 1, cancellationToken))
            {
                yield return change;
            }
        }

        foreach (var e in commit.Events)
        {
            if (e.Sequence == last + 1)
            {
                last = e.Sequence;
                yield return new FeedChange(e, e.Sequence == commit.LastSequence ? commit.Customer : null);
            }
        }
    }

    /// <summary>
    /// Renews the registration (also on a new activation of the grain). When the grain is ahead of what
    /// was delivered even after the queued commits, reads the rest from the log and sends the customer.
    /// </summary>
    private async IAsyncEnumerable<CustomerFeedItem> RenewAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var renewed = await TryRenewAsync(cancellationToken);
        if (renewed is null || renewed.Sequence <= last)
        {
            yield break;
        }

        while (renewed.Sequence > last && commits.Reader.TryRead(out var commit))
        {
            await foreach (var change in DeliverAsync(commit, cancellationToken))
            {
                yield return change;
            }
        }

        if (renewed.Sequence > last)
        {
            logger.LogDebug("Customer {CustomerId}: watcher behind ({Last} < {Sequence}); reading the log", CustomerId, last, renewed.Sequence);
            await foreach (var change in CatchUpAsync(renewed.Sequence, cancellationToken))
            {
                yield return change;
            }

            yield return new FeedCurrent(renewed);
        }
    }

    private async Task<WatchedCustomer?> TryRenewAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await customer.WatchAsync(reference!, cancellationToken);
        }
        catch (CustomerOperationException e) when (e.Code == CustomerErrorCode.NotFound)
        {
            // Erased (its notice was lost with a server): the watch ends.
            throw CustomerErasedErrors.ReadRefused(CustomerId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The grain's server may be gone; the next renewal reaches its new activation.
            logger.LogWarning(e, "Customer {CustomerId}: renewing a watch failed; trying again in {Interval}", CustomerId, options.RenewInterval);
            return null;
        }
    }

    /// <summary>The committed events after <see cref="last"/> up to <paramref name="target"/>, from the log.</summary>
    private async IAsyncEnumerable<CustomerFeedItem> CatchUpAsync(long target, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (last < target)
        {
            var page = await customer.ReadChangesAsync(last, (int)Math.Min(options.CatchUpPageSize, target - last), cancellationToken);
            if (page.Events.Count == 0 || page.Events[0].Sequence != last + 1)
            {
                throw new InvalidOperationException($"The log of customer {CustomerId} has no event {last + 1} although its last sequence is {page.LastSequence}.");
            }

            foreach (var e in page.Events)
            {
                if (e.Sequence > target)
                {
                    break;
                }

                last = e.Sequence;
                yield return new FeedChange(e, null);
            }
        }
    }
}
