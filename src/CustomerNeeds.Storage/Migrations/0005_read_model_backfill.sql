-- Backfill of the columns 0004 added to existing rows, from the JSON payloads already stored
-- (docs/read-model.md). New rows get them from the append statement; this fills the rows written
-- before. Payloads are System.Text.Json with default options: property names as in the C# types,
-- enums as numbers, instants as ISO 8601 with up to 7 fractional digits (cut here to the
-- microsecond, as the service stores every instant). The read-model tables themselves are filled
-- by the rebuild command (docs/operations.md), not by SQL.

-- The interaction facts, from the "Interaction" object of interaction-recorded events.
UPDATE customer_events
SET direction            = (payload -> 'Interaction' ->> 'Direction')::smallint,
    csat                 = (payload -> 'Interaction' ->> 'Csat')::smallint,
    nps                  = (payload -> 'Interaction' ->> 'Nps')::smallint,
    amount               = (payload -> 'Interaction' -> 'Amount' ->> 'Amount')::numeric,
    currency             = payload -> 'Interaction' -> 'Amount' ->> 'CurrencyCode',
    related_complaint_id = payload -> 'Interaction' ->> 'RelatedComplaintId',
    referred_customer_id = payload -> 'Interaction' ->> 'ReferredCustomerId'
WHERE interaction_id IS NOT NULL
  AND direction IS NULL;

-- The complaint KPI columns, from the case payload; the channel is the one of the opening interaction.
UPDATE customer_complaints c
SET severity          = (c.payload ->> 'Severity')::smallint,
    channel           = (SELECT e.channel FROM customer_events e
                         WHERE e.customer_id = c.customer_id AND e.interaction_id = c.payload ->> 'SourceInteractionId'),
    first_response_at = regexp_replace(c.payload ->> 'FirstResponseAt', '(\.[0-9]{6})[0-9]+', '\1')::timestamptz,
    resolved_at       = regexp_replace(c.payload ->> 'ResolvedAt', '(\.[0-9]{6})[0-9]+', '\1')::timestamptz,
    closed_at         = regexp_replace(c.payload ->> 'ClosedAt', '(\.[0-9]{6})[0-9]+', '\1')::timestamptz,
    reopen_count      = (c.payload ->> 'ReopenCount')::integer
WHERE c.severity IS NULL;
