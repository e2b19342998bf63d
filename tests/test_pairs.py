"""The pair classifier: its candidates, features, the shipped model, and how it adds events."""

from __future__ import annotations

import fnmatch
import gzip
import json
import math
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from extract.events import _load_rules, read_candidates
from extract.model import Event
from extract.pairs import MODEL_FILE, PairModel, model, pair_candidates, pair_events, pair_features

ROOT = Path(__file__).resolve().parent.parent
# Written for these tests: a customer change told in a way the rules need not read.
TEXT = "Brennwald Logistics will move its European parcels to Korvex Freight from March, a spokesman said."
CUES = _load_rules("en").CUES
LABELS = ("acquisition:acquirer>target", "new_customer:customer>vendor", "new_customer:vendor>customer")


def hand_model(thresholds: dict[str, float], label: int = 1) -> PairModel:
    """A model whose event score is high for any pair in a sentence with "parcels" and
    whose label model always answers `LABELS[label]`."""
    return PairModel({"bias": -4.0, "s=en:parcels": 8.0}, LABELS, {"bias": {label: 5.0}}, 1.0, 0.0, thresholds)


def test_candidates_are_pairs_of_companies_in_trigger_sentences() -> None:
    c = read_candidates(TEXT)
    got = [(i, a.name, b.name) for i, a, b in pair_candidates(c)]
    assert got == [(0, "Brennwald Logistics", "Korvex Freight")]
    assert pair_candidates(read_candidates("The weather was fine on Tuesday in Berlin.")) == []


def test_features_hold_words_shapes_and_no_company_names() -> None:
    c = read_candidates(TEXT)
    [(i, a, b)] = pair_candidates(c)
    f = pair_features(c, i, a, b)
    for want in ("bias", "lang=en", "s=en:parcels", "b=en:european", "trig=move_to", "a.len=2", "b.len=2", "a_first", "sentence=0"):
        assert want in f
    assert not any(x.endswith(("brennwald", "korvex", "logistics", "freight")) for x in f)


def test_trigger_words_are_placed_before_between_or_after_the_pair() -> None:
    c = read_candidates(TEXT)
    [(i, a, b)] = pair_candidates(c)
    f = pair_features(c, i, a, b)
    assert "tw_mid=customer_change" in f and "tw_mid=en:move" in f  # "will move its ... parcels to"
    assert not any(x.startswith(("tw_pre", "tw_post")) for x in f)
    for text, want in (("In a move announced on Monday, Brennwald Logistics gave Korvex Freight its parcels.",
                        "tw_pre"),
                       ("Brennwald Logistics and Korvex Freight said the parcels will move in March.", "tw_post")):
        c = read_candidates(text)
        [(i, a, b)] = pair_candidates(c)
        got = [x for x in pair_features(c, i, a, b) if x.startswith("tw_")]
        assert got == [f"{want}=customer_change", f"{want}=en:move"]


def test_each_feature_counts_once_as_in_training() -> None:
    # Training fits feature sets; a feature listed twice ("pre=en:the", two frames of one subtype)
    # would count twice in a score that sums the list.
    c = read_candidates("The board said the Veyra Logistics contract with Marlow Retail, the retailer, "
                        "was dropped and Marlow Retail dropped Veyra Logistics, dropping the deal.")
    for i, a, b in pair_candidates(c):
        f = pair_features(c, i, a, b)
        assert len(f) == len(set(f))


def test_a_pair_above_its_family_threshold_becomes_an_event_with_its_roles() -> None:
    c = read_candidates(TEXT)
    [e] = pair_events(c, [], CUES, hand_model({"en.customer_change": 0.5}))
    assert (e.event_type, e.subtype, e.customer, e.vendor) == (
        "customer_change", "new_customer", "Brennwald Logistics", "Korvex Freight")
    assert e.confidence == 0.98 and e.evidence == TEXT
    # the label decides the direction: the same pair read the other way round
    [e] = pair_events(c, [], CUES, hand_model({"en.customer_change": 0.5}, label=2))
    assert (e.customer, e.vendor) == ("Korvex Freight", "Brennwald Logistics")


def test_threshold_per_language_and_family() -> None:
    c = read_candidates(TEXT)
    assert pair_events(c, [], CUES, hand_model({"en.customer_change": 0.99})) == []  # below its threshold
    assert pair_events(c, [], CUES, hand_model({"de.customer_change": 0.5})) == []  # other language: off
    assert pair_events(c, [], CUES, hand_model({"en.deal": 0.5})) == []  # the label's family is off
    assert pair_events(c, [], CUES, hand_model({"en.customer_change": 2.0})) == []


