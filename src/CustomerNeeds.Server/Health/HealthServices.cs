namespace CustomerNeeds.Server.Health;

/// <summary>The service names of grpc.health.v1.Health this server answers (docs/clustering.md).</summary>
public static class HealthServices
{
    /// <summary>The whole server: the same as <see cref="Readiness"/>.</summary>
    public const string Server = "";

    /// <summary>Send calls here: not stopping, an active cluster member, PostgreSQL answers.</summary>
    public const string Readiness = "readiness";

    /// <summary>The process works: stays SERVING while PostgreSQL is down and while draining.</summary>
    public const string Liveness = "liveness";

    /// <summary>The tag of the readiness check.</summary>
    public const string ReadyTag = "ready";

    /// <summary>The tag of the liveness check.</summary>
    public const string LiveTag = "live";
}
