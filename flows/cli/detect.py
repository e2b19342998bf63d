"""`dealwatch detect PATH…`: the events of files, stdin or URLs, without a database.

An input that cannot be read (no such file, no article text, a fetch error, a broken JSONL line)
is skipped with one line on stderr; the others are read (flows/cli/sources.py). Exit status 0 when
every input was read, 2 when some were not (a count says how many), 1 for an unusable --config.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from extract.clean import display_text
from extract.errors import DealwatchError
from extract.urls import is_http_url
from flows.cli.output import print_rows
from flows.cli.sources import Skipped
from flows.config import Settings, load_settings, named_settings


def register(sub) -> None:
    p = sub.add_parser("detect", help="print the events of article files, stdin (-) or URLs",
                       description="Read articles given as .txt (first line is the headline), .html, "
                                   ".jsonl (one {\"title\", \"text\"} object per line, like the "
                                   "labelled corpus), '-' for stdin, or http(s) URLs, and print their events.")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--format", choices=("table", "jsonl"), default="table")
    p.add_argument("--config", help="config whose [fetch] settings apply to URLs")
    p.set_defaults(func=cmd_detect)


def _read_jsonl(path: Path, skipped: Skipped) -> list[tuple[str, object]]:
    """Returns (source, reading) for every article of a JSONL file; source is 'path#id'.

    A line that is not an article is skipped, its reason added to `skipped`.
    """
    from extract.clean import TEXT_CHARS, TITLE_CHARS, clean_text
    from extract.model import Article
    from extract.read import Reading, events_of

    readings = []
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text, title, lang = record["text"], record.get("title"), record.get("lang")
        except (json.JSONDecodeError, KeyError, TypeError, RecursionError) as exc:
            skipped.add(f"{path}:{number}: not a JSON object with a \"text\" field ({exc}); "
                            "fix the line or give .txt/.html files")
            continue
        source = f"{path}#{clean_text(str(record.get('id') or number), limit=TITLE_CHARS)}"
        article = Article(url=source, title=clean_text(title, limit=TITLE_CHARS),
                          text=clean_text(text, limit=TEXT_CHARS, line=False) or "",
                          language=lang if isinstance(lang, str) else None)
        reading = Reading(article, events_of(article))
        readings.append((source, reading))
    return readings


def _read(source: str, named: Settings | None, skipped: Skipped) -> list[tuple[str, object]]:
    """Returns (source, reading) pairs: one per article the source holds. `named`: the settings of
    --config, if given (else ./dealwatch.toml applies to URLs when it is there)."""
    from extract.read import read_html, read_text

    if is_http_url(source):
        from flows.fetch import Fetcher
        settings = named or load_settings(None, require_file=False)
        with Fetcher(settings.fetch) as fetcher:
            result = fetcher.get(source, kind="page")
        return [(source, read_html(result.body, url=result.url))]
    if source == "-":
        raw = sys.stdin.buffer.read()
    else:
        path = Path(source)
        if not path.is_file():
            raise DealwatchError(f"{source}: no such file (give a .txt, .html or .jsonl file, - for "
                                 "stdin, or an http(s) URL)")
        if path.suffix.lower() == ".jsonl":
            return _read_jsonl(path, skipped)
        raw = path.read_bytes()
    looks_html = source.lower().endswith((".html", ".htm")) or raw.lstrip()[:1] == b"<"
    if looks_html:
        return [(source, read_html(raw, url=source))]
    text = raw.decode("utf-8", errors="replace")
    if text.count("\ufffd") > len(text) // 10:
        raise DealwatchError(f"{source}: not UTF-8 text (binary?); give a .txt, .html or .jsonl file")
    return [(source, read_text(text, url=source))]


def cmd_detect(args) -> int:
    skipped = Skipped()
    # A config named by --config or $DEALWATCH_CONFIG must exist and be valid (exit 1 otherwise),
    # whatever the inputs.
    named = named_settings(args.config)
    readings = [pair for _, pairs in skipped.each(args.paths, lambda src: _read(src, named, skipped))
                for pair in pairs]
    # Names and notes come from outside (a file name can hold any bytes): shown cleaned.
    readings = [(display_text(src), reading) for src, reading in readings]
    for src, reading in readings:
        if reading.article.extra.get("detection"):
            print(f"note: {src}: {display_text(reading.article.extra['detection'])}", file=sys.stderr)
    if args.format == "jsonl":
        for src, reading in readings:
            for ev in reading.events:
                print(json.dumps({**ev.to_dict(), "source": src}, ensure_ascii=False))
        return skipped.exit_code(len(args.paths))
    cols = ("source", "event_type", "subtype", "parties", "amount", "currency", "stake_pct", "status",
            "confidence")
    rows = []
    for src, reading in readings:
        for ev in reading.events:
            parties = ", ".join(f"{k}={v}" for k, v in ev.parties().items())
            rows.append((src, ev.event_type, ev.subtype, parties, ev.amount, ev.currency,
                         ev.stake_pct, ev.status, round(ev.confidence, 2)))
    print_rows(cols, rows)
    return skipped.exit_code(len(args.paths))
