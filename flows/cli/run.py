"""Running the monitor: `init`, `run`, `demo`."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from extract.clean import display_text
from extract.errors import ConfigError, DealwatchError
from flows.cli.output import print_rows
from flows.config import config_path


def register(sub) -> None:
    p = sub.add_parser("init", help="write a commented starter dealwatch.toml")
    p.add_argument("--config", help="where to write it (default ./dealwatch.toml)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("run", help="one monitoring pass over the feeds that are due")
    p.add_argument("--config", help="config file (default ./dealwatch.toml or $DEALWATCH_CONFIG)")
    p.add_argument("--db", help="DuckDB file (overrides the config and $DEALWATCH_DB)")
    p.add_argument("--all", dest="all_feeds", action="store_true", help="poll every feed, due or not")
    p.add_argument("--progress", choices=("auto", "bars", "lines"), default="auto",
                   help="progress bars on a terminal, log lines otherwise (default auto)")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("demo", help="the whole pipeline offline on the bundled seed feed")
    p.add_argument("--db", default="dealwatch.duckdb", help="DuckDB file (default ./dealwatch.duckdb)")
    p.add_argument("--outbox", default="outbox", help="folder for the alert .eml files (default ./outbox)")
    p.set_defaults(func=cmd_demo)


def cmd_init(args) -> int:
    from flows.starter import STARTER_CONFIG

    path = config_path(args.config)
    if path.exists() and not args.force:
        raise ConfigError(f"{path} already exists; use --force to overwrite it")
    try:
        path.write_text(STARTER_CONFIG, encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write the starter config ({exc.strerror}); "
                          "give a --config path in a folder that exists and you can write to") from exc
    print(f"wrote {path}: edit the [[feeds]] and [alerts] sections, then run `dealwatch run`")
    return 0


def print_summary(summary: dict) -> None:
    """Prints a run summary as a two-column table, then its problems one per line."""
    if summary.get("skipped"):
        print(f"run skipped: {summary['skipped']}")
        return
    events = {"deal": 0, "customer_change": 0, **(summary.get("new_events") or {})}
    rows = [
        ("feeds polled", summary["feeds_polled"]),
        ("feeds not modified", summary["feeds_not_modified"]),
        ("feeds failed", summary["feeds_failed"]),
        ("new articles", summary["new_articles"]),
        ("articles failed", summary["articles_failed"]),
    ]
    rows += [(f"new {kind.replace('_', ' ')} events", n) for kind, n in events.items()]
    rows += [
        ("new stories", summary["new_stories"]),
        ("alerts sent", summary["alerts_sent"]),
        ("alerts pending", summary["alerts_pending"]),
    ]
    rows += [(f"seconds {stage}", f"{secs:.2f}") for stage, secs in summary.get("seconds", {}).items()]
    print_rows(("summary", "value"), rows)
    for err in summary.get("errors", []):
        print(f"  ! {display_text(err, limit=2000)}")


def temporary_server_note() -> str | None:
    """Returns what to tell the user when no Prefect server is set and the run starts its own."""
    from prefect.settings import get_current_settings

    if get_current_settings().api.url:
        return None
    return ("note: no Prefect server set (PREFECT_API_URL), so this run starts a temporary one, which "
            "takes several seconds; for runs from cron, keep one running (`prefect server start`) and "
            "export PREFECT_API_URL=http://127.0.0.1:4200/api (README: Scheduling)")


def cmd_run(args) -> int:
    from flows.cluster import open_cluster
    from flows.config import load_settings
    from flows.pipeline import monitor

    from flows.cli.progress import progress_display

    settings = load_settings(args.config, db=args.db)   # fail fast, before Prefect starts, on a bad config
    with open_cluster(settings.run):   # and on a cluster that cannot be used (one line, no traceback)
        pass
    note = temporary_server_note()
    if note:
        print(note, file=sys.stderr, flush=True)
    bars = None if args.progress == "auto" else args.progress == "bars"
    try:
        with progress_display(bars):
            summary = monitor(config=str(config_path(args.config)), db=args.db, all_feeds=args.all_feeds)
    except DealwatchError:
        raise
    except Exception as exc:  # the flow's own log holds the details; the user gets one line, exit 1
        raise DealwatchError(f"the run could not proceed ({type(exc).__name__}: {exc}); "
                             "see the log above, fix the cause and run again") from exc
    print_summary(summary)
    return 0   # completed, even when feeds or articles failed: they are in the summary


def cmd_demo(args) -> int:
    from flows.demo import DEMO_FEED_NAME, SEEDS, demo_config, serve_directory
    from flows.pipeline import monitor
    from storage.db import connect
    from storage.feeds import forget_other_feeds

    db = os.path.abspath(args.db)
    outbox = os.path.abspath(args.outbox)
    with serve_directory(SEEDS) as base, tempfile.TemporaryDirectory() as tmp:
        if os.path.exists(db):
            # An earlier demo served the seed feed on another port: that feed is gone, not failing.
            with connect(db) as con:
                forget_other_feeds(con, DEMO_FEED_NAME, base + "feed.xml")
        config = Path(tmp) / "demo.toml"
        config.write_text(demo_config(base + "feed.xml", db=db, outbox=outbox), encoding="utf-8")
        summary = monitor(config=str(config), all_feeds=True)
    print_summary(summary)
    with connect(db, read_only=True) as con:
        cur = con.execute(
            """SELECT event_type, subtype, coalesce(acquirer, customer) AS party,
                      coalesce(target, vendor) AS counterparty, amount, currency, stake_pct, status,
                      round(confidence, 2) AS confidence
               FROM events ORDER BY event_type DESC, subtype, party""")
        print()
        print(f"Events in {db}:")
        print_rows([d[0] for d in cur.description], cur.fetchall())
    emails = sorted(Path(outbox).glob("*.eml")) if Path(outbox).exists() else []
    print(f"\nAlert emails in {outbox}: {len(emails)}"
          + (f" (this run sent {summary['alerts_sent']})" if emails else ""))
    return 0
