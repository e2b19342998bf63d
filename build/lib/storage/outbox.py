"""The alerts outbox: which stories need an alert (new, or updated), and each alert's delivery state.

An alert is recorded (status 'pending') together with one `alert_items` row per story and reason
before it is sent, and marked 'sent' after the server accepts it. The unique (story_id, reason) key
makes each story alert once per reason ('new', 'status:<status>', 'amount'), however often the run
is repeated. Each item also records the status and amount the alert reported, so a later run can
tell whether the story has changed since.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

import duckdb

# Only mentions stored this recently are considered. Every run queues right after it stores, so this
# loses nothing in normal operation; it keeps each run's work bounded, and it stops a watchlist or
# filter change from mailing out stories that were news weeks ago.
LOOKBACK = timedelta(days=7)

# How far a deal has progressed; an update goes out only when a story moves forward.
_PROGRESS = {"reported": 0, "considering": 0, "announced": 1, "completed": 2}
_TERMINAL = ("cancelled", "denied")


@dataclass
class StoryAlert:
    """A story that needs an alert: what to show for it, and why it alerts.

    `event` is the mention shown (event row fields plus event_id, published_at, ...), with the
    story's current status and best-known amount and stake filled in; `article` is where it was read.
    """

    story_id: str
    event: dict
    article: dict                          # url, title, site_name, feed_title, feed_name, published_at
    reasons: list[str] = field(default_factory=lambda: ["new"])
    previous_status: str | None = None     # for updates: the status the last alert reported
    mentions: int = 1                      # articles that reported the story so far

    @property
    def is_update(self) -> bool:
        return "new" not in self.reasons


@dataclass
class OutboxAlert:
    alert_id: str
    kind: str
    subject: str
    recipients: list[str]
    story_ids: list[str]
    event_ids: list[str]
    transport: str
    message: str
    message_id: str
    status: str = "pending"
    attempts: int = 0
    last_error: str | None = None
    created_at: datetime | None = None
    sent_at: datetime | None = None


def update_reasons(alerted: Sequence[tuple[str, str | None, float | None]], status: str,
                   amount: float | None) -> list[str]:
    """Returns the update reasons a story now has, given its earlier items (reason, status, amount).

    A story moves forward (reported/considering → announced → completed), ends (cancelled, denied),
    or gets a known amount; going back (a late 'reported' article) is not news. Each reason at most once.

        >>> update_reasons([("new", "reported", None)], "completed", 14.3e9)
        ['status:completed', 'amount']
    """
    used = {reason for reason, _, _ in alerted}
    statuses = [s for _, s, _ in alerted if s]
    reasons = []
    if status in _PROGRESS:
        best = max((_PROGRESS.get(s, 0) for s in statuses), default=0)
        if _PROGRESS[status] > best and not any(s in _TERMINAL for s in statuses):
            reasons.append(f"status:{status}")
    elif status in _TERMINAL and status not in statuses:
        reasons.append(f"status:{status}")
    if amount is not None and all(a is None for _, _, a in alerted):
        reasons.append("amount")
    return [r for r in reasons if r not in used]


def _rows(cur: duckdb.DuckDBPyConnection) -> list[dict]:
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, values)) for values in cur.fetchall()]


# Columns of the mentions query that describe the article and its feed, not the event.
_ARTICLE_COLUMNS = ("url", "article_title", "site_name", "feed_title", "feed_name", "article_published_at")


def _summarise(story_id: str, mentions: list[dict]) -> StoryAlert:
    """Returns the story as one alert: its latest status, shown through its best mention of it."""
    # Latest first: the newest article says where the deal stands now.
    mentions.sort(key=lambda m: (m["published_at"] or m["detected_at"], m["detected_at"]), reverse=True)
    status = mentions[0]["status"]
    shown = max((m for m in mentions if m["status"] == status),
                key=lambda m: (m["confidence"], -m["detected_at"].timestamp()))
    event = {k: v for k, v in shown.items()
             if k not in _ARTICLE_COLUMNS}
    # The story's best-known figures, when the shown article does not state them.
    for keys in (("amount", "currency"), ("stake_pct",)):
        if event[keys[0]] is None:
            known = [m for m in mentions if m[keys[0]] is not None]
            if known:
                best = max(known, key=lambda m: m["confidence"])
                event.update({k: best[k] for k in keys})
    article = {"url": shown["url"], "title": shown["article_title"], "site_name": shown["site_name"],
               "feed_title": shown["feed_title"], "feed_name": shown["feed_name"],
               "published_at": shown["article_published_at"]}
    return StoryAlert(story_id, event, article,
                      mentions=len({m["article_url"] for m in mentions}))


def alert_candidates(con: duckdb.DuckDBPyConnection, *, event_types: Sequence[str],
                     min_confidence: float = 0.0, updates: bool = False,
                     now: datetime | None = None) -> list[StoryAlert]:
    """Returns the stories that need an alert, oldest first: new ones, and updated ones if asked.

    Only mentions of the given types, at least `min_confidence`, count. A story is new when it has
    no 'new' item yet; updated when a mention arrived after its last alert and `update_reasons`
    finds a change. Watchlists are applied by the caller, on the returned parties.
    """
    since = (now or datetime.now(timezone.utc)) - LOOKBACK
    wanted = """e.event_type IN (SELECT unnest(?::VARCHAR[])) AND e.confidence >= ?"""
    update_clause = """
           OR (e.detected_at > (SELECT max(i.created_at) FROM alert_items i WHERE i.story_id = e.story_id)
               AND e.story_id IN (SELECT story_id FROM alert_items WHERE reason = 'new'))""" if updates else ""
    story_ids = [r[0] for r in con.execute(
        f"""SELECT DISTINCT e.story_id FROM events e
            WHERE {wanted} AND e.detected_at >= ? AND e.story_id IS NOT NULL
              AND (e.story_id NOT IN (SELECT story_id FROM alert_items WHERE reason = 'new')
                   {update_clause})""",
        [list(event_types), min_confidence, since]).fetchall()]
    if not story_ids:
        return []
    mentions: dict[str, list[dict]] = {}
    for row in _rows(con.execute(
            f"""SELECT e.*, a.title AS article_title, a.site_name, a.url AS url,
                       a.published_at AS article_published_at, f.title AS feed_title, f.name AS feed_name
                FROM events e JOIN articles a ON a.url = e.article_url
                LEFT JOIN feeds f ON f.url = a.feed_url
                WHERE {wanted} AND e.story_id IN (SELECT unnest(?::VARCHAR[]))""",
            [list(event_types), min_confidence, story_ids])):
        mentions.setdefault(row["story_id"], []).append(row)
    alerted: dict[str, list[tuple]] = {}
    for sid, reason, status, amount in con.execute(
            """SELECT story_id, reason, status, amount FROM alert_items
               WHERE story_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY created_at""",
            [story_ids]).fetchall():
        alerted.setdefault(sid, []).append((reason, status, amount))
    out = []
    for sid, rows in mentions.items():
        story = _summarise(sid, rows)
        if sid in alerted:
            if not any(reason == "new" for reason, _, _ in alerted[sid]):
                continue
            story.reasons = update_reasons(alerted[sid], story.event["status"], story.event["amount"])
            if not story.reasons:
                continue
            story.previous_status = next((s for _, s, _ in reversed(alerted[sid]) if s), None)
        out.append(story)
    out.sort(key=lambda s: (s.event["detected_at"], s.event["event_id"]))
    return out


def enqueue(con: duckdb.DuckDBPyConnection, alert: OutboxAlert, stories: Sequence[StoryAlert]) -> None:
    """Records a pending alert and claims its stories' reasons; call inside a transaction."""
    now = datetime.now(timezone.utc)
    con.execute(
        """INSERT INTO alerts (alert_id, kind, subject, recipients, story_ids, event_ids, transport,
                               message, message_id, status, attempts, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?)""",
        [alert.alert_id, alert.kind, alert.subject, alert.recipients, alert.story_ids,
         alert.event_ids, alert.transport, alert.message, alert.message_id, now])
    con.executemany(
        """INSERT INTO alert_items (story_id, reason, alert_id, created_at, event_id, status, amount)
           VALUES (?, ?, ?, ?, ?, ?, ?)""",
        [[s.story_id, reason, alert.alert_id, now, s.event["event_id"], s.event["status"],
          s.event["amount"]] for s in stories for reason in s.reasons])


