using CustomerNeeds.Storage.ReadModel;
using Npgsql;
using NpgsqlTypes;

namespace CustomerNeeds.Storage;

/// <summary>
/// The one SQL statement that appends (used for a single append and for a group-commit batch):
/// the appends of one or many customers in one statement: every event of the batch is one element of
/// per-column arrays. An append is inserted only when its customer's last sequence is the expected
/// one and none of its interaction ids is recorded yet; the complaint rows of the accepted appends
/// are upserted by the same statement. The statement answers which appends were accepted and which
/// interaction ids were duplicates. The read-model rows of the accepted appends are upserted by the
/// same statement (<see cref="ReadModelUpserts"/>, docs/read-model.md), and so are the KPI fact
/// columns of the event and complaint rows. Committing is the caller's business.
/// </summary>
internal static class AppendStatement
{
    private const string EventsAndComplaints = """
        WITH input AS (
            SELECT * FROM unnest($1::int[], $2::text[], $3::bigint[], $4::int[], $5::text[], $6::text[],
                                 $7::timestamptz[], $8::text[], $9::timestamptz[], $10::text[], $11::text[], $12::text[],
                                 $13::smallint[], $14::smallint[], $15::smallint[], $16::numeric[], $17::text[], $18::text[], $19::text[])
                AS i(append_no, customer_id, expected, position, event_type, payload,
                     recorded_at, interaction_id, occurred_at, channel, kind, content_hash,
                     direction, csat, nps, amount, currency, related_complaint_id, referred_customer_id)
        ),
        appends AS (
            SELECT DISTINCT append_no, customer_id, expected FROM input
        ),
        duplicates AS (
            SELECT i.append_no, i.interaction_id
            FROM input i
            WHERE i.interaction_id IS NOT NULL
              AND EXISTS (SELECT 1 FROM customer_events x
                          WHERE x.customer_id = i.customer_id AND x.interaction_id = i.interaction_id)
        ),
        accepted AS (
            SELECT a.append_no
            FROM appends a
            WHERE coalesce((SELECT max(x.sequence) FROM customer_events x WHERE x.customer_id = a.customer_id), 0) = a.expected
              AND NOT EXISTS (SELECT 1 FROM duplicates d WHERE d.append_no = a.append_no)
        ),
        inserted AS (
            INSERT INTO customer_events
                (customer_id, sequence, event_type, payload, recorded_at,
                 interaction_id, occurred_at, channel, kind, content_hash,
                 direction, csat, nps, amount, currency, related_complaint_id, referred_customer_id)
            SELECT i.customer_id, i.expected + i.position, i.event_type, i.payload::json, i.recorded_at,
                   i.interaction_id, i.occurred_at, i.channel, i.kind, i.content_hash,
                   i.direction, i.csat, i.nps, i.amount, i.currency, i.related_complaint_id, i.referred_customer_id
            FROM input i JOIN accepted a ON a.append_no = i.append_no
            RETURNING 1
        ),
        complaints AS (
            INSERT INTO customer_complaints
                (customer_id, complaint_id, status, opened_at, updated_at, payload, last_sequence,
                 severity, channel, first_response_at, resolved_at, closed_at, reopen_count,
                 response_breached_at, resolution_breached_at, follow_up_due_at, follow_up_fell_due_at)
            SELECT c.customer_id, c.complaint_id, c.status, c.opened_at, c.updated_at, c.payload::json, c.last_sequence,
                   c.severity, c.channel, c.first_response_at, c.resolved_at, c.closed_at, c.reopen_count,
                   c.response_breached_at, c.resolution_breached_at, c.follow_up_due_at, c.follow_up_fell_due_at
            FROM unnest($20::int[], $21::text[], $22::text[], $23::text[], $24::timestamptz[], $25::timestamptz[],
                        $26::text[], $27::bigint[], $28::smallint[], $29::text[], $30::timestamptz[], $31::timestamptz[],
                        $32::timestamptz[], $33::int[], $34::timestamptz[], $35::timestamptz[], $36::timestamptz[], $37::timestamptz[])
                 AS c(append_no, customer_id, complaint_id, status, opened_at, updated_at, payload, last_sequence,
                      severity, channel, first_response_at, resolved_at, closed_at, reopen_count,
                      response_breached_at, resolution_breached_at, follow_up_due_at, follow_up_fell_due_at)
            JOIN accepted a ON a.append_no = c.append_no
            ON CONFLICT (customer_id, complaint_id) DO UPDATE
            SET status = excluded.status,
                opened_at = excluded.opened_at,
                updated_at = excluded.updated_at,
                payload = excluded.payload,
                last_sequence = excluded.last_sequence,
                severity = excluded.severity,
                channel = coalesce(excluded.channel, customer_complaints.channel),
                first_response_at = excluded.first_response_at,
                resolved_at = excluded.resolved_at,
                closed_at = excluded.closed_at,
                reopen_count = excluded.reopen_count,
                response_breached_at = excluded.response_breached_at,
                resolution_breached_at = excluded.resolution_breached_at,
                follow_up_due_at = excluded.follow_up_due_at,
                follow_up_fell_due_at = excluded.follow_up_fell_due_at
            RETURNING 1
        ),
        """;

