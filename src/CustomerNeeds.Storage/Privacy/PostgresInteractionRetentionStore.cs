using Npgsql;

namespace CustomerNeeds.Storage.Privacy;

/// <summary>Retention in PostgreSQL: the anonymised marker and partial index of migration 0013.</summary>
public sealed class PostgresInteractionRetentionStore(NpgsqlDataSource dataSource) : IInteractionRetentionStore
{
    /// <summary>Rows rewritten per transaction.</summary>
    public const int RowsPerTransaction = 500;

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> FindCustomersAsync(DateTimeOffset cutoff, string? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var command = dataSource.CreateCommand("""
            SELECT DISTINCT customer_id FROM customer_events
            WHERE interaction_id IS NOT NULL AND NOT anonymised AND occurred_at < $1 AND customer_id > $2
            ORDER BY customer_id
            LIMIT $3
            """);
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = cutoff.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = after ?? "" });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <inheritdoc />
    public async Task<int> AnonymiseAsync(string customerId, DateTimeOffset cutoff, Func<string, string> strip, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentNullException.ThrowIfNull(strip);
        var total = 0;
        while (true)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var rows = new List<(long Sequence, string Payload)>();
            await using (var select = new NpgsqlCommand("""
                SELECT sequence, payload::text FROM customer_events
                WHERE customer_id = $1 AND interaction_id IS NOT NULL AND NOT anonymised AND occurred_at < $2
                ORDER BY sequence
                LIMIT $3
                FOR UPDATE
                """, connection, transaction))
            {
                select.Parameters.Add(new NpgsqlParameter<string> { TypedValue = customerId });
                select.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = cutoff.UtcDateTime });
                select.Parameters.Add(new NpgsqlParameter<int> { TypedValue = RowsPerTransaction });
                await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add((reader.GetInt64(0), reader.GetString(1)));
                }
            }

            if (rows.Count == 0)
            {
                return total;
            }

            await using (var update = new NpgsqlCommand("""
                UPDATE customer_events AS e SET payload = u.payload::json, anonymised = true
                FROM unnest($2::bigint[], $3::text[]) AS u(sequence, payload)
                WHERE e.customer_id = $1 AND e.sequence = u.sequence
                """, connection, transaction))
            {
                update.Parameters.Add(new NpgsqlParameter<string> { TypedValue = customerId });
                update.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = rows.Select(r => r.Sequence).ToArray() });
                update.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = rows.Select(r => strip(r.Payload)).ToArray() });
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            total += rows.Count;
            if (rows.Count < RowsPerTransaction)
            {
                return total;
            }
        }
    }
}
