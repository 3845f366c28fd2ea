-- The time-driven loyalty review (docs/loyalty-sweep.md): when a review of the customer next
-- changes its tier, dormancy or churn-risk level; null when time alone changes nothing. Written by
-- the append statement with the rest of the row; the sweep defers it past a review that found
-- nothing to change.
ALTER TABLE customer_summaries ADD COLUMN next_review_at timestamptz NULL;

-- Upgrade: the rows written before this column existed are due at once. The first sweeps review
-- every customer once (a bounded number per run) and each review writes the customer's events or
-- moves the row to its next instant.
UPDATE customer_summaries SET next_review_at = evaluated_at;

-- The sweep's only access path: the due rows in order, and nothing for customers with nothing pending.
CREATE INDEX customer_summaries_next_review
    ON customer_summaries (next_review_at, customer_id)
    WHERE next_review_at IS NOT NULL;
