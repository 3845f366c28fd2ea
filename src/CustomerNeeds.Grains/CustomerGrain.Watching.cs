using CustomerNeeds.Abstractions.Watching;
using CustomerNeeds.Storage;
using Orleans.Utilities;

namespace CustomerNeeds.Grains;

/// <summary>Watchers of the customer: told about every committed group, one way (docs/watch.md).</summary>
public sealed partial class CustomerGrain
{
    /// <summary>Most events one <see cref="ReadChangesAsync"/> returns.</summary>
    public const int MaxChangesPerRead = 1024;

    private ObserverManager<ICustomerWatcher>? watchers;

    private ObserverManager<ICustomerWatcher> Watchers => watchers ??= new(options.Value.WatcherLease, logger);

    public Task<WatchedCustomer> WatchAsync(ICustomerWatcher watcher, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(watcher);
        RequireExists(state);
        Watchers.Subscribe(watcher, watcher);
        return Task.FromResult(new WatchedCustomer(state.Version, Summary(state)));
    }

    public Task UnwatchAsync(ICustomerWatcher watcher)
    {
        ArgumentNullException.ThrowIfNull(watcher);
        watchers?.Unsubscribe(watcher);
        return Task.CompletedTask;
    }

    public async Task<CustomerChangePage> ReadChangesAsync(long afterSequence, int limit, CancellationToken cancellationToken = default)
    {
        RequireExists(state);
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var last = state.Version;
        var events = afterSequence >= last
            ? []
            : await ReadStorageAsync(() => log.ReadAsync(CustomerId, afterSequence, Math.Min(limit, MaxChangesPerRead), cancellationToken));
        return new CustomerChangePage(
            events.Where(e => e.Sequence <= last).Select(e => new CommittedEvent(e.Sequence, e.EventType, e.PayloadJson, e.RecordedAt)).ToArray(),
            last);
    }

    public Task<int> CountWatchersAsync()
    {
        watchers?.ClearExpired();
        return Task.FromResult(watchers?.Count ?? 0);
    }

    /// <summary>Offers the committed group to every watcher; costs nothing when nobody watches.</summary>
    private void NotifyWatchers(CustomerAppend committed)
    {
        if (watchers is not { Count: > 0 })
        {
            return;
        }

        var events = new CommittedEvent[committed.Events.Count];
        for (var i = 0; i < events.Length; i++)
        {
            var e = committed.Events[i];
            events[i] = new CommittedEvent(committed.ExpectedSequence + 1 + i, e.EventType, e.PayloadJson, e.RecordedAt);
        }

        var commit = new CustomerCommit(events, Summary(state));

        // One-way calls: the returned tasks complete when the message is sent, not when it is handled.
        _ = watchers.Notify(w => w.OnCommitted(commit));
    }
}
