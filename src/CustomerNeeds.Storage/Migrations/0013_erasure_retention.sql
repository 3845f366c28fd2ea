-- Erasure and retention (docs/privacy.md).

-- One row per erased customer: the SHA-256 hash of its id (lower-case hex, CustomerHash in the
-- domain), when, who asked, and how many customers that erasure took (1 plus the merged ones). Neither the id nor the reason is kept (the reason is in the audit
-- log). Written in the erasure's own transaction, with the deletes of everything the customer had;
-- a grain that finds no state looks its id's hash up here to refuse it as erased.
CREATE TABLE customer_tombstones (
    customer_hash text COLLATE "C" NOT NULL,
    erased_at     timestamptz      NOT NULL,
    erased_by     text             NOT NULL,
    erased_count  integer          NOT NULL,
    CONSTRAINT customer_tombstones_pkey PRIMARY KEY (customer_hash),
    CONSTRAINT customer_tombstones_hash_form CHECK (customer_hash ~ '^[0-9a-f]{64}$')
);

-- Retention: an interaction row whose personal fields were stripped. Existing rows are not yet.
ALTER TABLE customer_events ADD COLUMN anonymised boolean NOT NULL DEFAULT false;

-- The retention sweep's access path: interactions not yet anonymised, oldest first.
CREATE INDEX customer_events_retention
    ON customer_events (occurred_at, customer_id)
    WHERE interaction_id IS NOT NULL AND NOT anonymised;
