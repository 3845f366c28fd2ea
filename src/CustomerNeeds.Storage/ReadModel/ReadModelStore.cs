using CustomerNeeds.Domain.ReadModel;
using Npgsql;

namespace CustomerNeeds.Storage.ReadModel;

/// <summary>
/// What the read-model rebuild needs of PostgreSQL: the customers in the log, their events, and
/// the upsert of their rows with the same statement text the append uses
/// (<see cref="ReadModelUpserts"/>), guarded by last_sequence so that it never replaces a row
/// written by a newer live append.
/// </summary>
public sealed class ReadModelStore(NpgsqlDataSource dataSource)
{
    private const string DeadlockDetected = "40P01";
    private const string SerializationFailure = "40001";
    private const int MaxAttempts = 3;

    private static readonly string UpsertSql =
        "WITH accepted AS (SELECT unnest($1::int[]) AS append_no),\n"
        + ReadModelUpserts.Ctes(2, "accepted")
        + "\nSELECT (SELECT count(*) FROM summary_rows), (SELECT count(*) FROM need_rows), (SELECT count(*) FROM kano_answer_rows)";

    /// <summary>
    /// Up to <paramref name="limit"/> ids of customers in the log after <paramref name="after"/>
    /// (ordinal order; null: from the first).
    /// </summary>
    public async Task<IReadOnlyList<string>> CustomerIdsAsync(string? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        // Every customer's log starts with sequence 1, so the primary key lists each customer once.
        await using var command = dataSource.CreateCommand(
            "SELECT customer_id FROM customer_events WHERE sequence = 1 AND customer_id > $1 ORDER BY customer_id LIMIT $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = after ?? "" });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        var ids = new List<string>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>The whole logs of <paramref name="customerIds"/>, read in one snapshot, each in sequence order.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<StoredEvent>>> ReadLogsAsync(IReadOnlyCollection<string> customerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        await using var command = dataSource.CreateCommand(
            "SELECT customer_id, sequence, event_type, payload, recorded_at, content_hash FROM customer_events "
            + "WHERE customer_id = ANY($1) ORDER BY customer_id, sequence");
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = customerIds.ToArray() });
        var logs = new Dictionary<string, IReadOnlyList<StoredEvent>>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var customerId = reader.GetString(0);
            if (!logs.TryGetValue(customerId, out var log))
            {
                logs[customerId] = log = new List<StoredEvent>();
            }

            ((List<StoredEvent>)log).Add(new StoredEvent(
                reader.GetInt64(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return logs;
    }

    /// <summary>
    /// Upserts the rows of <paramref name="projections"/> (one per customer, or several: the last
    /// one of a customer wins) in one transaction. A row is replaced only by one with a higher
    /// last_sequence; returns how many rows of each table were written. Rows are locked in key order,
    /// table by table, as the append statement locks them; a deadlock with a live batch all the same
    /// is retried (twice).
    /// </summary>
    public async Task<ReadModelRowCounts> UpsertAsync(IReadOnlyList<CustomerProjection> projections, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(projections);
        foreach (var projection in projections)
        {
            CustomerAppendChecks.Validate(projection);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await UpsertOnceAsync(projections, cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState is DeadlockDetected or SerializationFailure && attempt < MaxAttempts)
            {
                // A live batch and this one locked rows in another order: nothing was written; again.
            }
        }
    }

    private async Task<ReadModelRowCounts> UpsertOnceAsync(IReadOnlyList<CustomerProjection> projections, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(UpsertSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = Enumerable.Range(0, projections.Count).ToArray() });
        ReadModelUpserts.AddParameters(command, projections);
        ReadModelRowCounts counts;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            counts = new ReadModelRowCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return counts;
    }
}
