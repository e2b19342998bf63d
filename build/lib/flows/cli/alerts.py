"""Checking mail settings and reading the outbox: `alerts test`, `alerts list`."""

from __future__ import annotations

import html
from datetime import datetime, timezone

from extract.errors import AlertError
from flows.cli.output import FORMATS, print_rows
from flows.cli.query import database_path


def register(sub) -> None:
    p = sub.add_parser("alerts", help="check mail settings, see the alerts outbox",
                       description="Check the mail settings, or list the alerts outbox.")
    group = p.add_subparsers(dest="alerts_command", metavar="SUBCOMMAND", required=True)

    t = group.add_parser("test", help="send a test message with the current [alerts] settings",
                         description="Send a test message to alerts.to with the current settings; "
                                     "print success or the server's exact error (exit status 1).")
    t.add_argument("--config", help="config file (default ./dealwatch.toml or $DEALWATCH_CONFIG)")
    t.add_argument("--to", action="append", metavar="ADDRESS",
                   help="send to this address instead of alerts.to (repeatable)")
    t.set_defaults(func=cmd_test)

    ls = group.add_parser("list", help="show the alerts outbox, newest first",
                          description="Show the alerts outbox: subject, status, attempts, last error.")
    ls.add_argument("--pending", action="store_true", help="only alerts not yet accepted by the server")
    ls.add_argument("--limit", type=int, default=50, help="at most this many (default 50)")
    ls.add_argument("--format", choices=FORMATS, default="table")
    ls.add_argument("--db", help="DuckDB file (default: the config's `database`, or $DEALWATCH_DB)")
    ls.add_argument("--config", help="config file (default ./dealwatch.toml or $DEALWATCH_CONFIG)")
    ls.set_defaults(func=cmd_list)


def cmd_test(args) -> int:
    from flows.alert_email import new_message
    from flows.config import load_settings
    from flows.transports import describe, open_transport

    settings = load_settings(args.config)
    if args.to:
        settings.alerts.to = list(args.to)
    now = datetime.now(timezone.utc)
    where = describe(settings.alerts)
    text = (f"This is a test message from dealwatch, sent {now:%Y-%m-%d %H:%M:%S} UTC\n"
            f"to {', '.join(settings.alerts.to)} through {where},\n"
            f"with the configuration {settings.source}.\n\nAlerts will arrive like this one.\n")
    html_text = "<html><body><pre>" + html.escape(text) + "</pre></body></html>"
    msg = new_message(settings, "dealwatch test message", text, html_text, f"test.{now:%Y%m%d%H%M%S.%f}")
    with open_transport(settings.alerts) as transport:
        refused = transport.send(f"test-{now:%Y%m%dT%H%M%S}", msg.as_string(), settings.alerts.to)
    if refused:
        raise AlertError(f"{where} accepted the test message but refused some recipients: "
                         + "; ".join(f"{r}: {w}" for r, w in refused.items()))
    print(f"sent a test message to {', '.join(settings.alerts.to)} through {where}")
    return 0


def cmd_list(args) -> int:
    from storage.db import connect

    with connect(database_path(args), read_only=True) as con:
        sql = """SELECT created_at, kind, status, attempts, sent_at, subject, last_error, alert_id
                 FROM alerts"""
        if args.pending:
            sql += " WHERE status = 'pending'"
        cur = con.execute(sql + " ORDER BY created_at DESC, alert_id LIMIT ?", [max(0, args.limit)])
        columns = [d[0] for d in cur.description]
        rows = cur.fetchall()
    print_rows(columns, rows, args.format)
    return 0
