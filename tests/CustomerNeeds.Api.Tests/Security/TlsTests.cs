using System.Globalization;
using System.Security.Authentication;
using System.Text.RegularExpressions;
using CustomerNeeds.Api.Tests.Durability;
using CustomerNeeds.Api.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Health.V1;

namespace CustomerNeeds.Api.Tests.Security;

/// <summary>
/// TLS on the public endpoint (docs/security.md, "Transport"): certificates made by the test,
/// PEM files, the real server. Health checks are the calls: they need no credential.
/// </summary>
[Collection(DurabilityCollection.Name)]
public sealed partial class TlsTests
{
    [Fact]
    public async Task A_server_with_a_certificate_answers_over_https_a_client_that_trusts_its_authority()
    {
        using var pki = TestPki.Create();
        var tls = ServerTls.Issue(pki);
        await using var server = await ServerProcess.StartAsync(null, tls: tls);

        Assert.Equal("https", server.Address.Scheme);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await CheckAsync(server.Channel)).Status);

        using var strangers = TestPki.Create("stranger");
        using var untrusting = ServerTls.Channel(server.Address, ServerTls.Issue(strangers).ClientOptions());
        var refused = await Assert.ThrowsAsync<RpcException>(() => CheckAsync(untrusting));
        Assert.NotEqual(StatusCode.OK, refused.StatusCode);
        Assert.Contains(Causes(refused.Status.DebugException), e => e is AuthenticationException);
    }

    [Fact]
    public async Task A_cleartext_call_to_the_tls_port_fails()
    {
        using var pki = TestPki.Create();
        await using var server = await ServerProcess.StartAsync(null, tls: ServerTls.Issue(pki));

        using var cleartext = ServerTls.Channel(new Uri($"http://127.0.0.1:{server.GrpcPort.ToString(CultureInfo.InvariantCulture)}"), null);
        var refused = await Assert.ThrowsAsync<RpcException>(() => CheckAsync(cleartext));
        Assert.NotEqual(StatusCode.OK, refused.StatusCode);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await CheckAsync(server.Channel)).Status);
    }

    [Fact]
    public async Task A_server_on_a_non_loopback_address_without_a_certificate_does_not_start()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync(null, new Dictionary<string, string>
        {
            ["CustomerNeeds__ListenAddress"] = "0.0.0.0",
        }));

        var exit = ExitCode().Match(failure.Message);
        Assert.True(exit.Success, failure.Message);
        Assert.NotEqual(0, int.Parse(exit.Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.Contains("ListenAddress 0.0.0.0 is not a loopback address", failure.Message, StringComparison.Ordinal);
        Assert.Contains("CustomerNeeds:Tls:CertificatePath", failure.Message, StringComparison.Ordinal);
        Assert.Contains("CustomerNeeds:Tls:KeyPath", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_RequireCertificate_only_a_client_certificate_of_the_configured_authority_is_let_in()
    {
        using var pki = TestPki.Create();
        using var strangers = TestPki.Create("stranger");
        using var integration = pki.IssueClient("webshop");
        using var foreign = strangers.IssueClient("webshop");
        var tls = ServerTls.Issue(pki, "RequireCertificate", integration);
        await using var server = await ServerProcess.StartAsync(null, tls: tls);

        using (var withCertificate = ServerTls.Channel(server.Address, tls.ClientOptions(integration)))
        {
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await CheckAsync(withCertificate)).Status);
        }

        using (var without = ServerTls.Channel(server.Address, tls.ClientOptions(null)))
        {
            // The handshake is refused; under TLS 1.3 the client may learn it only when it reads (UNAVAILABLE or INTERNAL).
            var refused = await Assert.ThrowsAsync<RpcException>(() => CheckAsync(without));
            Assert.NotEqual(StatusCode.OK, refused.StatusCode);
        }

        using (var ofAnotherAuthority = ServerTls.Channel(server.Address, tls.ClientOptions(foreign)))
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() => CheckAsync(ofAnotherAuthority));
            Assert.NotEqual(StatusCode.OK, refused.StatusCode);
        }
    }

    [Fact]
    public async Task A_client_certificate_mode_without_an_authority_bundle_does_not_start()
    {
        using var pki = TestPki.Create();
        var settings = ServerTls.Issue(pki, "RequireCertificate").Settings
            .Where(s => s.Key != "CustomerNeeds__Tls__ClientCertificateAuthorityPath")
            .ToDictionary();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync(null, tls: new ServerTls(pki.Authority, settings)));

        Assert.Matches(ExitCode(), failure.Message);
        Assert.Contains("CustomerNeeds:Tls:ClientCertificateAuthorityPath", failure.Message, StringComparison.Ordinal);
    }

    private static async Task<HealthCheckResponse> CheckAsync(Grpc.Net.Client.GrpcChannel channel) =>
        await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(15));

    private static IEnumerable<Exception> Causes(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    [GeneratedRegex(@"exited with code (-?\d+) before it was SERVING")]
    private static partial Regex ExitCode();
}