def test_a_pair_the_rules_already_read_is_left_to_them() -> None:
    c = read_candidates(TEXT)
    ruled = Event(event_type="customer_change", subtype="new_customer", status="announced", evidence=TEXT,
                  confidence=0.9, customer="Brennwald Logistics", vendor="Korvex Freight")
    assert pair_events(c, [ruled], CUES, hand_model({"en.customer_change": 0.5})) == []


def test_model_round_trips_and_unknown_format_is_a_clear_error() -> None:
    pm = hand_model({"en.deal": 0.7, "en.customer_change": 0.55})
    assert PairModel.from_json(json.loads(json.dumps(pm.to_json()))) == pm
    with pytest.raises(ValueError, match="format 3 not known.*make train"):
        PairModel.from_json({"format": 3})


def test_shipped_model_is_package_data_and_read_once() -> None:
    raw = resources.files("extract").joinpath("data", MODEL_FILE).read_bytes()
    data = json.loads(gzip.decompress(raw))
    assert data["format"] == 1 and len(data["event"]) > 100 and "none" not in data["labels"]
    assert model() is model()
    assert set(model().thresholds) == {"en.deal", "en.customer_change", "de.deal", "de.customer_change"}
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert any(fnmatch.fnmatch(f"data/{MODEL_FILE}", glob) for glob in conf["package-data"]["extract"])


def test_pair_events_score_a_pair_as_its_full_feature_list_does() -> None:
    """pair_events sums the parts a sentence's pairs share once: the sum must equal the model's score
    of the pair's whole feature list."""
    shipped = model()
    c = read_candidates(TEXT)
    [(i, a, b)] = pair_candidates(c)
    want = round(shipped.probability(pair_features(c, i, a, b)), 2)
    open_model = PairModel(shipped.event, shipped.labels, shipped.label, shipped.a, shipped.b,
                           {"en.deal": 0.0, "en.customer_change": 0.0})
    [e] = pair_events(c, [], CUES, open_model)
    assert e.confidence == want and 0.0 < want < 1.0


def test_direction_model_decides_who_is_the_customer() -> None:
    """A customer change's subtype comes from its labels in either direction, its roles from `direction`."""
    c = read_candidates(TEXT)
    for weight, customer in ((3.0, "Brennwald Logistics"), (-3.0, "Korvex Freight")):
        pm = PairModel({"bias": -4.0, "s=en:parcels": 8.0}, LABELS, {"bias": {1: 2.0, 2: 1.9}}, 1.0, 0.0,
                       {"en.customer_change": 0.5}, {"s=en:parcels": weight})
        [e] = pair_events(c, [], CUES, pm)
        assert (e.subtype, e.customer) == ("new_customer", customer)
    # the subtype whose labels are likeliest together wins over the single likeliest label
    pm = PairModel({"bias": 4.0}, ("acquisition:acquirer>target", "churn:customer>vendor", "churn:vendor>customer"),
                   {"bias": {0: 1.0, 1: 0.8, 2: 0.8}}, 1.0, 0.0, {"en.customer_change": 0.5})
    assert pm.best_label(["bias"]).startswith("churn:")


def test_one_deal_per_sentence_and_none_with_a_company_the_rules_read_a_deal_of() -> None:
    text = "Korvex Freight agreed to buy the parcels arm of Brennwald Logistics from Dorrin Holdings."
    c = read_candidates(text)
    assert len(pair_candidates(c)) == 3
    pm = hand_model({"en.deal": 0.5}, label=0)
    [e] = pair_events(c, [], CUES, pm)  # three pairs score alike; the sentence states one deal
    assert (e.subtype, e.acquirer, e.target) == ("acquisition", "Korvex Freight", "Brennwald Logistics")
    ruled = Event(event_type="deal", subtype="acquisition", status="announced", evidence=text, confidence=0.9,
                  acquirer="Korvex Freight", target="Parcelink")
    # Korvex's deal is read: a second deal pair with it would be its seller or a second target
    got = pair_events(c, [ruled], CUES, pm)
    assert [(x.acquirer, x.target) for x in got] == [("Brennwald Logistics", "Dorrin")]  # (legal suffix dropped)


def test_event_confidence_is_the_output_scale_of_p() -> None:
    pm = hand_model({"en.customer_change": 0.5})
    assert pm.confidence(0.7) == pytest.approx(0.7)  # no output scale: P itself
    scaled = PairModel.from_json({**pm.to_json(), "out_a": 1.0, "out_b": -1.0})
    assert scaled.confidence(0.5) == pytest.approx(1 / (1 + math.exp(1.0)))
    assert scaled.to_json()["out_b"] == -1.0