    private const int ReadModelFirstParameter = 38;

    private const string Outcomes = """

        SELECT append_no, NULL::text FROM accepted
        UNION ALL
        SELECT append_no, interaction_id FROM duplicates
        """;

    private static readonly string Sql = EventsAndComplaints + "\n" + ReadModelUpserts.Ctes(ReadModelFirstParameter, "accepted") + Outcomes;

    /// <summary>Runs the statement in <paramref name="transaction"/>; returns one outcome per append, in order.</summary>
    public static async Task<AppendOutcome[]> ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<CustomerAppend> appends, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Sql, connection, transaction);
        AddEvents(command, appends);
        AddComplaints(command, appends);
        ReadModelUpserts.AddParameters(command, appends.Select(a => a.Projection).ToArray());

        var outcomes = new AppendOutcome[appends.Count];
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var appendNo = reader.GetInt32(0);
                if (reader.IsDBNull(1))
                {
                    outcomes[appendNo].Accepted = true;
                }
                else
                {
                    (outcomes[appendNo].Duplicates ??= []).Add(reader.GetString(1));
                }
            }
        }

        return outcomes;
    }

    private static void AddEvents(NpgsqlCommand command, IReadOnlyList<CustomerAppend> appends)
    {
        var count = appends.Sum(a => a.Events.Count);
        var appendNos = new int[count];
        var customerIds = new string[count];
        var expected = new long[count];
        var positions = new int[count];
        var eventTypes = new string[count];
        var payloads = new string[count];
        var recordedAt = new DateTimeOffset[count];
        var interactionIds = new string?[count];
        var occurredAt = new DateTimeOffset?[count];
        var channels = new string?[count];
        var kinds = new string?[count];
        var contentHashes = new string?[count];
        var directions = new short?[count];
        var csats = new short?[count];
        var npss = new short?[count];
        var amounts = new decimal?[count];
        var currencies = new string?[count];
        var relatedComplaints = new string?[count];
        var referredCustomers = new string?[count];
        var row = 0;
        for (var a = 0; a < appends.Count; a++)
        {
            var append = appends[a];
            for (var p = 0; p < append.Events.Count; p++, row++)
            {
                var e = append.Events[p];
                appendNos[row] = a;
                customerIds[row] = append.CustomerId;
                expected[row] = append.ExpectedSequence;
                positions[row] = p + 1;
                eventTypes[row] = e.EventType;
                payloads[row] = e.PayloadJson;
                recordedAt[row] = StoredTime.Normalize(e.RecordedAt);
                if (e.Interaction is { } key)
                {
                    interactionIds[row] = key.InteractionId;
                    occurredAt[row] = StoredTime.Normalize(key.OccurredAt);
                    channels[row] = key.Channel;
                    kinds[row] = key.Kind;
                    contentHashes[row] = key.ContentHash;
                    if (key.Facts is { } facts)
                    {
                        directions[row] = facts.Direction;
                        csats[row] = facts.Csat;
                        npss[row] = facts.Nps;
                        amounts[row] = facts.Amount;
                        currencies[row] = facts.Currency;
                        relatedComplaints[row] = facts.RelatedComplaintId;
                        referredCustomers[row] = facts.ReferredCustomerId;
                    }
                }
            }
        }

        Add(command, appendNos);
        Add(command, customerIds);
        Add(command, expected);
        Add(command, positions);
        Add(command, eventTypes);
        Add(command, payloads);
        Add(command, recordedAt);
        AddNullable(command, interactionIds, NpgsqlDbType.Text);
        AddNullable(command, occurredAt, NpgsqlDbType.TimestampTz);
        AddNullable(command, channels, NpgsqlDbType.Text);
        AddNullable(command, kinds, NpgsqlDbType.Text);
        AddNullable(command, contentHashes, NpgsqlDbType.Text);
        AddNullable(command, directions, NpgsqlDbType.Smallint);
        AddNullable(command, csats, NpgsqlDbType.Smallint);
        AddNullable(command, npss, NpgsqlDbType.Smallint);
        AddNullable(command, amounts, NpgsqlDbType.Numeric);
        AddNullable(command, currencies, NpgsqlDbType.Text);
        AddNullable(command, relatedComplaints, NpgsqlDbType.Text);
        AddNullable(command, referredCustomers, NpgsqlDbType.Text);
    }

    private static void AddComplaints(NpgsqlCommand command, IReadOnlyList<CustomerAppend> appends)
    {
        var rows = appends
            .SelectMany((append, a) => append.Complaints.Select(c => (a, append, c)))
            .ToArray();
        Add(command, rows.Select(r => r.a).ToArray());
        Add(command, rows.Select(r => r.append.CustomerId).ToArray());
        Add(command, rows.Select(r => r.c.ComplaintId).ToArray());
        Add(command, rows.Select(r => r.c.Status).ToArray());
        Add(command, rows.Select(r => StoredTime.Normalize(r.c.OpenedAt)).ToArray());
        Add(command, rows.Select(r => StoredTime.Normalize(r.c.UpdatedAt)).ToArray());
        Add(command, rows.Select(r => r.c.PayloadJson).ToArray());
        Add(command, rows.Select(r => r.append.ExpectedSequence + r.append.Events.Count).ToArray());
        AddNullable(command, rows.Select(r => r.c.Facts?.Severity).ToArray(), NpgsqlDbType.Smallint);
        AddNullable(command, rows.Select(r => r.c.Facts?.Channel).ToArray(), NpgsqlDbType.Text);
        AddNullable(command, rows.Select(r => Normalize(r.c.Facts?.FirstResponseAt)).ToArray(), NpgsqlDbType.TimestampTz);
        AddNullable(command, rows.Select(r => Normalize(r.c.Facts?.ResolvedAt)).ToArray(), NpgsqlDbType.TimestampTz);
        AddNullable(command, rows.Select(r => Normalize(r.c.Facts?.ClosedAt)).ToArray(), NpgsqlDbType.TimestampTz);
        AddNullable(command, rows.Select(r => r.c.Facts?.ReopenCount).ToArray(), NpgsqlDbType.Integer);
        AddNullable(command, rows.Select(r => Normalize(r.c.Facts?.ResponseBreachedAt)).ToArray(), NpgsqlDbType.TimestampTz);
        AddNullable(command, rows.Select(r => Normalize(r.c.Facts?.ResolutionBreachedAt)).ToArray(), NpgsqlDbType.TimestampTz);
        AddNullable(command, rows.Select(r => Normalize(r.c.Facts?.FollowUpDueAt)).ToArray(), NpgsqlDbType.TimestampTz);
        AddNullable(command, rows.Select(r => Normalize(r.c.Facts?.FollowUpFellDueAt)).ToArray(), NpgsqlDbType.TimestampTz);
    }

    private static DateTimeOffset? Normalize(DateTimeOffset? instant) => instant is { } t ? StoredTime.Normalize(t) : null;

    private static void Add<T>(NpgsqlCommand command, T[] values) =>
        command.Parameters.Add(new NpgsqlParameter<T[]> { TypedValue = values });

    private static void AddNullable<T>(NpgsqlCommand command, T[] values, NpgsqlDbType elementType) =>
        command.Parameters.Add(new NpgsqlParameter<T[]> { TypedValue = values, NpgsqlDbType = NpgsqlDbType.Array | elementType });
}
