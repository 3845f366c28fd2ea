using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace CustomerNeeds.Storage.Auditing;

/// <summary>Appends to and reads <c>audit_events</c> (migration 0014, docs/audit-log.md).</summary>
public sealed class PostgresAuditLog(NpgsqlDataSource dataSource)
{
    private const string Copy =
        "COPY audit_events (time, caller, roles, method, resource, customer_hash, outcome, detail) FROM STDIN (FORMAT BINARY)";

    private const string Select =
        "SELECT sequence, time, caller, roles, method, resource, customer_hash, outcome, detail FROM audit_events WHERE true";

    /// <summary>Writes <paramref name="records"/> with one binary COPY: all of them or, on failure, none.</summary>
    public async Task AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var importer = await connection.BeginBinaryImportAsync(Copy, cancellationToken).ConfigureAwait(false);
        foreach (var record in records)
        {
            await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(StoredTime.Normalize(record.Time), NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(record.Caller, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(record.Roles as string[] ?? record.Roles.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(record.Method, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(record.Resource, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(record.CustomerHash, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(record.Outcome, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(record.Detail, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        }

        await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One page of rows, highest sequence first.</summary>
    public async Task<AuditPage> ListAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1);
        await using var command = dataSource.CreateCommand();
        var sql = new StringBuilder(Select);
        Filter(command, sql, "caller", query.Caller);
        Filter(command, sql, "method", query.Method);
        Filter(command, sql, "customer_hash", query.CustomerHash);
        Filter(command, sql, "outcome", query.Outcome);
        if (query.From is { } from)
        {
            sql.Append($" AND time >= {Add(command, StoredTime.Normalize(from))}");
        }

        if (query.Before is { } before)
        {
            sql.Append($" AND time < {Add(command, StoredTime.Normalize(before))}");
        }

        if (query.BeforeSequence is { } below)
        {
            sql.Append($" AND sequence < {Add(command, below)}");
        }

        sql.Append($" ORDER BY sequence DESC LIMIT {Add(command, (long)query.PageSize + 1)}");
        command.CommandText = sql.ToString();

        var rows = new List<StoredAuditRecord>();
        var more = false;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (rows.Count == query.PageSize)
            {
                more = true;
                break;
            }

            rows.Add(new StoredAuditRecord(reader.GetInt64(0), new AuditRecord(
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.GetString(2),
                reader.GetFieldValue<string[]>(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6),
                reader.GetString(7),
                reader.GetString(8))));
        }

        return new AuditPage(rows, more ? rows[^1].Sequence : null);
    }

    private static void Filter(NpgsqlCommand command, StringBuilder sql, string column, string? value)
    {
        if (value is not null)
        {
            sql.Append($" AND {column} = {Add(command, value)}");
        }
    }

    private static string Add<T>(NpgsqlCommand command, T value)
    {
        command.Parameters.Add(new NpgsqlParameter<T> { TypedValue = value });
        return "$" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture);
    }
}
