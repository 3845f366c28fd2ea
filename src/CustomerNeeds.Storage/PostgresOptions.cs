using CustomerNeeds.Storage.GroupCommit;
using Npgsql;

namespace CustomerNeeds.Storage;

/// <summary>How the service connects to PostgreSQL.</summary>
public sealed class PostgresOptions
{
    /// <summary>The Npgsql connection string.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// The most connections one server opens (event log and grain storage share the pool) unless the
    /// connection string sets <c>Maximum Pool Size</c> itself, which then wins. Keep servers × pool
    /// below PostgreSQL's max_connections (100 by default): 40 lets two servers fit.
    /// </summary>
    public int MaxPoolSize { get; set; } = 40;

    /// <summary>How long the health probe waits for PostgreSQL to answer.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long start-up keeps retrying the schema migration while PostgreSQL is unreachable.</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How appends are batched into transactions (docs/group-commit.md).</summary>
    public GroupCommitOptions GroupCommit { get; set; } = new();

    /// <summary>The connection string with the pool limit applied (the connection string's own, else <see cref="MaxPoolSize"/>).</summary>
    public string BuildConnectionString()
    {
        if (MaxPoolSize < 1)
        {
            throw new InvalidOperationException($"{nameof(MaxPoolSize)} must be at least 1.");
        }

        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        if (!SetsPoolSize(ConnectionString))
        {
            builder.MaxPoolSize = MaxPoolSize;
        }

        if (builder.MinPoolSize > builder.MaxPoolSize)
        {
            builder.MinPoolSize = builder.MaxPoolSize;
        }

        return builder.ConnectionString;
    }

    /// <summary>Whether the connection string names the pool size (Npgsql's keywords "Maximum Pool Size" and "MaxPoolSize").</summary>
    private static bool SetsPoolSize(string connectionString)
    {
        var parsed = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return parsed.Keys.Cast<string>().Any(key =>
            key.Replace(" ", "", StringComparison.Ordinal).Equals("MaximumPoolSize", StringComparison.OrdinalIgnoreCase)
            || key.Replace(" ", "", StringComparison.Ordinal).Equals("MaxPoolSize", StringComparison.OrdinalIgnoreCase));
    }
}
