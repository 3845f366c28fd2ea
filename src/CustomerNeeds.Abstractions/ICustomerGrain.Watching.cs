using CustomerNeeds.Abstractions.Watching;

namespace CustomerNeeds.Abstractions;

/// <summary>Watching a customer (docs/watch.md).</summary>
public partial interface ICustomerGrain
{
    /// <summary>
    /// Registers or renews <paramref name="watcher"/> for the lease duration and returns the customer as
    /// of its last committed sequence; NotFound when it does not exist.
    /// </summary>
    [Alias("Watch")]
    Task<WatchedCustomer> WatchAsync(ICustomerWatcher watcher, CancellationToken cancellationToken = default);

    /// <summary>Forgets <paramref name="watcher"/>.</summary>
    [Alias("Unwatch")]
    Task UnwatchAsync(ICustomerWatcher watcher);

    /// <summary>At most <paramref name="limit"/> committed events after <paramref name="afterSequence"/>, from the log.</summary>
    [Alias("ReadChanges")]
    Task<CustomerChangePage> ReadChangesAsync(long afterSequence, int limit, CancellationToken cancellationToken = default);

    /// <summary>How many watchers hold a live lease (diagnostics).</summary>
    [Alias("CountWatchers")]
    Task<int> CountWatchersAsync();
}
