"""Idempotent batch writes: feeds and their poll state, articles, events.

Natural keys make reruns safe: feeds by URL, articles by canonical URL, events by a deterministic id
built from the article and the normalised parties. Batches go in as Arrow tables, not row by row.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import duckdb
import pyarrow as pa

from extract.model import Article, Event, EVENT_FIELDS, PARTY_FIELDS
from storage.db import transaction
from storage.stories import assign_stories, party_keys, story_key


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


# ---------------------------------------------------------------- feeds

def sync_feeds(con: duckdb.DuckDBPyConnection, feeds: Sequence[tuple[str, str | None]],
               *, origin: str = "config") -> int:
    """Adds feeds not yet known (url, name) and refreshes names; returns how many were new.

    One statement for the whole list (a statement per feed costs ~3 ms, a second for 300 feeds on
    every run). A URL listed twice keeps its last name given.
    """
    names: dict[str, str | None] = {}
    for url, name in feeds:
        names[url] = name if name is not None else names.get(url)
    if not names:
        return 0
    before = con.execute("SELECT count(*) FROM feeds").fetchall()[0][0]
    batch = pa.table({"url": list(names), "name": list(names.values())},
                     schema=pa.schema([("url", pa.string()), ("name", pa.string())]))
    con.register("feed_batch", batch)
    try:
        con.execute(
            """INSERT INTO feeds (url, name, origin, added_at) SELECT url, name, ?, ? FROM feed_batch
               ON CONFLICT (url) DO UPDATE SET name = coalesce(excluded.name, feeds.name)""",
            [origin, utcnow()])
    finally:
        con.unregister("feed_batch")
    return con.execute("SELECT count(*) FROM feeds").fetchall()[0][0] - before


@dataclass
class FeedState:
    """What one poll learned about a feed, written back to its row."""

    url: str
    polled_at: datetime
    status: int | None
    ok: bool
    error: str | None
    next_poll_at: datetime
    etag: str | None = None
    last_modified: str | None = None
    title: str | None = None
    items_seen: int | None = None
    moved_to: str | None = None   # a permanent redirect: the feed's new URL
    new_entries: int = 0          # entries not seen before, queued for reading
    duration_ms: int | None = None   # time spent fetching and parsing the feed


POLL_HISTORY = timedelta(days=90)   # feed_polls rows older than this are pruned


def record_poll(con: duckdb.DuckDBPyConnection, state: FeedState) -> None:
    """Stores the outcome of one poll (see record_polls)."""
    record_polls(con, [state])


_POLL_SCHEMA = pa.schema([
    ("url", pa.string()), ("polled_at", pa.timestamp("us", tz="UTC")), ("status", pa.int32()),
    ("ok", pa.bool_()), ("error", pa.string()), ("next_poll_at", pa.timestamp("us", tz="UTC")),
    ("etag", pa.string()), ("last_modified", pa.string()), ("title", pa.string()),
    ("items_seen", pa.int32()), ("new_entries", pa.int32()), ("duration_ms", pa.int32()),
])


def record_polls(con: duckdb.DuckDBPyConnection, states: Sequence[FeedState]) -> None:
    """Stores the outcome of polls: health counters, conditional-GET validators, next poll time,
    and one feed_polls history row each (pruned after POLL_HISTORY). Rerunning it changes nothing more.

    A few statements for all the feeds together: a run polling hundreds of feeds that all answer
    304 should cost next to nothing.
    """
    if not states:
        return
    last = {s.url: s for s in states}          # a feed polled twice: its last poll counts
    batch = pa.Table.from_pylist([{f: getattr(s, f) for f in _POLL_SCHEMA.names} for s in last.values()],
                                 schema=_POLL_SCHEMA)
    con.register("poll_batch", batch)
    try:
        con.execute(
            """INSERT INTO feed_polls (feed_url, polled_at, status, ok, entries, new_entries, error,
                                       duration_ms)
               SELECT url, polled_at, status, ok, CASE WHEN ok THEN items_seen END, new_entries, error,
                      duration_ms FROM poll_batch
               ON CONFLICT DO NOTHING""")
        # Every feed's old rows, so feeds removed or moved since do not keep history forever.
        con.execute("DELETE FROM feed_polls WHERE polled_at < ?",
                    [min(s.polled_at for s in states) - POLL_HISTORY])
        con.execute(
            """UPDATE feeds SET last_polled_at = b.polled_at, last_status = b.status,
                   last_ok_at = b.polled_at, consecutive_failures = 0, last_error = b.error,
                   next_poll_at = b.next_poll_at, etag = coalesce(b.etag, feeds.etag),
                   last_modified = coalesce(b.last_modified, feeds.last_modified),
                   title = coalesce(b.title, feeds.title),
                   items_seen = coalesce(b.items_seen, feeds.items_seen)
               FROM poll_batch b WHERE feeds.url = b.url AND b.ok""")
        con.execute(
            """UPDATE feeds SET last_polled_at = b.polled_at, last_status = b.status,
                   last_error = b.error, consecutive_failures = feeds.consecutive_failures + 1,
                   next_poll_at = b.next_poll_at
               FROM poll_batch b WHERE feeds.url = b.url AND NOT b.ok""")
    finally:
        con.unregister("poll_batch")
    for state in last.values():   # permanent redirects are rare: one at a time
        if state.moved_to and state.moved_to != state.url:
            taken = con.execute("SELECT count(*) FROM feeds WHERE url = ?", [state.moved_to]).fetchall()[0][0]
            if not taken:
                con.execute("UPDATE feeds SET url = ? WHERE url = ?", [state.moved_to, state.url])
                # Its articles follow it, so alerts still find the feed's title as their outlet.
                con.execute("UPDATE articles SET feed_url = ? WHERE feed_url = ?", [state.moved_to, state.url])


# ---------------------------------------------------------------- articles

def known_articles(con: duckdb.DuckDBPyConnection, urls: Iterable[str],
                   guids: Iterable[str]) -> tuple[set[str], set[str]]:
    """Returns (urls, guids) among those given that are already stored and need no new fetch.

    Articles that failed transiently are not 'known': they are fetched again on later runs.
    """
    url_list, guid_list = list(set(urls)), list(set(g for g in guids if g))
    done = "(status <> 'failed' OR attempts >= 3)"
    seen_urls = {r[0] for r in con.execute(
        f"SELECT url FROM articles WHERE {done} AND url IN (SELECT unnest(?::VARCHAR[]))",
        [url_list]).fetchall()} if url_list else set()
    seen_guids = {r[0] for r in con.execute(
        f"SELECT guid FROM articles WHERE {done} AND guid IN (SELECT unnest(?::VARCHAR[]))",
        [guid_list]).fetchall()} if guid_list else set()
    return seen_urls, seen_guids


@dataclass
class ArticleRow:
    """An article to store: extracted (status 'ok') or not (status 'failed'/'skipped' with error)."""

    url: str
    guid: str | None
    feed_url: str | None
    status: str
    article: Article | None = None
    title: str | None = None
    published_at: datetime | None = None
    error: str | None = None


_ARTICLE_SCHEMA = pa.schema([
    ("url", pa.string()), ("guid", pa.string()), ("feed_url", pa.string()), ("title", pa.string()),
    ("published_at", pa.timestamp("us", tz="UTC")), ("fetched_at", pa.timestamp("us", tz="UTC")),
    ("author", pa.string()), ("language", pa.string()), ("site_name", pa.string()),
    ("text", pa.string()), ("content_hash", pa.string()), ("status", pa.string()),
    ("error", pa.string()),
])


def store_articles(con: duckdb.DuckDBPyConnection, rows: Sequence[ArticleRow]) -> int:
    """Upserts articles by canonical URL; a failed article counts its attempts. Returns rows written."""
    if not rows:
        return 0
    now = utcnow()
    records = []
    for r in rows:
        a = r.article
        records.append({
            "url": r.url, "guid": r.guid, "feed_url": r.feed_url,
            "title": (a.title if a and a.title else r.title),
            "published_at": r.published_at or (a.published_at if a else None),
            "fetched_at": now, "author": a.author if a else None,
            "language": a.language if a else None, "site_name": a.site_name if a else None,
            "text": a.text if a else None, "content_hash": a.content_hash() if a else None,
            "status": r.status, "error": r.error,
        })
    batch = pa.Table.from_pylist(records, schema=_ARTICLE_SCHEMA)
    con.register("article_batch", batch)
    try:
        con.execute("""
            INSERT INTO articles (url, guid, feed_url, title, published_at, fetched_at, author,
                                  language, site_name, text, content_hash, status, error, attempts)
            SELECT *, 1 FROM article_batch
            ON CONFLICT (url) DO UPDATE SET
                guid = excluded.guid, title = excluded.title, published_at = excluded.published_at,
                fetched_at = excluded.fetched_at, author = excluded.author,
                language = excluded.language, site_name = excluded.site_name,
                text = excluded.text, content_hash = excluded.content_hash,
                status = excluded.status, error = excluded.error,
                attempts = articles.attempts + 1
            WHERE articles.status <> 'ok'""")
    finally:
        con.unregister("article_batch")
    return len(records)


# ---------------------------------------------------------------- events

def event_id(text_key: str, event: Event | dict) -> str:
    """Returns a stable id for an event: same text, type and parties -> same id.

    text_key is the article's content hash (its URL when the text is unknown), so a syndicated copy
    of an article already read (same text under another URL) yields the ids it already has and adds
    no second event; a rerun of the same article adds nothing either.
    """
    raw = f"{text_key}\n{story_key(event)}"
    return hashlib.sha256(raw.encode()).hexdigest()[:24]


_EVENT_COLUMNS = ("event_id", "article_url", "story_id", *EVENT_FIELDS, "published_at", "detected_at",
                  "party_keys")
_EVENT_SCHEMA = pa.schema(
    [(c, pa.string()) for c in ("event_id", "article_url", "story_id", "event_type", "subtype",
                                *PARTY_FIELDS)]
    + [("amount", pa.float64()), ("currency", pa.string()), ("stake_pct", pa.float64()),
       ("status", pa.string()), ("evidence", pa.string()), ("confidence", pa.float64()),
       ("published_at", pa.timestamp("us", tz="UTC")), ("detected_at", pa.timestamp("us", tz="UTC")),
       ("party_keys", pa.list_(pa.string()))])


def _content_hashes(con: duckdb.DuckDBPyConnection, urls: list[str]) -> dict[str, str]:
    return dict(con.execute(
        """SELECT url, content_hash FROM articles
           WHERE content_hash IS NOT NULL AND url IN (SELECT unnest(?::VARCHAR[]))""",
        [urls]).fetchall())


def store_events(con: duckdb.DuckDBPyConnection,
                 found: Sequence[tuple[str, datetime | None, Event]]) -> list[str]:
    """Stores (article_url, published_at, event) triples not stored before, each linked to its story.

    Store the articles first (same transaction): an event's id comes from its article's content
    hash. Returns the ids of the events that were new.
    """
    if not found:
        return []
    now = utcnow()
    hashes = _content_hashes(con, sorted({url for url, _, _ in found}))
    rows: dict[str, dict] = {}
    for article_url, published, ev in found:
        eid = event_id(hashes.get(article_url, article_url), ev)
        # setdefault: within a batch the first copy of a syndicated text is the one kept.
        rows.setdefault(eid, {"event_id": eid, "article_url": article_url, "story_id": None,
                              # getattr, not ev.to_dict(): asdict() deep-copies, 10x slower
                              **{f: getattr(ev, f) for f in EVENT_FIELDS},
                              "published_at": published, "detected_at": now,
                              "party_keys": party_keys(ev)})
    existing = {r[0] for r in con.execute(
        "SELECT event_id FROM events WHERE event_id IN (SELECT unnest(?::VARCHAR[]))",
        [list(rows)]).fetchall()}
    new = [r for eid, r in rows.items() if eid not in existing]
    if not new:
        return []
    assign_stories(con, new, now)
    batch = pa.Table.from_pylist(new, schema=_EVENT_SCHEMA)
    con.register("event_batch", batch)
    try:
        con.execute(f"INSERT INTO events ({', '.join(_EVENT_COLUMNS)}) "
                    f"SELECT {', '.join(_EVENT_COLUMNS)} FROM event_batch ON CONFLICT DO NOTHING")
    finally:
        con.unregister("event_batch")
    return [r["event_id"] for r in new]


# ---------------------------------------------------------------- a batch, or row by row

# What a write of odd values raises: DuckDB's errors, pyarrow's conversion errors (a string that
# cannot be encoded, a number or date out of range).
_WRITE_ERRORS = (duckdb.Error, pa.ArrowException, ValueError, TypeError, OverflowError)

def store_batch_or_rows(con: duckdb.DuckDBPyConnection, rows: Sequence[ArticleRow],
                        found: Sequence[tuple[str, datetime | None, Event]]
                        ) -> tuple[list[str], list[str]]:
    """Stores articles and their events in one transaction; when that fails, retries them one
    article at a time, so only the offending one is rejected. Returns (new event ids, rejections).

    A rejected article is stored as 'skipped' with the reason in `error` when even that can be
    written; every rejection is also returned as 'article URL: could not be stored (…)'.
    """
    try:
        with transaction(con):
            store_articles(con, rows)
            return store_events(con, found), []
    except _WRITE_ERRORS:
        pass   # retried below, one article at a time
    by_url: dict[str, list] = {}
    for item in found:
        by_url.setdefault(item[0], []).append(item)
    new_ids: list[str] = []
    rejected: list[str] = []
    for row in rows:
        try:
            with transaction(con):
                store_articles(con, [row])
                new_ids += store_events(con, by_url.get(row.url, []))
            continue
        except _WRITE_ERRORS as exc:
            reason = f"could not be stored ({type(exc).__name__}: {' '.join(str(exc).split())[:300]})"
        rejected.append(f"article {row.url}: {reason}")
        try:
            with transaction(con):
                store_articles(con, [ArticleRow(url=row.url, guid=row.guid, feed_url=row.feed_url,
                                                status="skipped", error=reason)])
        except _WRITE_ERRORS:
            pass   # the rejection is in the run summary; the row itself cannot be written
    return new_ids, rejected
