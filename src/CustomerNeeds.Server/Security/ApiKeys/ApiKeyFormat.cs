using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace CustomerNeeds.Server.Security.ApiKeys;

/// <summary>
/// The form of an API key, <c>cnk_&lt;id&gt;_&lt;secret&gt;</c> (docs/api-keys.md): a 12-character public id of
/// <c>a-z0-9</c> and a secret of 32 random bytes in base64url without padding (43 characters).
/// </summary>
public static class ApiKeyFormat
{
    public const string Prefix = "cnk_";

    public const int IdLength = 12;

    public const int SecretBytes = 32;

    /// <summary>Characters of the base64url secret (32 bytes, no padding).</summary>
    public const int SecretLength = 43;

    /// <summary>Characters of a whole key.</summary>
    public const int KeyLength = 4 + IdLength + 1 + SecretLength;

    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>A new random public id.</summary>
    public static string NewId() => RandomNumberGenerator.GetString(IdAlphabet, IdLength);

    /// <summary>A new random secret.</summary>
    public static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));

    /// <summary>The whole key to send in <c>x-api-key</c>.</summary>
    public static string Compose(string id, string secret) => $"{Prefix}{id}_{secret}";

    /// <summary>True for a well-formed public id.</summary>
    public static bool IsId([NotNullWhen(true)] string? id) =>
        id is { Length: IdLength } && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9'));

    /// <summary>Splits a presented key into its id and secret; false for anything not of the form.</summary>
    public static bool TryParse(string? key, [NotNullWhen(true)] out string? id, [NotNullWhen(true)] out string? secret)
    {
        id = null;
        secret = null;
        if (key is not { Length: KeyLength } || !key.StartsWith(Prefix, StringComparison.Ordinal) || key[Prefix.Length + IdLength] != '_')
        {
            return false;
        }

        var candidateId = key.Substring(Prefix.Length, IdLength);
        var candidateSecret = key[(Prefix.Length + IdLength + 1)..];
        if (!IsId(candidateId) || !Base64Url.IsValid(candidateSecret, out var decodedLength) || decodedLength != SecretBytes)
        {
            return false;
        }

        (id, secret) = (candidateId, candidateSecret);
        return true;
    }
}
