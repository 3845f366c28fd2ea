using CustomerNeeds.Abstractions.Watching;
using CustomerNeeds.Domain.Customers;

namespace CustomerNeeds.Grains.Watching;

/// <summary>What a watcher receives: the whole customer, or one committed change.</summary>
public abstract record CustomerFeedItem
{
    /// <summary>The log sequence the item brings the watcher to.</summary>
    public abstract long Sequence { get; }
}

/// <summary>The whole customer as of <see cref="WatchedCustomer.Sequence"/>; every change up to it was delivered before.</summary>
public sealed record FeedCurrent(WatchedCustomer Current) : CustomerFeedItem
{
    public override long Sequence => Current.Sequence;
}

/// <summary>
/// One committed event; <paramref name="Customer"/> is the customer as of this event when it is the
/// last event of its commit, null for the other events of the commit and for events read back from the log.
/// </summary>
public sealed record FeedChange(CommittedEvent Event, CustomerSummary? Customer) : CustomerFeedItem
{
    public override long Sequence => Event.Sequence;
}
