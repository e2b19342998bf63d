"""The `runs` table: one row per monitoring run, written when the run ends, read by `dealwatch status`.

    record_run(con, RunRecord(run_id, started, finished, summary=summary.as_dict()))
    for row in recent_runs(con, limit=5): ...
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import duckdb


@dataclass
class RunRecord:
    """What is stored about one run; `summary` is the run summary as a dict (RunSummary.as_dict())."""

    run_id: str
    started_at: datetime
    finished_at: datetime
    summary: dict[str, Any]
    all_feeds: bool = False

    @property
    def outcome(self) -> str:
        """Returns 'skipped', 'completed with errors' or 'completed'."""
        if self.summary.get("skipped"):
            return "skipped"
        if self.summary.get("feeds_failed") or self.summary.get("errors"):
            return "completed with errors"
        return "completed"


def record_run(con: duckdb.DuckDBPyConnection, run: RunRecord) -> None:
    """Stores one run; recording the same run id again replaces the row (a retried write)."""
    s = run.summary
    events = s.get("new_events") or {}
    con.execute(
        """INSERT OR REPLACE INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [run.run_id, run.started_at, run.finished_at, run.outcome, run.all_feeds,
         s.get("feeds_polled", 0), s.get("feeds_not_modified", 0), s.get("feeds_failed", 0),
         s.get("new_articles", 0), s.get("articles_failed", 0), events.get("deal", 0),
         events.get("customer_change", 0), s.get("new_stories", 0), s.get("alerts_sent", 0),
         s.get("alerts_pending", 0), (run.finished_at - run.started_at).total_seconds(),
         json.dumps(s, default=str)])


def recent_runs(con: duckdb.DuckDBPyConnection, limit: int = 10) -> list[dict[str, Any]]:
    """Returns the latest runs, newest first, each as a dict of the table's columns (summary parsed)."""
    cur = con.execute("SELECT * FROM runs ORDER BY started_at DESC LIMIT ?", [limit])
    cols = [d[0] for d in cur.description]
    rows = [dict(zip(cols, r)) for r in cur.fetchall()]
    for row in rows:
        row["summary"] = json.loads(row["summary"]) if row["summary"] else {}
    return rows
