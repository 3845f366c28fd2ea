namespace CustomerNeeds.Server.Security;

/// <summary>
/// Establishes the <see cref="Caller"/> of a request from its one credential: <c>x-api-key</c> (an API key)
/// or <c>authorization: Bearer</c> (a JWT). No credential, a refused one, or both at once fail with a message
/// for UNAUTHENTICATED.
/// </summary>
public sealed class CallerAuthentication(JwtAuthenticator jwt, IServiceProvider services)
{
    public const string ApiKeyHeader = "x-api-key";
    private const string BearerPrefix = "Bearer ";

    private readonly IApiKeyVerifier? apiKeys = services.GetService<IApiKeyVerifier>();

    /// <summary>The caller, or why the request is not authenticated.</summary>
    public async ValueTask<(Caller? Caller, string? Failure)> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var apiKey = request.Headers[ApiKeyHeader];
        var authorization = request.Headers.Authorization;
        if (apiKey.Count > 0 && authorization.Count > 0)
        {
            return (null, "Send one credential: either x-api-key or authorization, not both.");
        }

        if (apiKey.Count > 0)
        {
            if (apiKey.Count > 1 || string.IsNullOrEmpty(apiKey[0]))
            {
                return (null, "The x-api-key header must hold exactly one key.");
            }

            if (apiKeys is null)
            {
                return (null, "API keys are not accepted by this server.");
            }

            var verification = await apiKeys.VerifyAsync(apiKey[0]!, cancellationToken);
            return (verification.Caller, verification.Failure);
        }

        if (authorization.Count > 0)
        {
            var value = authorization[0] ?? "";
            if (authorization.Count > 1 || !value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) || value.Length == BearerPrefix.Length)
            {
                return (null, "The authorization header must be \"Bearer <token>\".");
            }

            return await jwt.AuthenticateAsync(value[BearerPrefix.Length..].Trim());
        }

        return (null, "The call carries no credential: send an API key in x-api-key or a bearer token in authorization.");
    }
}
