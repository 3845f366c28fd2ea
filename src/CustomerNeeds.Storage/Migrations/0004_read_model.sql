-- The read model (docs/read-model.md): the tables that searches, segments, KPIs and the KANO
-- analysis read. The rows derived from a customer's events are written by the same statement that
-- appends the events, so they can never drift from the log. Every such row keeps last_sequence, the
-- log sequence it reflects; an upsert replaces a row only with a newer one.
--
-- Enum columns hold the proto (and domain) enum numbers. A value the customer does not have is
-- NULL, never '' or 0, so that a restriction on it is false (docs/filtering.md).

-- One row per customer: every filter and sort field of docs/filtering.md and the RFM inputs.
CREATE TABLE customer_summaries (
    customer_id          text COLLATE "C" NOT NULL,
    display_name         text             NOT NULL,
    kind                 smallint         NOT NULL,
    value_types          smallint[]       NOT NULL,
    relationship_mode    smallint         NOT NULL,
    industry             text             NULL,
    region               text             NULL,
    tags                 text[]           NOT NULL,
    attributes           jsonb            NOT NULL,
    tier                 text             NULL,
    tier_since           timestamptz      NULL,
    ladder_stage         smallint         NOT NULL,
    churn_risk_score     double precision NOT NULL,
    churn_risk_level     smallint         NOT NULL,
    csat_mean            double precision NULL,
    csat_count           bigint           NOT NULL,
    nps_score            double precision NULL,
    last_nps             smallint         NULL,
    nps_category         smallint GENERATED ALWAYS AS (
        CASE WHEN last_nps IS NULL THEN NULL WHEN last_nps >= 9 THEN 3 WHEN last_nps >= 7 THEN 2 ELSE 1 END) STORED,
    open_complaint_count integer          NOT NULL,
    complaint_count      bigint           NOT NULL,
    interaction_count    bigint           NOT NULL,
    purchase_count       bigint           NOT NULL,
    lifetime_spend       numeric          NOT NULL,
    first_purchase_at    timestamptz      NULL,
    last_purchase_at     timestamptz      NULL,
    referral_count       bigint           NOT NULL,
    last_interaction_at  timestamptz      NULL,
    created_at           timestamptz      NOT NULL,
    updated_at           timestamptz      NOT NULL,
    -- The instant the time-driven values (ladder stage, churn risk) were evaluated at.
    evaluated_at         timestamptz      NOT NULL,
    last_sequence        bigint           NOT NULL,
    CONSTRAINT customer_summaries_pkey PRIMARY KEY (customer_id)
);

CREATE INDEX customer_summaries_tier ON customer_summaries (tier, customer_id);
CREATE INDEX customer_summaries_ladder_stage ON customer_summaries (ladder_stage, customer_id);
CREATE INDEX customer_summaries_churn_risk ON customer_summaries (churn_risk_score, customer_id);
CREATE INDEX customer_summaries_csat_mean ON customer_summaries (csat_mean, customer_id);
CREATE INDEX customer_summaries_last_nps ON customer_summaries (nps_category, customer_id);
CREATE INDEX customer_summaries_open_complaints ON customer_summaries (open_complaint_count, customer_id);
CREATE INDEX customer_summaries_last_interaction ON customer_summaries (last_interaction_at, customer_id);
CREATE INDEX customer_summaries_region ON customer_summaries (region, customer_id);
CREATE INDEX customer_summaries_industry ON customer_summaries (industry, customer_id);
CREATE INDEX customer_summaries_created ON customer_summaries (created_at, customer_id);
CREATE INDEX customer_summaries_updated ON customer_summaries (updated_at, customer_id);
CREATE INDEX customer_summaries_tags ON customer_summaries USING gin (tags);
CREATE INDEX customer_summaries_value_types ON customer_summaries USING gin (value_types);
CREATE INDEX customer_summaries_attributes ON customer_summaries USING gin (attributes jsonb_path_ops);

-- One row per need of a customer (needs are never removed). title_words are the title's words as
-- the needs.title filter splits them: runs of letters and digits, lower-cased, distinct.
CREATE TABLE customer_summary_needs (
    customer_id   text COLLATE "C" NOT NULL,
    need_id       text COLLATE "C" NOT NULL,
    type          smallint         NOT NULL,
    area          smallint         NOT NULL,
    kano_class    smallint         NOT NULL,
    status        smallint         NOT NULL,
    title         text             NOT NULL,
    title_words   text[]           NOT NULL,
    last_sequence bigint           NOT NULL,
    CONSTRAINT customer_summary_needs_pkey PRIMARY KEY (customer_id, need_id)
);

