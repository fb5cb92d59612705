-- Portcullis store, postgresql: the web console's users (issue 13).
-- Keep in step with ../sqlite/V3__console_users.sql (same table and columns).
-- Never a password: password_hash is a PHC string (Argon2id). totp_secret is the RFC 6238 secret in base32
-- (the server needs it to check codes, so it cannot be hashed: protect the database and its backups), NULL
-- when the user has no second factor. last_totp_step is the last accepted 30-second step, 0 for none; a
-- code at or below it is a replay, across restarts. Times are epoch milliseconds (UTC); disabled_ms NULL
-- means the user may sign in.

CREATE TABLE console_users (
    name           TEXT   NOT NULL PRIMARY KEY,
    role           TEXT   NOT NULL,
    password_hash  TEXT   NOT NULL,
    totp_secret    TEXT,
    last_totp_step BIGINT NOT NULL DEFAULT 0,
    created_ms     BIGINT NOT NULL,
    created_by     TEXT   NOT NULL,
    disabled_ms    BIGINT,
    CHECK (name = lower(name) AND length(name) BETWEEN 1 AND 64),
    CHECK (last_totp_step >= 0)
);
