using CustomerNeeds.Server.Hosting;
using CustomerNeeds.Server.Security;
using Grpc.Core;

namespace CustomerNeeds.Server.Health;

/// <summary>
/// The cleartext health listener (<see cref="ServerOptions.HealthPort"/>) answers grpc.health.v1.Health
/// only: any other call that arrives on that port is refused UNIMPLEMENTED before authentication.
/// </summary>
internal static class HealthPortGate
{
    private const string HealthPath = "/grpc.health.v1.Health";

    public static IApplicationBuilder UseHealthPortGate(this IApplicationBuilder app, int healthPort) =>
        healthPort <= 0
            ? app
            : app.Use(async (context, next) =>
            {
                if (context.Connection.LocalPort == healthPort && !context.Request.Path.StartsWithSegments(HealthPath, StringComparison.Ordinal))
                {
                    await GrpcRefusal.WriteAsync(context, StatusCode.Unimplemented,
                        $"Port {healthPort} answers grpc.health.v1.Health only; call the service on its gRPC port.");
                    return;
                }

                await next();
            });
}
