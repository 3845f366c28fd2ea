using CustomerNeeds.Storage.GroupCommit;
using Npgsql;

namespace CustomerNeeds.Storage;

/// <summary>How the service connects to PostgreSQL.</summary>
public sealed class PostgresOptions
{
    /// <summary>The Npgsql connection string.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// The most connections one server opens (event log and grain storage share the pool). Keep
    /// it well below the server's max_connections (100 by default) so that two servers fit.
    /// </summary>
    public int MaxPoolSize { get; set; } = 40;

    /// <summary>How long the health probe waits for PostgreSQL to answer.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long start-up keeps retrying the schema migration while PostgreSQL is unreachable.</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How appends are batched into transactions (docs/group-commit.md).</summary>
    public GroupCommitOptions GroupCommit { get; set; } = new();

    /// <summary>The connection string with the pool limit applied.</summary>
    public string BuildConnectionString()
    {
        if (MaxPoolSize < 1)
        {
            throw new InvalidOperationException($"{nameof(MaxPoolSize)} must be at least 1.");
        }

        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { MaxPoolSize = MaxPoolSize };
        if (builder.MinPoolSize > MaxPoolSize)
        {
            builder.MinPoolSize = MaxPoolSize;
        }

        return builder.ConnectionString;
    }
}
