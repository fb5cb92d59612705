-- Portcullis store, PostgreSQL. Times are epoch milliseconds (UTC); until_ms NULL means "until removed".
-- Keep in step with ../sqlite/V1__state_detections_audit_tokens.sql (same tables and columns).

CREATE TABLE blocks (
    target     TEXT    NOT NULL PRIMARY KEY,
    action     TEXT    NOT NULL,
    level      INTEGER NOT NULL,
    reason     TEXT,
    since_ms   BIGINT  NOT NULL,
    until_ms   BIGINT,
    created_by TEXT
);
CREATE INDEX blocks_until ON blocks (until_ms);

CREATE TABLE lockouts (
    account    TEXT   NOT NULL PRIMARY KEY,
    scope      TEXT   NOT NULL,
    reason     TEXT,
    since_ms   BIGINT NOT NULL,
    until_ms   BIGINT,
    created_by TEXT
);
CREATE INDEX lockouts_until ON lockouts (until_ms);

-- accounts and exempt: JSON arrays of strings (a lockdown is read whole, never queried by account)
CREATE TABLE lockdowns (
    id         TEXT   NOT NULL PRIMARY KEY,
    scope      TEXT   NOT NULL,
    accounts   TEXT   NOT NULL,
    exempt     TEXT   NOT NULL,
    reason     TEXT,
    since_ms   BIGINT NOT NULL,
    until_ms   BIGINT,
    created_by TEXT
);

-- allow_key is kind || ':' || value, the record's key()
CREATE TABLE allows (
    allow_key  TEXT   NOT NULL PRIMARY KEY,
    kind       TEXT   NOT NULL,
    value      TEXT   NOT NULL,
    note       TEXT,
    since_ms   BIGINT NOT NULL,
    until_ms   BIGINT,
    created_by TEXT
);

CREATE TABLE detections (
    id          TEXT   NOT NULL PRIMARY KEY,
    kind        TEXT   NOT NULL,
    start_ms    BIGINT NOT NULL,
    end_ms      BIGINT,
    recorded_ms BIGINT NOT NULL,
    json        TEXT   NOT NULL
);
CREATE INDEX detections_end ON detections (end_ms);

CREATE TABLE audit (
    id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    time_ms BIGINT NOT NULL,
    actor   TEXT   NOT NULL,
    action  TEXT   NOT NULL,
    target  TEXT,
    detail  TEXT
);
CREATE INDEX audit_time ON audit (time_ms);

-- The audit trail is append-only, whoever connects: the database itself refuses changes
-- (row-level UPDATE and DELETE, and TRUNCATE, which skips row triggers).
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit trail is append-only: % refused', TG_OP;
END;
$$;

CREATE TRIGGER audit_no_update_delete BEFORE UPDATE OR DELETE ON audit
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();

CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();

-- only the hex SHA-256 of a token's secret is stored
CREATE TABLE tokens (
    name       TEXT   NOT NULL PRIMARY KEY,
    hash       TEXT   NOT NULL UNIQUE,
    role       TEXT   NOT NULL,
    created_ms BIGINT NOT NULL
);
