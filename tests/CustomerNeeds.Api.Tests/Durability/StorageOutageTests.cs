using CustomerNeeds.Api.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Health.V1;

namespace CustomerNeeds.Api.Tests.Durability;

/// <summary>PostgreSQL unreachable: health NOT_SERVING, writes UNAVAILABLE and not acknowledged; recovery afterwards.</summary>
[Collection(DurabilityCollection.Name)]
public sealed class StorageOutageTests
{
    [Fact]
    public async Task While_the_database_refuses_connections_writes_are_unavailable_and_nothing_is_acknowledged()
    {
        await using var own = await OwnServer.StartAsync();
        var api = own.Clients;
        var (id, _) = await api.CreateCustomerAsync();
        await api.RecordAsync(id, TestData.Inquiry("before", TestData.At(TimeSpan.FromHours(1))));

        await DatabaseOutage.SetConnectionsAllowedAsync(own.Database.Name, allowed: false);
        try
        {
            await DatabaseOutage.WaitForHealthAsync(api, HealthCheckResponse.Types.ServingStatus.NotServing);
            var failed = TestData.Purchase("during", TestData.At(TimeSpan.FromHours(2)), TestData.Eur(5));
            await RpcAssert.FailsAsync(StatusCode.Unavailable, () => api.RecordAsync(id, failed));

            // A customer that is not active cannot load its snapshot: UNAVAILABLE too, not INTERNAL.
            await RpcAssert.FailsAsync(StatusCode.Unavailable, () => api.GetCustomerAsync(TestData.NewCustomerId()));
        }
        finally
        {
            await DatabaseOutage.SetConnectionsAllowedAsync(own.Database.Name, allowed: true);
        }

        await DatabaseOutage.WaitForHealthAsync(api, HealthCheckResponse.Types.ServingStatus.Serving);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.GetInteractionAsync(id, "during"));
        var customer = await api.GetCustomerAsync(id);
        Assert.Equal(1, customer.Lifetime.InteractionCount);
        Assert.Equal(0, customer.Lifetime.PurchaseCount);

        // The write that was not acknowledged can be sent again and is recorded once, not replayed.
        var retry = await api.RecordAsync(id, TestData.Purchase("during", TestData.At(TimeSpan.FromHours(2)), TestData.Eur(5)));
        Assert.False(retry.Replayed);
        customer = await api.GetCustomerAsync(id);
        Assert.Equal(2, customer.Lifetime.InteractionCount);
        Assert.Equal(TestData.Eur(5), customer.Lifetime.LifetimeSpend);
    }
}
