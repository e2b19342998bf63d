"""dealwatch's text extraction against bare trafilatura.extract(), on real pages: CPU and snippet F1.

    .venv/bin/python benchmarks/extraction.py [PAGES_DIR] [--rounds 3] [--verbose]

PAGES_DIR defaults to ../shared/bench/trafilatura-pages (270 real pages of trafilatura's own
evaluation collection, with a `with`/`without` snippet list per page; see its README). Per page and
way of extracting: a `with` snippet found in the text is a hit (missed: a miss), a `without`
snippet found is a false hit; precision, recall and F1 over all snippets, as trafilatura's own
evaluation counts them. CPU is the thread's CPU time per page (parsing included), the ways run one
after another on each page, so load on a shared machine hits all of them alike; the median over
the rounds is printed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere: the repo's packages come first
    sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402

from extract.article import extract_article  # noqa: E402
from extract.errors import ExtractionError  # noqa: E402

DEFAULT_DIR = ROOT.parent / "shared" / "bench" / "trafilatura-pages"


def _dealwatch(html: bytes, url: str, **feed) -> str:
    try:
        return extract_article(html, url=url, **feed).text
    except ExtractionError:
        return ""


_FEED = {"title": "A headline from the feed", "published": datetime(2025, 6, 1, tzinfo=timezone.utc)}


WAYS: dict[str, Callable[[bytes, str], str]] = {
    "trafilatura.extract()": lambda html, url: trafilatura.extract(html, url=url) or "",
    "trafilatura.extract(fast=True)": lambda html, url: trafilatura.extract(html, url=url, fast=True) or "",
    "dealwatch extract_article()": _dealwatch,
    # as in a run: the feed entry gives the title and date, so the page is not searched for them
    "dealwatch, feed title and date": lambda html, url: _dealwatch(html, url, **_FEED),
}


def load_pages(folder: Path) -> list[dict]:
    """Returns the manifest's records, each with its HTML bytes under "html"."""
    manifest = folder / "manifest.jsonl"
    if not manifest.is_file():
        raise SystemExit(f"Error: {manifest} not found: give the folder of trafilatura's evaluation "
                         "pages (with manifest.jsonl and pages/) as the first argument")
    pages = []
    for line in manifest.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            record["html"] = gzip.decompress((folder / record["file"]).read_bytes())
            pages.append(record)
    return pages


def snippet_counts(text: str, page: dict) -> tuple[int, int, int]:
    """Returns (hits, misses, false hits) of a page's snippets in an extracted text."""
    hits = sum(s in text for s in page["with"])
    return hits, len(page["with"]) - hits, sum(s in text for s in page["without"])


def prf(tp: int, fn: int, fp: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="?", type=Path, default=DEFAULT_DIR,
                        help=f"folder of the evaluation pages (default {DEFAULT_DIR})")
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds over all pages (default 3)")
    parser.add_argument("--verbose", action="store_true", help="list pages where the ways disagree")
    args = parser.parse_args(argv)
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    pages = load_pages(args.pages)
    cpu: dict[str, list[float]] = {w: [] for w in WAYS}
    counts: dict[str, list[tuple[int, int, int]]] = {}
    for _ in range(args.rounds):
        spent = dict.fromkeys(WAYS, 0.0)
        results: dict[str, list[tuple[int, int, int]]] = {w: [] for w in WAYS}
        for page in pages:
            for way, fn in WAYS.items():
                started = time.thread_time()
                text = fn(page["html"], page["url"])
                spent[way] += time.thread_time() - started
                results[way].append(snippet_counts(text, page))
        for way in WAYS:
            cpu[way].append(spent[way])
        counts = results
    print(f"{len(pages)} pages from {args.pages}, {args.rounds} rounds, "
          f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} at the end")
    print(f"{'way':<32} {'CPU ms/page':>11} {'precision':>9} {'recall':>7} {'F1':>6}")
    for way in WAYS:
        tp, fn, fp = (sum(c[i] for c in counts[way]) for i in range(3))
        p, r, f = prf(tp, fn, fp)
        ms = 1000 * statistics.median(cpu[way]) / len(pages)
        print(f"{way:<32} {ms:11.1f} {p:9.3f} {r:7.3f} {f:6.3f}")
    if args.verbose:
        names = list(WAYS)
        for i, page in enumerate(pages):
            row = [counts[w][i] for w in names]
            if len(set(row)) > 1:
                print(f"  {page['file']}: " + "; ".join(f"{w} {c}" for w, c in zip(names, row)))
    print(f"machine: {os.cpu_count()} cores, {platform.platform()}, Python {platform.python_version()}, "
          f"trafilatura {trafilatura.__version__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
