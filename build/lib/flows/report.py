"""The run report: a Prefect markdown artifact with the run's counts and its new events, with links.

    markdown = run_markdown(summary.as_dict(), summary.new_event_rows)
    publish_report(summary.as_dict(), summary.new_event_rows)   # inside a flow run

The artifact has the key `dealwatch-run`, so the Prefect UI shows its history run after run.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flows.digest import format_amount

ARTIFACT_KEY = "dealwatch-run"
MAX_ROWS = 200   # a run after a long outage can find thousands; the database has them all


def _cell(value: Any) -> str:
    """Returns a value safe inside a markdown table cell (no pipes, no line breaks)."""
    if value is None:
        return ""
    return " ".join(str(value).split()).replace("|", "\\|")


def _link(url: str | None) -> str:
    if not url or urlsplit(url).scheme not in ("http", "https"):
        return _cell(url)
    label = urlsplit(url).netloc
    target = url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
    return f"[{_cell(label)}]({target})"


def _parties(e: dict) -> str:
    if e.get("event_type") == "deal":
        text = f"{e.get('acquirer') or '?'} → {e.get('target') or '?'}"
        return text + (f" (from {e['seller']})" if e.get("seller") else "")
    text = f"{e.get('customer') or '?'} · {e.get('vendor') or '?'}"
    return text + (f" (to {e['competitor']})" if e.get("competitor") else "")


def report_order(e: dict) -> tuple:
    """Returns the sort key of the report's events: deals first, then the largest amounts."""
    return e.get("event_type") != "deal", -(e.get("amount") or 0)


def events_table(rows: list[dict], total: int | None = None) -> str:
    """Returns the events as a markdown table: type, parties, amount, stake, status, confidence, link.

    `total` is the number of new events when `rows` holds only the first of them (the pipeline
    keeps MAX_ROWS); it defaults to len(rows).
    """
    total = max(total or 0, len(rows))
    lines = ["| type | subtype | parties | amount | stake | status | confidence | article |",
             "|---|---|---|---|---|---|---|---|"]
    ordered = sorted(rows, key=report_order)
    for e in ordered[:MAX_ROWS]:
        stake = f"{e['stake_pct']:g}%" if e.get("stake_pct") is not None else ""
        confidence = f"{e['confidence']:.2f}" if e.get("confidence") is not None else ""
        lines.append("| " + " | ".join([
            _cell(e.get("event_type")), _cell(e.get("subtype")), _cell(_parties(e)),
            _cell(format_amount(e.get("amount"), e.get("currency"))), stake, _cell(e.get("status")),
            confidence, _link(e.get("article_url"))]) + " |")
    shown = min(len(rows), MAX_ROWS)
    if total > shown:
        lines.append(f"\n… and {total - shown} more: `dealwatch events` lists them all.")
    return "\n".join(lines)


def run_markdown(summary: dict, rows: list[dict]) -> str:
    """Returns the report of one run as markdown: what happened, then the new events."""
    if summary.get("skipped"):
        return f"# dealwatch run skipped\n\n{summary['skipped']}.\n"
    events = summary.get("new_events") or {}
    counts = [("feeds polled", summary.get("feeds_polled", 0)),
              ("feeds not modified", summary.get("feeds_not_modified", 0)),
              ("feeds failed", summary.get("feeds_failed", 0)),
              ("new articles", summary.get("new_articles", 0)),
              ("articles failed", summary.get("articles_failed", 0))]
    counts += [(f"new {kind.replace('_', ' ')} events", n) for kind, n in sorted(events.items())]
    counts += [("new stories", summary.get("new_stories", 0)),
               ("alerts sent", summary.get("alerts_sent", 0)),
               ("alerts pending", summary.get("alerts_pending", 0))]
    counts += [(f"seconds {stage}", secs) for stage, secs in (summary.get("seconds") or {}).items()]
    parts = ["# dealwatch run", "", "| | |", "|---|---|"]
    parts += [f"| {name} | {value} |" for name, value in counts]
    total = max(len(rows), sum(events.values()))
    parts += ["", f"## New events ({total})", ""]
    parts.append(events_table(rows, total) if rows else "No new events in this run.")
    errors = summary.get("errors") or []
    if errors:
        parts += ["", f"## Problems ({len(errors)})", ""] + [f"- {_cell(e)}" for e in errors]
    return "\n".join(parts) + "\n"


def publish_report(summary: dict, rows: list[dict]) -> Any:
    """Creates the run's markdown artifact in Prefect (inside a flow run); returns its id."""
    from prefect.artifacts import create_markdown_artifact

    n = max(len(rows), sum((summary.get("new_events") or {}).values()))
    return create_markdown_artifact(
        key=ARTIFACT_KEY, markdown=run_markdown(summary, rows),
        description=f"dealwatch run: {n} new event{'s' if n != 1 else ''}")
