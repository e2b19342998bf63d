"""Score the event detector against the labelled corpus (tests/data/corpus/*.jsonl).

    python benchmarks/score.py --split dev              # all languages, dev split
    python benchmarks/score.py --split test --lang en --verbose
    python benchmarks/score.py --file tests/data/corpus/en_extra.jsonl

The matching and the metrics live in `extract.scoring`; this script reads the
files and prints the table (docs/detection.md explains the figures).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from extract.scoring import format_report, parse_records, score, select_records

CORPUS_DIR = Path(__file__).resolve().parent.parent / "tests" / "data" / "corpus"


def main(argv: list[str] | None = None) -> int:
    """Runs the scorer from the command line; returns the exit code."""
    ap = argparse.ArgumentParser(description="Score detect_events against the labelled corpus.")
    ap.add_argument("--split", choices=("dev", "test", "all"), default="all")
    ap.add_argument("--lang", choices=("en", "de"), default=None)
    ap.add_argument("--file", type=Path, action="append", help="a corpus JSONL file (repeatable; default: all)")
    ap.add_argument("--verbose", action="store_true", help="list every miss, false event and wrong field")
    args = ap.parse_args(argv)
    paths = args.file or sorted(CORPUS_DIR.glob("*.jsonl"))
    try:
        records = [r for p in paths for r in parse_records(p.read_text(encoding="utf-8"), str(p))]
    except (OSError, ValueError) as exc:
        print(f"Error: {exc}")
        return 1
    records = select_records(records, args.split, args.lang)
    if not records:
        print("Error: no corpus records match the split/lang/file given")
        return 1
    print(format_report(score(records), args.verbose))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
