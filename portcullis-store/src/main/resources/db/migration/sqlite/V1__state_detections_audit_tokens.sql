-- Portcullis store, SQLite. Times are epoch milliseconds (UTC); until_ms NULL means "until removed".
-- Keep in step with ../postgresql/V1__state_detections_audit_tokens.sql (same tables and columns).

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

-- AUTOINCREMENT: ids are never reused, so an id names one entry for ever
CREATE TABLE audit (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    time_ms BIGINT  NOT NULL,
    actor   TEXT    NOT NULL,
    action  TEXT    NOT NULL,
    target  TEXT,
    detail  TEXT
);
CREATE INDEX audit_time ON audit (time_ms);

-- The audit trail is append-only, whoever connects: the database itself refuses changes.
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit trail is append-only: UPDATE refused');
END;

CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit trail is append-only: DELETE refused');
END;

-- only the hex SHA-256 of a token's secret is stored
CREATE TABLE tokens (
    name       TEXT   NOT NULL PRIMARY KEY,
    hash       TEXT   NOT NULL UNIQUE,
    role       TEXT   NOT NULL,
    created_ms BIGINT NOT NULL
);
