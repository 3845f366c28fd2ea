using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace CustomerNeeds.Server.Hosting;

/// <summary>
/// TLS of the public gRPC endpoint: section <c>CustomerNeeds:Tls</c> (docs/security.md, "Transport").
/// The server certificate is a PEM pair (<see cref="CertificatePath"/> + <see cref="KeyPath"/>) or a
/// PKCS#12 file (<see cref="CertificatePath"/> with <see cref="CertificatePassword"/>, no key path).
/// </summary>
public sealed class TlsOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = $"{ServerOptions.Section}:Tls";

    /// <summary>The server certificate: PEM (with <see cref="KeyPath"/>) or PKCS#12. Empty: no TLS.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PEM private key of the certificate; empty when <see cref="CertificatePath"/> is PKCS#12.</summary>
    public string? KeyPath { get; set; }

    /// <summary>The password of a PKCS#12 file (or of an encrypted PEM key).</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Whether clients present a certificate (mutual TLS for channel integrations).</summary>
    public ClientCertificateMode ClientCertificateMode { get; set; } = ClientCertificateMode.NoCertificate;

    /// <summary>PEM bundle of the CAs a client certificate must chain to; required unless the mode is NoCertificate.</summary>
    public string? ClientCertificateAuthorityPath { get; set; }

    /// <summary>
    /// Allows cleartext HTTP/2 on a listen address beyond loopback: only for servers behind a
    /// TLS-terminating proxy on a private network (docs/clustering.md). A warning is logged at start.
    /// </summary>
    public bool AllowCleartext { get; set; }

    /// <summary>Whether a server certificate is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(CertificatePath);
}
