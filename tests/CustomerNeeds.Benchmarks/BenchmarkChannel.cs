using Grpc.Net.Client;

namespace CustomerNeeds.Benchmarks;

/// <summary>
/// Channels of the load generator. Every call carries the API key in the environment variable
/// <c>CUSTOMERNEEDS_API_KEY</c> (the benchmark scripts create one for their server), as a channel
/// integration would: the cost of authentication is part of every figure.
/// </summary>
public static class BenchmarkChannel
{
    public const string ApiKeyVariable = "CUSTOMERNEEDS_API_KEY";

    /// <summary>A channel to <paramref name="address"/> over <paramref name="handler"/> that sends the API key.</summary>
    public static GrpcChannel Create(Uri address, HttpMessageHandler handler, int maxReceiveMessageSize = 64 * 1024 * 1024) =>
        GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = new ApiKeyHandler(ApiKey, handler),
            MaxReceiveMessageSize = maxReceiveMessageSize,
        });

    /// <summary>The key every call sends; empty when the variable is not set (the server then refuses the calls).</summary>
    public static string ApiKey { get; } = Environment.GetEnvironmentVariable(ApiKeyVariable) ?? "";

    private sealed class ApiKeyHandler(string key, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (key.Length > 0)
            {
                request.Headers.TryAddWithoutValidation("x-api-key", key);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
