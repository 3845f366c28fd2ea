-- The per-customer append-only event log: the source of truth for everything that happens to a
-- customer. Rows are only ever inserted. The primary key makes sequences unique per customer, so
-- two writers of one customer can never both append the same sequence: the loser's whole append
-- fails and it must reload. Events are stored as (event_type, payload) and the storage layer knows
-- nothing of their shape. payload is json, not jsonb: json keeps the text exactly as written
-- (the "$type" discriminator stays first), so an event reads back byte for byte.
CREATE TABLE customer_events (
    customer_id    text COLLATE "C" NOT NULL,
    sequence       bigint           NOT NULL,
    event_type     text             NOT NULL,
    payload        json             NOT NULL,
    recorded_at    timestamptz      NOT NULL,
    -- Set only on events that record an interaction; they make interactions findable by id and
    -- listable newest first without reading payloads.
    interaction_id text COLLATE "C" NULL,
    occurred_at    timestamptz      NULL,
    channel        text             NULL,
    kind           text             NULL,
    content_hash   text             NULL,
    CONSTRAINT customer_events_pkey PRIMARY KEY (customer_id, sequence),
    CONSTRAINT customer_events_sequence_positive CHECK (sequence > 0),
    CONSTRAINT customer_events_interaction_complete CHECK (
        interaction_id IS NULL OR (occurred_at IS NOT NULL AND channel IS NOT NULL AND kind IS NOT NULL))
);

-- An interaction id is recorded once per customer, for ever: the idempotency key of RecordInteraction.
CREATE UNIQUE INDEX customer_events_interaction_key
    ON customer_events (customer_id, interaction_id)
    WHERE interaction_id IS NOT NULL;

-- Newest-first keyset paging of a customer's interactions.
CREATE INDEX customer_events_interactions_newest
    ON customer_events (customer_id, occurred_at DESC, sequence DESC)
    WHERE interaction_id IS NOT NULL;
