-- The audit log (docs/audit-log.md, docs/security.md "Audit log"): one row per audited call,
-- append-only. The service only inserts; a statement trigger refuses UPDATE, DELETE and TRUNCATE.
-- A customer is recorded only as the SHA-256 hash of its id.
CREATE TABLE audit_events (
    sequence      bigint GENERATED ALWAYS AS IDENTITY,
    time          timestamptz NOT NULL,
    caller        text        NOT NULL,
    roles         text[]      NOT NULL DEFAULT '{}',
    method        text        NOT NULL,
    resource      text        NOT NULL DEFAULT '',
    customer_hash text        NOT NULL DEFAULT '',
    outcome       text        NOT NULL,
    detail        text        NOT NULL DEFAULT '',
    CONSTRAINT audit_events_pkey PRIMARY KEY (sequence)
);

-- ListAuditEvents reads newest first (sequence desc) under optional filters.
CREATE INDEX audit_events_by_caller ON audit_events (caller, sequence);
CREATE INDEX audit_events_by_method ON audit_events (method, sequence);
CREATE INDEX audit_events_by_customer ON audit_events (customer_hash, sequence);
CREATE INDEX audit_events_by_outcome ON audit_events (outcome, sequence);
CREATE INDEX audit_events_by_time ON audit_events (time);

CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only: % is refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_events_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
