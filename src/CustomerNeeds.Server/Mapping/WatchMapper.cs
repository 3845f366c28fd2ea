using System.Runtime.CompilerServices;
using CustomerNeeds.Abstractions.Watching;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Grains.Watching;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Mapping;

/// <summary>
/// Feed items of a watch → WatchCustomerResponse (docs/watch.md). The watchers of one customer on
/// one server receive the same committed objects: each event and customer is mapped once for all
/// of them (the mapped messages are only read afterwards).
/// </summary>
public static class WatchMapper
{
    private static readonly JsonParser EventParser = new(JsonParser.Settings.Default);
    private static readonly ConditionalWeakTable<CommittedEvent, Struct> Events = new();
    private static readonly ConditionalWeakTable<CustomerSummary, Contract.Customer> Customers = new();

    public static Contract.WatchCustomerResponse ToProto(CustomerFeedItem item) => item switch
    {
        FeedCurrent current => new Contract.WatchCustomerResponse
        {
            Current = new Contract.WatchedCustomer
            {
                Sequence = current.Current.Sequence,
                Customer = Customers.GetValue(current.Current.Customer, CustomerMapper.ToProto),
            },
        },
        FeedChange change => new Contract.WatchCustomerResponse
        {
            Change = new Contract.CustomerChange
            {
                Sequence = change.Event.Sequence,
                EventType = change.Event.EventType,
                RecordTime = TimeMapper.ToProto(change.Event.RecordedAt),
                Event = Events.GetValue(change.Event, e => EventParser.Parse<Struct>(e.PayloadJson)),
                Customer = change.Customer is { } customer ? Customers.GetValue(customer, CustomerMapper.ToProto) : null,
            },
        },
        _ => throw new ArgumentOutOfRangeException(nameof(item), item.GetType().Name, "Unknown feed item."),
    };
}
