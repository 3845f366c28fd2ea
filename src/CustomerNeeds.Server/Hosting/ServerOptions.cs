namespace CustomerNeeds.Server.Hosting;

/// <summary>The server's settings: section <c>CustomerNeeds</c> of appsettings or <c>CustomerNeeds__*</c> environment variables.</summary>
public sealed class ServerOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "CustomerNeeds";

    /// <summary>Address the gRPC endpoint listens on (HTTP/2; cleartext on a loopback address only unless <see cref="TlsOptions.AllowCleartext"/>, see <see cref="TlsOptions"/>).</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>Port of the gRPC endpoint.</summary>
    public int GrpcPort { get; set; } = 5080;

    /// <summary>
    /// Port of a second, cleartext HTTP/2 listener on every address that answers grpc.health.v1.Health
    /// only (for Kubernetes gRPC probes, which cannot speak TLS). 0: none.
    /// </summary>
    public int HealthPort { get; set; }

    /// <summary>Where state lives: <c>Postgres</c> (default, durable) or <c>InMemory</c> (only when asked for).</summary>
    public StorageMode Storage { get; set; } = StorageMode.Postgres;

    /// <summary>Write a grain snapshot every this many events (the log tail replayed on activation is at most this long).</summary>
    public int SnapshotInterval { get; set; } = 64;

    /// <summary>Orleans cluster settings.</summary>
    public ClusterOptions Cluster { get; set; } = new();
}
