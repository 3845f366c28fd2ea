using CustomerNeeds.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace CustomerNeeds.Server.Health;

/// <summary>
/// Healthy only while the local silo is an active cluster member and storage answers:
/// the gRPC health service reports SERVING exactly then.
/// </summary>
internal sealed class ServingHealthCheck(
    IClusterMembershipService membership,
    ILocalSiloDetails localSilo,
    IStorageProbe storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
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
