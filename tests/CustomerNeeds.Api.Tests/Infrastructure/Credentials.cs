using System.Net.Http.Headers;

namespace CustomerNeeds.Api.Tests.Infrastructure;

/// <summary>
/// Adds one credential to every request a channel sends: <c>authorization: Bearer</c> for a token, or
/// <c>x-api-key</c> for an API key (a request that already carries one is left as it is).
/// </summary>
public sealed class Credentials : DelegatingHandler
{
    private readonly string? bearer;
    private readonly string? apiKey;

    private Credentials(string? bearer, string? apiKey, HttpMessageHandler inner)
        : base(inner)
    {
        this.bearer = bearer;
        this.apiKey = apiKey;
    }

    public static Credentials Bearer(string token, HttpMessageHandler inner) => new(token, null, inner);

    public static Credentials ApiKey(string key, HttpMessageHandler inner) => new(null, key, inner);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (bearer is not null && request.Headers.Authorization is null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (apiKey is not null && !request.Headers.Contains("x-api-key"))
        {
            request.Headers.Add("x-api-key", apiKey);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
