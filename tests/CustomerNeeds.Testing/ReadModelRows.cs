using Npgsql;

namespace CustomerNeeds.Testing;

/// <summary>
/// Read-model rows written with plain SQL, for hand-computed datasets: summaries, interaction
/// events with their fact columns, complaint rows and KANO answers.
/// </summary>
public static class ReadModelRows
{
    private static readonly DateTimeOffset Created = new(2029, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Empties every table the analytics read, so a test sees only its own rows.</summary>
    public static async Task ClearAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand(
            "TRUNCATE customer_summaries, customer_rfm, customer_events, customer_complaints, kano_answers, kano_staff_beliefs, kano_features");
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A summary row with the given RFM inputs; every other column has a neutral value.</summary>
    public static async Task SummaryAsync(
        NpgsqlDataSource dataSource,
        string customerId,
        long purchaseCount = 0,
        decimal lifetimeSpend = 0,
        DateTimeOffset? lastPurchaseAt = null,
        string? displayName = null,
        string? region = null,
        string? mergedInto = null)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO customer_summaries (
                customer_id, display_name, region, kind, value_types, relationship_mode, tags, attributes, ladder_stage,
                churn_risk_score, churn_risk_level, csat_count, open_complaint_count, complaint_count, interaction_count,
                purchase_count, lifetime_spend, first_purchase_at, last_purchase_at, referral_count,
                created_at, updated_at, evaluated_at, last_sequence, merged_into)
            VALUES ($1, $2, $7, 3, '{}', 1, '{}', '{}', 1, 0, 1, 0, 0, 0, 0, $3, $4, $5, $5, 0, $6, $6, $6, 1, $8)
            """);
        command.Parameters.AddWithValue(customerId);
        command.Parameters.AddWithValue(displayName ?? "Customer " + customerId);
        command.Parameters.AddWithValue(purchaseCount);
        command.Parameters.AddWithValue(lifetimeSpend);
        command.Parameters.Add(Nullable(lastPurchaseAt));
        command.Parameters.AddWithValue(Created);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)region ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)mergedInto ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>An interaction event (sequence = next of the customer) with its fact columns.</summary>
    public static async Task InteractionAsync(
        NpgsqlDataSource dataSource,
        string customerId,
        DateTimeOffset occurredAt,
        string channel,
        string kind,
        short direction = 1,
        short? csat = null,
        short? nps = null,
        string? relatedComplaintId = null)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO customer_events (
                customer_id, sequence, event_type, payload, recorded_at, interaction_id, occurred_at, channel, kind, content_hash,
                direction, csat, nps, related_complaint_id)
            SELECT $1, COALESCE(max(sequence), 0) + 1, 'InteractionRecorded', '{}', $2, 'i' || (COALESCE(max(sequence), 0) + 1), $2, $3, $4, 'h',
                   $5, $6, $7, $8
            FROM customer_events WHERE customer_id = $1
            """);
        command.Parameters.AddWithValue(customerId);
        command.Parameters.AddWithValue(occurredAt);
        command.Parameters.AddWithValue(channel);
        command.Parameters.AddWithValue(kind);
        command.Parameters.AddWithValue(direction);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)csat ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Smallint });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)nps ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Smallint });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)relatedComplaintId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A complaint row with its KPI columns; times are offsets from <paramref name="openedAt"/>.</summary>
    public static async Task ComplaintAsync(
        NpgsqlDataSource dataSource,
        string customerId,
        string complaintId,
        DateTimeOffset openedAt,
        string? channel,
        TimeSpan? firstResponseAfter = null,
        TimeSpan? resolvedAfter = null,
        int reopenCount = 0,
        string status = "Recorded")
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO customer_complaints (
                customer_id, complaint_id, status, opened_at, updated_at, payload, last_sequence,
                severity, channel, first_response_at, resolved_at, reopen_count)
            VALUES ($1, $2, $8, $3, $3, '{}', 1, 2, $4, $5, $6, $7)
            """);
        command.Parameters.AddWithValue(customerId);
        command.Parameters.AddWithValue(complaintId);
        command.Parameters.AddWithValue(openedAt);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)channel ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(Nullable(openedAt + firstResponseAfter));
        command.Parameters.Add(Nullable(openedAt + resolvedAfter));
        command.Parameters.AddWithValue(reopenCount);
        command.Parameters.AddWithValue(status);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A customer's latest answer pair for a feature (answer_class is not read by the analysis; 0 here).</summary>
    public static async Task KanoAnswerAsync(NpgsqlDataSource dataSource, string customerId, string featureId, short functional, short dysfunctional)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO kano_answers (customer_id, feature_id, functional, dysfunctional, answer_class, interaction_id, answered_at, last_sequence)
            VALUES ($1, $2, $3, $4, 0, 'survey', $5, 1)
            """);
        command.Parameters.AddWithValue(customerId);
        command.Parameters.AddWithValue(featureId);
        command.Parameters.AddWithValue(functional);
        command.Parameters.AddWithValue(dysfunctional);
        command.Parameters.AddWithValue(Created);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A customer's RFM quintiles as the RFM job would have written them.</summary>
    public static async Task RfmAsync(NpgsqlDataSource dataSource, string customerId, short recency, short frequency, short monetary, DateTimeOffset computedAt)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO customer_rfm (customer_id, recency, frequency, monetary, computed_at) VALUES ($1, $2, $3, $4, $5)");
        command.Parameters.AddWithValue(customerId);
        command.Parameters.AddWithValue(recency);
        command.Parameters.AddWithValue(frequency);
        command.Parameters.AddWithValue(monetary);
        command.Parameters.AddWithValue(computedAt);
        await command.ExecuteNonQueryAsync();
    }

    private static NpgsqlParameter Nullable(DateTimeOffset? value) =>
        new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz };
}
