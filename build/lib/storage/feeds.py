"""Managing the feeds table: the sources a run polls and their health, one row per feed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import duckdb

from extract.errors import DealwatchError


@dataclass
class FeedHealth:
    """A feed as `dealwatch feeds list` shows it."""

    url: str
    name: str | None
    title: str | None
    origin: str
    last_polled_at: datetime | None
    last_status: int | None
    items_seen: int
    consecutive_failures: int
    last_error: str | None
    next_poll_at: datetime | None

    @property
    def health(self) -> str:
        """Returns 'new' (never polled), 'ok', or 'failing'."""
        if self.last_polled_at is None:
            return "new"
        return "failing" if self.consecutive_failures else "ok"


def list_feeds(con: duckdb.DuckDBPyConnection) -> list[FeedHealth]:
    """Returns every feed, failing ones first, then by URL."""
    rows = con.execute(
        """SELECT url, name, title, origin, last_polled_at, last_status, items_seen,
                  consecutive_failures, last_error, next_poll_at
           FROM feeds ORDER BY consecutive_failures > 0 DESC, url""").fetchall()
    return [FeedHealth(*r) for r in rows]


def remove_feed(con: duckdb.DuckDBPyConnection, url: str) -> str:
    """Deletes a feed (its articles and events stay); returns its origin. Raises if unknown."""
    found = con.execute("SELECT origin FROM feeds WHERE url = ?", [url]).fetchone()
    if not found:
        raise DealwatchError(f"feed {url} is not in the database (see `dealwatch feeds list`)")
    con.execute("DELETE FROM feeds WHERE url = ?", [url])
    return found[0]


def forget_other_feeds(con: duckdb.DuckDBPyConnection, name: str, keep: str) -> None:
    """Deletes the feeds called `name` except the one at `keep` (a demo's feed of an earlier run,
    served on another port). Their articles and events stay."""
    con.execute("DELETE FROM feeds WHERE name = ? AND url <> ?", [name, keep])


def reset_feed(con: duckdb.DuckDBPyConnection, url: str) -> None:
    """Clears a feed's error state and validators so the next run polls it afresh."""
    found = con.execute("SELECT count(*) FROM feeds WHERE url = ?", [url]).fetchone()[0]
    if not found:
        raise DealwatchError(f"feed {url} is not in the database (see `dealwatch feeds list`)")
    con.execute(
        """UPDATE feeds SET consecutive_failures = 0, last_error = NULL, next_poll_at = NULL,
               etag = NULL, last_modified = NULL WHERE url = ?""", [url])
