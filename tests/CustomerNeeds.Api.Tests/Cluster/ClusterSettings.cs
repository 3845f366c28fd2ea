using System.Globalization;
using CustomerNeeds.Testing;

namespace CustomerNeeds.Api.Tests.Cluster;

/// <summary>Settings of a server that joins a cluster whose membership is in PostgreSQL (docs/clustering.md).</summary>
internal static class ClusterSettings
{
    /// <summary>A new cluster id, so that tests on one database never meet.</summary>
    public static string NewClusterId() => "t-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..10];

    /// <summary>Clustering=Postgres on loopback, with the silo port given (to find the server's membership row) and extra settings.</summary>
    public static Dictionary<string, string> Member(string clusterId, int siloPort, IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["CustomerNeeds__Cluster__Clustering"] = "Postgres",
            ["CustomerNeeds__Cluster__ClusterId"] = clusterId,
            ["CustomerNeeds__Cluster__ServiceId"] = "cluster-tests",
            ["CustomerNeeds__Cluster__AdvertisedAddress"] = "127.0.0.1",
            ["CustomerNeeds__Cluster__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
            ["CustomerNeeds__Cluster__GatewayPort"] = LoopbackPort.Unused().ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return settings;
    }
}
