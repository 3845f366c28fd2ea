using System.Data;
using System.Text.Json;
using CustomerNeeds.Search.Customers;
using Npgsql;

namespace CustomerNeeds.Storage.ReadModel;

/// <summary>
/// Searches <c>customer_summaries</c> with a checked filter and ordering, one keyset page at a
/// time (docs/read-model.md, "Paging while customers change"). With a total, the page and the
/// <c>count(*)</c> run in one REPEATABLE READ transaction, so they see the same snapshot.
/// </summary>
public sealed class PostgresCustomerSearch(NpgsqlDataSource dataSource)
{
    private const string Alias = "c";

    private const string Columns =
        "c.customer_id, c.display_name, c.kind, c.value_types, c.relationship_mode, c.industry, c.region, c.tags, c.attributes::text AS attributes, "
        + "c.tier, c.ladder_stage, c.churn_risk_score, c.churn_risk_level, c.csat_mean, c.csat_count, c.nps_score, c.last_nps, "
        + "c.open_complaint_count, c.complaint_count, c.interaction_count, c.purchase_count, c.lifetime_spend, c.referral_count, "
        + "c.last_interaction_at, c.created_at, c.updated_at, c.last_sequence";

    /// <summary>One page of the customers that match the query's filter, in its order.</summary>
    /// <exception cref="FormatException">The query's cursor does not fit its ordering (check with <see cref="CustomerOrderSql.Accepts"/>).</exception>
    public async Task<CustomerSearchPage> ListAsync(CustomerQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1);
        var order = new CustomerOrderSql(query.Ordering);
        var parameters = new SqlParameters();
        var predicate = Unmerged(CustomerFilterSql.Predicate(query.Filter, Alias, parameters));
        var limit = parameters.Add((long)query.PageSize + 1);
        var pageSql = order.Page(Columns, Alias, predicate, query.After, limit, parameters);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (!query.IncludeTotal)
        {
            await using var command = new NpgsqlCommand(pageSql, connection);
            parameters.AddTo(command);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await PageAsync(reader, order, query.PageSize, total: null, cancellationToken).ConfigureAwait(false);
        }

        var count = CountCommand(query.Filter);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection, transaction);
        var countCommand = new NpgsqlBatchCommand(count.Text);
        count.Parameters.AddTo(countCommand);
        var pageCommand = new NpgsqlBatchCommand(pageSql);
        parameters.AddTo(pageCommand);
        batch.BatchCommands.Add(countCommand);
        batch.BatchCommands.Add(pageCommand);
        CustomerSearchPage page;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var total = reader.GetInt64(0);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            page = await PageAsync(reader, order, query.PageSize, total, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return page;
    }

    /// <summary>
    /// Whether the customer matches <paramref name="filter"/> (null: every customer); null when
    /// the customer has no summary row (no such customer).
    /// </summary>
    public async Task<bool?> MatchesAsync(string customerId, CustomerFilter? filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        var parameters = new SqlParameters();
        var predicate = Unmerged(CustomerFilterSql.Predicate(filter, Alias, parameters));
        var id = parameters.Add(customerId);
        await using var command = dataSource.CreateCommand($"SELECT {predicate} FROM customer_summaries {Alias} WHERE {Alias}.customer_id = {id}");
        parameters.AddTo(command);
        var answer = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return answer is bool matches ? matches : null;
    }

    /// <summary>The <c>count(*)</c> of the customers that match <paramref name="filter"/>.</summary>
    public static SqlFragment CountCommand(CustomerFilter? filter)
    {
        var parameters = new SqlParameters();
        var predicate = Unmerged(CustomerFilterSql.Predicate(filter, Alias, parameters));
        return new SqlFragment($"SELECT count(*) FROM customer_summaries {Alias} WHERE {predicate}", parameters);
    }

    /// <summary>A customer merged into another is found as the other one only (docs/merge.md).</summary>
    private static string Unmerged(string predicate) => $"{Alias}.merged_into IS NULL AND ({predicate})";

    private static async Task<CustomerSearchPage> PageAsync(
        NpgsqlDataReader reader, CustomerOrderSql order, int pageSize, long? total, CancellationToken cancellationToken)
    {
        var rows = new List<CustomerSearchRow>(Math.Min(pageSize, 1024));
        CustomerCursor? next = null;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (rows.Count == pageSize)
            {
                next = order.CursorOf(rows[^1]);
                break;
            }

            rows.Add(Read(reader));
        }

        return new CustomerSearchPage(rows, next, total);
    }

    private static CustomerSearchRow Read(NpgsqlDataReader r) => new()
    {
        CustomerId = r.GetString(0),
        DisplayName = r.GetString(1),
        Kind = r.GetInt16(2),
        ValueTypes = r.GetFieldValue<short[]>(3),
        RelationshipMode = r.GetInt16(4),
        Industry = r.IsDBNull(5) ? null : r.GetString(5),
        Region = r.IsDBNull(6) ? null : r.GetString(6),
        Tags = r.GetFieldValue<string[]>(7),
        Attributes = JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(8)) ?? [],
        Tier = r.IsDBNull(9) ? null : r.GetString(9),
        LadderStage = r.GetInt16(10),
        ChurnRiskScore = r.GetDouble(11),
        ChurnRiskLevel = r.GetInt16(12),
        CsatMean = r.IsDBNull(13) ? null : r.GetDouble(13),
        CsatCount = r.GetInt64(14),
        NpsScore = r.IsDBNull(15) ? null : r.GetDouble(15),
        LastNps = r.IsDBNull(16) ? null : r.GetInt16(16),
        OpenComplaintCount = r.GetInt32(17),
        ComplaintCount = r.GetInt64(18),
        InteractionCount = r.GetInt64(19),
        PurchaseCount = r.GetInt64(20),
        LifetimeSpend = r.GetDecimal(21),
        ReferralCount = r.GetInt64(22),
        LastInteractionAt = r.IsDBNull(23) ? null : r.GetFieldValue<DateTime>(23),
        CreatedAt = r.GetFieldValue<DateTime>(24),
        UpdatedAt = r.GetFieldValue<DateTime>(25),
        LastSequence = r.GetInt64(26),
    };
}
