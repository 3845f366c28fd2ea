using CustomerNeeds.Domain.Privacy;
using Npgsql;

namespace CustomerNeeds.Storage.Privacy;

/// <summary>Erasure in PostgreSQL: one transaction over every table that holds a customer id (migration 0013).</summary>
public sealed class PostgresCustomerErasureStore(NpgsqlDataSource dataSource) : ICustomerErasureStore
{
    /// <summary>
    /// Every table keyed by a customer id, and how its rows of the erased customers are found.
    /// $1 is the customer ids, $2 the reminder grain ids. A table added later that holds customer ids
    /// must be added here (ErasureTests scan every table for the erased ids).
    /// </summary>
    private static readonly string[] Deletes =
    [
        "DELETE FROM customer_events WHERE customer_id = ANY($1)",
        "DELETE FROM customer_complaints WHERE customer_id = ANY($1)",
        "DELETE FROM customer_summary_needs WHERE customer_id = ANY($1)",
        "DELETE FROM customer_summaries WHERE customer_id = ANY($1)",
        // The trigger of customer_summaries keeps the keys on insert and update only.
        "DELETE FROM customer_identity_keys WHERE customer_id = ANY($1)",
        "DELETE FROM customer_rfm WHERE customer_id = ANY($1)",
        "DELETE FROM kano_answers WHERE customer_id = ANY($1)",
        // A string-keyed grain: both numbers 0, the key in the extension (migration 0001).
        "DELETE FROM orleans_grain_state WHERE grain_id_n0 = 0 AND grain_id_n1 = 0 AND grain_id_extension = ANY($1)",
        "DELETE FROM orleans_reminders WHERE grain_id = ANY($2)",
    ];

    /// <inheritdoc />
    public async Task<CustomerTombstone> EraseAsync(CustomerErasure erasure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(erasure);
        ArgumentOutOfRangeException.ThrowIfZero(erasure.CustomerIds.Count);
        var ids = erasure.CustomerIds.ToArray();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            foreach (var sql in Deletes)
            {
                var command = new NpgsqlBatchCommand(sql);
                command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = ids });
                if (sql.Contains("$2", StringComparison.Ordinal))
                {
                    command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = erasure.ReminderGrainIds.ToArray() });
                }

                batch.BatchCommands.Add(command);
            }

            var tombstones = new NpgsqlBatchCommand("""
                INSERT INTO customer_tombstones (customer_hash, erased_at, erased_by, erased_count)
                SELECT h, $2, $3, cardinality($1::text[]) FROM unnest($1::text[]) AS h
                ON CONFLICT (customer_hash) DO NOTHING
                """);
            tombstones.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = ids.Select(CustomerHash.Of).ToArray() });
            tombstones.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = StoredTime.Normalize(erasure.ErasedAt).UtcDateTime });
            tombstones.Parameters.Add(new NpgsqlParameter<string> { TypedValue = erasure.ErasedBy });
            batch.BatchCommands.Add(tombstones);
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var stored = await FindAsync(connection, transaction, CustomerHash.Of(ids[0]), cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The tombstone just written is missing.");
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        return stored;
    }

    /// <inheritdoc />
    public async Task<CustomerTombstone?> FindTombstoneAsync(string customerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await FindAsync(connection, null, CustomerHash.Of(customerId), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<CustomerTombstone?> FindAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string hash, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT erased_at, erased_by, erased_count FROM customer_tombstones WHERE customer_hash = $1", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = hash });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new CustomerTombstone(hash, new DateTimeOffset(reader.GetDateTime(0), TimeSpan.Zero), reader.GetString(1), reader.GetInt32(2))
            : null;
    }
}
