using System.Globalization;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;

namespace CustomerNeeds.Client;

/// <summary>
/// A gRPC channel to CustomerNeeds set up as docs/client-retries.md says: the documented retry policy, the
/// caller's credential on every call, round-robin over several servers (a server that is down is skipped
/// and tried again with a backoff of at most <see cref="CustomerNeedsClientOptions.MaxReconnectBackoff"/>),
/// keepalive pings, and a default deadline. Make one per process and share it; it is thread-safe.
/// </summary>
/// <example>
/// <code>
/// using var channel = CustomerNeedsChannel.Create(new CustomerNeedsClientOptions { Addresses = [address], ApiKey = key });
/// var interactions = new InteractionService.InteractionServiceClient(channel.CallInvoker);
/// </code>
/// </example>
public sealed class CustomerNeedsChannel : IDisposable
{
    private const string StaticTarget = "static:///customerneeds";

    private CustomerNeedsChannel(GrpcChannel channel, CallInvoker callInvoker)
    {
        Channel = channel;
        CallInvoker = callInvoker;
    }

    /// <summary>The underlying grpc-dotnet channel (connectivity state, shutdown). Calls made on it directly get no default deadline.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>The invoker to build the generated clients on: the channel plus the call defaults (deadline, wait-for-ready).</summary>
    public CallInvoker CallInvoker { get; }

    /// <summary>Builds a channel; no connection is made until the first call.</summary>
    /// <exception cref="ArgumentException">No address, addresses of mixed schemes, several dns addresses, or not exactly one credential.</exception>
    public static CustomerNeedsChannel Create(CustomerNeedsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Addresses.Count == 0)
        {
            throw new ArgumentException("At least one server address is needed.", nameof(options));
        }

        if ((options.ApiKey is null) == (options.BearerToken is null))
        {
            throw new ArgumentException("Set exactly one credential: ApiKey or BearerToken.", nameof(options));
        }

        var sockets = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            ConnectTimeout = options.ConnectTimeout,
            KeepAlivePingDelay = options.KeepAlivePingDelay,
            KeepAlivePingTimeout = options.KeepAlivePingTimeout,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
        };
        if (options.SslOptions is not null)
        {
            sockets.SslOptions = options.SslOptions;
        }

        var channelOptions = new GrpcChannelOptions
        {
            HttpHandler = new CredentialHandler(options.ApiKey, options.BearerToken, sockets),
            DisposeHttpClient = true,
            ServiceConfig = options.EnableRetries ? CustomerNeedsRetryPolicy.CreateServiceConfig() : new() { LoadBalancingConfigs = { new Grpc.Net.Client.Configuration.RoundRobinConfig() } },
            MaxRetryAttempts = 5,
            MaxReconnectBackoff = options.MaxReconnectBackoff,
            InitialReconnectBackoff = TimeSpan.FromMilliseconds(Math.Min(500, options.MaxReconnectBackoff.TotalMilliseconds)),
            MaxReceiveMessageSize = options.MaxReceiveMessageSize,
            LoggerFactory = options.LoggerFactory,
        };

        var (target, scheme) = Target(options.Addresses, dnsOverTls: options.SslOptions is not null);
        if (options.Addresses.Count > 1)
        {
            var addresses = options.Addresses.Select(a => new BalancerAddress(a.Host, a.Port)).ToArray();
            channelOptions.ServiceProvider = new ResolverServices(addresses, options.LoggerFactory);
        }

        if (target.Scheme is not ("http" or "https"))
        {
            channelOptions.Credentials = scheme == "https" ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure;
        }

        var channel = GrpcChannel.ForAddress(target, channelOptions);
        return new CustomerNeedsChannel(channel, channel.Intercept(new CallDefaults(options.DefaultDeadline, options.WaitForReady)));
    }

    /// <summary>Closes the connections; calls in flight fail.</summary>
    public void Dispose() => Channel.Dispose();

    /// <summary>The channel target, and whether it speaks http or https.</summary>
    private static (Uri Target, string Scheme) Target(IReadOnlyList<Uri> addresses, bool dnsOverTls)
    {
        var schemes = addresses.Select(a => a.Scheme).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (schemes.Count > 1)
        {
            throw new ArgumentException($"The addresses mix schemes ({string.Join(", ", schemes)}); use one.", nameof(addresses));
        }

        var scheme = schemes[0].ToLowerInvariant();
        if (scheme == "dns")
        {
            // dns:///name:port: the name resolves to every server. The address does not say http or https:
            // TLS when SslOptions are given, else cleartext HTTP/2.
            return addresses.Count == 1
                ? (addresses[0], dnsOverTls ? "https" : "http")
                : throw new ArgumentException("Give one dns:/// address; it resolves to every server.", nameof(addresses));
        }

        if (scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"Unsupported address scheme '{scheme}': use http, https or dns.", nameof(addresses));
        }

        if (addresses.Count == 1)
        {
            return (addresses[0], scheme);
        }

        return (new Uri(StaticTarget, UriKind.Absolute), scheme);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"CustomerNeedsChannel({Channel.Target})");
}
