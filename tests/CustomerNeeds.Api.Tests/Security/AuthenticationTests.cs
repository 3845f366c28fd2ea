using System.Security.Cryptography;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Grpc.Core;
using Grpc.Health.V1;

namespace CustomerNeeds.Api.Tests.Security;

/// <summary>Bearer tokens that are expired, wrongly signed, for another audience or issuer, and other bad credentials are refused with UNAUTHENTICATED and a message saying why.</summary>
[Collection(ApiCollection.Name)]
public sealed class AuthenticationTests(ServerFixture fixture)
{
    public static TheoryData<string, string> BadTokens { get; } = new()
    {
        { "expired", "expired" },
        { "not-yet-valid", "not valid yet" },
        { "wrong-signature", "signature" },
        { "wrong-audience", "audience" },
        { "wrong-issuer", "issuer" },
        { "garbage", "not a valid JWT" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_bearer_token_is_unauthenticated_and_says_why(string kind, string reason)
    {
        var token = kind switch
        {
            "expired" => TestTokens.Create(["agent"], expires: DateTime.UtcNow.AddMinutes(-5)),
            "not-yet-valid" => TestTokens.Create(["agent"], notBefore: DateTime.UtcNow.AddMinutes(10), expires: DateTime.UtcNow.AddHours(1)),
            "wrong-signature" => TestTokens.Create(["agent"], secretBase64: Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))),
            "wrong-audience" => TestTokens.Create(["agent"], audience: "someone-else"),
            "wrong-issuer" => TestTokens.Create(["agent"], issuer: "https://evil.example"),
            _ => "not.a.jwt",
        };
        using var channel = fixture.Server.NewChannel(token);
        var api = new ApiClients(channel);
        var ex = await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => api.GetCustomerAsync(TestData.NewCustomerId()));
        Assert.Contains(reason, ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_token_is_accepted_and_a_token_without_a_matching_role_is_permission_denied()
    {
        var (id, _) = await fixture.Clients.CreateCustomerAsync();
        using var agent = fixture.Server.NewChannel(TestTokens.Create(["agent"]));
        Assert.Equal(TestData.CustomerName(id), (await new ApiClients(agent).GetCustomerAsync(id)).Name);

        using var noRole = fixture.Server.NewChannel(TestTokens.Create([]));
        var ex = await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => new ApiClients(noRole).GetCustomerAsync(id));
        Assert.Contains("customers.read", ex.Status.Detail, StringComparison.Ordinal);

        using var unknownRole = fixture.Server.NewChannel(TestTokens.Create(["superuser"]));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => new ApiClients(unknownRole).GetCustomerAsync(id));
    }

    [Fact]
    public async Task Two_credentials_at_once_an_unknown_api_key_and_a_malformed_authorization_header_are_unauthenticated()
    {
        using var both = fixture.Server.NewChannel();
        var headers = new Metadata { { "x-api-key", "cnk_abcdefghijkl_secret" } };
        var ex = await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => new CustomerService.CustomerServiceClient(both)
            .GetCustomerAsync(new GetCustomerRequest { Name = "customers/x" }, headers).ResponseAsync);
        Assert.Contains("not both", ex.Status.Detail, StringComparison.Ordinal);

        using var unknownKey = fixture.Server.NewApiKeyChannel("cnk_abcdefghijkl_" + new string('A', 43));
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => new ApiClients(unknownKey).GetCustomerAsync("x"));

        using var anonymous = fixture.Server.NewAnonymousChannel();
        var basic = new Metadata { { "authorization", "Basic dXNlcjpwYXNz" } };
        ex = await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => new CustomerService.CustomerServiceClient(anonymous)
            .GetCustomerAsync(new GetCustomerRequest { Name = "customers/x" }, basic).ResponseAsync);
        Assert.Contains("Bearer", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_answers_without_a_credential_and_reflection_needs_one()
    {
        using var anonymous = fixture.Server.NewAnonymousChannel();
        var reply = await new Health.HealthClient(anonymous).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);

        var reflection = new Grpc.Reflection.V1Alpha.ServerReflection.ServerReflectionClient(anonymous);
        using var call = reflection.ServerReflectionInfo();
        var ex = await RpcAssert.FailsAsync(StatusCode.Unauthenticated, async () =>
        {
            await call.RequestStream.WriteAsync(new Grpc.Reflection.V1Alpha.ServerReflectionRequest { ListServices = "" });
            await call.RequestStream.CompleteAsync();
            await call.ResponseStream.MoveNext(CancellationToken.None);
        });
        Assert.Contains("credential", ex.Status.Detail, StringComparison.Ordinal);
    }
}
