"""Events found on real non-news web pages (trafilatura's evaluation pages): nearly all are false.

    python benchmarks/false_events.py                      # ../shared/bench/trafilatura-pages
    python benchmarks/false_events.py --pages DIR --list   # print every event found

Each page is read exactly as the pipeline reads it (`extract.read.read_html`); the script prints
the number of pages, pages that gave no article text, and every event found with its evidence, so
that each one can be looked at. Target (issue 13): at most 1 false event per 100 pages.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

from extract.errors import ExtractionError
from extract.read import read_html

DEFAULT_PAGES = Path(__file__).resolve().parents[2] / "shared" / "bench" / "trafilatura-pages"


def main(argv: list[str] | None = None) -> int:
    """Runs the check from the command line; returns the exit code."""
    ap = argparse.ArgumentParser(description="Events found on trafilatura's real evaluation pages.")
    ap.add_argument("--pages", type=Path, default=DEFAULT_PAGES, help="folder with manifest.jsonl and pages/")
    ap.add_argument("--list", action="store_true", help="print every event found")
    args = ap.parse_args(argv)
    manifest = args.pages / "manifest.jsonl"
    if not manifest.is_file():
        print(f"Error: {manifest} not found; pass --pages with the folder of trafilatura's evaluation pages "
              "(shared/bench/trafilatura-pages beside the project)", file=sys.stderr)
        return 1
    pages = [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines() if line.strip()]
    found, unread = [], 0
    for page in pages:
        html = gzip.decompress((args.pages / page["file"]).read_bytes())
        try:
            reading = read_html(html, url=page["url"])
        except ExtractionError:
            unread += 1
            continue
        found += [(page["url"], reading.article.language, ev) for ev in reading.events]
    print(f"{len(pages)} pages, {unread} without article text, {len(found)} events "
          f"({100 * len(found) / len(pages):.1f} per 100 pages)")
    if args.list:
        for url, lang, ev in found:
            parties = ", ".join(f"{k}={v}" for k, v in ev.parties().items() if v)
            print(f"- [{lang}] {ev.event_type}/{ev.subtype} {parties} conf={ev.confidence:.2f}\n  {url}\n"
                  f"  {ev.evidence[:300]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
