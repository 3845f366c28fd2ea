namespace CustomerNeeds.Server.Security;

/// <summary>
/// Verifies a presented API key (the whole <c>x-api-key</c> value) against the key store: unknown,
/// malformed, revoked and expired keys fail. Revocation is effective at once (docs/security.md).
/// </summary>
public interface IApiKeyVerifier
{
    /// <summary>The key's caller, or a failure saying why (without saying which part of the key was wrong).</summary>
    ValueTask<ApiKeyVerification> VerifyAsync(string presentedKey, CancellationToken cancellationToken);
}

/// <summary>The result of <see cref="IApiKeyVerifier.VerifyAsync"/>: a caller, or why not.</summary>
/// <param name="Caller">The key's caller when valid; null otherwise.</param>
/// <param name="Failure">Why the key was refused (e.g. "the API key was revoked"); null when valid.</param>
public sealed record ApiKeyVerification(Caller? Caller, string? Failure)
{
    public static ApiKeyVerification Valid(Caller caller) => new(caller, null);

    public static ApiKeyVerification Refused(string failure) => new(null, failure);
}
