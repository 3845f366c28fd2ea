using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CustomerNeeds.Storage;

/// <summary>
/// Brings a database to the current schema: applies the embedded migrations that
/// <c>schema_migrations</c> does not list yet, in version order, each in its own transaction.
/// Every transaction first takes one PostgreSQL advisory lock, so servers starting at once apply
/// each migration exactly once and the others wait, then see it applied. A run with nothing
/// missing changes nothing. A migration edited after it was applied stops the run.
/// </summary>
/// <remarks>
/// Servers run it at start-up, before grain storage initialises (see
/// <see cref="StorageServiceCollectionExtensions.AddCustomerNeedsPostgres"/>).
/// </remarks>
public static class SchemaMigrator
{
    /// <summary>The advisory lock key held while migrating ("CNSCHEMA" in ASCII).</summary>
    public const long AdvisoryLockKey = 0x434E_5343_4845_4D41;

    private const string Bootstrap = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    integer     NOT NULL PRIMARY KEY,
            name       text        NOT NULL,
            checksum   text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """;

    private static readonly Lazy<IReadOnlyList<SchemaMigration>> Embedded = new(LoadEmbedded);

    /// <summary>All migrations of this build, in version order.</summary>
    public static IReadOnlyList<SchemaMigration> Migrations => Embedded.Value;

    /// <summary>Applies the missing migrations; returns how many this call applied.</summary>
    public static async Task<int> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        logger ??= NullLogger.Instance;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        Dictionary<int, string> applied;
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            await LockAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            await using (var create = new NpgsqlCommand(Bootstrap, connection, transaction))
            {
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            applied = await ReadAppliedAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        var count = 0;
        foreach (var migration in Migrations)
        {
            if (applied.TryGetValue(migration.Version, out var checksum))
            {
                EnsureUnchanged(migration, checksum);
                continue;
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await LockAsync(connection, transaction, cancellationToken).ConfigureAwait(false);

            // Another server may have applied it while this one waited for the lock.
            var current = await ReadAppliedAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            if (current.TryGetValue(migration.Version, out checksum))
            {
                EnsureUnchanged(migration, checksum);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            await using (var script = new NpgsqlCommand(migration.Sql, connection, transaction))
            {
                await script.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var record = new NpgsqlCommand(
                "INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)", connection, transaction))
            {
                record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Version });
                record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Name });
                record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Checksum });
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            count++;
            logger.LogInformation("Applied schema migration {Version} {Name}", migration.Version, migration.Name);
        }

        return count;
    }

    private static async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = AdvisoryLockKey });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Dictionary<int, string>> ReadAppliedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, string>();
        await using var command = new NpgsqlCommand("SELECT version, checksum FROM schema_migrations", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            applied[reader.GetInt32(0)] = reader.GetString(1);
        }

        return applied;
    }

    private static void EnsureUnchanged(SchemaMigration migration, string appliedChecksum)
    {
        if (!string.Equals(migration.Checksum, appliedChecksum, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"Schema migration {migration.Version} ({migration.Name}) differs from the one applied to this database. " +
                "Applied migrations must not change: add a new migration instead.");
        }
    }

    private static IReadOnlyList<SchemaMigration> LoadEmbedded()
    {
        const string Prefix = "Migrations/";
        var assembly = typeof(SchemaMigrator).Assembly;
        var migrations = new List<SchemaMigration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(Prefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var fileName = resource[Prefix.Length..^".sql".Length];
            var separator = fileName.IndexOf('_', StringComparison.Ordinal);
            if (separator <= 0 || !int.TryParse(fileName[..separator], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"Migration resource '{resource}' is not named NNNN_name.sql.");
            }

            var sql = ReadResource(assembly, resource).Replace("\r\n", "\n", StringComparison.Ordinal);
            var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
            migrations.Add(new SchemaMigration(version, fileName[(separator + 1)..], sql, checksum));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < migrations.Count; i++)
        {
            if (migrations[i].Version == migrations[i - 1].Version)
            {
                throw new InvalidOperationException($"Two migrations have version {migrations[i].Version}.");
            }
        }

        return migrations;
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Migration resource '{name}' is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
