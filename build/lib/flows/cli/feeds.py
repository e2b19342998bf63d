"""`dealwatch feeds list/add/remove/import/export/reset`: the sources and their health."""

from __future__ import annotations

from datetime import timezone
from pathlib import Path

from extract.errors import ConfigError, DealwatchError
from extract.opml import parse_opml, to_opml
from flows.cli.output import FORMATS, print_rows
from flows.cli.query import database_path
from flows.config import FeedSettings
from storage.db import connect, transaction
from storage.feeds import list_feeds, remove_feed, reset_feed
from storage.writes import sync_feeds


def register(sub) -> None:
    feeds = sub.add_parser("feeds", help="manage feeds and see their health")
    actions = feeds.add_subparsers(dest="action", metavar="ACTION", required=True)

    def action(name: str, help_text: str, func):
        p = actions.add_parser(name, help=help_text)
        p.add_argument("--db", help="DuckDB file (default: the config's `database`, or $DEALWATCH_DB)")
        p.add_argument("--config", help="config file (default ./dealwatch.toml or $DEALWATCH_CONFIG)")
        p.set_defaults(func=func)
        return p

    p = action("list", "one line per feed: health, last poll, failures, next poll, last error", cmd_list)
    p.add_argument("--format", choices=FORMATS, default="table")
    p = action("add", "add a feed", cmd_add)
    p.add_argument("url")
    p.add_argument("--name", help="display name")
    p = action("remove", "remove a feed (its articles and events stay)", cmd_remove)
    p.add_argument("url")
    p = action("import", "add every feed of an OPML file", cmd_import)
    p.add_argument("file", metavar="FILE.opml")
    action("export", "print every feed as OPML", cmd_export)
    p = action("reset", "clear a feed's error state and poll it on the next run", cmd_reset)
    p.add_argument("url")


def _utc(value) -> str | None:
    return value.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M") if value else None


def cmd_list(args) -> int:
    with connect(database_path(args), read_only=True) as con:
        feeds = list_feeds(con)
    columns = ("health", "url", "name", "last_poll_utc", "http", "items", "failures",
               "next_poll_utc", "last_error")
    rows = [(f.health, f.url, f.name or f.title, _utc(f.last_polled_at), f.last_status,
             f.items_seen, f.consecutive_failures, _utc(f.next_poll_at), f.last_error) for f in feeds]
    print_rows(columns, rows, args.format, max_width=80)
    return 0


def _validated(url: str) -> str:
    try:
        return FeedSettings(url=url).url
    except ValueError as exc:
        raise ConfigError(f"feed {url}: must start with http:// or https://") from exc


def cmd_add(args) -> int:
    url = _validated(args.url)
    with connect(database_path(args)) as con, transaction(con):
        added = sync_feeds(con, [(url, args.name)], origin="cli")
    print(f"{'added' if added else 'already present, name updated:'} {url}")
    return 0


def cmd_remove(args) -> int:
    with connect(database_path(args)) as con, transaction(con):
        origin = remove_feed(con, args.url)
    print(f"removed {args.url}")
    if origin == "config":
        print("note: this feed is listed in the config file; remove it there too, "
              "or the next run adds it again")
    return 0


def cmd_import(args) -> int:
    path = Path(args.file)
    if not path.is_file():
        raise DealwatchError(f"{args.file}: no such file (give the path of an OPML file, e.g. one your "
                             "feed reader exported)")
    feeds = [(_validated(url), name) for url, name in parse_opml(path.read_bytes())]
    if not feeds:
        raise DealwatchError(f"{args.file}: no feeds found (expected <outline xmlUrl=...> elements)")
    with connect(database_path(args)) as con, transaction(con):
        added = sync_feeds(con, feeds, origin="cli")
    print(f"imported {len(feeds)} feeds from {args.file}: {added} new, {len(feeds) - added} already present")
    return 0


def cmd_export(args) -> int:
    with connect(database_path(args), read_only=True) as con:
        feeds = [(f.url, f.name or f.title) for f in list_feeds(con)]
    print(to_opml(sorted(feeds)), end="")
    return 0


def cmd_reset(args) -> int:
    with connect(database_path(args)) as con, transaction(con):
        reset_feed(con, args.url)
    print(f"reset {args.url}: errors cleared, polled on the next run")
    return 0