_OUTBOX_COLUMNS = ("alert_id, kind, subject, recipients, story_ids, event_ids, transport, message, "
                   "message_id, status, attempts, last_error, created_at, sent_at")


def list_alerts(con: duckdb.DuckDBPyConnection, *, pending_only: bool = False,
                limit: int | None = None) -> list[OutboxAlert]:
    """Returns alerts from the outbox, oldest first."""
    sql = f"SELECT {_OUTBOX_COLUMNS} FROM alerts"
    if pending_only:
        sql += " WHERE status = 'pending'"
    sql += " ORDER BY created_at, alert_id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [OutboxAlert(*row) for row in con.execute(sql).fetchall()]


def mark_sent(con: duckdb.DuckDBPyConnection, alert_id: str, *, note: str | None = None) -> None:
    """Marks an alert sent: call as soon as the server has accepted it (one autocommitted statement).

    `note` keeps a partial problem, such as recipients the server refused while accepting the others.
    """
    con.execute("""UPDATE alerts SET status = 'sent', sent_at = ?, attempts = attempts + 1,
                   last_error = ? WHERE alert_id = ?""",
                [datetime.now(timezone.utc), note, alert_id])


def mark_failed(con: duckdb.DuckDBPyConnection, alert_id: str, error: str, *, give_up: bool = False) -> None:
    """Counts a failed attempt and keeps its reason; the alert stays pending for the next run, or
    becomes 'failed' (never tried again) with `give_up`."""
    con.execute("UPDATE alerts SET attempts = attempts + 1, last_error = ?, "
                "status = CASE WHEN ? THEN 'failed' ELSE status END WHERE alert_id = ?",
                [error, give_up, alert_id])
