"""Stories: one real-world event reported by many articles.

Event mentions share a story when they have the same event type and the same normalised parties
("Meta Platforms, Inc." = "Meta") and the story was last seen within STORY_WINDOW.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from datetime import datetime, timedelta

import duckdb

from extract.model import Event

STORY_WINDOW = timedelta(days=30)

_SUFFIXES = re.compile(
    r"\b(inc|incorporated|corp|corporation|co|company|ltd|limited|llc|plc|ag|se|sa|nv|bv|gmbh|kgaa|"
    r"group|holdings?|platforms|technologies|the)\b\.?", re.I)


def fold_name(name: str) -> str:
    """Returns a party name folded for matching: 'The Meta Platforms, Inc.' -> 'meta'."""
    folded = _SUFFIXES.sub(" ", name.replace("’", "'"))
    folded = re.sub(r"[^\w&]+", " ", folded.lower())
    return " ".join(folded.split()) or name.strip().lower()


def _roles(event_type: str) -> tuple[str, ...]:
    return ("acquirer", "target", "seller") if event_type == "deal" else ("customer", "vendor")


def story_key(event: Event | dict) -> str:
    """Returns the key that groups mentions of one real-world event: type plus folded parties."""
    get = event.get if isinstance(event, dict) else lambda k: getattr(event, k)
    event_type = get("event_type")
    parties = sorted(fold_name(get(r)) for r in _roles(event_type) if get(r))
    return f"{event_type}|{'|'.join(parties)}"


def assign_stories(con: duckdb.DuckDBPyConnection, rows: Sequence[dict], now: datetime) -> None:
    """Sets row['story_id'] for each event row, creating stories or extending recent ones."""
    for row in rows:
        key = story_key(row)
        seen = row.get("published_at") or now
        found = con.execute(
            """SELECT story_id FROM story_keys WHERE story_key = ? AND last_seen_at >= ?
               ORDER BY last_seen_at DESC LIMIT 1""", [key, seen - STORY_WINDOW]).fetchone()
        if found:
            story_id = found[0]
            con.execute(
                """UPDATE story_keys SET last_seen_at = greatest(last_seen_at, ?),
                       first_seen_at = least(first_seen_at, ?) WHERE story_id = ?""",
                [seen, seen, story_id])
        else:
            story_id = hashlib.sha256(f"{key}\n{seen.isoformat()}".encode()).hexdigest()[:16]
            con.execute(
                """INSERT INTO story_keys (story_id, story_key, event_type, first_seen_at, last_seen_at)
                   VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                [story_id, key, row["event_type"], seen, seen])
        row["story_id"] = story_id
