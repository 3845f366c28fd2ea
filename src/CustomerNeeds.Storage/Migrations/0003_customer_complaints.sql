-- The current state of every complaint case, kept beside the event log and written in the same
-- transaction as the events that change it, so it is never ahead of or behind the log.
CREATE TABLE customer_complaints (
    customer_id   text COLLATE "C" NOT NULL,
    complaint_id  text COLLATE "C" NOT NULL,
    status        text             NOT NULL,
    opened_at     timestamptz      NOT NULL,
    updated_at    timestamptz      NOT NULL,
    payload       json             NOT NULL,
    last_sequence bigint           NOT NULL, -- the log sequence of the append that last wrote this row
    CONSTRAINT customer_complaints_pkey PRIMARY KEY (customer_id, complaint_id)
);

-- Listing a customer's complaints by status, newest opened first.
CREATE INDEX customer_complaints_by_status
    ON customer_complaints (customer_id, status, opened_at DESC, complaint_id);
