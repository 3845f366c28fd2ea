using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace CustomerNeeds.Server.Health;

/// <summary>
/// Liveness: healthy while the process runs a silo the cluster has not declared dead, also while
/// PostgreSQL is down (a restart would not bring it back) and while the server drains. The gRPC
/// health service <c>liveness</c> reports it.
/// </summary>
internal sealed class LiveHealthCheck(IClusterMembershipService membership, ILocalSiloDetails localSilo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var siloStatus = membership.CurrentSnapshot.GetSiloStatus(localSilo.SiloAddress);
        return Task.FromResult(siloStatus == SiloStatus.Dead
            ? HealthCheckResult.Unhealthy("The cluster declared this silo dead.")
            : HealthCheckResult.Healthy());
    }
}
