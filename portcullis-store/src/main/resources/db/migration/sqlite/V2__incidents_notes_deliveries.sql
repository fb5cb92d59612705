-- Portcullis store, sqlite: incidents, their accounts and notes, and notification deliveries.
-- Keep in step with ../postgresql/V2__incidents_notes_deliveries.sql (same tables and columns).
-- Times are epoch milliseconds (UTC). Lists of addresses are JSON arrays of strings (read whole).

CREATE TABLE incidents (
    id           TEXT   NOT NULL PRIMARY KEY,
    campaign_key TEXT   NOT NULL,
    kind         TEXT   NOT NULL,
    status       TEXT   NOT NULL,
    opened_ms    BIGINT NOT NULL,
    aware_ms     BIGINT,
    aware_by     TEXT,
    closed_ms    BIGINT,
    sources      TEXT   NOT NULL
);
CREATE INDEX incidents_campaign ON incidents (campaign_key, opened_ms);
CREATE INDEX incidents_status ON incidents (status, opened_ms);

CREATE TABLE incident_accounts (
    incident_id    TEXT   NOT NULL REFERENCES incidents (id),
    account        TEXT   NOT NULL,
    stage          TEXT   NOT NULL,
    compromised_ms BIGINT,
    sources        TEXT   NOT NULL,
    updated_ms     BIGINT NOT NULL,
    PRIMARY KEY (incident_id, account)
);
CREATE INDEX incident_accounts_account ON incident_accounts (account);

-- notes are appended, never changed: seq is the note's position in the incident
CREATE TABLE notes (
    incident_id TEXT    NOT NULL REFERENCES incidents (id),
    seq         INTEGER NOT NULL,
    time_ms     BIGINT  NOT NULL,
    author      TEXT    NOT NULL,
    account     TEXT,
    text        TEXT    NOT NULL,
    PRIMARY KEY (incident_id, seq)
);

-- One row per message that is to be sent about an incident; the key (incident, account, kind) makes
-- a second row for the same event impossible, so nothing is ever sent twice for one event.
-- account is '' for a delivery about the whole incident (the security team's summary, the webhook on opening).
CREATE TABLE deliveries (
    incident_id     TEXT    NOT NULL REFERENCES incidents (id),
    account         TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    recipient       TEXT    NOT NULL,
    state           TEXT    NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_ms BIGINT,
    created_ms      BIGINT  NOT NULL,
    updated_ms      BIGINT  NOT NULL,
    sent_ms         BIGINT,
    last_error      TEXT,
    PRIMARY KEY (incident_id, account, kind)
);
CREATE INDEX deliveries_due ON deliveries (state, next_attempt_ms);
