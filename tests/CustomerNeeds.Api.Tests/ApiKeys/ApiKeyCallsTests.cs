using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Grpc.Core;

namespace CustomerNeeds.Api.Tests.ApiKeys;

/// <summary>A key made by ApiKeyService authenticates calls in x-api-key with its roles, and is refused from the moment RevokeApiKey returns.</summary>
[Collection(ApiCollection.Name)]
public sealed class ApiKeyCallsTests(ServerFixture fixture)
{
    private readonly ApiKeyService.ApiKeyServiceClient admin = new(fixture.Server.Channel);

    [Fact]
    public async Task An_agent_key_calls_as_an_agent_until_it_is_revoked()
    {
        var request = new CreateApiKeyRequest { ApiKey = new ApiKey { DisplayName = "contact center", Roles = { "agent" } } };
        var created = await admin.CreateApiKeyAsync(request);
        using var channel = fixture.Server.NewApiKeyChannel(created.Secret);
        var asKey = new ApiClients(channel);
        var id = TestData.NewCustomerId();

        var customer = await asKey.Customers.CreateCustomerAsync(new CreateCustomerRequest { CustomerId = id, Customer = TestData.MinimalProfile() });
        Assert.Equal("customers/" + id, customer.Name);
        var denied = await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => new ApiKeyService.ApiKeyServiceClient(channel).ListApiKeysAsync(new ListApiKeysRequest()).ResponseAsync);
        Assert.Contains("keys.manage", denied.Status.Detail, StringComparison.Ordinal);

        await admin.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = created.ApiKey.Name });

        var refused = await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => asKey.Customers.GetCustomerAsync(new GetCustomerRequest { Name = customer.Name }).ResponseAsync);
        Assert.Contains("revoked", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_secret_is_unknown_or_invalid_and_does_not_say_the_id_exists()
    {
        var created = await admin.CreateApiKeyAsync(new CreateApiKeyRequest { ApiKey = new ApiKey { DisplayName = "k", Roles = { "analyst" } } });
        var wrongSecret = created.Secret[..17] + new string('A', 43);
        var unknownId = "cnk_zzzzzzzzzzzz_" + created.Secret[17..];

        foreach (var key in new[] { wrongSecret, unknownId })
        {
            using var channel = fixture.Server.NewApiKeyChannel(key);
            var ex = await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => new ApiClients(channel).Analytics.GetKpisAsync(new GetKpisRequest()).ResponseAsync);
            Assert.Contains("unknown or invalid", ex.Status.Detail, StringComparison.Ordinal);
        }
    }
}
