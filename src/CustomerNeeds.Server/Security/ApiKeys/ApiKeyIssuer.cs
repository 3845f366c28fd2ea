using CustomerNeeds.Storage.ApiKeys;

namespace CustomerNeeds.Server.Security.ApiKeys;

/// <summary>Creates keys (ApiKeyService, the CLI, the local bootstrap key): a random id and secret; only the secret's hash is stored.</summary>
public static class ApiKeyIssuer
{
    private const int Attempts = 3;

    public static async Task<IssuedApiKey> IssueAsync(
        IApiKeyStore store, NewApiKey key, string createdBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(key);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var (id, secret) = (ApiKeyFormat.NewId(), ApiKeyFormat.NewSecret());
            var row = new ApiKeyRow(
                id, key.DisplayName, key.Roles.ToArray(), key.System, ApiKeySecretHash.Of(secret), now, createdBy, key.ExpiresAt, null, null);

            // An id taken already (62 random bits: practically never) is drawn again.
            if (await store.CreateAsync(row, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                return new IssuedApiKey(stored, ApiKeyFormat.Compose(id, secret));
            }
        }

        throw new InvalidOperationException($"No free API key id after {Attempts} random draws.");
    }
}
