"""The labelled corpus keeps its format (tests/data/corpus/README.md, docs/labelling.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.model import EVENT_TYPES, PARTY_FIELDS, STATUSES, SUBTYPES

DATA = Path(__file__).parent / "data"
FILES = sorted((DATA / "corpus").glob("*.jsonl")) + sorted((DATA / "realpages").glob("*.jsonl"))


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _problems(rec: dict) -> list[str]:
    """Returns what is wrong with one record, per the labelling guide."""
    out = []
    if rec.get("lang") not in ("en", "de") or rec.get("split") not in ("dev", "test"):
        out.append("lang must be en|de and split dev|test")
    page = f"{rec.get('title') or ''}\n{rec.get('text', '')}"
    for ev in rec.get("events", []):
        kind, sub = ev.get("event_type"), ev.get("subtype")
        if kind not in EVENT_TYPES or sub not in SUBTYPES[kind]:
            out.append(f"bad type/subtype {kind}/{sub}")
            continue
        if ev.get("status") not in STATUSES:
            out.append(f"bad status {ev.get('status')!r}")
        missing = [f for f in (*PARTY_FIELDS, "amount", "currency", "stake_pct", "status") if f not in ev]
        if missing:
            out.append(f"{sub}: fields missing {missing}")
        if (ev.get("amount") is None) != (ev.get("currency") is None):
            out.append(f"{sub}: amount and currency go together")
        if "text" in rec:  # labels of real pages carry no text: their evidence is checked where the text is
            for sentence in ev.get("evidence", []):
                if sentence not in page:
                    out.append(f"{sub}: evidence not verbatim in the text: {sentence[:60]!r}")
    return out


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_records_follow_the_guide(path: Path) -> None:
    bad = {rec.get("id"): p for rec in _records(path) if (p := _problems(rec))}
    assert bad == {}


def test_ids_are_unique_across_files() -> None:
    ids = [rec["id"] for path in FILES for rec in _records(path)]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


def test_problems_are_found() -> None:
    rec = {"lang": "en", "split": "dev", "title": "T", "text": "X bought Y.",
           "events": [{"event_type": "deal", "subtype": "merger", "acquirer": "X", "target": "Y", "seller": None,
                       "customer": None, "vendor": None, "competitor": None, "amount": 5, "currency": None,
                       "stake_pct": None, "status": "done", "evidence": ["X buys Y."]}]}
    assert _problems(rec) == ["bad status 'done'", "merger: amount and currency go together",
                              "merger: evidence not verbatim in the text: 'X buys Y.'"]
