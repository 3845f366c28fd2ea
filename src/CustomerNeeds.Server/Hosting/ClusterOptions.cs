namespace CustomerNeeds.Server.Hosting;

/// <summary>Orleans silo settings (section <c>CustomerNeeds:Cluster</c>).</summary>
public sealed class ClusterOptions
{
    /// <summary>Orleans service id: names the stored grain state; keep it stable across deployments.</summary>
    public string ServiceId { get; set; } = "customerneeds";

    /// <summary>Orleans cluster id.</summary>
    public string ClusterId { get; set; } = "local";

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Orleans client gateway port.</summary>
    public int GatewayPort { get; set; } = 30000;
}
