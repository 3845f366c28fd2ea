using CustomerNeeds.Server.Hosting;
using CustomerNeeds.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace CustomerNeeds.Server.Health;

/// <summary>
/// Readiness: healthy only while the server is not stopping, the local silo is an active cluster
/// member and storage answers. The gRPC health services <c>""</c> and <c>readiness</c> report
/// SERVING exactly then.
/// </summary>
internal sealed class ServingHealthCheck(
    IClusterMembershipService membership,
    ILocalSiloDetails localSilo,
    IStorageProbe storage,
    ServerDrain drain) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (drain.IsDraining)
        {
            return HealthCheckResult.Unhealthy("The server is stopping.");
        }

        var siloStatus = membership.CurrentSnapshot.GetSiloStatus(localSilo.SiloAddress);
        if (siloStatus != SiloStatus.Active)
        {
            return HealthCheckResult.Unhealthy($"Silo is {siloStatus}.");
        }

        return await storage.IsReachableAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("Storage does not answer.");
    }
}
