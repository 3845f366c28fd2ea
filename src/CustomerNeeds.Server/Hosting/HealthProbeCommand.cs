using Grpc.Core;
using Grpc.Net.Client;

namespace CustomerNeeds.Server.Hosting;

/// <summary>
/// <c>CustomerNeeds.Server health-probe [--address URL] [--service NAME]</c>: asks
/// grpc.health.v1.Health/Check of a server and exits 0 when it answers SERVING, 1 otherwise (also
/// when it does not answer within 5 seconds), 2 on bad arguments. For container health checks. The
/// default address is the server's own health port (<see cref="ServerOptions.HealthPort"/>) or,
/// without one, its gRPC port, on 127.0.0.1; the default service is <c>""</c> (readiness).
/// Cleartext only: a server with TLS is probed on its health port.
/// </summary>
public static class HealthProbeCommand
{
    /// <summary>The command-line verb.</summary>
    public const string Verb = "health-probe";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>Runs the command with the arguments after the verb; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        string? address = null;
        var service = "";
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--address" when i + 1 < args.Length:
                    address = args[++i];
                    break;
                case "--service" when i + 1 < args.Length:
                    service = args[++i];
                    break;
                case "--address" or "--service":
                    await Console.Error.WriteLineAsync($"{Verb}: {args[i]} needs a value.");
                    return 2;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        if (address is null)
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(rest.ToArray()).Build();
            var options = configuration.GetSection(ServerOptions.Section).Get<ServerOptions>() ?? new ServerOptions();
            address = $"http://127.0.0.1:{(options.HealthPort > 0 ? options.HealthPort : options.GrpcPort)}";
        }

        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            await Console.Error.WriteLineAsync($"{Verb}: --address must be an http:// or https:// URL (is {address}).");
            return 2;
        }

        try
        {
            using var channel = GrpcChannel.ForAddress(uri);
            var reply = await new global::Grpc.Health.V1.Health.HealthClient(channel).CheckAsync(
                new global::Grpc.Health.V1.HealthCheckRequest { Service = service }, deadline: DateTime.UtcNow + Timeout);
            Console.WriteLine($"{Verb}: {uri} service \"{service}\" is {reply.Status}");
            return reply.Status == global::Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving ? 0 : 1;
        }
        catch (RpcException e)
        {
            await Console.Error.WriteLineAsync($"{Verb}: {uri} service \"{service}\": {e.StatusCode} {e.Status.Detail}");
            return 1;
        }
    }
}
