using System.Collections.Frozen;
using Grpc.Core;
using Grpc.Net.Client.Configuration;

namespace CustomerNeeds.Client;

/// <summary>
/// The documented retry policy of CustomerNeeds (docs/client-retries.md): the gRPC service config
/// <c>protos/customerneeds/v1/service_config.json</c>, embedded in this assembly. Channels made by
/// <see cref="CustomerNeedsChannel"/> use it; <see cref="IsRetryable(string, StatusCode)"/> answers from it for
/// callers that retry themselves after the channel gave up (e.g. during a long outage).
/// </summary>
public static class CustomerNeedsRetryPolicy
{
    private const string ResourceName = "CustomerNeeds.Client.service_config.json";

    private static readonly Lazy<FrozenDictionary<string, FrozenSet<StatusCode>>> CodesByMethod = new(IndexCodes);

    /// <summary>The service config as JSON, exactly as committed.</summary>
    public static string Json { get; } = ReadJson();

    /// <summary>A new <see cref="ServiceConfig"/> parsed from <see cref="Json"/> (grpc-dotnet's types are mutable: one per channel).</summary>
    public static ServiceConfig CreateServiceConfig() => ServiceConfigJson.Parse(Json);

    /// <summary>
    /// Whether a call of <paramref name="fullMethodName"/> (<c>/customerneeds.v1.InteractionService/RecordInteraction</c>,
    /// the leading slash optional) that ended with <paramref name="code"/> is worth sending again as it is.
    /// Streaming methods and unknown methods: false (streams are resumed, see docs/client-retries.md).
    /// </summary>
    public static bool IsRetryable(string fullMethodName, StatusCode code) =>
        CodesByMethod.Value.TryGetValue(fullMethodName.TrimStart('/'), out var codes) && codes.Contains(code);

    /// <summary>Whether a call of <paramref name="method"/> that ended with <paramref name="code"/> is worth sending again.</summary>
    public static bool IsRetryable(IMethod method, StatusCode code) => IsRetryable(method.FullName, code);

    /// <summary>The retryable codes of every method the policy names, by <c>package.Service/Method</c>.</summary>
    public static IReadOnlyDictionary<string, FrozenSet<StatusCode>> RetryableCodes => CodesByMethod.Value;

    private static FrozenDictionary<string, FrozenSet<StatusCode>> IndexCodes()
    {
        var index = new Dictionary<string, FrozenSet<StatusCode>>(StringComparer.Ordinal);
        foreach (var method in CreateServiceConfig().MethodConfigs)
        {
            var codes = (method.RetryPolicy?.RetryableStatusCodes ?? []).ToFrozenSet();
            foreach (var name in method.Names)
            {
                if (!index.TryAdd($"{name.Service}/{name.Method}", codes))
                {
                    throw new InvalidOperationException($"The service config names {name.Service}/{name.Method} twice.");
                }
            }
        }

        return index.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string ReadJson()
    {
        using var stream = typeof(CustomerNeedsRetryPolicy).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
