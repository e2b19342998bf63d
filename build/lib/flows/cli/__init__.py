"""The `dealwatch` command: one entry point, one module per group of subcommands.

Every DealwatchError is printed as one line, `Error: …`, with exit status 1.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

from extract.errors import DealwatchError
from flows.cli import alerts, detect, extract, feeds, ops, query, run, serve

GROUPS = (run, serve, detect, extract, query, feeds, alerts, ops)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dealwatch",
        description="Monitor news feeds for deals and customer changes; store them in DuckDB; alert by email.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details, not only one line per feed")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for group in GROUPS:
        group.register(sub)
    _accept_verbose_anywhere(sub)
    return parser


def _accept_verbose_anywhere(sub) -> None:
    """Lets -v/--verbose follow the command too (`dealwatch run --verbose`, `feeds list -v`)."""
    for p in sub.choices.values():
        groups = [a for a in p._actions if isinstance(a, argparse._SubParsersAction)]
        for group in groups:          # `feeds list`, `config show`: the flag goes on the leaf
            _accept_verbose_anywhere(group)
        if groups or any("--verbose" in a.option_strings for a in p._actions):
            continue
        # SUPPRESS: when absent here, the top-level flag's value stands
        p.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                       help="log details, not only one line per feed")


def main(argv: list[str] | None = None) -> int:
    # A monitor on a closed network must not try to phone home on every start.
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    parser = build_parser()
    args = parser.parse_args(argv)
    # dealwatch's own loggers say one line per feed and per run; --verbose adds details, including
    # those of the libraries underneath (their INFO/DEBUG is noise otherwise).
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s", datefmt="%H:%M:%S")
    logging.getLogger("dealwatch").setLevel(logging.DEBUG if args.verbose else logging.INFO)
    try:
        code = args.func(args) or 0
        sys.stdout.flush()  # a reader gone early shows here, inside this handler, not at exit
        return code
    except DealwatchError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader stopped early (`dealwatch detect … | head`): no error of ours. Python would
        # report the pipe again when it flushes stdout at exit, so stdout goes to /dev/null.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
