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
    (2, "poll history, company aliases, party keys, reading views", """
-- One row per poll of a feed: its health over time (the feeds table keeps only the latest state).
CREATE TABLE feed_polls (
    feed_url     VARCHAR NOT NULL,
    polled_at    TIMESTAMPTZ NOT NULL,
    status       INTEGER,               -- HTTP status; NULL when no response came
    ok           BOOLEAN NOT NULL,
    entries      INTEGER,               -- entries in the feed (NULL when not modified or failed)
    new_entries  INTEGER NOT NULL DEFAULT 0,   -- entries not seen before, queued for reading
    error        VARCHAR,
    duration_ms  INTEGER,               -- time to fetch and parse the feed
    PRIMARY KEY (feed_url, polled_at)
);

-- Names that denote the same company ('Facebook' -> 'Meta'), filled by the analyst.
CREATE TABLE company_aliases (
    alias    VARCHAR PRIMARY KEY,
    company  VARCHAR NOT NULL
);

-- Folded names of every party ('Meta Platforms, Inc.' -> 'meta'), for matching a company.
ALTER TABLE events ADD COLUMN party_keys VARCHAR[];
-- (list_distinct drops the NULLs of absent roles.)
UPDATE events SET party_keys = list_sort(list_distinct(
    [lower(acquirer), lower(target), lower(seller), lower(customer), lower(vendor), lower(competitor)]));

CREATE VIEW deals AS
SELECT e.event_id, e.story_id, e.subtype, e.acquirer, e.target, e.seller,
       e.amount, e.currency, e.stake_pct, e.status, e.confidence, e.evidence,
       coalesce(e.published_at, e.detected_at) AS seen_at, e.published_at, e.detected_at,
       e.article_url, a.title AS article_title, a.site_name AS outlet, e.party_keys
FROM events e LEFT JOIN articles a ON a.url = e.article_url
WHERE e.event_type = 'deal';

CREATE VIEW customer_changes AS
SELECT e.event_id, e.story_id, e.subtype, e.customer, e.vendor, e.competitor,
       e.amount, e.currency, e.status, e.confidence, e.evidence,
       coalesce(e.published_at, e.detected_at) AS seen_at, e.published_at, e.detected_at,
       e.article_url, a.title AS article_title, a.site_name AS outlet, e.party_keys
FROM events e LEFT JOIN articles a ON a.url = e.article_url
WHERE e.event_type = 'customer_change';

-- One row per story. 'Best known' amount and stake: from the latest confirmed (announced or
-- completed) mention that states one, else from the latest mention that does.
CREATE VIEW stories AS
WITH mentions AS (
    SELECT e.*, coalesce(e.published_at, e.detected_at) AS seen_at,
           coalesce(a.content_hash, e.article_url) AS text_key, a.site_name,
           e.status IN ('announced', 'completed') AS confirmed,
           list_position(['considering', 'reported', 'denied', 'announced', 'cancelled', 'completed'],
                         e.status) AS status_rank
    FROM events e LEFT JOIN articles a ON a.url = e.article_url
    WHERE e.story_id IS NOT NULL),
summary AS (
    SELECT story_id,
           any_value(event_type) AS event_type,
           arg_max(subtype, (seen_at, confidence)) AS subtype,
           arg_max({'acquirer': acquirer, 'target': target, 'seller': seller, 'customer': customer,
                    'vendor': vendor, 'competitor': competitor}, (confidence, seen_at)) AS named,
           min(seen_at) AS first_seen_at,
           max(seen_at) AS last_seen_at,
           count(DISTINCT text_key) AS article_count,
           count(*) AS event_count,
           list(DISTINCT site_name ORDER BY site_name) FILTER (WHERE site_name IS NOT NULL) AS outlets,
           arg_max(status, (seen_at, status_rank)) AS latest_status,
           arg_max({'amount': amount, 'currency': currency}, (confirmed, seen_at, confidence))
               FILTER (WHERE amount IS NOT NULL) AS money,
           arg_max(stake_pct, (confirmed, seen_at, confidence))
               FILTER (WHERE stake_pct IS NOT NULL) AS stake_pct,
           max(confidence) AS max_confidence
    FROM mentions GROUP BY story_id),
-- (unnest then aggregate: several times faster than flattening lists of lists on large tables)
names AS (
    SELECT story_id, list(DISTINCT party ORDER BY party) AS parties
    FROM (SELECT story_id, unnest([acquirer, target, seller, customer, vendor, competitor]) AS party
          FROM events WHERE story_id IS NOT NULL)
    WHERE party IS NOT NULL GROUP BY story_id)
SELECT s.story_id, s.event_type, s.subtype,
       s.named.acquirer AS acquirer, s.named.target AS target, s.named.seller AS seller,
       s.named.customer AS customer, s.named.vendor AS vendor, s.named.competitor AS competitor,
       n.parties, s.latest_status, s.money.amount AS amount, s.money.currency AS currency,
       s.stake_pct, s.first_seen_at, s.last_seen_at, s.article_count, s.event_count, s.outlets,
       s.max_confidence, k.story_key
FROM summary s LEFT JOIN names n ON n.story_id = s.story_id
LEFT JOIN story_keys k ON k.story_id = s.story_id;
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
    (4, "runs", """
-- One row per monitoring run: what it did, for `dealwatch status` and for SQL.
CREATE TABLE runs (
    run_id             VARCHAR PRIMARY KEY,   -- the Prefect flow run id
    started_at         TIMESTAMPTZ NOT NULL,
    finished_at        TIMESTAMPTZ NOT NULL,
    outcome            VARCHAR NOT NULL,      -- 'completed', 'completed with errors' or 'skipped'
    all_feeds          BOOLEAN NOT NULL,      -- `run --all`: every feed polled, due or not
    feeds_polled       INTEGER NOT NULL,
    feeds_not_modified INTEGER NOT NULL,
    feeds_failed       INTEGER NOT NULL,
    new_articles       INTEGER NOT NULL,
    articles_failed    INTEGER NOT NULL,
    new_deals          INTEGER NOT NULL,
    new_customer_changes INTEGER NOT NULL,
    new_stories        INTEGER NOT NULL,
    alerts_sent        INTEGER NOT NULL,
    alerts_pending     INTEGER NOT NULL,
    seconds            DOUBLE NOT NULL,       -- wall time of the whole run
    summary            JSON NOT NULL          -- the whole summary: durations by stage, errors, skip reason
);
CREATE INDEX runs_started ON runs (started_at);
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
