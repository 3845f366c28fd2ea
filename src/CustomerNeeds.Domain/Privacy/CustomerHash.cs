using System.Security.Cryptography;
using System.Text;

namespace CustomerNeeds.Domain.Privacy;

/// <summary>
/// The SHA-256 hash of a customer id, lower-case hex: what the audit log and an erasure's tombstone
/// keep instead of the id (docs/security.md, docs/privacy.md).
/// </summary>
public static class CustomerHash
{
    public static string Of(string customerId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(customerId)));
}
