using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace CustomerNeeds.Storage.ComplaintSla;

/// <summary>
/// Reads SLA outcomes across customers from <c>customer_complaints</c> (columns and partial
/// indices of migration 0009), one keyset page at a time (docs/complaint-slas.md).
/// </summary>
public sealed class PostgresComplaintSlaReader(NpgsqlDataSource dataSource)
{
    private const string Breaches = """
        SELECT customer_id, complaint_id, target, detected_at, payload::text FROM (
            SELECT customer_id, complaint_id, 1::smallint AS target, response_breached_at AS detected_at, severity, payload
            FROM customer_complaints WHERE response_breached_at IS NOT NULL AND status <> 'Merged'
            UNION ALL
            SELECT customer_id, complaint_id, 2::smallint, resolution_breached_at, severity, payload
            FROM customer_complaints WHERE resolution_breached_at IS NOT NULL AND status <> 'Merged'
        ) b
        WHERE true
        """;

    private const string FollowUps = """
        SELECT customer_id, complaint_id, follow_up_due_at, payload::text
        FROM customer_complaints
        WHERE follow_up_fell_due_at IS NOT NULL AND status = 'Resolved'
        """;

    /// <summary>One page of breaches, oldest detection first (ties: customer, complaint, target).</summary>
    public async Task<ComplaintBreachPage> ListBreachesAsync(ComplaintBreachQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1);
        await using var command = dataSource.CreateCommand();
        var sql = new StringBuilder(Breaches);
        if (query.Target is { } target)
        {
            sql.Append($" AND target = {Add(command, target)}");
        }

        AddSeverities(command, sql, query.Severities);
        if (query.DetectedFrom is { } from)
        {
            sql.Append($" AND detected_at >= {Add(command, StoredTime.Normalize(from))}");
        }

        if (query.DetectedBefore is { } before)
        {
            sql.Append($" AND detected_at < {Add(command, StoredTime.Normalize(before))}");
        }

        if (query.After is { } after)
        {
            sql.Append($" AND (detected_at, customer_id, complaint_id, target) > ({Add(command, after.DetectedAt)}, {Add(command, after.CustomerId)}, {Add(command, after.ComplaintId)}, {Add(command, after.Target)})");
        }

        sql.Append($" ORDER BY detected_at, customer_id, complaint_id, target LIMIT {Add(command, (long)query.PageSize + 1)}");
        command.CommandText = sql.ToString();

        var (rows, more) = await ReadPageAsync(command, query.PageSize, reader => new ComplaintBreachRow(
            reader.GetString(0), reader.GetString(1), reader.GetInt16(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4)), cancellationToken).ConfigureAwait(false);
        var last = more ? rows[^1] : null;
        return new ComplaintBreachPage(rows, last is null ? null : new ComplaintBreachCursor(last.DetectedAt, last.CustomerId, last.ComplaintId, last.Target));
    }

    /// <summary>One page of due follow-ups, oldest due time first (ties: customer, complaint).</summary>
    public async Task<DueFollowUpPage> ListDueFollowUpsAsync(DueFollowUpQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1);
        await using var command = dataSource.CreateCommand();
        var sql = new StringBuilder(FollowUps);
        AddSeverities(command, sql, query.Severities);
        if (query.After is { } after)
        {
            sql.Append($" AND (follow_up_due_at, customer_id, complaint_id) > ({Add(command, after.DueAt)}, {Add(command, after.CustomerId)}, {Add(command, after.ComplaintId)})");
        }

        sql.Append($" ORDER BY follow_up_due_at, customer_id, complaint_id LIMIT {Add(command, (long)query.PageSize + 1)}");
        command.CommandText = sql.ToString();

        var (rows, more) = await ReadPageAsync(command, query.PageSize, reader => new DueFollowUpRow(
            reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3)), cancellationToken).ConfigureAwait(false);
        var last = more ? rows[^1] : null;
        return new DueFollowUpPage(rows, last is null ? null : new DueFollowUpCursor(last.DueAt, last.CustomerId, last.ComplaintId));
    }

    /// <summary>At most <paramref name="pageSize"/> rows of a query that asks for one more, and whether there was one more.</summary>
    private static async Task<(List<TRow> Rows, bool More)> ReadPageAsync<TRow>(
        NpgsqlCommand command, int pageSize, Func<NpgsqlDataReader, TRow> read, CancellationToken cancellationToken)
    {
        var rows = new List<TRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (rows.Count == pageSize)
            {
                return (rows, true);
            }

            rows.Add(read(reader));
        }

        return (rows, false);
    }

    private static void AddSeverities(NpgsqlCommand command, StringBuilder sql, short[]? severities)
    {
        if (severities is { Length: > 0 })
        {
            command.Parameters.Add(new NpgsqlParameter<short[]> { TypedValue = severities, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Smallint });
            sql.Append($" AND severity = ANY(${command.Parameters.Count})");
        }
    }

    private static string Add<T>(NpgsqlCommand command, T value)
    {
        command.Parameters.Add(new NpgsqlParameter<T> { TypedValue = value });
        return "$" + command.Parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
