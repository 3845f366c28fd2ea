using Npgsql;
using NpgsqlTypes;

namespace CustomerNeeds.Storage.Loyalty;

/// <summary>
/// The read-model side of the loyalty sweep (docs/loyalty-sweep.md): the customers whose
/// next_review_at has passed, read through the partial index customer_summaries_next_review in
/// keyset pages, and the deferral of a row whose review changed nothing.
/// </summary>
public static class DueReviews
{
    private const string Page = """
        SELECT customer_id, next_review_at, last_sequence
        FROM customer_summaries
        WHERE next_review_at IS NOT NULL
          AND next_review_at <= $1
          AND (next_review_at, customer_id) > ($2, $3)
        ORDER BY next_review_at, customer_id
        LIMIT $4
        """;

    private const string Defer = """
        UPDATE customer_summaries
        SET next_review_at = $3
        WHERE customer_id = $1 AND last_sequence = $2
        """;

    /// <summary>
    /// Up to <paramref name="limit"/> customers due at <paramref name="now"/>, oldest due first,
    /// after <paramref name="after"/> in (next_review_at, customer_id) order (null: from the start).
    /// </summary>
    public static async Task<IReadOnlyList<DueReview>> ReadAsync(
        NpgsqlDataSource dataSource, DateTimeOffset now, DueReview? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var command = dataSource.CreateCommand(Page);
        command.Parameters.Add(Time(now));
        command.Parameters.Add(after is null
            ? new NpgsqlParameter<DateTime> { TypedValue = DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc), NpgsqlDbType = NpgsqlDbType.TimestampTz }
            : Time(after.NextReviewAt));
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = after?.CustomerId ?? "" });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        var due = new List<DueReview>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            due.Add(new DueReview(
                reader.GetString(0),
                new DateTimeOffset(reader.GetFieldValue<DateTime>(1), TimeSpan.Zero),
                reader.GetInt64(2)));
        }

        return due;
    }

    /// <summary>
    /// Sets the row's next_review_at to <paramref name="next"/> if the row still reflects
    /// <paramref name="lastSequence"/> (no write came in between); returns whether it did.
    /// </summary>
    public static async Task<bool> DeferAsync(
        NpgsqlDataSource dataSource, string customerId, long lastSequence, DateTimeOffset? next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var command = dataSource.CreateCommand(Defer);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = customerId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = lastSequence });
        command.Parameters.Add(next is { } at
            ? Time(at)
            : new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static NpgsqlParameter<DateTime> Time(DateTimeOffset at) =>
        new() { TypedValue = at.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz };
}
