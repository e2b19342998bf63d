"""Reading the database: `sql`, `events`, `export`, `migrate`."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import duckdb

from extract.errors import DealwatchError, StorageError
from flows.cli.output import FORMATS, print_rows
from flows.config import load_settings
from storage.db import connect


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
    p.add_argument("--since", default="30d", help="age limit such as 7d, 12h or 90m, or all (default 30d)")
    p.add_argument("--type", choices=("deal", "customer_change"))
    p.add_argument("--company", help="match any party role, also by company_aliases (case, legal suffixes and "
                   "\"the\" ignored: Meta = Meta Platforms, Inc.)")
    p.add_argument("--limit", type=int, default=100, help="at most this many rows (default 100)")
    p.add_argument("--format", choices=FORMATS, default="table")
    _db_args(p)
    p.set_defaults(func=cmd_events)

    p = sub.add_parser("export", help="write every table and view to files (Parquet or CSV)",
                       description="Write each table and view of the database to DIR/<name>.parquet "
                                   "(or .csv), for spreadsheets, pandas, Spark and other tools.")
    p.add_argument("dir", help="folder to write into (created if missing; files are overwritten)")
    p.add_argument("--format", choices=("parquet", "csv"), default="parquet")
    _db_args(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("migrate", help="bring the database schema up to date")
    _db_args(p)
    p.set_defaults(func=cmd_migrate)


def cmd_sql(args) -> int:
    if not re.sub(r"--[^\n]*|/\*.*?\*/", "", args.query or "", flags=re.S).strip():
        raise DealwatchError("dealwatch sql: the query is empty; give a statement, e.g. "
                             "dealwatch sql \"SELECT count(*) FROM articles\"")
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
        raise DealwatchError(f"--since {text!r}: use a number and a unit, e.g. 7d, 12h, 90m or 2w, or all")
    unit = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}[m.group(2)]
    try:
        age = timedelta(**{unit: int(m.group(1))})
        datetime.now(timezone.utc) - age
    except OverflowError:
        raise DealwatchError(f"--since {text!r}: too far back; give at most a few thousand days") from None
    return age


def cmd_events(args) -> int:
    from storage.stories import company_keys

    if args.limit < 1:
        raise DealwatchError(f"--limit {args.limit}: give a number of rows, 1 or more")
    # "all": no age limit (a database filled from old articles, such as the demo's 2025 seed)
    everything = (args.since or "").strip().lower() == "all"
    since = None if everything else datetime.now(timezone.utc) - parse_age(args.since)
    sql = """SELECT coalesce(e.published_at, e.detected_at) AS seen_at, e.event_type, e.subtype,
                    e.acquirer, e.target, e.seller, e.customer, e.vendor, e.competitor,
                    e.amount, e.currency, e.stake_pct, e.status, round(e.confidence, 2) AS confidence,
                    a.site_name AS outlet, e.article_url
             FROM events e LEFT JOIN articles a ON a.url = e.article_url
             WHERE (? IS NULL OR coalesce(e.published_at, e.detected_at) >= ?)"""
    params: list = [since, since]
    with connect(database_path(args), read_only=True) as con:
        if args.type:
            sql += " AND e.event_type = ?"
            params.append(args.type)
        if args.company:
            sql += " AND list_has_any(e.party_keys, ?::VARCHAR[])"
            params.append(company_keys(con, args.company))
        cur = con.execute(sql + " ORDER BY seen_at DESC, e.event_id LIMIT ?", [*params, args.limit])
        columns = [d[0] for d in cur.description]
        rows = cur.fetchall()
    print_rows(columns, rows, args.format)
    return 0


def cmd_export(args) -> int:
    from storage.export import export_database

    with connect(database_path(args), read_only=True) as con:
        written = export_database(con, Path(args.dir), args.format)
    for name, path, rows in written:
        print(f"{name:<18} {rows:>9} rows  {path}")
    return 0


def cmd_migrate(args) -> int:
    from storage.schema import current_version, migrate

    path = database_path(args)
    with connect(path, read_only=False, migrate_schema=False) as con:
        before = current_version(con)
        applied = migrate(con, path)
    if applied:
        print(f"database {path}: migrated from schema version {before} to {applied[-1]} "
              f"(applied {', '.join(map(str, applied))})")
    else:
        print(f"database {path}: schema version {before} is up to date")
    return 0
