"""Operating dealwatch: `status`, `config show`, `check`."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from extract.errors import ConfigError, DealwatchError
from flows.cli.output import print_rows


def register(sub) -> None:
    p = sub.add_parser("status", help="last runs, feeds in error, alerts pending, database size",
                       description="Show the last runs with their summaries, the feeds whose last poll "
                                   "failed, the alerts not yet delivered and the size of the database.")
    p.add_argument("--config", help="config file (default ./dealwatch.toml or $DEALWATCH_CONFIG)")
    p.add_argument("--db", help="DuckDB file (default: the config's `database`, or $DEALWATCH_DB)")
    p.add_argument("--runs", type=int, default=5, help="how many recent runs to show (default 5)")
    p.set_defaults(func=cmd_status)

    p = sub.add_parser("config", help="show the effective configuration",
                       description="Configuration commands.")
    config_sub = p.add_subparsers(dest="config_command", metavar="SUBCOMMAND", required=True)
    show = config_sub.add_parser("show", help="print the effective configuration, secrets masked",
                                 description="Print every setting (defaults included) as TOML, with "
                                             "secrets masked: the SMTP password is never shown.")
    show.add_argument("--config", help="config file (default ./dealwatch.toml or $DEALWATCH_CONFIG)")
    show.add_argument("--db", help="DuckDB file (overrides the config and $DEALWATCH_DB)")
    show.set_defaults(func=cmd_config_show)

    p = sub.add_parser("check", help="validate the configuration and report every problem",
                       description="Validate the config file and report every problem at once: unknown "
                                   "keys, wrong types, bad cron or time zone, incomplete alert settings, "
                                   "an unusable database; with --smtp, also connect to the SMTP server.")
    p.add_argument("--config", help="config file (default ./dealwatch.toml or $DEALWATCH_CONFIG)")
    p.add_argument("--db", help="DuckDB file (overrides the config and $DEALWATCH_DB)")
    p.add_argument("--smtp", action="store_true",
                   help="also connect and log in to the SMTP server (sends nothing)")
    p.set_defaults(func=cmd_check)


# ---------------------------------------------------------------- status

def _size(path: str) -> str:
    total = sum(os.path.getsize(p) for p in (path, f"{path}.wal") if os.path.exists(p))
    for unit in ("bytes", "KB", "MB", "GB"):
        if total < 1024 or unit == "GB":
            return f"{total:,.0f} {unit}" if unit == "bytes" else f"{total:,.1f} {unit}"
        total /= 1024
    return ""


def _local(ts: datetime | None) -> datetime | None:
    return ts.astimezone() if ts is not None else None


def cmd_status(args) -> int:
    from flows.cli.query import database_path
    from storage.db import connect
    from storage.runs import recent_runs

    if args.runs < 0:
        raise DealwatchError(f"--runs {args.runs}: give a number of runs, 0 or more")
    path = database_path(args)
    with connect(path, read_only=True) as con:
        has_runs = con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'runs'").fetchone()[0]
        runs = recent_runs(con, args.runs) if has_runs else []
        failing = con.execute(
            """SELECT url, consecutive_failures, last_polled_at, next_poll_at, last_error FROM feeds
               WHERE last_error IS NOT NULL ORDER BY consecutive_failures DESC, url""").fetchall()
        feeds = con.execute("SELECT count(*) FROM feeds").fetchone()[0]
        pending, oldest, last_error = con.execute(
            """SELECT count(*), min(created_at), arg_max(last_error, created_at) FROM alerts
               WHERE status = 'pending'""").fetchone()
    print(f"database {path}: {_size(path)}, {feeds} feed(s)")
    print()
    if runs:
        print(f"Last {len(runs)} run(s), newest first (local time):")
        rows = []
        for r in runs:
            s = r["summary"]
            rows.append((_local(r["started_at"]), r["outcome"], r["feeds_polled"], r["feeds_not_modified"],
                         r["feeds_failed"], r["new_articles"], r["new_deals"], r["new_customer_changes"],
                         r["new_stories"], r["alerts_sent"], r["alerts_pending"], round(r["seconds"], 1),
                         s.get("skipped") or "; ".join(s.get("errors") or [])))
        print_rows(("started", "outcome", "polled", "not_modified", "failed", "articles", "deals",
                    "customer_changes", "stories", "sent", "pending", "seconds", "note"), rows)
    elif has_runs:
        print("No runs recorded yet: run `dealwatch run` or `dealwatch serve`.")
    else:
        print("No runs recorded: this database predates run records; `dealwatch migrate` adds them.")
    print()
    if failing:
        print(f"Feeds in error: {len(failing)}")
        print_rows(("feed", "failures", "last_polled", "next_poll", "last_error"),
                   [(u, n, _local(lp), _local(nx), e) for u, n, lp, nx, e in failing], max_width=80)
    else:
        print("Feeds in error: none")
    print()
    if pending:
        print(f"Alerts pending: {pending} (oldest {_local(oldest):%Y-%m-%d %H:%M}; last error: "
              f"{last_error or 'none'})")
    else:
        print("Alerts pending: none")
    return 0


# ---------------------------------------------------------------- config show, check

def cmd_config_show(args) -> int:
    from flows.config import config_path, load_settings
    from flows.showconfig import render_settings

    settings = load_settings(args.config, db=args.db, require_file=bool(args.config)
                             or config_path(None).exists())
    overridden = "--db" if args.db else ("$DEALWATCH_DB" if os.environ.get("DEALWATCH_DB") else None)
    print(render_settings(settings, overridden_db=overridden), end="")
    return 0


def cmd_check(args) -> int:
    from flows.checks import check_config

    report = check_config(args.config, db=args.db, smtp=args.smtp)
    for note in report.notes:
        print(f"ok: {note}")
    if report.problems:
        for problem in report.problems:
            print(f"problem: {problem}")
        n = len(report.problems)
        raise ConfigError(f"{report.file}: {n} problem{'s' if n != 1 else ''} found (listed above)")
    print(f"{Path(report.file)}: no problems found")
    return 0
