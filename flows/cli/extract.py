"""`dealwatch extract PATH…`: the text and metadata dealwatch reads from pages, without a database."""

from __future__ import annotations

import json
from contextlib import ExitStack
from pathlib import Path

from extract.clean import display_text
from extract.errors import DealwatchError
from extract.urls import canonical_url, is_http_url
from flows.cli.sources import Skipped
from flows.config import load_settings, named_settings

FIELDS = ("source", "url", "title", "published", "language", "text")


def register(sub) -> None:
    p = sub.add_parser("extract", help="print the text and metadata dealwatch reads from pages",
                       description="Extract the article of each page given as an .html file or an "
                                   "http(s) URL, as a run would store it: source, url, title, "
                                   "published, language and text. Pages that cannot be read are "
                                   "skipped with one line on stderr; the exit status is then 2.")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--format", choices=("jsonl", "text"), default="jsonl",
                   help="jsonl: one JSON object per page (default); text: a header and the text")
    p.add_argument("--config", help="config whose [fetch] settings apply to URLs")
    p.set_defaults(func=cmd_extract)


def page_record(source: str, page: bytes, *, url: str | None) -> dict:
    """Returns what the pipeline stores of a page: the FIELDS, published as ISO 8601."""
    from extract.article import extract_article

    article = extract_article(page, url=url or source)
    return {"source": source, "url": url or article.extra.get("page_url"), "title": article.title,
            "published": article.published_at.isoformat() if article.published_at else None,
            "language": article.language, "text": article.text}


def _page_bytes(source: str) -> bytes:
    path = Path(source)
    if not path.is_file():
        raise DealwatchError(f"{source}: no such file (give .html files or http(s) URLs)")
    page = path.read_bytes()
    if not (path.suffix.lower() in (".html", ".htm") or page.lstrip()[:1] == b"<"):
        raise DealwatchError(f"{source}: not an HTML page (give .html files or http(s) URLs; "
                             "for plain text, `dealwatch detect` reads .txt files)")
    return page


def _print(record: dict, fmt: str) -> None:
    record = {**record, "source": display_text(record["source"])}   # a file name can hold any bytes
    if fmt == "jsonl":
        print(json.dumps(record, ensure_ascii=False))
        return
    print(f"==> {record['source']}")
    for key in FIELDS[1:-1]:
        print(f"{key}: {record[key] if record[key] is not None else ''}")
    print(f"\n{record['text']}\n")


def cmd_extract(args) -> int:
    skipped = Skipped()
    # A config named by --config or $DEALWATCH_CONFIG must exist and be valid (exit 1 otherwise),
    # whatever the inputs; without one, ./dealwatch.toml applies to URLs when it is there.
    named = named_settings(args.config)
    with ExitStack() as stack:
        fetcher = None

        def read(source: str) -> dict:
            nonlocal fetcher
            if not is_http_url(source):
                return page_record(source, _page_bytes(source), url=None)
            if fetcher is None:
                from flows.fetch import Fetcher
                fetcher = stack.enter_context(Fetcher((named or load_settings(None, require_file=False)).fetch))
            # stored under the link's canonical form, as a feed entry linking it would be
            return page_record(source, fetcher.get(source, kind="page").body, url=canonical_url(source))

        for _, record in skipped.each(args.paths, read):
            _print(record, args.format)
    return skipped.exit_code(len(args.paths))
