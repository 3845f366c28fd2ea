namespace CustomerNeeds.Storage;

/// <summary>One versioned schema change, embedded as <c>Migrations/NNNN_name.sql</c>.</summary>
/// <param name="Version">The number before the first underscore of the file name.</param>
/// <param name="Name">The rest of the file name, without ".sql".</param>
/// <param name="Sql">The script, run in one transaction.</param>
/// <param name="Checksum">SHA-256 of the script (line endings normalised), kept to detect edits of applied migrations.</param>
public sealed record SchemaMigration(int Version, string Name, string Sql, string Checksum);
