-- Analytics on the read model (docs/kpis.md, docs/rfm.md, docs/kano.md): indexes for the KPI
-- statements and the revenue core, and an etag for questionnaire features.

-- The revenue core (ListCoreCustomers) walks customers by lifetime spend descending, ties by id,
-- and stops where the cumulative spend reaches the requested share.
CREATE INDEX customer_summaries_lifetime_spend
    ON customer_summaries (lifetime_spend DESC, customer_id);

-- Complaint KPIs read the complaints opened in a window without touching the payload.
CREATE INDEX customer_complaints_opened_kpi
    ON customer_complaints (opened_at)
    INCLUDE (customer_id, complaint_id, channel, first_response_at, resolved_at, reopen_count);

-- First-contact resolution: did the customer get in touch again about a complaint?
CREATE INDEX customer_events_related_complaint
    ON customer_events (customer_id, related_complaint_id)
    INCLUDE (direction)
    WHERE related_complaint_id IS NOT NULL;

-- Optimistic concurrency for UpdateKanoFeature / DeleteKanoFeature.
ALTER TABLE kano_features
    ADD COLUMN etag bigint NOT NULL DEFAULT 1;
