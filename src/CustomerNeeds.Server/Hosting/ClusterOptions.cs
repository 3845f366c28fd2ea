namespace CustomerNeeds.Server.Hosting;

/// <summary>Orleans silo settings (section <c>CustomerNeeds:Cluster</c>; docs/clustering.md).</summary>
public sealed class ClusterOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = $"{ServerOptions.Section}:Cluster";

    /// <summary>How the servers find each other: one server on loopback, membership in PostgreSQL, or PostgreSQL plus Kubernetes hosting.</summary>
    public ClusteringMode Clustering { get; set; } = ClusteringMode.Localhost;

    /// <summary>Orleans service id: names the stored grain state; keep it stable across deployments.</summary>
    public string ServiceId { get; set; } = "customerneeds";

    /// <summary>Orleans cluster id: one deployment of the service; servers with different ids never see each other.</summary>
    public string ClusterId { get; set; } = "local";

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Orleans client gateway port.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The address other silos reach this one at (an IP address or a host name resolved at start).
    /// Empty: 127.0.0.1 with <see cref="ClusteringMode.Localhost"/>, the pod IP with
    /// <see cref="ClusteringMode.Kubernetes"/>, otherwise the host's first non-loopback IPv4 address.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>Whether the silo and gateway ports listen on every address; empty: when the advertised address is not loopback.</summary>
    public bool? ListenOnAnyAddress { get; set; }
}
