using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;

namespace CustomerNeeds.Api.Tests.Infrastructure;

/// <summary>
/// TLS for a <see cref="ServerProcess"/>: the server's <c>CustomerNeeds:Tls</c> settings, and
/// the client side (trust the test CA only, present a client certificate when given one).
/// </summary>
public sealed class ServerTls(X509Certificate2 authority, IReadOnlyDictionary<string, string> settings, X509Certificate2? clientCertificate = null)
{
    /// <summary>The server's TLS settings, as environment variables.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; } = settings;

    /// <summary>A server certificate issued by <paramref name="pki"/>; client certificates as <paramref name="clientMode"/> says, checked against the same CA.</summary>
    public static ServerTls Issue(TestPki pki, string clientMode = "NoCertificate", X509Certificate2? clientCertificate = null)
    {
        var (certificatePath, keyPath) = pki.IssueServerPem();
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["CustomerNeeds__Tls__CertificatePath"] = certificatePath,
            ["CustomerNeeds__Tls__KeyPath"] = keyPath,
            ["CustomerNeeds__Tls__ClientCertificateMode"] = clientMode,
        };
        if (clientMode != "NoCertificate")
        {
            settings["CustomerNeeds__Tls__ClientCertificateAuthorityPath"] = pki.AuthorityPemPath;
        }

        return new ServerTls(pki.Authority, settings, clientCertificate);
    }

    /// <summary>Client TLS options: the server certificate must chain to the test CA; the client certificate is this one's unless given.</summary>
    public SslClientAuthenticationOptions ClientOptions() => ClientOptions(clientCertificate);

    /// <summary>Client TLS options presenting <paramref name="certificate"/> (none when null).</summary>
    public SslClientAuthenticationOptions ClientOptions(X509Certificate2? certificate) => new()
    {
        RemoteCertificateValidationCallback = (_, server, _, errors) =>
        {
            if (server is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(authority);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(X509CertificateLoader.LoadCertificate(server.GetRawCertData()));
        },
        ClientCertificates = certificate is null ? null : new X509CertificateCollection { certificate },
        LocalCertificateSelectionCallback = certificate is null ? null : (_, _, _, _, _) => certificate,
    };

    /// <summary>A channel of its own to <paramref name="address"/> (for calls the shared channel must not make).</summary>
    public static GrpcChannel Channel(Uri address, SslClientAuthenticationOptions? ssl) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        HttpHandler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(10),
            SslOptions = ssl ?? new(),
        },
    });
}
