using System.Text;
using Npgsql;

namespace CustomerNeeds.Storage;

/// <summary>
/// The event log in PostgreSQL (tables customer_events and customer_complaints). An append is one
/// transaction running <see cref="AppendStatement"/> (the same statement the group-commit appender
/// runs for a batch): the events inserted if the expected sequence is the customer's last and no
/// interaction id is taken, and the complaint rows upserted. Its cost depends on the size of the
/// append, not on the customer's history.
/// </summary>
public sealed class PostgresCustomerEventLog(NpgsqlDataSource dataSource) : ICustomerEventLog
{
    private const string EventColumns = "sequence, event_type, payload, recorded_at, content_hash";

    private const string UniqueViolation = "23505";
    private const string InvalidTextRepresentation = "22P02";
    private const string SerializationFailure = "40001";
    private const string DeadlockDetected = "40P01";
    private const string InteractionConstraint = "customer_events_interaction_key";

    /// <inheritdoc />
    public async Task AppendAsync(CustomerAppend append, CancellationToken cancellationToken)
    {
        CustomerAppendChecks.Validate(append);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        AppendOutcome outcome;
        try
        {
            outcome = (await AppendStatement.ExecuteAsync(connection, transaction, [append], cancellationToken).ConfigureAwait(false))[0];
        }
        catch (PostgresException e) when (e.SqlState == UniqueViolation && e.ConstraintName == InteractionConstraint)
        {
            // A rival writer recorded the id after the statement's lookup (two activations).
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            var taken = await RecordedInteractionIdsAsync(connection, append, cancellationToken).ConfigureAwait(false);
            throw new CustomerConcurrencyConflictException(
                append.CustomerId,
                ConcurrencyConflictKind.DuplicateInteraction,
                taken,
                $"An interaction of this append is already recorded for customer '{append.CustomerId}'.",
                e);
        }
        catch (PostgresException e) when (e.SqlState is UniqueViolation or SerializationFailure or DeadlockDetected)
        {
            throw new CustomerConcurrencyConflictException(
                append.CustomerId,
                ConcurrencyConflictKind.StaleSequence,
                $"Customer '{append.CustomerId}' was appended to by another writer after sequence {append.ExpectedSequence}.",
                e);
        }
        catch (PostgresException e) when (e.SqlState == InvalidTextRepresentation)
        {
            throw new ArgumentException($"A payload of the append to customer '{append.CustomerId}' is not valid JSON.", nameof(append), e);
        }

        if (outcome.Refusal(append) is { } refusal)
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            throw refusal;
        }

        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Which interaction ids of <paramref name="append"/> are already recorded for its customer.</summary>
    private static async Task<IReadOnlyList<string>> RecordedInteractionIdsAsync(NpgsqlConnection connection, CustomerAppend append, CancellationToken cancellationToken)
    {
        var ids = append.Events.Where(e => e.Interaction is not null).Select(e => e.Interaction!.InteractionId).ToArray();
        await using var command = new NpgsqlCommand(
            "SELECT interaction_id FROM customer_events WHERE customer_id = $1 AND interaction_id = ANY($2)", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = append.CustomerId });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = ids });
        var taken = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            taken.Add(reader.GetString(0));
        }

        return taken;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredEvent>> ReadAsync(string customerId, long afterSequence, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        await using var command = dataSource.CreateCommand(
            $"SELECT {EventColumns} FROM customer_events WHERE customer_id = $1 AND sequence > $2 ORDER BY sequence");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = customerId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterSequence });
        return await ReadEventsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredEvent>> ReadAsync(string customerId, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var command = dataSource.CreateCommand(
            $"SELECT {EventColumns} FROM customer_events WHERE customer_id = $1 AND sequence > $2 ORDER BY sequence LIMIT $3");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = customerId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterSequence });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        return await ReadEventsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<StoredEvent?> FindInteractionAsync(string customerId, string interactionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentException.ThrowIfNullOrEmpty(interactionId);
        await using var command = dataSource.CreateCommand(
            $"SELECT {EventColumns} FROM customer_events WHERE customer_id = $1 AND interaction_id = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = customerId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = interactionId });
        var events = await ReadEventsAsync(command, cancellationToken).ConfigureAwait(false);
        return events.Count == 0 ? null : events[0];
    }

    /// <inheritdoc />
    public async Task<InteractionPage> ListInteractionsAsync(InteractionFilter filter, CancellationToken cancellationToken)
    {
        CustomerAppendChecks.Validate(filter);
        await using var command = dataSource.CreateCommand();
        var spans = filter.AlsoCustomerIds is { Count: > 0 };
        var limit = Add(command, (long)filter.PageSize + 1);
        string sql;
        if (spans)
        {
            // One index walk per customer, each stopping after a page, merged in the global order
            // (customer id, in ordinal order, breaks ties of time and sequence): a page costs the same
            // however long the merged histories are.
            var branches = filter.AlsoCustomerIds!.Prepend(filter.CustomerId).Distinct(StringComparer.Ordinal)
                .Select(customerId => $"({Branch(command, filter, customerId, limit)})");
            sql = $"SELECT * FROM ({string.Join(" UNION ALL ", branches)}) page ORDER BY occurred_at DESC, sequence DESC, customer_id COLLATE \"C\" DESC LIMIT {limit}";
        }
        else
        {
            sql = Branch(command, filter, filter.CustomerId, limit);
        }

        command.CommandText = sql;
        var interactions = new List<StoredEvent>(Math.Min(filter.PageSize + 1, 1024));
        DateTimeOffset lastOccurredAt = default;
        string? lastCustomer = null;
        var more = false;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (interactions.Count == filter.PageSize)
                {
                    more = true;
                    break;
                }

                lastCustomer = reader.GetString(6);
                interactions.Add(ReadEvent(reader) with { CustomerId = spans ? lastCustomer : null });
                lastOccurredAt = reader.GetFieldValue<DateTimeOffset>(5);
            }
        }

        var next = more ? new InteractionCursor(lastOccurredAt, interactions[^1].Sequence, spans ? lastCustomer : null) : null;
        return new InteractionPage(interactions, next);
    }

    /// <summary>The newest-first page of one customer's interactions (an index walk of customer_events_interactions_newest).</summary>
    private static string Branch(NpgsqlCommand command, InteractionFilter filter, string customerId, string limit)
    {
        var sql = new StringBuilder($"SELECT {EventColumns}, occurred_at, customer_id FROM customer_events WHERE customer_id = {Add(command, customerId)} AND interaction_id IS NOT NULL");
        if (filter.Channels is { Count: > 0 } channels)
        {
            sql.Append($" AND channel = ANY({Add(command, channels.ToArray())})");
        }

        if (filter.Kinds is { Count: > 0 } kinds)
        {
            sql.Append($" AND kind = ANY({Add(command, kinds.ToArray())})");
        }

        if (filter.OccurredFrom is { } from)
        {
            sql.Append($" AND occurred_at >= {Add(command, StoredTime.Normalize(from))}");
        }

        if (filter.OccurredBefore is { } before)
        {
            sql.Append($" AND occurred_at < {Add(command, StoredTime.Normalize(before))}");
        }

        if (filter.After is { } after)
        {
            // Equal time and sequence: only customers after the cursor's in the (descending) order.
            var inclusive = after.CustomerId is { } cursorCustomer && string.CompareOrdinal(customerId, cursorCustomer) < 0;
            sql.Append($" AND (occurred_at, sequence) {(inclusive ? "<=" : "<")} ({Add(command, StoredTime.Normalize(after.OccurredAt))}, {Add(command, after.Sequence)})");
        }

        sql.Append($" ORDER BY occurred_at DESC, sequence DESC LIMIT {limit}");
        return sql.ToString();
    }

    /// <inheritdoc />
    public async Task<ComplaintRow?> FindComplaintAsync(string customerId, string complaintId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentException.ThrowIfNullOrEmpty(complaintId);
        await using var command = dataSource.CreateCommand(
            "SELECT complaint_id, status, opened_at, updated_at, payload FROM customer_complaints WHERE customer_id = $1 AND complaint_id = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = customerId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = complaintId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadComplaint(reader) : null;
    }

    /// <inheritdoc />
    public async Task<ComplaintPage> ListComplaintsAsync(ComplaintFilter filter, CancellationToken cancellationToken)
    {
        CustomerAppendChecks.Validate(filter);
        await using var command = dataSource.CreateCommand();
        var spans = filter.AlsoCustomerIds is { Count: > 0 };
        var sql = new StringBuilder("SELECT complaint_id, status, opened_at, updated_at, payload, customer_id FROM customer_complaints WHERE ");
        if (spans)
        {
            // Of the merged customers only the closed cases: their open ones moved into this customer.
            sql.Append($"(customer_id = {Add(command, filter.CustomerId)} OR (customer_id = ANY({Add(command, filter.AlsoCustomerIds!.ToArray())}) AND status = 'Closed'))");
        }
        else
        {
            sql.Append($"customer_id = {Add(command, filter.CustomerId)}");
        }

        if (filter.Statuses is { Count: > 0 } statuses)
        {
            sql.Append($" AND status = ANY({Add(command, statuses.ToArray())})");
        }

        if (filter.After is { } after)
        {
            var openedAt = Add(command, StoredTime.Normalize(after.OpenedAt));
            var complaintId = Add(command, after.ComplaintId);
            sql.Append(spans && after.CustomerId is { } afterCustomer
                ? $" AND (opened_at < {openedAt} OR (opened_at = {openedAt} AND (complaint_id, customer_id) > ({complaintId}, {Add(command, afterCustomer)})))"
                : $" AND (opened_at < {openedAt} OR (opened_at = {openedAt} AND complaint_id > {complaintId}))");
        }

        sql.Append($" ORDER BY opened_at DESC, complaint_id{(spans ? ", customer_id" : "")} LIMIT {Add(command, (long)filter.PageSize + 1)}");
        command.CommandText = sql.ToString();

        var complaints = new List<ComplaintRow>();
        var more = false;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (complaints.Count == filter.PageSize)
                {
                    more = true;
                    break;
                }

                complaints.Add(ReadComplaint(reader) with { CustomerId = spans ? reader.GetString(5) : null });
            }
        }

        var next = more ? new ComplaintCursor(complaints[^1].OpenedAt, complaints[^1].ComplaintId, complaints[^1].CustomerId) : null;
        return new ComplaintPage(complaints, next);
    }

    /// <inheritdoc />
    public async Task<long> LastSequenceAsync(string customerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        await using var command = dataSource.CreateCommand(
            "SELECT coalesce(max(sequence), 0) FROM customer_events WHERE customer_id = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = customerId });
        var result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return (long)result!;
    }

    private static string Add<T>(NpgsqlCommand command, T value)
    {
        command.Parameters.Add(new NpgsqlParameter<T> { TypedValue = value });
        return "$" + command.Parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var events = new List<StoredEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(ReadEvent(reader));
        }

        return events;
    }

    private static StoredEvent ReadEvent(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetFieldValue<DateTimeOffset>(3),
        reader.IsDBNull(4) ? null : reader.GetString(4));

    private static ComplaintRow ReadComplaint(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetFieldValue<DateTimeOffset>(2),
        reader.GetFieldValue<DateTimeOffset>(3),
        reader.GetString(4));
}
