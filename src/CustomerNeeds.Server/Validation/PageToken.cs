using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.WebUtilities;

namespace CustomerNeeds.Server.Validation;

/// <summary>
/// The opaque page token of the List RPCs: base64url of a small JSON object holding where the
/// previous page ended, a fingerprint of the request's other fields (everything except
/// page_size and page_token) and a checksum of both. A token is only accepted by a request with
/// the same fingerprint, and only unchanged.
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

    /// <summary>ListComplaints, ListCustomers, ListSegments: id of the last item.</summary>
    [JsonPropertyName("k")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Id { get; init; }

    /// <summary>ListComplaints of a customer that absorbed merged customers: the customer of the last item (docs/merge.md).</summary>
    [JsonPropertyName("u")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CustomerId { get; init; }

    /// <summary>ListCustomers, ListSegmentMembers: the sort-key values of the last customer (null: no value).</summary>
    [JsonPropertyName("a")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string?>? SortKeys { get; init; }

    /// <summary>Checksum of every other field, so that a changed token is refused rather than misread.</summary>
    [JsonPropertyName("c")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Checksum { get; init; }

    /// <summary>The token's opaque string form.</summary>
    public string Encode() => WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(this with { Checksum = ChecksumOf(this) }));

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

        if (decoded is null || decoded.Version != CurrentVersion || !string.Equals(decoded.Checksum, ChecksumOf(decoded), StringComparison.Ordinal))
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

    private static string ChecksumOf(PageToken token) =>
        FingerprintOf(Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(token with { Checksum = null })));

    /// <summary>A short, stable hash of the request fields a token is bound to.</summary>
    public static string FingerprintOf(params IEnumerable<string> parts)
    {
        var canonical = string.Join("\u001f", parts);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(canonical));
        return WebEncoders.Base64UrlEncode(hash, 0, 12);
    }
}
