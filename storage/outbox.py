"""The alerts outbox: which stories still need an alert, and each alert's delivery state.

An alert is recorded (status 'pending') together with one `alert_items` row per story before it is
sent, and marked 'sent' after the server accepts it. The unique (story_id, reason) key makes each
story alert once, however often the run is repeated.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

import duckdb


@dataclass
class StoryAlert:
    """A story that needs an alert, with its best event and the article it was read from."""

    story_id: str
    event: dict           # the event row (EVENTS.md fields, event_id, published_at, ...)
    article: dict         # url, title, site_name, published_at


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


def stories_needing_alert(con: duckdb.DuckDBPyConnection, *, event_types: Sequence[str],
                          min_confidence: float = 0.0) -> list[StoryAlert]:
    """Returns stories of the given types that have no 'new' alert yet, oldest first.

    The event shown is the story's most confident mention, ties broken by the earliest.
    """
    rows = con.execute(
        """
        WITH candidates AS (
            SELECT e.*, a.title AS article_title, a.site_name, a.url AS url,
                   a.published_at AS article_published_at,
                   row_number() OVER (PARTITION BY e.story_id
                                      ORDER BY e.confidence DESC, e.detected_at, e.event_id) AS rank
            FROM events e JOIN articles a ON a.url = e.article_url
            WHERE e.event_type IN (SELECT unnest(?::VARCHAR[])) AND e.confidence >= ?
              AND e.story_id NOT IN (SELECT story_id FROM alert_items WHERE reason = 'new'))
        SELECT * FROM candidates WHERE rank = 1 ORDER BY detected_at, event_id""",
        [list(event_types), min_confidence]).fetchall()
    cols = [d[0] for d in con.description]
    alerts = []
    for values in rows:
        row = dict(zip(cols, values))
        article = {"url": row.pop("url"), "title": row.pop("article_title"),
                   "site_name": row.pop("site_name"),
                   "published_at": row.pop("article_published_at")}
        row.pop("rank")
        alerts.append(StoryAlert(row["story_id"], row, article))
    return alerts


def enqueue(con: duckdb.DuckDBPyConnection, alert: OutboxAlert, *, reason: str = "new") -> None:
    """Records a pending alert and claims its stories; call inside a transaction."""
    now = datetime.now(timezone.utc)
    con.execute(
        """INSERT INTO alerts (alert_id, kind, subject, recipients, story_ids, event_ids, transport,
                               message, message_id, status, attempts, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?)""",
        [alert.alert_id, alert.kind, alert.subject, alert.recipients, alert.story_ids,
         alert.event_ids, alert.transport, alert.message, alert.message_id, now])
    con.executemany(
        "INSERT INTO alert_items (story_id, reason, alert_id, created_at) VALUES (?, ?, ?, ?)",
        [[sid, reason, alert.alert_id, now] for sid in alert.story_ids])


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


def mark_sent(con: duckdb.DuckDBPyConnection, alert_id: str) -> None:
    con.execute("""UPDATE alerts SET status = 'sent', sent_at = ?, attempts = attempts + 1,
                   last_error = NULL WHERE alert_id = ?""",
                [datetime.now(timezone.utc), alert_id])


def mark_failed(con: duckdb.DuckDBPyConnection, alert_id: str, error: str) -> None:
    con.execute("UPDATE alerts SET attempts = attempts + 1, last_error = ? WHERE alert_id = ?",
                [error, alert_id])
