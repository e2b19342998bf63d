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


# The sets written blind to the detector (docs/labelling.md): gated on their own, with floors under what the
# detector reads on them now (BLIND_GATES), since the rules were never shaped on them and read them far worse.
BLIND_SETS = {"en_gen.jsonl", "en_gen2.jsonl", "en_gen3.jsonl", "en_gen4.jsonl", "de_gen.jsonl", "de_gen2.jsonl",
              "de_gen3.jsonl"}


def load_records(split: str, lang: str) -> list[dict]:
    """Returns the gated corpus records of one split and language."""
    paths = [p for p in sorted(CORPUS_DIR.glob("*.jsonl")) if p.name not in BLIND_SETS]
    records = [r for p in paths for r in parse_records(p.read_text("utf-8"), str(p))]
    return select_records(records, split, lang)

# Per language: event_type -> (precision floor, recall floor), and field-accuracy floors.
# English dev (en_deals, en_customers, en_extra, en_customers_extra), reached on 2026-11-25:
# deal 0.987/1.000, customer_change 0.984/0.912; subtype 1.000, amount 0.942, currency 0.942,
# stake_pct 1.000, status 0.942.
# German dev (de, de_customers_extra), read by extract/rules_de.py: deal 1.000/0.952,
# customer_change 1.000/0.923. Amounts are weak in German: prices often stand in a sentence
# that names no party ("Das Geschäft ist rund 14,3 Milliarden US-Dollar schwer").
# With the long, other-register, wire and tech articles (en_long 18, en_long2 15, en_long3 12,
# en_news 16, en_customers_news 8, en_outlets 8, en_wire_customers 10, en_wire_deals 10, en_tech 10)
# in the English dev split (270 articles), 2026-11-26: deal 0.942/0.912, customer_change
# 0.976/0.866; subtype 0.987, amount 0.902, currency 0.906, stake_pct 0.990, status 0.902.
# With the trained verifier (extract/verify.py), 2026-12-06, same 270 articles: deal 0.980/0.912,
# customer_change 0.988/0.866; subtype 0.987, amount 0.902, currency 0.906, stake_pct 0.990,
# status 0.928 (German unchanged: its threshold keeps every event).
# With the pair classifier, the customer-change frames of 2026-12-07 and switches read as two events,
# same 270 articles: deal 0.973/0.912, customer_change 0.977/0.911; amount 0.887, status 0.928.
GATES = {
    "en": ({"deal": (0.95, 0.89), "customer_change": (0.95, 0.89)},
           {"subtype": 0.97, "amount": 0.88, "currency": 0.88, "stake_pct": 0.97, "status": 0.91}),
    "de": ({"deal": (0.90, 0.90), "customer_change": (0.90, 0.90)},
           {"subtype": 0.95, "amount": 0.50, "currency": 0.50, "stake_pct": 0.85, "status": 0.90}),
}
TYPE_CASES = [(lang, t) for lang, (floors, _) in GATES.items() for t in sorted(floors)]
FIELD_CASES = [(lang, f) for lang, (_, fields) in GATES.items() for f in sorted(fields)]

_results: dict[str, dict] = {}


def result(lang: str) -> dict:
    """Returns the scorer's result on the dev split of one language (computed once)."""
    if lang not in _results:
        records = load_records(split="dev", lang=lang)
        assert records, f"no {lang} dev records in {CORPUS_DIR}"
        _results[lang] = score(records)
    return _results[lang]


@pytest.mark.parametrize("lang, event_type", TYPE_CASES)
def test_precision_and_recall_floors(lang: str, event_type: str) -> None:
    p_floor, r_floor = GATES[lang][0][event_type]
    got = result(lang)["per_type"][event_type]
    assert got["precision"] >= p_floor, f"{lang} {event_type} precision {got['precision']:.3f} < {p_floor}"
    assert got["recall"] >= r_floor, f"{lang} {event_type} recall {got['recall']:.3f} < {r_floor}"


@pytest.mark.parametrize("lang, field", FIELD_CASES)
def test_field_accuracy_floors(lang: str, field: str) -> None:
    floor = GATES[lang][1][field]
    acc = result(lang)["fields"][field]
    assert acc is not None and acc >= floor, f"{lang} {field} accuracy {acc} < {floor}"


@pytest.mark.parametrize("lang", sorted(GATES))
def test_no_events_on_negative_articles(lang: str) -> None:
    neg = result(lang)["negatives"]
    assert neg["articles"] > 0
    assert neg["false_events"] == 0, [e for e in result(lang)["errors"] if "FALSE" in e]


# The blind sets, 2026-12-07 (rules + verifier + pair classifier, which learned from them): English deal
# 0.849/0.585, customer_change 0.880/0.589, 7 false events on 277 negatives; German deal 0.707/0.419,
# customer_change 0.800/0.287, 1 false event on 157 negatives. (English deal precision was 0.905 with the
# verifier of 2026-12-06: retrained on the many more customer changes the rules now read, one model for
# both types keeps more doubtful deals; held out by set (session start -> now), English deal F1 went
# 0.614 -> 0.608 while customer-change F1 went 0.457 -> 0.605: docs/detection.md. A threshold per type is
# the next step.)
BLIND_GATES = {
    "en": {"deal": (0.83, 0.56), "customer_change": (0.86, 0.56)},
    "de": {"deal": (0.68, 0.40), "customer_change": (0.78, 0.27)},
}
_blind: dict[str, dict] = {}


def blind_result(lang: str) -> dict:
    """Returns the scorer's result on the blind sets of one language (computed once)."""
    if lang not in _blind:
        paths = [p for p in sorted(CORPUS_DIR.glob("*.jsonl")) if p.name in BLIND_SETS]
        records = [r for p in paths for r in parse_records(p.read_text("utf-8"), str(p))]
        _blind[lang] = score(select_records(records, "dev", lang))
    return _blind[lang]


@pytest.mark.parametrize("lang,event_type", [(lang, t) for lang, floors in BLIND_GATES.items() for t in floors])
def test_blind_sets_floors(lang: str, event_type: str) -> None:
    p_floor, r_floor = BLIND_GATES[lang][event_type]
    got = blind_result(lang)["per_type"][event_type]
    assert got["precision"] >= p_floor, f"{lang} {event_type} precision {got['precision']:.3f} < {p_floor}"
    assert got["recall"] >= r_floor, f"{lang} {event_type} recall {got['recall']:.3f} < {r_floor}"


@pytest.mark.parametrize("lang,most", [("en", 8), ("de", 3)])
def test_few_events_on_blind_negatives(lang: str, most: int) -> None:
    assert blind_result(lang)["negatives"]["false_events"] <= most
