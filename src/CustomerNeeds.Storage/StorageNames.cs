namespace CustomerNeeds.Storage;

/// <summary>Names shared by production (ADO.NET on PostgreSQL) and tests (memory).</summary>
public static class StorageNames
{
    /// <summary>The Orleans grain storage provider that keeps customer snapshots.</summary>
    public const string GrainStorage = "customers";

    /// <summary>The state name of the customer grain's snapshot.</summary>
    public const string CustomerSnapshotState = "snapshot";

    /// <summary>The ADO.NET invariant name of Npgsql, as Orleans knows it.</summary>
    public const string NpgsqlInvariant = "Npgsql";
}
