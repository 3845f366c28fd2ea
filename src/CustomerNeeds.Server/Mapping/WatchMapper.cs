using CustomerNeeds.Grains.Watching;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Mapping;

/// <summary>Feed items of a watch ↔ WatchCustomerResponse (docs/watch.md).</summary>
public static class WatchMapper
{
    private static readonly JsonParser EventParser = new(JsonParser.Settings.Default);

    public static Contract.WatchCustomerResponse ToProto(CustomerFeedItem item) => item switch
    {
        FeedCurrent current => new Contract.WatchCustomerResponse
        {
            Current = new Contract.WatchedCustomer
            {
                Sequence = current.Current.Sequence,
                Customer = CustomerMapper.ToProto(current.Current.Customer),
            },
        },
        FeedChange change => new Contract.WatchCustomerResponse
        {
            Change = new Contract.CustomerChange
            {
                Sequence = change.Event.Sequence,
                EventType = change.Event.EventType,
                RecordTime = TimeMapper.ToProto(change.Event.RecordedAt),
                Event = EventParser.Parse<Struct>(change.Event.PayloadJson),
                Customer = change.Customer is { } customer ? CustomerMapper.ToProto(customer) : null,
            },
        },
        _ => throw new ArgumentOutOfRangeException(nameof(item), item.GetType().Name, "Unknown feed item."),
    };
}
