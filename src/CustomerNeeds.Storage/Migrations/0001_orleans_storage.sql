-- Orleans grain storage (Microsoft.Orleans.Persistence.AdoNet, invariant "Npgsql"): our own schema.
--
-- At start-up the provider reads its statements from OrleansQuery:
--   SELECT QueryKey, QueryText FROM OrleansQuery WHERE QueryKey = 'WriteToStorageKey' OR ...
-- The identifiers are unquoted there, so PostgreSQL looks for orleansquery(querykey, querytext).
-- It needs WriteToStorageKey, ReadFromStorageKey and ClearStorageKey; DeleteStorageKey is used
-- when DeleteStateOnClear is set. It binds these parameters to every statement:
--   @GrainIdHash int, @GrainIdN0 bigint, @GrainIdN1 bigint, @GrainTypeHash int,
--   @GrainTypeString text, @GrainIdExtensionString text (NULL when the key has no string part),
--   @ServiceId text; write and clear also @GrainStateVersion int (the ETag, NULL for a first
--   write); write also @PayloadBinary bytea (the serialized state: UTF-8 JSON here).
-- The hashes are not used: the primary key below is the grain identity itself.
-- Result contract: read returns columns PayloadBinary (bytea, NULL = no state) and Version (int);
-- write, clear and delete return one row whose first column NewGrainStateVersion (int) is the new
-- version. No row, or the old version, makes the provider throw InconsistentStateException.

CREATE TABLE orleansquery (
    querykey  varchar(64) NOT NULL,
    querytext text        NOT NULL,
    CONSTRAINT orleansquery_pkey PRIMARY KEY (querykey)
);

-- One row per grain state. The primary key is the grain identity (service, grain type, key), so of
-- two first writes of one grain exactly one can insert; the other finds the key taken, inserts
-- nothing, returns no version and the provider reports a conflict. A string key is stored in
-- grain_id_extension with both numbers 0; a Guid or integer key in the numbers, with its extension
-- (or '' when it has none) in grain_id_extension.
CREATE TABLE orleans_grain_state (
    service_id         text COLLATE "C" NOT NULL,
    grain_type         text COLLATE "C" NOT NULL,
    grain_id_n0        bigint           NOT NULL,
    grain_id_n1        bigint           NOT NULL,
    grain_id_extension text COLLATE "C" NOT NULL,
    payload            json             NULL,     -- NULL once the state is cleared
    version            integer          NOT NULL, -- the ETag: 1 on insert, +1 on every write or clear
    modified_at        timestamptz      NOT NULL,
    CONSTRAINT orleans_grain_state_pkey
        PRIMARY KEY (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension)
);

INSERT INTO orleansquery (querykey, querytext) VALUES
('ReadFromStorageKey', $query$
SELECT convert_to(payload::text, 'UTF8') AS "PayloadBinary",
       version AS "Version"
FROM orleans_grain_state
WHERE service_id = @ServiceId
  AND grain_type = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1
  AND grain_id_extension = coalesce(@GrainIdExtensionString, '')
$query$),
('WriteToStorageKey', $query$
WITH inserted AS (
    INSERT INTO orleans_grain_state
        (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension, payload, version, modified_at)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, coalesce(@GrainIdExtensionString, ''),
           convert_from(@PayloadBinary, 'UTF8')::json, 1, now()
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT ON CONSTRAINT orleans_grain_state_pkey DO NOTHING
    RETURNING version
), updated AS (
    UPDATE orleans_grain_state
    SET payload = convert_from(@PayloadBinary, 'UTF8')::json,
        version = version + 1,
        modified_at = now()
    WHERE @GrainStateVersion IS NOT NULL
      AND service_id = @ServiceId
      AND grain_type = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0
      AND grain_id_n1 = @GrainIdN1
      AND grain_id_extension = coalesce(@GrainIdExtensionString, '')
      AND version = @GrainStateVersion
    RETURNING version
)
SELECT version AS "NewGrainStateVersion" FROM inserted
UNION ALL
SELECT version FROM updated
$query$),
('ClearStorageKey', $query$
UPDATE orleans_grain_state
SET payload = NULL,
    version = version + 1,
    modified_at = now()
WHERE service_id = @ServiceId
  AND grain_type = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1
  AND grain_id_extension = coalesce(@GrainIdExtensionString, '')
  AND version = @GrainStateVersion
RETURNING version AS "NewGrainStateVersion"
$query$),
('DeleteStorageKey', $query$
DELETE FROM orleans_grain_state
WHERE service_id = @ServiceId
  AND grain_type = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1
  AND grain_id_extension = coalesce(@GrainIdExtensionString, '')
  AND version = @GrainStateVersion
RETURNING version + 1 AS "NewGrainStateVersion"
$query$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
