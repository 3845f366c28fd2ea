using CustomerNeeds.Api.Tests.Durability;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;

namespace CustomerNeeds.Api.Tests.Configuration;

/// <summary>The tier policy comes from configuration (environment variables here) and replaces the default tiers whole.</summary>
[Collection(DurabilityCollection.Name)]
public sealed class TierPolicyConfigurationTests
{
    [Fact]
    public async Task A_configured_tier_list_replaces_the_default_tiers()
    {
        await using var own = await OwnServer.StartAsync(new Dictionary<string, string>
        {
            ["CustomerNeeds__Policy__Tiers__Tiers__0__Name"] = "basic",
            ["CustomerNeeds__Policy__Tiers__Tiers__1__Name"] = "premium",
            ["CustomerNeeds__Policy__Tiers__Tiers__1__MinSpend"] = "100",
        });
        var api = own.Clients;
        var (id, created) = await api.CreateCustomerAsync();
        Assert.Equal("basic", created.Loyalty.Tier);

        await api.RecordAsync(id, TestData.Purchase("p-1", TestData.AtMs(1), TestData.Eur(150)));
        Assert.Equal("premium", (await api.GetCustomerAsync(id)).Loyalty.Tier);

        var bronze = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => api.Loyalty.SetTierFloorAsync(new SetTierFloorRequest
        {
            Name = TestData.LoyaltyName(id),
            Tier = "bronze",
            Reason = "default tiers are gone",
            Actor = "manager",
        }).ResponseAsync);
        Assert.Equal(Grpc.Core.StatusCode.InvalidArgument, bronze.StatusCode);
    }
}
