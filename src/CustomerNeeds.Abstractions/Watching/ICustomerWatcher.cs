using Orleans.Concurrency;

namespace CustomerNeeds.Abstractions.Watching;

/// <summary>
/// A watcher of one customer (an Orleans grain observer living on the watcher's server). The grain
/// tells it about every committed group, one way: the write never waits for it (docs/watch.md).
/// </summary>
[Alias("customerneeds.ICustomerWatcher")]
public interface ICustomerWatcher : IGrainObserver
{
    /// <summary>A group of the customer's writes was committed.</summary>
    [OneWay]
    [Alias("OnCommitted")]
    Task OnCommitted(CustomerCommit commit);

    /// <summary>The customer was erased (docs/privacy.md): the watch ends with NOT_FOUND.</summary>
    [OneWay]
    [Alias("OnErased")]
    Task OnErased();
}
