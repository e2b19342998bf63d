"""Reading the database: `sql`, `events`, `migrate`."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import duckdb

from extract.errors import DealwatchError, StorageError
from flows.cli.output import FORMATS, print_rows
from flows.config import load_settings
from storage.db import connect
from storage.schema import LATEST


def _db_args(p) -> None:
    p.add_argument("--db", help="DuckDB file (default: the config's `database`, or $DEALWATCH_DB)")
    p.add_argument("--config", help="config file (default ./dealwatch.toml or $DEALWATCH_CONFIG)")


def database_path(args) -> str:
    """Returns the database the command should use: --db, $DEALWATCH_DB, the config's, the default."""
    return load_settings(args.config, db=args.db, require_file=bool(args.config)).database


def register(sub) -> None:
    p = sub.add_parser("sql", help="run a read-only SQL query",
                       description="Run one read-only SQL statement against the database.")
    p.add_argument("query", help='e.g. "SELECT * FROM events LIMIT 5"')
    p.add_argument("--format", choices=FORMATS, default="table")
    _db_args(p)
    p.set_defaults(func=cmd_sql)

    p = sub.add_parser("events", help="list the latest events, newest first")
    p.add_argument("--since", default="30d", help="age limit such as 7d, 12h or 90m (default 30d)")
    p.add_argument("--type", choices=("deal", "customer_change"))
    p.add_argument("--company", help="match any party (case-insensitive, legal suffixes ignored)")
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--format", choices=FORMATS, default="table")
    _db_args(p)
    p.set_defaults(func=cmd_events)

    p = sub.add_parser("migrate", help="bring the database schema up to date")
    _db_args(p)
    p.set_defaults(func=cmd_migrate)


def cmd_sql(args) -> int:
    path = database_path(args)
    with connect(path, read_only=True) as con:
        try:
            cur = con.execute(args.query)
        except duckdb.Error as exc:
            message = str(exc)
            if "read-only" in message.lower() or "read only" in message.lower():
                raise DealwatchError(
                    "dealwatch sql is read-only: the statement would change the database "
                    "(use SELECT, or open the file with the duckdb shell while no run is going)") from exc
            raise StorageError(f"query failed: {message}") from exc
        if cur.description is None:
            return 0
        columns = [d[0] for d in cur.description]
        print_rows(columns, cur.fetchall(), args.format)
    return 0


def parse_age(text: str) -> timedelta:
    """Returns the timedelta of an age such as '7d', '12h', '90m' or '2w'."""
    m = re.fullmatch(r"\s*(\d+)\s*([mhdw])\s*", text or "")
    if not m:
        raise DealwatchError(f"--since {text!r}: use a number and a unit, e.g. 7d, 12h, 90m or 2w")
    unit = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}[m.group(2)]
    return timedelta(**{unit: int(m.group(1))})


def cmd_events(args) -> int:
    from storage.stories import fold_name

    since = datetime.now(timezone.utc) - parse_age(args.since)
    sql = """SELECT coalesce(e.published_at, e.detected_at) AS seen_at, e.event_type, e.subtype,
                    e.acquirer, e.target, e.seller, e.customer, e.vendor, e.competitor,
                    e.amount, e.currency, e.stake_pct, e.status, round(e.confidence, 2) AS confidence,
                    e.article_url
             FROM events e WHERE coalesce(e.published_at, e.detected_at) >= ?"""
    params: list = [since]
    if args.type:
        sql += " AND e.event_type = ?"
        params.append(args.type)
    rows_sql = sql + " ORDER BY seen_at DESC, e.event_id"
    with connect(database_path(args), read_only=True) as con:
        cur = con.execute(rows_sql, params)
        columns = [d[0] for d in cur.description]
        rows = cur.fetchall()
    if args.company:
        wanted = fold_name(args.company)
        idx = [columns.index(r) for r in ("acquirer", "target", "seller", "customer", "vendor", "competitor")]
        rows = [r for r in rows if any(r[i] and fold_name(r[i]) == wanted for i in idx)]
    print_rows(columns, rows[: args.limit], args.format)
    return 0


def cmd_migrate(args) -> int:
    path = database_path(args)
    with connect(path, read_only=False) as con:
        pass  # connect() migrates
    with duckdb.connect(path, read_only=True) as con:
        version = con.execute("SELECT max(version) FROM schema_migrations").fetchone()[0]
    print(f"database {path}: schema version {version} (latest {LATEST})")
    return 0


