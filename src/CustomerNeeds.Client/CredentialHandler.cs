using System.Net.Http.Headers;

namespace CustomerNeeds.Client;

/// <summary>
/// Adds the caller's credential to every request: <c>x-api-key</c> or <c>authorization: Bearer</c>. A handler
/// rather than gRPC call credentials, so that it works the same over cleartext HTTP/2 (loopback, behind a TLS
/// proxy) and TLS; a request that carries its own credential keeps it.
/// </summary>
internal sealed class CredentialHandler(string? apiKey, string? bearerToken, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (apiKey is not null && !request.Headers.Contains("x-api-key") && request.Headers.Authorization is null)
        {
            request.Headers.Add("x-api-key", apiKey);
        }

        if (bearerToken is not null && request.Headers.Authorization is null && !request.Headers.Contains("x-api-key"))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
