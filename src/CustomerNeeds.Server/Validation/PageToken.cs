using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.WebUtilities;

namespace CustomerNeeds.Server.Validation;

/// <summary>
/// The opaque page token of the List RPCs: base64url of a small JSON object holding where the
/// previous page ended and a fingerprint of the request's other fields (everything except
/// page_size and page_token). A token is only accepted by a request with the same fingerprint.
/// </summary>
public sealed record PageToken
{
    private const int CurrentVersion = 1;
    private const string Field = "page_token";

    /// <summary>Token format version.</summary>
    [JsonPropertyName("v")]
    public int Version { get; init; } = CurrentVersion;

    /// <summary>Fingerprint of the request the token belongs to.</summary>
    [JsonPropertyName("f")]
    public string Fingerprint { get; init; } = "";

    /// <summary>ListNeeds: offset of the next page.</summary>
    [JsonPropertyName("o")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Offset { get; init; }

    /// <summary>ListInteractions / ListComplaints: UTC ticks of the last item's time.</summary>
    [JsonPropertyName("t")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? TimeTicks { get; init; }

    /// <summary>ListInteractions: log sequence of the last item.</summary>
    [JsonPropertyName("s")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Sequence { get; init; }

    /// <summary>ListComplaints: id of the last item.</summary>
    [JsonPropertyName("k")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Id { get; init; }

    /// <summary>The token's opaque string form.</summary>
    public string Encode() => WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(this));

    /// <summary>
    /// Decodes <paramref name="token"/>; null for an empty token (first page) and after adding a
    /// violation on "page_token" when it is malformed or belongs to another request.
    /// </summary>
    public static PageToken? Decode(FieldViolations violations, string? token, string fingerprint)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        PageToken? decoded;
        try
        {
            decoded = JsonSerializer.Deserialize<PageToken>(WebEncoders.Base64UrlDecode(token));
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException)
        {
            decoded = null;
        }

        if (decoded is null || decoded.Version != CurrentVersion)
        {
            violations.Add(Field, "is not a page token returned by this service");
            return null;
        }

        if (!string.Equals(decoded.Fingerprint, fingerprint, StringComparison.Ordinal))
        {
            violations.Add(Field, "belongs to a request with other parameters; all fields except page_size must match the call that returned it");
            return null;
        }

        return decoded;
    }

    /// <summary>A short, stable hash of the request fields a token is bound to.</summary>
    public static string FingerprintOf(params IEnumerable<string> parts)
    {
        var canonical = string.Join("\u001f", parts);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(canonical));
        return WebEncoders.Base64UrlEncode(hash, 0, 12);
    }
}
