using Npgsql;

namespace CustomerNeeds.Storage.Analytics;

/// <summary>
/// Recomputes every customer's RFM quintiles (<c>customer_rfm</c>) from <c>customer_summaries</c>
/// in one statement (docs/rfm.md). Customers with at least one purchase are ranked against each
/// other: a dimension's quintile is 1 + floor(5 × (purchasers with a strictly worse value) /
/// purchasers), so equal values always share a quintile and 5 is the best (the latest last
/// purchase, the most purchases, the highest lifetime spend). Customers without a purchase score
/// 1 in every dimension. The run holds a transaction-scoped PostgreSQL advisory lock, taken
/// without waiting: when another server is already running it, this run does nothing.
/// </summary>
public static class RfmRecomputation
{
    /// <summary>The advisory lock key held while recomputing ("CNRFMJOB" in ASCII).</summary>
    public const long AdvisoryLockKey = 0x434E_5246_4D4A_4F42;

    private const string Recompute = """
        WITH purchasers AS (
            SELECT customer_id,
                   rank() OVER (ORDER BY last_purchase_at) - 1 AS recency_below,
                   rank() OVER (ORDER BY purchase_count) - 1 AS frequency_below,
                   rank() OVER (ORDER BY lifetime_spend) - 1 AS monetary_below,
                   count(*) OVER () AS purchaser_count
            FROM customer_summaries
            WHERE purchase_count > 0 AND last_purchase_at IS NOT NULL AND merged_into IS NULL
        )
        INSERT INTO customer_rfm (customer_id, recency, frequency, monetary, computed_at)
        SELECT s.customer_id,
               COALESCE(1 + 5 * p.recency_below / p.purchaser_count, 1)::smallint,
               COALESCE(1 + 5 * p.frequency_below / p.purchaser_count, 1)::smallint,
               COALESCE(1 + 5 * p.monetary_below / p.purchaser_count, 1)::smallint,
               $1
        FROM customer_summaries s
        LEFT JOIN purchasers p ON p.customer_id = s.customer_id
        WHERE s.merged_into IS NULL
        ON CONFLICT (customer_id) DO UPDATE
        SET recency = excluded.recency,
            frequency = excluded.frequency,
            monetary = excluded.monetary,
            computed_at = excluded.computed_at
        """;

    /// <summary>
    /// Runs the recomputation stamped <paramref name="computedAt"/>, unless another session holds
    /// the lock; returns whether it ran and how many customers it scored.
    /// </summary>
    public static async Task<RfmRun> RunAsync(NpgsqlDataSource dataSource, DateTimeOffset computedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var tryLock = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock($1)", connection, transaction))
        {
            tryLock.Parameters.Add(new NpgsqlParameter<long> { TypedValue = AdvisoryLockKey });
            if (!(bool)(await tryLock.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                return new RfmRun(false, 0);
            }
        }

        int scored;
        await using (var recompute = new NpgsqlCommand(Recompute, connection, transaction))
        {
            recompute.CommandTimeout = 0;
            recompute.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = computedAt.UtcDateTime });
            scored = await recompute.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new RfmRun(true, scored);
    }
}
