using Npgsql;

namespace CustomerNeeds.Storage.Analytics;

/// <summary>
/// The revenue core (the 80/20 rule): the smallest set of customers, by lifetime spend descending
/// and ties by customer id, whose spend reaches a share of the population's total lifetime
/// revenue. A customer is in the core when the spend of everyone ranked before it is still below
/// share × total. Computed at query time from <c>customer_summaries</c>, walking the index
/// <c>customer_summaries_lifetime_spend</c> (migration 0007) only as far as the core reaches.
/// </summary>
public sealed class CoreCustomers(NpgsqlDataSource dataSource)
{
    private const string Ranked = """
        SELECT customer_id, display_name, lifetime_spend,
               row_number() OVER w AS rank,
               sum(lifetime_spend) OVER w AS cumulative
        FROM customer_summaries
        WHERE merged_into IS NULL
        WINDOW w AS (ORDER BY lifetime_spend DESC, customer_id ROWS UNBOUNDED PRECEDING)
        """;

    private const string Totals = "SELECT count(*), COALESCE(sum(lifetime_spend), 0) FROM customer_summaries WHERE merged_into IS NULL";

    // The first rank whose cumulative spend reaches the target is the core's last customer.
    private const string Cut = $"SELECT rank, cumulative FROM ({Ranked}) r WHERE cumulative >= $1 ORDER BY rank LIMIT 1";

    private const string Page = $"SELECT customer_id, display_name, rank, lifetime_spend, cumulative FROM ({Ranked}) r WHERE rank > $1 ORDER BY rank LIMIT $2";

    /// <summary>
    /// Up to <paramref name="limit"/> core customers ranked after <paramref name="afterRank"/> (0
    /// for the first page) for the core reaching <paramref name="share"/> (in (0, 1]) of revenue.
    /// </summary>
    public async Task<CoreCustomerPage> ListAsync(decimal share, long afterRank, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(share);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(share, 1m);
        ArgumentOutOfRangeException.ThrowIfNegative(afterRank);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await SnapshotReads.BeginAsync(connection, cancellationToken).ConfigureAwait(false);

        long population;
        decimal revenue;
        await using (var command = new NpgsqlCommand(Totals, connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            population = reader.GetInt64(0);
            revenue = reader.GetDecimal(1);
        }

        long coreCount = 0;
        decimal coreRevenue = 0;
        if (revenue > 0)
        {
            await using var command = new NpgsqlCommand(Cut, connection, transaction);
            command.Parameters.Add(new NpgsqlParameter<decimal> { TypedValue = share * revenue });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                coreCount = reader.GetInt64(0);
                coreRevenue = reader.GetDecimal(1);
            }
        }

        var customers = new List<CoreCustomerRow>();
        var take = Math.Min(limit, coreCount - afterRank);
        if (take > 0)
        {
            await using var command = new NpgsqlCommand(Page, connection, transaction);
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterRank });
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = take });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                customers.Add(new CoreCustomerRow(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetDecimal(3), reader.GetDecimal(4)));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new CoreCustomerPage(customers, population, revenue, coreCount, coreRevenue);
    }
}
