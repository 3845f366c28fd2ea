using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using CustomerNeeds.Testing;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace CustomerNeeds.Api.Tests.Infrastructure;

/// <summary>
/// The real server (src/CustomerNeeds.Server, built with the test assembly's configuration) as a
/// child process on free loopback ports. <see cref="StartAsync"/> waits until grpc.health.v1 answers
/// SERVING; <see cref="KillAsync"/> is SIGKILL of the whole process tree; <see cref="RestartAsync"/>
/// starts it again with the same environment (same ports, same database). The last lines of the
/// child's stdout and stderr are kept for failure messages (<see cref="Output"/>).
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private const int KeptLines = 400;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly Dictionary<string, string> environment;
    private readonly string[] arguments;
    private readonly ConcurrentQueue<string> output = new();
    private Process? process;
    private readonly ServerTls? tls;
    private GrpcChannel? channel;
    private bool sigtermSent;

    private ServerProcess(Dictionary<string, string> environment, string[] arguments, int grpcPort, ServerTls? tls)
    {
        this.environment = environment;
        this.arguments = arguments;
        this.tls = tls;
        GrpcPort = grpcPort;
    }

    /// <summary>The gRPC port (HTTP/2 on 127.0.0.1; over TLS when started with <see cref="ServerTls"/>).</summary>
    public int GrpcPort { get; }

    /// <summary>The gRPC address, http://127.0.0.1:port (https:// with TLS).</summary>
    public Uri Address => new($"{(tls is null ? "http" : "https")}://127.0.0.1:{GrpcPort.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>
    /// A channel to the server, shared by all callers, with the <see cref="TestTokens.Default"/> token (roles
    /// agent, analyst, admin); survives restarts (HTTP/2 reconnects).
    /// </summary>
    public GrpcChannel Channel => channel ??= NewChannel();

    /// <summary>A new channel (its own connections) sending <paramref name="bearer"/> (default: <see cref="TestTokens.Default"/>).</summary>
    public GrpcChannel NewChannel(string? bearer = null) => ChannelWith(inner => Credentials.Bearer(bearer ?? TestTokens.Default, inner));

    /// <summary>A new channel sending the API key <paramref name="apiKey"/>.</summary>
    public GrpcChannel NewApiKeyChannel(string apiKey) => ChannelWith(inner => Credentials.ApiKey(apiKey, inner));

    /// <summary>A new channel that sends no credential.</summary>
    public GrpcChannel NewAnonymousChannel() => ChannelWith(inner => inner);

    private GrpcChannel ChannelWith(Func<HttpMessageHandler, HttpMessageHandler> credentials) => GrpcChannel.ForAddress(Address, new GrpcChannelOptions
    {
        HttpHandler = credentials(new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            SslOptions = tls?.ClientOptions() ?? new(),
        }),
        MaxReceiveMessageSize = 64 * 1024 * 1024,
    });

    /// <summary>Typed clients over <see cref="Channel"/>.</summary>
    public ApiClients Clients => new(Channel);

    /// <summary>The process id of the running server, or null.</summary>
    public int? ProcessId => process is { HasExited: false } p ? p.Id : null;

    /// <summary>Called with every line the server writes (stdout and stderr) from now on, e.g. to count log lines.</summary>
    public Action<string>? OutputLine { get; set; }

    /// <summary>The last lines the server wrote (stdout and stderr), for failure messages.</summary>
    public string Output => string.Join('\n', output);

    /// <summary>
    /// Starts a server on a database (connection string) or in memory (null), with extra
    /// configuration as environment variables (e.g. <c>CustomerNeeds__SnapshotInterval</c>), and waits until it is SERVING.
    /// With <paramref name="tls"/> the server gets its TLS settings from it and <see cref="Channel"/> speaks https.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(string? connectionString, IReadOnlyDictionary<string, string>? settings = null, ServerTls? tls = null)
    {
        var grpcPort = LoopbackPort.Unused();
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["CustomerNeeds__ListenAddress"] = "127.0.0.1",
            ["CustomerNeeds__GrpcPort"] = grpcPort.ToString(CultureInfo.InvariantCulture),
            ["CustomerNeeds__Cluster__SiloPort"] = LoopbackPort.Unused().ToString(CultureInfo.InvariantCulture),
            ["CustomerNeeds__Cluster__GatewayPort"] = LoopbackPort.Unused().ToString(CultureInfo.InvariantCulture),
            ["CustomerNeeds__Cluster__ServiceId"] = "api-tests-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..12],
            ["CustomerNeeds__Cluster__ClusterId"] = "api-tests",

            // The loyalty sweep would add review events to the customers of tests that do not expect
            // them (their histories lie in the past); the tests of the sweep turn it on.
            ["CustomerNeeds__Loyalty__LoyaltySweepEnabled"] = "false",
            // Tests call fast and hold many streams: the limits are lifted unless a test sets its own.
            ["CustomerNeeds__Security__RateLimits__channel__PermitsPerSecond"] = "1000000",
            ["CustomerNeeds__Security__RateLimits__channel__Burst"] = "1000000",
            ["CustomerNeeds__Security__RateLimits__agent__PermitsPerSecond"] = "1000000",
            ["CustomerNeeds__Security__RateLimits__agent__Burst"] = "1000000",
            ["CustomerNeeds__Security__RateLimits__analyst__PermitsPerSecond"] = "1000000",
            ["CustomerNeeds__Security__RateLimits__analyst__Burst"] = "1000000",
            ["CustomerNeeds__Security__RateLimits__admin__PermitsPerSecond"] = "1000000",
            ["CustomerNeeds__Security__RateLimits__admin__Burst"] = "1000000",
            ["CustomerNeeds__Security__MaxConcurrentStreams"] = "100000",
            // A stop waits for no load balancer here; the tests of the drain set their own delay.
            ["CustomerNeeds__Shutdown__DrainDelay"] = "00:00:00",
            // Likewise the retention sweep (it runs only when a retention is set; its tests set one).
            ["CustomerNeeds__Privacy__RetentionSweepEnabled"] = "false",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        foreach (var (key, value) in TestTokens.ServerSettings)
        {
            env[key] = value;
        }

        if (connectionString is not null)
        {
            env["ConnectionStrings__CustomerNeeds"] = connectionString;
        }

        foreach (var (key, value) in (settings ?? new Dictionary<string, string>()).Concat(tls?.Settings ?? new Dictionary<string, string>()))
        {
            env[key] = value;
        }

        var server = new ServerProcess(env, connectionString is null ? ["--in-memory"] : [], grpcPort, tls);
        try
        {
            await server.LaunchAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>SIGKILL of the server and its children; returns once the process is gone.</summary>
    public async Task KillAsync()
    {
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        process.Dispose();
        process = null;
        sigtermSent = false;
        Log("---- killed (SIGKILL) ----");
    }

    /// <summary>The exit code of the last stop (<see cref="StopAsync"/>), or null.</summary>
    public int? LastExitCode { get; private set; }

    /// <summary>Whether the server process is running.</summary>
    public bool IsRunning => process is { HasExited: false };

    /// <summary>Sends SIGTERM and returns at once: the server drains (docs/clustering.md); <see cref="StopAsync"/> waits for the exit.</summary>
    public void BeginStop()
    {
        if (process is { HasExited: false } running && !sigtermSent)
        {
            sigtermSent = true;
            if (OperatingSystem.IsWindows() || SendSigterm(running.Id) != 0)
            {
                running.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>
    /// Graceful stop (SIGTERM, as a service manager would): the host shuts down the silo, which
    /// deactivates its grains. Falls back to SIGKILL after 60 s.
    /// </summary>
    public async Task StopAsync()
    {
        if (process is null)
        {
            return;
        }

        BeginStop();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw new InvalidOperationException("The server did not stop within 60 s of SIGTERM.\n" + Output);
        }

        Log($"---- stopped (SIGTERM), exit code {process.ExitCode.ToString(CultureInfo.InvariantCulture)} ----");
        LastExitCode = process.ExitCode;
        process.Dispose();
        process = null;
        sigtermSent = false;
    }

    /// <summary>Starts the server again with the same environment (after <see cref="KillAsync"/> or <see cref="StopAsync"/>).</summary>
    public async Task RestartAsync()
    {
        if (process is not null)
        {
            throw new InvalidOperationException("The server is still running; kill or stop it first.");
        }

        await LaunchAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        finally
        {
            channel?.Dispose();
            channel = null;
        }
    }

    private async Task LaunchAsync()
    {
        var dll = ServerBinary.Path;
        var start = new ProcessStartInfo(ServerBinary.DotnetHost)
        {
            WorkingDirectory = System.IO.Path.GetDirectoryName(dll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        Log($"---- starting {dll} {string.Join(' ', arguments)} on port {GrpcPort.ToString(CultureInfo.InvariantCulture)} ----");
        var started = new Process { StartInfo = start, EnableRaisingEvents = true };
        started.OutputDataReceived += (_, e) => Log(e.Data);
        started.ErrorDataReceived += (_, e) => Log(e.Data is null ? null : "ERR " + e.Data);
        if (!started.Start())
        {
            throw new InvalidOperationException($"Could not start {dll}.");
        }

        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        process = started;
        await WaitServingAsync(started);
    }

    private async Task WaitServingAsync(Process started)
    {
        var health = new Health.HealthClient(Channel);
        var watch = Stopwatch.StartNew();
        string last = "no answer yet";
        while (watch.Elapsed < ReadyTimeout)
        {
            if (started.HasExited)
            {
                await Task.Delay(200); // let the output readers drain
                throw new InvalidOperationException(
                    $"The server exited with code {started.ExitCode.ToString(CultureInfo.InvariantCulture)} before it was SERVING.\n{Output}");
            }

            try
            {
                var reply = await health.CheckAsync(new HealthCheckRequest { Service = "" }, deadline: DateTime.UtcNow.AddSeconds(5));
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }

                last = reply.Status.ToString();
            }
            catch (RpcException ex)
            {
                last = $"{ex.StatusCode}: {ex.Status.Detail}";
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The server was not SERVING within {ReadyTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s (last health answer: {last}).\n{Output}");
    }

    private void Log(string? line)
    {
        if (line is null)
        {
            return;
        }

        OutputLine?.Invoke(line);
        output.Enqueue(line);
        while (output.Count > KeptLines && output.TryDequeue(out _))
        {
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static int SendSigterm(int pid) => Kill(pid, 15);
}
