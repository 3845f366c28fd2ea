using System.Security.Cryptography.X509Certificates;

namespace CustomerNeeds.Server.Hosting;

/// <summary>
/// Checks a client certificate against the configured CA bundle only (not the machine's trust
/// store): the chain must end in one of these CAs, every certificate must be in its validity
/// period, and the leaf must allow client authentication when it names its uses.
/// </summary>
internal sealed class ClientCertificateAuthority(X509Certificate2Collection authorities)
{
    private const string ClientAuthenticationOid = "1.3.6.1.5.5.7.3.2";

    public static ClientCertificateAuthority Load(string pemBundlePath)
    {
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(pemBundlePath);
        if (authorities.Count == 0)
        {
            throw new InvalidOperationException($"{TlsOptions.Section}:ClientCertificateAuthorityPath ({pemBundlePath}) holds no PEM certificate.");
        }

        return new ClientCertificateAuthority(authorities);
    }

    public bool IsTrusted(X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new System.Security.Cryptography.Oid(ClientAuthenticationOid));
        return chain.Build(certificate);
    }
}
