using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace CustomerNeeds.Server.Hosting;

/// <summary>
/// The public gRPC endpoint: HTTP/2 over TLS 1.2+ when a certificate is configured (with an
/// optional client certificate checked against <see cref="TlsOptions.ClientCertificateAuthorityPath"/>),
/// HTTP/2 cleartext otherwise, which only a loopback address may use (unless
/// <see cref="TlsOptions.AllowCleartext"/>). With <see cref="ServerOptions.HealthPort"/> a second,
/// cleartext listener serves the health service only. A setting that cannot work stops the
/// start-up with a message naming it (docs/security.md, "Transport"; docs/clustering.md).
/// </summary>
public static class PublicEndpoint
{
    /// <summary>Checks the settings and loads the certificates at once (start-up fails here), and returns the Kestrel set-up.</summary>
    public static Action<KestrelServerOptions> Prepare(ServerOptions options, TlsOptions tls)
    {
        var address = IPAddress.Parse(options.ListenAddress);
        Validate(address, tls);
        var healthPort = options.HealthPort;
        if (healthPort == options.GrpcPort)
        {
            throw new InvalidOperationException($"{ServerOptions.Section}:HealthPort must differ from {ServerOptions.Section}:GrpcPort ({options.GrpcPort}).");
        }

        void ListenForHealth(KestrelServerOptions kestrel)
        {
            if (healthPort > 0)
            {
                kestrel.ListenAnyIP(healthPort, listen => listen.Protocols = HttpProtocols.Http2);
            }
        }

        if (!tls.Enabled)
        {
            return kestrel =>
            {
                kestrel.Listen(address, options.GrpcPort, listen => listen.Protocols = HttpProtocols.Http2);
                ListenForHealth(kestrel);
            };
        }

        var certificate = LoadCertificate(tls);
        var authority = tls.ClientCertificateMode == ClientCertificateMode.NoCertificate
            ? null
            : ClientCertificateAuthority.Load(tls.ClientCertificateAuthorityPath!);
        return kestrel =>
        {
            ListenForHealth(kestrel);
            kestrel.Listen(address, options.GrpcPort, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                listen.UseHttps(https =>
                {
                    https.ServerCertificate = certificate;
                    https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                    https.ClientCertificateMode = tls.ClientCertificateMode;
                    if (authority is not null)
                    {
                        https.ClientCertificateValidation = (client, _, _) => authority.IsTrusted(client);
                    }
                });
            });
        };
    }

    private static void Validate(IPAddress address, TlsOptions tls)
    {
        if (!tls.Enabled)
        {
            if (!IPAddress.IsLoopback(address) && !tls.AllowCleartext)
            {
                throw new InvalidOperationException(
                    $"{ServerOptions.Section}:ListenAddress {address} is not a loopback address and no certificate is configured: " +
                    $"set {TlsOptions.Section}:CertificatePath and {TlsOptions.Section}:KeyPath (PEM), or {TlsOptions.Section}:CertificatePath " +
                    $"and {TlsOptions.Section}:CertificatePassword (PKCS#12); cleartext is allowed on loopback only, " +
                    $"or behind a TLS-terminating proxy on a private network with {TlsOptions.Section}:AllowCleartext=true.");
            }

            if (tls.ClientCertificateMode != ClientCertificateMode.NoCertificate)
            {
                throw new InvalidOperationException(
                    $"{TlsOptions.Section}:ClientCertificateMode {tls.ClientCertificateMode} needs TLS: set {TlsOptions.Section}:CertificatePath.");
            }

            return;
        }

        if (tls.ClientCertificateMode is not (ClientCertificateMode.NoCertificate or ClientCertificateMode.AllowCertificate or ClientCertificateMode.RequireCertificate))
        {
            throw new InvalidOperationException(
                $"{TlsOptions.Section}:ClientCertificateMode {tls.ClientCertificateMode} is not supported: use NoCertificate, AllowCertificate or RequireCertificate.");
        }

        if (tls.ClientCertificateMode != ClientCertificateMode.NoCertificate && string.IsNullOrWhiteSpace(tls.ClientCertificateAuthorityPath))
        {
            throw new InvalidOperationException(
                $"{TlsOptions.Section}:ClientCertificateMode {tls.ClientCertificateMode} needs {TlsOptions.Section}:ClientCertificateAuthorityPath (PEM bundle of the CAs that sign client certificates).");
        }
    }

    private static X509Certificate2 LoadCertificate(TlsOptions tls)
    {
        var path = tls.CertificatePath!;
        try
        {
            if (string.IsNullOrWhiteSpace(tls.KeyPath))
            {
                return X509CertificateLoader.LoadPkcs12FromFile(path, tls.CertificatePassword);
            }

            return string.IsNullOrEmpty(tls.CertificatePassword)
                ? X509Certificate2.CreateFromPemFile(path, tls.KeyPath)
                : X509Certificate2.CreateFromEncryptedPemFile(path, tls.CertificatePassword, tls.KeyPath);
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"The certificate in {TlsOptions.Section}:CertificatePath ({path}) could not be loaded " +
                $"(PEM needs {TlsOptions.Section}:KeyPath; PKCS#12 needs {TlsOptions.Section}:CertificatePassword when it has one): {ex.Message}", ex);
        }
    }
}
