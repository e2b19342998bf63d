"""The database schema as an ordered list of migrations.

Each migration runs in one transaction together with the row in `schema_migrations` that records it,
so a crash leaves the database either before or after a migration, never half-way. A database whose
schema is newer than this code knows is refused rather than guessed at.
"""

from __future__ import annotations

from datetime import datetime, timezone

import duckdb

from extract.errors import StorageError

# (version, name, SQL). Append only: never edit a migration that has shipped.
MIGRATIONS: list[tuple[int, str, str]] = [
    (1, "initial schema", """
CREATE TABLE feeds (
    url                  VARCHAR PRIMARY KEY,   -- the feed's current address (updated on 301/308)
    name                 VARCHAR,               -- display name from the config or `feeds add --name`
    title                VARCHAR,               -- the feed's own title
    origin               VARCHAR NOT NULL,      -- 'config' or 'cli': where the feed was added
    added_at             TIMESTAMPTZ NOT NULL,
    etag                 VARCHAR,               -- sent back as If-None-Match
    last_modified        VARCHAR,               -- sent back as If-Modified-Since
    last_polled_at       TIMESTAMPTZ,
    last_status          INTEGER,               -- HTTP status of the last poll
    last_ok_at           TIMESTAMPTZ,
    items_seen           INTEGER NOT NULL DEFAULT 0,   -- entries in the last successful poll
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    last_error           VARCHAR,               -- why the last poll failed, or 'read with warnings: …'
    next_poll_at         TIMESTAMPTZ            -- not polled before this time unless forced
);

CREATE TABLE articles (
    url            VARCHAR PRIMARY KEY,   -- canonical URL (tracking parameters and fragment removed)
    guid           VARCHAR,               -- the feed entry's id
    feed_url       VARCHAR,
    title          VARCHAR,
    published_at   TIMESTAMPTZ,
    fetched_at     TIMESTAMPTZ NOT NULL,
    author         VARCHAR,
    language       VARCHAR,               -- ISO 639-1 code, e.g. 'en', 'de'
    site_name      VARCHAR,               -- the outlet
    text           VARCHAR,               -- extracted article text; NULL when extraction failed
    content_hash   VARCHAR,               -- equal for syndicated copies of one text
    status         VARCHAR NOT NULL,      -- 'ok', 'failed' (retried on later runs) or 'skipped'
    error          VARCHAR,               -- why fetching or extraction failed
    attempts       INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX articles_guid ON articles (guid);

CREATE TABLE events (
    event_id     VARCHAR PRIMARY KEY,   -- deterministic: same article and parties -> same id
    article_url  VARCHAR NOT NULL,
    story_id     VARCHAR,               -- the real-world event this mention belongs to
    event_type   VARCHAR NOT NULL,      -- 'deal' or 'customer_change'
    subtype      VARCHAR NOT NULL,
    acquirer     VARCHAR,
    target       VARCHAR,
    seller       VARCHAR,
    customer     VARCHAR,
    vendor       VARCHAR,
    competitor   VARCHAR,
    amount       DOUBLE,                -- in units of `currency` (14.3 billion -> 14300000000)
    currency     VARCHAR,               -- ISO 4217
    stake_pct    DOUBLE,
    status       VARCHAR NOT NULL,
    evidence     VARCHAR NOT NULL,
    confidence   DOUBLE NOT NULL,
    published_at TIMESTAMPTZ,
    detected_at  TIMESTAMPTZ NOT NULL
);

-- One row per real-world event; the `stories` view (later migration) summarises it for reading.
CREATE TABLE story_keys (
    story_id       VARCHAR PRIMARY KEY,
    story_key      VARCHAR NOT NULL,     -- event type and normalised parties
    event_type     VARCHAR NOT NULL,
    first_seen_at  TIMESTAMPTZ NOT NULL,
    last_seen_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE alerts (
    alert_id     VARCHAR PRIMARY KEY,
    kind         VARCHAR NOT NULL,       -- 'digest', 'instant', 'update' or 'test'
    subject      VARCHAR NOT NULL,
    recipients   VARCHAR[] NOT NULL,
    story_ids    VARCHAR[] NOT NULL,
    event_ids    VARCHAR[] NOT NULL,
    transport    VARCHAR NOT NULL,
    message      VARCHAR NOT NULL,       -- the whole RFC 5322 message, so a retry sends the same bytes
    message_id   VARCHAR NOT NULL,
    status       VARCHAR NOT NULL,       -- 'pending' until the server accepts it, then 'sent'
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_error   VARCHAR,
    created_at   TIMESTAMPTZ NOT NULL,
    sent_at      TIMESTAMPTZ
);

-- One row per story and reason: the unique key that makes each alert go out once.
CREATE TABLE alert_items (
    story_id   VARCHAR NOT NULL,
    reason     VARCHAR NOT NULL,         -- 'new', or 'status:<status>' / 'amount' for updates
    alert_id   VARCHAR NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (story_id, reason)
);
"""),
    (3, "alert items record what they reported", """
-- What each alert said about its story, so a later run can tell whether the story has changed since
-- (alerts.updates): the mention shown, the status and the amount it reported.
ALTER TABLE alert_items ADD COLUMN event_id VARCHAR;
ALTER TABLE alert_items ADD COLUMN status VARCHAR;
ALTER TABLE alert_items ADD COLUMN amount DOUBLE;
UPDATE alert_items AS i SET event_id = e.event_id, status = e.status, amount = e.amount
FROM alerts a, events e
WHERE a.alert_id = i.alert_id AND list_contains(a.event_ids, e.event_id) AND e.story_id = i.story_id;
"""),
]

LATEST = MIGRATIONS[-1][0]

_BOOKKEEPING = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       VARCHAR NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL
)"""


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """Returns the schema version of the open database, 0 for an empty one."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
    ).fetchone()[0]
    if not exists:
        return 0
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]


def check_version(con: duckdb.DuckDBPyConnection, path: str) -> int:
    """Returns the schema version; raises StorageError when it is newer than this code knows."""
    version = current_version(con)
    if version > LATEST:
        raise StorageError(
            f"database {path} has schema version {version}, newer than this dealwatch understands "
            f"({LATEST}); upgrade dealwatch or use another --db")
    return version


def migrate(con: duckdb.DuckDBPyConnection, path: str = "database") -> list[int]:
    """Applies the pending migrations in order; returns the versions applied (empty when current)."""
    version = check_version(con, path)
    applied: list[int] = []
    for number, name, sql in MIGRATIONS:
        if number <= version:
            continue
        try:
            con.execute("BEGIN TRANSACTION")
            con.execute(_BOOKKEEPING)
            con.execute(sql)
            con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                        [number, name, datetime.now(timezone.utc)])
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StorageError(f"database {path}: migration {number} ({name}) failed: {exc}") from exc
        applied.append(number)
    return applied
