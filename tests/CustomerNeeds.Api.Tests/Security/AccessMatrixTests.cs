using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace CustomerNeeds.Api.Tests.Security;

/// <summary>
/// The matrix of docs/security.md against the running server, for every RPC of the contract (from the
/// service descriptors): no credential is UNAUTHENTICATED; each role is allowed or PERMISSION_DENIED as
/// documented; a channel key reads only the customers it serves.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AccessMatrixTests(ServerFixture fixture)
{
    [Fact]
    public void Every_rpc_of_the_contract_has_exactly_one_row_in_the_documented_matrix()
    {
        var contract = ContractMethods.All.Select(ContractMethods.MatrixName).ToList();
        Assert.True(contract.Count >= 48, $"only {contract.Count} methods found in the descriptors");
        Assert.Equal(contract.Order(StringComparer.Ordinal), DocumentedMatrix.Cells.Keys.Order(StringComparer.Ordinal));
        foreach (var (method, cells) in DocumentedMatrix.Cells)
        {
            Assert.All(cells.Values, cell => Assert.Contains(cell, new[] { "yes", "served", "masked", "no" }));
            Assert.True(cells.Values.Any(c => c != "no"), $"{method} is open to no role");
        }
    }

    [Fact]
    public async Task Without_a_credential_every_rpc_is_unauthenticated()
    {
        using var anonymous = fixture.Server.NewAnonymousChannel();
        var invoker = anonymous.CreateCallInvoker();
        foreach (var method in ContractMethods.All)
        {
            var status = await ContractMethods.CallAsync(invoker, method, []);
            Assert.True(status.StatusCode == StatusCode.Unauthenticated, $"{method.FullName}: {status.StatusCode} {status.Detail}");
            Assert.Contains("no credential", status.Detail, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("analyst")]
    [InlineData("admin")]
    public async Task Each_role_of_an_internal_tool_is_allowed_or_denied_as_documented(string role)
    {
        using var channel = fixture.Server.NewChannel(TestTokens.Create([role], subject: "matrix-" + role));
        var invoker = channel.CreateCallInvoker();
        foreach (var method in ContractMethods.All)
        {
            var cell = DocumentedMatrix.Cells[ContractMethods.MatrixName(method)][role];
            var status = await ContractMethods.CallAsync(invoker, method, []);
            AssertCell(method, role, cell, status);
        }
    }

    [Fact]
    public async Task A_channel_key_is_allowed_or_denied_as_documented_and_reads_only_the_customers_it_serves()
    {
        var api = fixture.Clients;
        var served = MinimalWithExternalId("webshop", "u-" + Guid.NewGuid().ToString("N"));
        var (servedId, _) = await api.CreateCustomerAsync(served);
        var other = MinimalWithExternalId("app", "a-1");
        var (otherId, _) = await api.CreateCustomerAsync(other);
        var key = await CreateChannelKeyAsync(api, "webshop");

        using var channel = fixture.Server.NewApiKeyChannel(key);
        var invoker = channel.CreateCallInvoker();
        foreach (var method in ContractMethods.All)
        {
            var cell = DocumentedMatrix.Cells[ContractMethods.MatrixName(method)]["channel"];
            var status = await ContractMethods.CallAsync(invoker, method, ContractMethods.RequestNaming(method, TestData.CustomerName(servedId)));
            AssertCell(method, "channel", cell, status);
            if (cell == "served")
            {
                var unserved = await ContractMethods.CallAsync(invoker, method, ContractMethods.RequestNaming(method, TestData.CustomerName(otherId)));
                Assert.True(unserved.StatusCode == StatusCode.PermissionDenied, $"{method.FullName} on a customer the key does not serve: {unserved.StatusCode} {unserved.Detail}");
                var missing = await ContractMethods.CallAsync(invoker, method, ContractMethods.RequestNaming(method, TestData.CustomerName(TestData.NewCustomerId())));
                Assert.True(missing.StatusCode == StatusCode.PermissionDenied, $"{method.FullName} on a customer that does not exist: {missing.StatusCode} {missing.Detail}");
            }
        }
    }

    internal static async Task<string> CreateChannelKeyAsync(ApiClients api, string system)
    {
        var keys = new ApiKeyService.ApiKeyServiceClient(api.Invoker);
        var created = await keys.CreateApiKeyAsync(new CreateApiKeyRequest
        {
            ApiKey = new ApiKey { DisplayName = "channel " + system, Roles = { "channel" }, System = system },
        });
        return created.Secret;
    }

    internal static Customer MinimalWithExternalId(string system, string externalId)
    {
        var customer = TestData.MinimalProfile();
        customer.ExternalIds[system] = externalId;
        return customer;
    }

    private static void AssertCell(MethodDescriptor method, string role, string cell, Status status)
    {
        Assert.True(status.StatusCode != StatusCode.Unauthenticated, $"{method.FullName} as {role}: {status.StatusCode} {status.Detail}");
        if (cell == "no")
        {
            Assert.True(status.StatusCode == StatusCode.PermissionDenied, $"{method.FullName} as {role} is documented as denied but answered {status.StatusCode} {status.Detail}");
        }
        else
        {
            Assert.True(status.StatusCode != StatusCode.PermissionDenied, $"{method.FullName} as {role} is documented as {cell} but answered {status.StatusCode} {status.Detail}");
        }
    }
}
