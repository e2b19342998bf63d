"""Quality gate: the detector's precision and recall on the dev split of the corpus.

Floors sit a little below what the detector reaches today, so a change that makes
detection worse fails here. Raise them when the detector improves; never lower
them to make a change pass. Only the dev split is gated: the test split is held
out and reported by `python benchmarks/score.py --split test`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.scoring import parse_records, score, select_records

CORPUS_DIR = Path(__file__).resolve().parent / "data" / "corpus"


def load_records(split: str, lang: str) -> list[dict]:
    """Returns the corpus records of one split and language."""
    records = [r for p in sorted(CORPUS_DIR.glob("*.jsonl")) for r in parse_records(p.read_text("utf-8"), str(p))]
    return select_records(records, split, lang)

# event_type -> (precision floor, recall floor), English dev split (en_deals, en_customers,
# en_extra and en_customers_extra; German below). Reached on 2026-11-25: deal 0.987/1.000,
# customer_change 0.984/0.912; fields subtype 1.000, amount 0.942, currency 0.942, stake_pct 1.000,
# status 0.942.
FLOORS = {
    "deal": (0.97, 0.98),
    "customer_change": (0.97, 0.89),
}
FIELD_FLOORS = {"subtype": 0.98, "amount": 0.94, "currency": 0.94, "stake_pct": 0.98, "status": 0.93}


@pytest.fixture(scope="module")
def result() -> dict:
    records = load_records(split="dev", lang="en")
    if not records:
        pytest.skip("no English dev records in tests/data/corpus")
    return score(records)


@pytest.mark.parametrize("event_type", sorted(FLOORS))
def test_precision_and_recall_floors(result: dict, event_type: str) -> None:
    p_floor, r_floor = FLOORS[event_type]
    got = result["per_type"][event_type]
    assert got["precision"] >= p_floor, f"{event_type} precision {got['precision']:.3f} < {p_floor}"
    assert got["recall"] >= r_floor, f"{event_type} recall {got['recall']:.3f} < {r_floor}"


@pytest.mark.parametrize("field", sorted(FIELD_FLOORS))
def test_field_accuracy_floors(result: dict, field: str) -> None:
    acc = result["fields"][field]
    assert acc is not None and acc >= FIELD_FLOORS[field], f"{field} accuracy {acc} < {FIELD_FLOORS[field]}"


def test_no_events_on_negative_articles(result: dict) -> None:
    neg = result["negatives"]
    assert neg["articles"] > 0
    assert neg["false_events"] == 0, [e for e in result["errors"] if "FALSE" in e]


# German dev split (de.jsonl and de_customers_extra.jsonl; customer_change reached 1.000/0.923), read by extract/rules_de.py. Amounts are
# weak in German: prices often stand in a sentence that names no party ("Das Geschäft ist
# rund 14,3 Milliarden US-Dollar schwer").
FLOORS_DE = {
    "deal": (0.90, 0.90),
    "customer_change": (0.90, 0.90),
}
FIELD_FLOORS_DE = {"subtype": 0.95, "amount": 0.50, "currency": 0.50, "stake_pct": 0.85, "status": 0.90}


@pytest.fixture(scope="module")
def result_de() -> dict:
    records = load_records(split="dev", lang="de")
    if not records:
        pytest.skip("no German dev records in tests/data/corpus")
    return score(records)


@pytest.mark.parametrize("event_type", sorted(FLOORS_DE))
def test_german_precision_and_recall_floors(result_de: dict, event_type: str) -> None:
    p_floor, r_floor = FLOORS_DE[event_type]
    got = result_de["per_type"][event_type]
    assert got["precision"] >= p_floor, f"{event_type} precision {got['precision']:.3f} < {p_floor}"
    assert got["recall"] >= r_floor, f"{event_type} recall {got['recall']:.3f} < {r_floor}"


@pytest.mark.parametrize("field", sorted(FIELD_FLOORS_DE))
def test_german_field_accuracy_floors(result_de: dict, field: str) -> None:
    acc = result_de["fields"][field]
    assert acc is not None and acc >= FIELD_FLOORS_DE[field], f"{field} accuracy {acc} < {FIELD_FLOORS_DE[field]}"


def test_german_no_events_on_negative_articles(result_de: dict) -> None:
    neg = result_de["negatives"]
    assert neg["articles"] > 0
    assert neg["false_events"] == 0, [e for e in result_de["errors"] if "FALSE" in e]
