-- Complaint SLAs (docs/complaint-slas.md): the Orleans reminder table with its statements, and the
-- complaint columns that ListBreaches / ListDueFollowUps read across customers.

-- Orleans reminders (Microsoft.Orleans.Reminders.AdoNet, invariant "Npgsql"): our own schema.
-- At start-up the provider reads seven statements from orleansquery (table of migration 0001):
-- ReadReminderRowsKey, ReadReminderRowKey, ReadRangeRows1Key, ReadRangeRows2Key,
-- UpsertReminderRowKey, DeleteReminderRowKey, DeleteReminderRowsKey. It binds:
--   @ServiceId text; @GrainId text (the grain id's string form); @ReminderName text;
--   @StartTime timestamptz (a UTC DateTime); @Period int (milliseconds; bigint when larger);
--   @GrainHash, @BeginHash, @EndHash int (the uint hashes cast to int); @Version int (the ETag).
-- Result contract: reads return columns GrainId, ReminderName, StartTime, Period (read as a
-- 64-bit integer) and Version; the upsert returns the new Version; the delete of one row returns
-- one row with one boolean column (true when the row with that version was deleted).
-- A range [begin, end) of the ring is begin < hash <= end when begin < end (as ints, Rows1),
-- otherwise it wraps around: hash > begin or hash <= end (Rows2).
CREATE TABLE orleans_reminders (
    service_id    text COLLATE "C" NOT NULL,
    grain_id      text COLLATE "C" NOT NULL,
    reminder_name text COLLATE "C" NOT NULL,
    start_time    timestamptz      NOT NULL,
    period_ms     bigint           NOT NULL,
    grain_hash    integer          NOT NULL,
    version       integer          NOT NULL, -- the ETag: 1 on insert, +1 on every update
    CONSTRAINT orleans_reminders_pkey PRIMARY KEY (service_id, grain_id, reminder_name)
);

-- Each silo reads the reminders of its range of the hash ring.
CREATE INDEX orleans_reminders_by_hash ON orleans_reminders (service_id, grain_hash);

INSERT INTO orleansquery (querykey, querytext) VALUES
('ReadReminderRowsKey', $query$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_id = @GrainId
$query$),
('ReadReminderRowKey', $query$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
$query$),
('ReadRangeRows1Key', $query$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash
$query$),
('ReadRangeRows2Key', $query$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
$query$),
('UpsertReminderRowKey', $query$
INSERT INTO orleans_reminders AS r
    (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 1)
ON CONFLICT ON CONSTRAINT orleans_reminders_pkey DO UPDATE
SET start_time = excluded.start_time,
    period_ms = excluded.period_ms,
    grain_hash = excluded.grain_hash,
    version = r.version + 1
RETURNING r.version AS "Version"
$query$),
('DeleteReminderRowKey', $query$
WITH deleted AS (
    DELETE FROM orleans_reminders
    WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName AND version = @Version
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM deleted)
$query$),
('DeleteReminderRowsKey', $query$
DELETE FROM orleans_reminders WHERE service_id = @ServiceId
$query$);

-- SLA outcomes of a complaint, written with its row in the append transaction. No complaint had
-- a breach or a due follow-up before this migration, so NULL is right for existing rows; the
-- follow-up due time of resolved cases comes from the payload.
ALTER TABLE customer_complaints
    ADD COLUMN response_breached_at   timestamptz NULL,
    ADD COLUMN resolution_breached_at timestamptz NULL,
    ADD COLUMN follow_up_due_at       timestamptz NULL,
    ADD COLUMN follow_up_fell_due_at  timestamptz NULL;

UPDATE customer_complaints
SET follow_up_due_at = (payload ->> 'FollowUpDueAt')::timestamptz
WHERE payload ->> 'FollowUpDueAt' IS NOT NULL;

-- ListBreaches: each target's breaches by detection time.
CREATE INDEX customer_complaints_response_breaches
    ON customer_complaints (response_breached_at, customer_id, complaint_id)
    WHERE response_breached_at IS NOT NULL;
CREATE INDEX customer_complaints_resolution_breaches
    ON customer_complaints (resolution_breached_at, customer_id, complaint_id)
    WHERE resolution_breached_at IS NOT NULL;

-- ListDueFollowUps: resolved cases whose follow-up fell due, by due time.
CREATE INDEX customer_complaints_due_follow_ups
    ON customer_complaints (follow_up_due_at, customer_id, complaint_id)
    WHERE follow_up_fell_due_at IS NOT NULL AND status = 'Resolved';
