using CustomerNeeds.Storage.ApiKeys;

namespace CustomerNeeds.Server.Security.ApiKeys;

/// <summary>
/// Verifies an <c>x-api-key</c> value (docs/api-keys.md): form, id, secret hash (constant time),
/// revocation, expiry (on every call, also when the row comes from the cache). The refusals say
/// "unknown or invalid", "revoked" or "expired", never which part of a key was wrong.
/// </summary>
public sealed class ApiKeyVerifier(IApiKeyStore store, VerifiedKeyCache cache, TimeProvider time) : IApiKeyVerifier
{
    public const string UnknownOrInvalid = "the API key is unknown or invalid";
    public const string Revoked = "the API key was revoked";
    public const string Expired = "the API key has expired";

    // Compared against when the id is unknown, so that an unknown id costs what a wrong secret does.
    private static readonly byte[] NoHash = new byte[32];

    /// <summary>The identity of a key's caller: <c>apiKeys/{id}</c>.</summary>
    public static string CallerId(string keyId) => "apiKeys/" + keyId;

    public async ValueTask<ApiKeyVerification> VerifyAsync(string presentedKey, CancellationToken cancellationToken)
    {
        if (!ApiKeyFormat.TryParse(presentedKey, out var id, out var secret))
        {
            return ApiKeyVerification.Refused(UnknownOrInvalid);
        }

        var row = cache.Find(id);
        if (row is null)
        {
            var generation = cache.Generation;
            row = await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                ApiKeySecretHash.Matches(secret, NoHash);
                return ApiKeyVerification.Refused(UnknownOrInvalid);
            }

            cache.Add(row, generation);
        }

        if (!ApiKeySecretHash.Matches(secret, row.SecretHash))
        {
            return ApiKeyVerification.Refused(UnknownOrInvalid);
        }

        if (row.RevokedAt is not null)
        {
            return ApiKeyVerification.Refused(Revoked);
        }

        if (row.ExpiresAt is { } expires && expires <= time.GetUtcNow())
        {
            return ApiKeyVerification.Refused(Expired);
        }

        return ApiKeyVerification.Valid(new Caller(CallerId(row.KeyId), CallerKind.ApiKey, new HashSet<string>(row.Roles, StringComparer.Ordinal), row.System));
    }
}
