"""Score the detector on real news pages: labels committed, page text never committed.

    python benchmarks/realpages.py                     # text from tests/data/realpages/text/
    python benchmarks/realpages.py --text-dir DIR --verbose

`tests/data/realpages/labels.jsonl` holds, per page, its URL, the query that finds it in the search
tool's `pages` corpus, and the events labelled to docs/labelling.md; never the text, which is other
people's writing. Whoever scores re-obtains each page's text (the excerpt the query returns, as
returned) and saves it as `<text-dir>/<id>.txt`; that folder is git-ignored. Pages whose text is
missing are listed and left out of the score.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from extract.scoring import format_report, score, select_records

HERE = Path(__file__).resolve().parent.parent / "tests" / "data" / "realpages"


def load(labels: Path, text_dir: Path) -> tuple[list[dict], list[str]]:
    """Returns the labelled records with their text, and the ids whose text is missing."""
    records, missing = [], []
    for line in labels.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        path = text_dir / f"{rec['id']}.txt"
        if not path.is_file():
            missing.append(rec["id"])
            continue
        records.append({**rec, "title": rec.get("title") or "", "text": path.read_text(encoding="utf-8")})
    return records, missing


def main(argv: list[str] | None = None) -> int:
    """Runs the scorer from the command line; returns the exit code."""
    ap = argparse.ArgumentParser(description="Score detect_events on labelled real pages.")
    ap.add_argument("--labels", type=Path, default=HERE / "labels.jsonl")
    ap.add_argument("--text-dir", type=Path, default=HERE / "text")
    ap.add_argument("--lang", choices=("en", "de"), default=None)
    ap.add_argument("--verbose", action="store_true", help="list every miss, false event and wrong field")
    args = ap.parse_args(argv)
    if not args.labels.is_file():
        print(f"Error: {args.labels} not found", file=sys.stderr)
        return 1
    records, missing = load(args.labels, args.text_dir)
    if missing:
        print(f"{len(missing)} pages without text in {args.text_dir} (re-obtain them with the query of each "
              f"record from the search tool's pages corpus): {', '.join(missing[:10])}"
              f"{' …' if len(missing) > 10 else ''}", file=sys.stderr)
    records = select_records(records, "all", args.lang)
    if not records:
        print("Error: no page with its text to score", file=sys.stderr)
        return 1
    print(format_report(score(records), args.verbose))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
