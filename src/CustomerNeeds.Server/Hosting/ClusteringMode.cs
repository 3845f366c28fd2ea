namespace CustomerNeeds.Server.Hosting;

/// <summary>How the servers of one deployment find each other (docs/clustering.md).</summary>
public enum ClusteringMode
{
    /// <summary>One server; membership in the process (Orleans development clustering) on 127.0.0.1.</summary>
    Localhost,

    /// <summary>Membership in the service's PostgreSQL (migration 0015); any number of servers.</summary>
    Postgres,

    /// <summary>Membership in PostgreSQL plus Orleans Kubernetes hosting (pod IP, pod name, dead pods deleted).</summary>
    Kubernetes,
}
