-- Identity and merge (docs/merge.md).
-- customer_summaries gains the customer's identity keys (normalised phone, email and external
-- ids, written by the append statement like every other column) and merged_into (set when the
-- customer was merged into another; such rows are left out of searches, segments and KPIs).
ALTER TABLE customer_summaries
    ADD COLUMN identity_keys text[] NOT NULL DEFAULT '{}',
    ADD COLUMN merged_into text;

-- One row per (key, customer) of the customers not merged: ListDuplicateCandidates walks it in key
-- order. Kept by a trigger on customer_summaries, so it changes in the same transaction as the row
-- (and only when the row's keys or merge change: the last_sequence guard of the upsert applies).
CREATE TABLE customer_identity_keys (
    identity_key text NOT NULL,
    customer_id text NOT NULL,
    CONSTRAINT customer_identity_keys_pkey PRIMARY KEY (identity_key, customer_id)
);

CREATE INDEX customer_identity_keys_by_customer ON customer_identity_keys (customer_id);

CREATE FUNCTION customer_identity_keys_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM customer_identity_keys WHERE customer_id = NEW.customer_id;
    IF NEW.merged_into IS NULL THEN
        INSERT INTO customer_identity_keys (identity_key, customer_id)
        SELECT DISTINCT k, NEW.customer_id FROM unnest(NEW.identity_keys) AS k;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER customer_identity_keys_on_insert
    AFTER INSERT ON customer_summaries
    FOR EACH ROW EXECUTE FUNCTION customer_identity_keys_sync();

CREATE TRIGGER customer_identity_keys_on_update
    AFTER UPDATE OF identity_keys, merged_into ON customer_summaries
    FOR EACH ROW
    WHEN (OLD.identity_keys IS DISTINCT FROM NEW.identity_keys OR OLD.merged_into IS DISTINCT FROM NEW.merged_into)
    EXECUTE FUNCTION customer_identity_keys_sync();

-- Existing rows: the keys of each customer's latest profile (CustomerCreated or ProfileUpdated
-- carries the whole profile), normalised as IdentityKeys does. The trigger fills the key table.
UPDATE customer_summaries s
SET identity_keys = k.keys
FROM (
    SELECT p.customer_id,
           ARRAY(
               SELECT DISTINCT key COLLATE "C" FROM (
                   SELECT 'phone:' || CASE WHEN btrim(phone) LIKE '+%' THEN '+' ELSE '' END || regexp_replace(phone, '[^0-9]', '', 'g') AS key
                   FROM json_array_elements_text(p.points -> 'Phones') AS phone
                   WHERE regexp_replace(phone, '[^0-9]', '', 'g') <> ''
                   UNION
                   SELECT 'email:' || lower(btrim(email))
                   FROM json_array_elements_text(p.points -> 'Emails') AS email
                   WHERE btrim(email) <> ''
                   UNION
                   SELECT 'external:' || lower(btrim(x.key)) || ':' || btrim(x.value)
                   FROM json_each_text(p.points -> 'ExternalIds') AS x
                   WHERE btrim(x.key) <> '' AND btrim(x.value) <> ''
               ) keys
               ORDER BY key COLLATE "C"
           ) AS keys
    FROM (
        SELECT DISTINCT ON (customer_id) customer_id, payload -> 'Profile' -> 'ContactPoints' AS points
        FROM customer_events
        WHERE event_type IN ('customer-created', 'profile-updated')
        ORDER BY customer_id, sequence DESC
    ) p
) k
WHERE k.customer_id = s.customer_id AND cardinality(k.keys) > 0;
