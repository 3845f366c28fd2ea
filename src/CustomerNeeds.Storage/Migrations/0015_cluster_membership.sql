-- Cluster membership (docs/clustering.md): the Orleans ADO.NET clustering tables with their
-- statements, our own schema.
--
-- At start-up the provider (Microsoft.Orleans.Clustering.AdoNet, invariant "Npgsql") reads nine
-- statements from orleansquery (table of migration 0001): InsertMembershipVersionKey,
-- InsertMembershipKey, UpdateMembershipKey, UpdateIAmAlivetimeKey, MembershipReadRowKey,
-- MembershipReadAllKey, GatewaysQueryKey, DeleteMembershipTableEntriesKey and
-- CleanupDefunctSiloEntriesKey. It binds:
--   @DeploymentId text (the cluster id); @Address text, @Port int, @Generation int (the silo);
--   @SiloName, @HostName text; @Status int (SiloStatus: 3 Active, 6 Dead, ...); @ProxyPort int
--   (the gateway port, 0 when none); @SuspectTimes text ("silo,time|silo,time" or null);
--   @StartTime, @IAmAliveTime timestamptz (UTC); @Version int (the table version the silo read).
-- Result contract: the reads return one row per member joined to the version row (a single row
-- with null member columns when there is no member) with the columns Version, Address, Port,
-- Generation, SiloName, HostName, Status, ProxyPort, SuspectTimes, StartTime, IAmAliveTime; the
-- gateway read returns Address, ProxyPort, Generation; the inserts and the update return one row
-- with one boolean column.
--
-- Every change of a member row moves the deployment's version by one in the same statement, and
-- only from the version the silo read: a silo working from a stale view gets false and re-reads.

CREATE TABLE orleans_membership_versions (
    deployment_id text COLLATE "C" NOT NULL,
    version       integer          NOT NULL DEFAULT 0,
    changed_at    timestamptz      NOT NULL DEFAULT now(),
    CONSTRAINT orleans_membership_versions_pkey PRIMARY KEY (deployment_id)
);

CREATE TABLE orleans_membership (
    deployment_id   text COLLATE "C" NOT NULL,
    address         text COLLATE "C" NOT NULL,
    port            integer          NOT NULL,
    generation      integer          NOT NULL,
    silo_name       text             NOT NULL,
    host_name       text             NOT NULL,
    status          integer          NOT NULL,
    proxy_port      integer          NOT NULL,
    suspect_times   text             NULL,
    start_time      timestamptz      NOT NULL,
    i_am_alive_time timestamptz      NOT NULL,
    -- One row per silo incarnation: a restarted silo has a new generation, a second insert of the
    -- same incarnation fails instead of leaving two rows.
    CONSTRAINT orleans_membership_pkey PRIMARY KEY (deployment_id, address, port, generation),
    CONSTRAINT orleans_membership_deployment_fkey FOREIGN KEY (deployment_id)
        REFERENCES orleans_membership_versions (deployment_id) ON DELETE CASCADE
);

INSERT INTO orleansquery (querykey, querytext) VALUES
('InsertMembershipVersionKey', $query$
WITH inserted AS (
    INSERT INTO orleans_membership_versions (deployment_id) VALUES (@DeploymentId)
    ON CONFLICT ON CONSTRAINT orleans_membership_versions_pkey DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM inserted)
$query$),
('InsertMembershipKey', $query$
WITH moved AS (
    UPDATE orleans_membership_versions
    SET version = version + 1, changed_at = now()
    WHERE deployment_id = @DeploymentId AND version = @Version
      AND NOT EXISTS (
          SELECT 1 FROM orleans_membership
          WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation)
    RETURNING deployment_id
), inserted AS (
    INSERT INTO orleans_membership
        (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port, suspect_times, start_time, i_am_alive_time)
    SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, NULL, @StartTime, @IAmAliveTime
    FROM moved
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM inserted)
$query$),
('UpdateMembershipKey', $query$
WITH moved AS (
    UPDATE orleans_membership_versions
    SET version = version + 1, changed_at = now()
    WHERE deployment_id = @DeploymentId AND version = @Version
      AND EXISTS (
          SELECT 1 FROM orleans_membership
          WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation)
    RETURNING deployment_id
), updated AS (
    UPDATE orleans_membership AS m
    SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
    FROM moved
    WHERE m.deployment_id = moved.deployment_id AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM updated)
$query$),
('UpdateIAmAlivetimeKey', $query$
UPDATE orleans_membership
SET i_am_alive_time = @IAmAliveTime
WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
$query$),
('MembershipReadRowKey', $query$
SELECT v.version AS "Version", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
       m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
FROM orleans_membership_versions AS v
LEFT JOIN orleans_membership AS m
       ON m.deployment_id = v.deployment_id AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
WHERE v.deployment_id = @DeploymentId
$query$),
('MembershipReadAllKey', $query$
SELECT v.version AS "Version", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
       m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
FROM orleans_membership_versions AS v
LEFT JOIN orleans_membership AS m ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId
$query$),
('GatewaysQueryKey', $query$
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
FROM orleans_membership
WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
$query$),
('DeleteMembershipTableEntriesKey', $query$
DELETE FROM orleans_membership_versions WHERE deployment_id = @DeploymentId
$query$),
('CleanupDefunctSiloEntriesKey', $query$
DELETE FROM orleans_membership
WHERE deployment_id = @DeploymentId AND i_am_alive_time < @IAmAliveTime AND status = 6
$query$);
