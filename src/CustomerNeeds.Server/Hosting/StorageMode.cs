namespace CustomerNeeds.Server.Hosting;

/// <summary>Where the server keeps customer state.</summary>
public enum StorageMode
{
    /// <summary>PostgreSQL: the event log and snapshots; durable.</summary>
    Postgres = 0,

    /// <summary>Process memory; everything is lost on exit. Only behind the explicit --in-memory flag.</summary>
    InMemory = 1,
}
