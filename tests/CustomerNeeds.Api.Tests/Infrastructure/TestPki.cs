using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CustomerNeeds.Api.Tests.Infrastructure;

/// <summary>
/// A certificate authority made for one test (ECDSA P-256, System.Security.Cryptography only) that
/// issues server and client certificates and writes them as PEM files to a temporary directory,
/// deleted on dispose.
/// </summary>
public sealed class TestPki : IDisposable
{
    private readonly ECDsa authorityKey;

    private TestPki(string name)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("customerneeds-pki-").FullName;
        authorityKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name} test CA", authorityKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        Authority = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        AuthorityPemPath = Write($"{name}-ca.pem", Authority.ExportCertificatePem());
    }

    /// <summary>The directory holding the PEM files.</summary>
    public string Directory { get; }

    /// <summary>The CA certificate (with its key).</summary>
    public X509Certificate2 Authority { get; }

    /// <summary>The CA certificate as a PEM file (a one-certificate bundle).</summary>
    public string AuthorityPemPath { get; }

    public static TestPki Create(string name = "customerneeds") => new(name);

    /// <summary>A server certificate for 127.0.0.1 and localhost, written as PEM: (certificate path, key path).</summary>
    public (string CertificatePath, string KeyPath) IssueServerPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        var certificate = Issue("CN=localhost", key, "1.3.6.1.5.5.7.3.1", names.Build());
        return (Write("server.pem", certificate.ExportCertificatePem()), Write("server.key", key.ExportPkcs8PrivateKeyPem()));
    }

    /// <summary>A client certificate (client authentication) with its private key, as an integration would hold it.</summary>
    public X509Certificate2 IssueClient(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = Issue($"CN={name}", key, "1.3.6.1.5.5.7.3.2", null);
        return certificate.CopyWithPrivateKey(key);
    }

    public void Dispose()
    {
        Authority.Dispose();
        authorityKey.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private X509Certificate2 Issue(string subject, ECDsa key, string usageOid, X509Extension? alternativeNames)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usageOid)], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Authority, true, false));
        if (alternativeNames is not null)
        {
            request.CertificateExtensions.Add(alternativeNames);
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        return request.Create(Authority, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(12), serial);
    }

    private string Write(string file, string pem)
    {
        var path = Path.Combine(Directory, file);
        File.WriteAllText(path, pem);
        return path;
    }
}
