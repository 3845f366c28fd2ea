using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Grpc.Core;

namespace CustomerNeeds.Api.Tests.Security;

/// <summary>Text with a NUL character, which PostgreSQL cannot store, is INVALID_ARGUMENT, not a storage failure to retry.</summary>
[Collection(ApiCollection.Name)]
public sealed class NulCharacterTests(ServerFixture fixture)
{
    [Fact]
    public async Task A_nul_character_in_any_text_is_invalid_argument_naming_the_field_and_other_writes_go_on()
    {
        var profile = TestData.MinimalProfile("Anna\0Meier");
        await RpcAssert.InvalidAsync(() => fixture.Clients.CreateCustomerAsync(profile), "customer.display_name");

        var kano = new KanoService.KanoServiceClient(fixture.Server.Channel);
        var ex = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => kano.CreateKanoFeatureAsync(new CreateKanoFeatureRequest
        {
            FeatureId = "f-" + Guid.NewGuid().ToString("N")[..8],
            KanoFeature = new KanoFeature { DisplayName = "a\0b", FunctionalQuestion = "q?", DysfunctionalQuestion = "q?" },
        }).ResponseAsync);
        Assert.Contains(RpcAssert.Violations(ex), v => v.Field == "kano_feature.display_name");

        var (id, _) = await fixture.Clients.CreateCustomerAsync();
        Assert.Equal(TestData.CustomerName(id), (await fixture.Clients.GetCustomerAsync(id)).Name);
    }
}
