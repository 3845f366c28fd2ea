using Npgsql;

namespace CustomerNeeds.Storage.Analytics;

/// <summary>Reads the RFM quintiles written by <see cref="RfmRecomputation"/>.</summary>
public sealed class RfmScores(NpgsqlDataSource dataSource)
{
    private const string OneCustomer = """
        SELECT s.customer_id, r.recency, r.frequency, r.monetary, r.computed_at,
               s.last_purchase_at, s.purchase_count, s.lifetime_spend
        FROM customer_summaries s
        LEFT JOIN customer_rfm r ON r.customer_id = s.customer_id
        WHERE s.customer_id = $1
        """;

    private const string Cells = """
        SELECT recency, frequency, monetary, count(*), min(computed_at), max(computed_at)
        FROM customer_rfm
        GROUP BY recency, frequency, monetary
        ORDER BY recency DESC, frequency DESC, monetary DESC
        """;

    private const string Population = "SELECT count(*) FROM customer_summaries WHERE merged_into IS NULL";

    /// <summary>The customer's scores and raw values; null when the read model has no such customer.</summary>
    public async Task<RfmScoreRow?> GetAsync(string customerId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(OneCustomer);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = customerId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new RfmScoreRow(
            reader.GetString(0),
            reader.IsDBNull(1) ? null : reader.GetInt16(1),
            reader.IsDBNull(2) ? null : reader.GetInt16(2),
            reader.IsDBNull(3) ? null : reader.GetInt16(3),
            reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
            reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
            reader.GetInt64(6),
            reader.GetDecimal(7));
    }

    /// <summary>The distribution over the quintiles, in one snapshot.</summary>
    public async Task<RfmDistributionRow> DistributionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await SnapshotReads.BeginAsync(connection, cancellationToken).ConfigureAwait(false);
        var cells = new List<RfmCellRow>();
        DateTimeOffset? oldest = null;
        DateTimeOffset? newest = null;
        await using (var command = new NpgsqlCommand(Cells, connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                cells.Add(new RfmCellRow(reader.GetInt16(0), reader.GetInt16(1), reader.GetInt16(2), reader.GetInt64(3)));
                var min = reader.GetFieldValue<DateTimeOffset>(4);
                var max = reader.GetFieldValue<DateTimeOffset>(5);
                oldest = oldest is { } o && o <= min ? o : min;
                newest = newest is { } n && n >= max ? n : max;
            }
        }

        long population;
        await using (var command = new NpgsqlCommand(Population, connection, transaction))
        {
            population = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new RfmDistributionRow(cells, population, oldest, newest);
    }
}
