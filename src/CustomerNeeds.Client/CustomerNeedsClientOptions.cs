using System.Net.Security;
using Microsoft.Extensions.Logging;

namespace CustomerNeeds.Client;

/// <summary>
/// How <see cref="CustomerNeedsChannel.Create"/> builds a channel: which servers, which credential, and the
/// call defaults. The retry policy itself is fixed: the service config of docs/client-retries.md.
/// </summary>
public sealed class CustomerNeedsClientOptions
{
    /// <summary>
    /// The servers: one or several <c>http://host:port</c> (cleartext HTTP/2, loopback or behind a TLS proxy)
    /// or <c>https://host:port</c> addresses, all of one scheme; or one <c>dns:///name:port</c> address whose
    /// name resolves to every server (e.g. a Kubernetes headless Service). With several addresses, or a dns
    /// one, calls are spread round-robin over the servers that answer.
    /// </summary>
    public IReadOnlyList<Uri> Addresses { get; set; } = [];

    /// <summary>An API key, sent as <c>x-api-key</c> on every call. Set this or <see cref="BearerToken"/>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>A JWT, sent as <c>authorization: Bearer</c> on every call. Set this or <see cref="ApiKey"/>.</summary>
    public string? BearerToken { get; set; }

    /// <summary>
    /// The deadline given to every unary call that has none (default 10 s; <c>null</c>: none). It covers all
    /// attempts of the call. Streaming calls get no default: set one where it fits.
    /// </summary>
    public TimeSpan? DefaultDeadline { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// When true (default), a call made while no server is reachable waits, within its deadline, for one to
    /// come back instead of failing UNAVAILABLE at once (gRPC wait-for-ready). It applies to every call of the
    /// channel: a call cannot opt out (gRPC call options cannot tell "not set" from false); make a second channel
    /// with false for calls that must fail fast.
    /// </summary>
    public bool WaitForReady { get; set; } = true;

    /// <summary>When true (default), the channel retries as docs/client-retries.md says; false: no retries.</summary>
    public bool EnableRetries { get; set; } = true;

    /// <summary>
    /// TLS settings for https addresses (e.g. a private certificate authority, a client certificate). With a
    /// <c>dns:///</c> address, setting them is what makes the channel speak TLS.
    /// </summary>
    public SslClientAuthenticationOptions? SslOptions { get; set; }

    /// <summary>How long a connection attempt to one server may take (default 5 s).</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Keepalive: a ping after this long without frames on a connection (default 20 s).</summary>
    public TimeSpan KeepAlivePingDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Keepalive: a connection whose ping is not answered within this is closed (default 10 s).</summary>
    public TimeSpan KeepAlivePingTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait before a server that was down is tried again (default 5 s).</summary>
    public TimeSpan MaxReconnectBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The largest response message accepted, in bytes (default 16 MiB; an export page can be large).</summary>
    public int MaxReceiveMessageSize { get; set; } = 16 * 1024 * 1024;

    /// <summary>Where grpc-dotnet logs (retries, connectivity); none by default.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
