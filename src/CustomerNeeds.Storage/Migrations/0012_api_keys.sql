-- API keys (docs/api-keys.md, docs/security.md "Authentication"). Only a SHA-256 hash of a key's
-- secret is stored. Every change of a row (a revocation above all) notifies the channel
-- `api_keys` with the key id, in the changing transaction: servers drop the key from their cache
-- when, and only if, the change commits.
CREATE TABLE api_keys (
    key_id       text        COLLATE "C" NOT NULL PRIMARY KEY,
    display_name text        NOT NULL,
    roles        text[]      NOT NULL,
    system       text,
    secret_hash  bytea       NOT NULL,
    created_at   timestamptz NOT NULL,
    created_by   text        NOT NULL,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    revoked_by   text,
    CONSTRAINT api_keys_secret_hash_length CHECK (octet_length(secret_hash) = 32),
    CONSTRAINT api_keys_revoked_together CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);

-- ListApiKeys: newest first.
CREATE INDEX api_keys_newest_first ON api_keys (created_at DESC, key_id DESC);

CREATE FUNCTION api_keys_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('api_keys', OLD.key_id);
    RETURN NULL;
END;
$$;

CREATE TRIGGER api_keys_changed
    AFTER UPDATE OR DELETE ON api_keys
    FOR EACH ROW EXECUTE FUNCTION api_keys_notify();
