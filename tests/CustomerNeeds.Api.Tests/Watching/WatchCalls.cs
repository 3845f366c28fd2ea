using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Grpc.Core;

namespace CustomerNeeds.Api.Tests.Watching;

/// <summary>Helpers for WatchCustomer streams.</summary>
public static class WatchCalls
{
    public static AsyncServerStreamingCall<WatchCustomerResponse> Watch(this ApiClients api, string customerId, long? afterSequence = null, int seconds = 120)
    {
        var request = new WatchCustomerRequest { Name = TestData.CustomerName(customerId) };
        if (afterSequence is { } after)
        {
            request.AfterSequence = after;
        }

        return api.Customers.WatchCustomer(request, deadline: Calls.Deadline(seconds));
    }

    /// <summary>The next item; fails the test when the stream ends or nothing comes within 30 s.</summary>
    public static async Task<WatchCustomerResponse> NextAsync(this AsyncServerStreamingCall<WatchCustomerResponse> call)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Assert.True(await call.ResponseStream.MoveNext(timeout.Token), "The watch stream ended.");
        return call.ResponseStream.Current;
    }

    /// <summary>The next item, asserted to be a change.</summary>
    public static async Task<CustomerChange> NextChangeAsync(this AsyncServerStreamingCall<WatchCustomerResponse> call)
    {
        var item = await call.NextAsync();
        Assert.True(item.ItemCase == WatchCustomerResponse.ItemOneofCase.Change, $"Expected a change, got {item}");
        return item.Change;
    }

    /// <summary>The next item, asserted to be the whole customer.</summary>
    public static async Task<WatchedCustomer> NextCurrentAsync(this AsyncServerStreamingCall<WatchCustomerResponse> call)
    {
        var item = await call.NextAsync();
        Assert.True(item.ItemCase == WatchCustomerResponse.ItemOneofCase.Current, $"Expected the current customer, got {item}");
        return item.Current;
    }

    /// <summary>The customer's log sequence (its etag).</summary>
    public static long SequenceOf(Customer customer) => long.Parse(customer.Etag, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The interaction id an "interaction-recorded" change carries.</summary>
    public static string InteractionId(CustomerChange change)
    {
        Assert.Equal("interaction-recorded", change.EventType);
        return change.Event.Fields["Interaction"].StructValue.Fields["InteractionId"].StringValue;
    }
}
