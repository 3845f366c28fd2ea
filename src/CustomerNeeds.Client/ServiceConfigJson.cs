using System.Globalization;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client.Configuration;

namespace CustomerNeeds.Client;

/// <summary>
/// Reads a gRPC service config in its JSON form (gRPC A6 / service_config.proto) into grpc-dotnet's
/// <see cref="ServiceConfig"/>. Strict: it knows the parts the CustomerNeeds policy uses (load balancing,
/// method names, retry policies) and refuses anything else, so that a field other clients would honour
/// is never silently dropped here.
/// </summary>
internal static class ServiceConfigJson
{
    public static ServiceConfig Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Expect(root, JsonValueKind.Object, "the service config");
        var config = new ServiceConfig();
        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case "loadBalancingConfig":
                    foreach (var policy in Array(property.Value, "loadBalancingConfig"))
                    {
                        config.LoadBalancingConfigs.Add(LoadBalancing(policy));
                    }

                    break;
                case "methodConfig":
                    foreach (var method in Array(property.Value, "methodConfig"))
                    {
                        config.MethodConfigs.Add(Method(method));
                    }

                    break;
                default:
                    throw Unsupported(property.Name);
            }
        }

        return config;
    }

    private static LoadBalancingConfig LoadBalancing(JsonElement element)
    {
        Expect(element, JsonValueKind.Object, "a loadBalancingConfig entry");
        var policies = element.EnumerateObject().ToList();
        if (policies.Count != 1)
        {
            throw new FormatException("A loadBalancingConfig entry names exactly one policy.");
        }

        return policies[0].Name switch
        {
            LoadBalancingConfig.RoundRobinPolicyName => new RoundRobinConfig(),
            LoadBalancingConfig.PickFirstPolicyName => new PickFirstConfig(),
            var other => throw Unsupported("loadBalancingConfig." + other),
        };
    }

    private static MethodConfig Method(JsonElement element)
    {
        Expect(element, JsonValueKind.Object, "a methodConfig entry");
        var method = new MethodConfig();
        foreach (var property in element.EnumerateObject())
        {
            switch (property.Name)
            {
                case "name":
                    foreach (var name in Array(property.Value, "methodConfig.name"))
                    {
                        method.Names.Add(Name(name));
                    }

                    break;
                case "retryPolicy":
                    method.RetryPolicy = Retry(property.Value);
                    break;
                default:
                    throw Unsupported("methodConfig." + property.Name);
            }
        }

        return method;
    }

    private static MethodName Name(JsonElement element)
    {
        Expect(element, JsonValueKind.Object, "a method name");
        var name = new MethodName();
        foreach (var property in element.EnumerateObject())
        {
            switch (property.Name)
            {
                case "service":
                    name.Service = String(property.Value, "service");
                    break;
                case "method":
                    name.Method = String(property.Value, "method");
                    break;
                default:
                    throw Unsupported("methodConfig.name." + property.Name);
            }
        }

        return name;
    }

    private static RetryPolicy Retry(JsonElement element)
    {
        Expect(element, JsonValueKind.Object, "a retryPolicy");
        var policy = new RetryPolicy();
        foreach (var property in element.EnumerateObject())
        {
            switch (property.Name)
            {
                case "maxAttempts":
                    policy.MaxAttempts = property.Value.GetInt32();
                    break;
                case "initialBackoff":
                    policy.InitialBackoff = Duration(property.Value, "initialBackoff");
                    break;
                case "maxBackoff":
                    policy.MaxBackoff = Duration(property.Value, "maxBackoff");
                    break;
                case "backoffMultiplier":
                    policy.BackoffMultiplier = property.Value.GetDouble();
                    break;
                case "retryableStatusCodes":
                    foreach (var code in Array(property.Value, "retryableStatusCodes"))
                    {
                        policy.RetryableStatusCodes.Add(Code(code));
                    }

                    break;
                default:
                    throw Unsupported("retryPolicy." + property.Name);
            }
        }

        return policy;
    }

    /// <summary>A status code by its canonical name (e.g. <c>RESOURCE_EXHAUSTED</c>) or number.</summary>
    internal static StatusCode Code(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Number)
        {
            var number = element.GetInt32();
            return Enum.IsDefined((StatusCode)number) ? (StatusCode)number : throw new FormatException($"Unknown status code {number}.");
        }

        var text = String(element, "a status code");
        foreach (var code in Enum.GetValues<StatusCode>())
        {
            if (string.Equals(CanonicalName(code), text, StringComparison.Ordinal))
            {
                return code;
            }
        }

        throw new FormatException($"Unknown status code '{text}'.");
    }

    /// <summary>The canonical gRPC name of a code (the status codes document): <c>ResourceExhausted</c> is <c>RESOURCE_EXHAUSTED</c>.</summary>
    internal static string CanonicalName(StatusCode code) => code switch
    {
        StatusCode.OK => "OK",
        StatusCode.Cancelled => "CANCELLED",
        StatusCode.Unknown => "UNKNOWN",
        StatusCode.InvalidArgument => "INVALID_ARGUMENT",
        StatusCode.DeadlineExceeded => "DEADLINE_EXCEEDED",
        StatusCode.NotFound => "NOT_FOUND",
        StatusCode.AlreadyExists => "ALREADY_EXISTS",
        StatusCode.PermissionDenied => "PERMISSION_DENIED",
        StatusCode.ResourceExhausted => "RESOURCE_EXHAUSTED",
        StatusCode.FailedPrecondition => "FAILED_PRECONDITION",
        StatusCode.Aborted => "ABORTED",
        StatusCode.OutOfRange => "OUT_OF_RANGE",
        StatusCode.Unimplemented => "UNIMPLEMENTED",
        StatusCode.Internal => "INTERNAL",
        StatusCode.Unavailable => "UNAVAILABLE",
        StatusCode.DataLoss => "DATA_LOSS",
        StatusCode.Unauthenticated => "UNAUTHENTICATED",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Not a gRPC status code."),
    };

    /// <summary>A protobuf JSON duration: seconds with up to nine decimals and an <c>s</c>, e.g. <c>0.5s</c>.</summary>
    private static TimeSpan Duration(JsonElement element, string what)
    {
        var text = String(element, what);
        if (!text.EndsWith('s') || !decimal.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            throw new FormatException($"{what}: '{text}' is not a duration such as \"0.5s\".");
        }

        return TimeSpan.FromTicks((long)(seconds * TimeSpan.TicksPerSecond));
    }

    private static IEnumerable<JsonElement> Array(JsonElement element, string what)
    {
        Expect(element, JsonValueKind.Array, what);
        return element.EnumerateArray();
    }

    private static string String(JsonElement element, string what)
    {
        Expect(element, JsonValueKind.String, what);
        return element.GetString()!;
    }

    private static void Expect(JsonElement element, JsonValueKind kind, string what)
    {
        if (element.ValueKind != kind)
        {
            throw new FormatException($"{what}: expected {kind}, found {element.ValueKind}.");
        }
    }

    private static FormatException Unsupported(string field) =>
        new($"The service config field '{field}' is not supported by this client.");
}