CREATE INDEX customer_summary_needs_type ON customer_summary_needs (type, customer_id);
CREATE INDEX customer_summary_needs_area ON customer_summary_needs (area, customer_id);
CREATE INDEX customer_summary_needs_kano_class ON customer_summary_needs (kano_class, customer_id);
CREATE INDEX customer_summary_needs_status ON customer_summary_needs (status, customer_id);
CREATE INDEX customer_summary_needs_title_words ON customer_summary_needs USING gin (title_words);

-- The facts of an interaction that KPIs aggregate, beside the interaction columns of 0002.
-- Set on interaction events only. Backfilled below from the payloads already in the log.
ALTER TABLE customer_events
    ADD COLUMN direction            smallint NULL,
    ADD COLUMN csat                 smallint NULL,
    ADD COLUMN nps                  smallint NULL,
    ADD COLUMN amount               numeric  NULL,
    ADD COLUMN currency             text     NULL,
    ADD COLUMN related_complaint_id text COLLATE "C" NULL,
    ADD COLUMN referred_customer_id text COLLATE "C" NULL;

-- KPI windows read interactions by occur time across all customers.
CREATE INDEX customer_events_interactions_by_time
    ON customer_events (occurred_at)
    INCLUDE (customer_id, channel, kind, direction, csat, nps, amount, related_complaint_id, referred_customer_id)
    WHERE interaction_id IS NOT NULL;

-- What complaint KPIs need without reading payloads. Backfilled below.
ALTER TABLE customer_complaints
    ADD COLUMN severity          smallint    NULL,
    ADD COLUMN channel           text        NULL,
    ADD COLUMN first_response_at timestamptz NULL,
    ADD COLUMN resolved_at       timestamptz NULL,
    ADD COLUMN closed_at         timestamptz NULL,
    ADD COLUMN reopen_count      integer     NULL;

CREATE INDEX customer_complaints_opened ON customer_complaints (opened_at);

-- Population RFM quintiles, recomputed on a schedule (docs/read-model.md).
CREATE TABLE customer_rfm (
    customer_id text COLLATE "C" NOT NULL,
    recency     smallint         NOT NULL CHECK (recency BETWEEN 1 AND 5),
    frequency   smallint         NOT NULL CHECK (frequency BETWEEN 1 AND 5),
    monetary    smallint         NOT NULL CHECK (monetary BETWEEN 1 AND 5),
    computed_at timestamptz      NOT NULL,
    CONSTRAINT customer_rfm_pkey PRIMARY KEY (customer_id)
);

-- Named filters (SegmentService).
CREATE TABLE segments (
    segment_id   text COLLATE "C" NOT NULL,
    display_name text             NOT NULL,
    description  text             NOT NULL,
    filter       text             NOT NULL,
    etag         bigint           NOT NULL,
    created_at   timestamptz      NOT NULL,
    updated_at   timestamptz      NOT NULL,
    CONSTRAINT segments_pkey PRIMARY KEY (segment_id)
);

-- The KANO questionnaire: one row per feature asked about.
CREATE TABLE kano_features (
    feature_id           text COLLATE "C" NOT NULL,
    display_name         text             NOT NULL,
    functional_question  text             NOT NULL,
    dysfunctional_question text           NOT NULL,
    created_at           timestamptz      NOT NULL,
    updated_at           timestamptz      NOT NULL,
    CONSTRAINT kano_features_pkey PRIMARY KEY (feature_id)
);

-- A customer's latest answer pair per feature, written by the append statement (the answers come
-- in a survey interaction). answer_class is the KANO evaluation table's class of the pair.
CREATE TABLE kano_answers (
    customer_id    text COLLATE "C" NOT NULL,
    feature_id     text COLLATE "C" NOT NULL,
    functional     smallint         NOT NULL CHECK (functional BETWEEN 1 AND 5),
    dysfunctional  smallint         NOT NULL CHECK (dysfunctional BETWEEN 1 AND 5),
    answer_class   smallint         NOT NULL,
    interaction_id text COLLATE "C" NOT NULL,
    answered_at    timestamptz      NOT NULL,
    last_sequence  bigint           NOT NULL,
    CONSTRAINT kano_answers_pkey PRIMARY KEY (customer_id, feature_id)
);

CREATE INDEX kano_answers_feature ON kano_answers (feature_id, customer_id);

-- What staff believe about a feature: one answer pair per staff member and feature, as the staff
-- member expects customers to answer.
CREATE TABLE kano_staff_beliefs (
    feature_id    text COLLATE "C" NOT NULL,
    staff_id      text COLLATE "C" NOT NULL,
    functional    smallint         NOT NULL CHECK (functional BETWEEN 1 AND 5),
    dysfunctional smallint         NOT NULL CHECK (dysfunctional BETWEEN 1 AND 5),
    answer_class  smallint         NOT NULL,
    recorded_at   timestamptz      NOT NULL,
    CONSTRAINT kano_staff_beliefs_pkey PRIMARY KEY (feature_id, staff_id)
);
