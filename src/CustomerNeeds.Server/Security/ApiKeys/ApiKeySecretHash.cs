using System.Security.Cryptography;
using System.Text;

namespace CustomerNeeds.Server.Security.ApiKeys;

/// <summary>
/// What PostgreSQL keeps of a secret: its SHA-256 (a fast hash suffices for 256 random bits, see
/// docs/security.md), compared in constant time.
/// </summary>
public static class ApiKeySecretHash
{
    /// <summary>SHA-256 of the secret's ASCII text.</summary>
    public static byte[] Of(string secret) => SHA256.HashData(Encoding.ASCII.GetBytes(secret));

    /// <summary>True when <paramref name="secret"/> hashes to <paramref name="hash"/>; the time taken does not depend on where they differ.</summary>
    public static bool Matches(string secret, byte[] hash) => CryptographicOperations.FixedTimeEquals(Of(secret), hash);
}
