"""The event verifier: its features, the shipped model, and how it keeps or drops events."""

from __future__ import annotations

import gzip
import json
import math
import fnmatch
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from extract.events import detect_events, read_candidates
from extract.verify import (MODEL_FILE, Verifier, article_features, event_features, lower_words, mention_counts, model,
                            verify_events)

ROOT = Path(__file__).resolve().parent.parent
DEAL = "Oracle has agreed to buy Cerner for $28.3 billion."
GAME = ("After an evening meal of everything he has, I cross the street to the Riverwood Trader to see if I can "
        "actually acquire any Illusion spells.")


def features(text: str, title: str | None = None) -> list[list[str]]:
    c = read_candidates(text, title=title)
    art, counts = article_features(c), mention_counts(c)
    return [event_features(c, e, h, art, counts, lower_words(c)) for e, h in zip(c.events, c.sources)]


def test_article_features_tell_business_from_a_game_diary() -> None:
    assert article_features(read_candidates(DEAL)) == [
        "art.biz=6", "art.money=4", "art.suffix=0", "art.orgs=4", "art.people=0", "art.len=0", "art.events=1"]
    assert article_features(read_candidates(GAME)) == [
        "art.biz=4", "art.money=0", "art.suffix=0", "art.orgs=4", "art.people=0", "art.len=0", "art.events=1"]


def test_event_features_of_a_plain_deal() -> None:
    [f] = features(DEAL)
    for want in ("bias", "lang=en", "sub=acquisition", "status=announced", "frame=acq_active", "amount",
                 "readings=1", "role=acquirer", "acquirer.len=1", "role=target", "w=en:buy", "w=en:agreed"):
        assert want in f
    # The parties' own names are no features: the model learns wording, not companies.
    assert not any(x in f for x in ("w=en:oracle", "w=en:cerner"))
    assert "headline_only" not in f


def test_each_feature_counts_once_as_in_training() -> None:
    # Both parties one word long ("party.len=1" from each) and two readings of one frame: one feature
    # each, since the model is trained on feature sets and a score sums the list.
    [f] = features("Oracle has agreed to buy Cerner for $28.3 billion. Oracle agreed to buy Cerner last year.")
    assert f.count("party.len=1") == 1 and len(f) == len(set(f))


def test_name_shapes() -> None:
    [f] = features("Vantor Holdings has agreed to buy 4DMedical for $2bn.")
    assert "acquirer.suffix" in f and "acquirer.len=1" in f  # "Vantor", read from "Vantor Holdings"
    assert "target.digit" in f and "target.camel" in f and "acquirer.camel" not in f


def test_headline_only_event() -> None:
    feats = features("The weather was fine on Tuesday.", title="Oracle to buy Cerner")
    assert feats and "headline_only" in feats[0]


def test_shipped_model_is_found_as_package_data() -> None:
    raw = resources.files("extract").joinpath("data", MODEL_FILE).read_bytes()
    data = json.loads(gzip.decompress(raw))
    assert data["format"] == 1 and len(data["weights"]) > 100
    v = model()
    assert v is model()  # read once per process
    assert 0.0 <= v.threshold < 1.0 and v.a > 0
    p = v.probability(features(DEAL)[0])
    assert 0.0 < p < 1.0


def test_shipped_model_keeps_the_seed_events() -> None:
    raw = (ROOT / "seeds" / "scale-ai-google-withdraws.txt").read_text(encoding="utf-8")
    title, body = raw.split("\n", 1)
    c = read_candidates(body, title=title)
    art, counts, lower = article_features(c), mention_counts(c), lower_words(c)
    probs = [model().probability(event_features(c, e, h, art, counts, lower)) for e, h in zip(c.events, c.sources)]
    assert len(probs) == 4 and min(probs) >= model().threshold


def test_datelines_common_words_and_nested_names() -> None:
    # (the rules take the dateline's place for the buyer: the features say so)
    [f] = features("Winterthur, 10 March - Bernhard Group AG, the Swiss maker of drives, has signed an agreement to "
                   "acquire a 70% stake in Meccanica Fontana.")
    assert "acquirer.opens" in f and "acquirer.dateline" in f and "target.opens" not in f
    [f] = features("Vantor Systems has agreed to buy Exchange for $5m. Every exchange matters.")
    assert "target.common_word" in f and "acquirer.common_word" not in f
    [f] = features("Oracle has agreed to buy Cerner, a company founded in 1979, for $28.3 billion.")
    assert "old_year" in f and "names_nested" not in f


def test_confidence_is_the_calibrated_probability() -> None:
    v = Verifier({"bias": 1.0, "sub=acquisition": 0.5}, a=2.0, b=-1.0, threshold=0.3)
    [e] = verify_events(read_candidates(DEAL), v)
    assert e.confidence == round(1 / (1 + math.exp(-(2.0 * 1.5 - 1.0))), 2) == 0.88


def test_events_below_the_threshold_are_dropped() -> None:
    v = Verifier({"bias": 2.0, "w=en:spells": -6.0}, a=1.0, b=0.0, threshold=0.5)
    assert verify_events(read_candidates(GAME), v) == []
    assert [e.acquirer for e in verify_events(read_candidates(DEAL), v)] == ["Oracle"]
    # the deal's own threshold drops it (0.88 < 0.9); the language's would keep it
    v = Verifier({"bias": 2.0}, a=1.0, b=0.0, threshold=0.5, thresholds={"en.deal": 0.9})
    assert verify_events(read_candidates(DEAL), v) == []


def test_thresholds_per_language_round_trip() -> None:
    v = Verifier({"bias": 1.0}, a=1.0, b=0.0, threshold=0.35, thresholds={"de": 0.0})
    assert (v.threshold_for("de"), v.threshold_for("en"), v.threshold_for("fr")) == (0.0, 0.35, 0.35)
    # a language and event type of its own; other types of that language keep the language's
    v = Verifier({"bias": 1.0}, a=1.0, b=0.0, threshold=0.35, thresholds={"de": 0.1, "en.deal": 0.5})
    assert (v.threshold_for("en", "deal"), v.threshold_for("en", "customer_change"),
            v.threshold_for("de", "deal")) == (0.5, 0.35, 0.1)
    assert Verifier.from_json(json.loads(json.dumps(v.to_json()))) == v
    # a file without per-language thresholds reads as one threshold for all
    assert Verifier.from_json({"format": 1, "a": 1, "b": 0, "threshold": 0.2, "weights": {}}).threshold_for("de") == 0.2


def test_unknown_model_format_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="format 2 not known.*make train"):
        Verifier.from_json({"format": 2})


def test_detect_events_applies_the_shipped_verifier() -> None:
    raw = (ROOT / "seeds" / "scale-ai-google-withdraws.txt").read_text(encoding="utf-8")
    title, body = raw.split("\n", 1)
    want = [round(model().probability(f), 2) for f in features(body, title)]
    assert [e.confidence for e in detect_events(body, title=title)] == want and len(want) == 4


def test_package_data_declares_the_model() -> None:
    """A non-editable install gets the weights: pyproject.toml declares them as package data."""
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert "extract*" in conf["packages"]["find"]["include"]
    assert any(fnmatch.fnmatch(f"data/{MODEL_FILE}", glob) for glob in conf["package-data"]["extract"])
    assert (ROOT / "extract" / "data" / MODEL_FILE).is_file()


@pytest.mark.parametrize(("title", "body", "lang"), [
    ("Aus zwei mach eins: TSV Oberweiler und SV Niedertal fusionieren",
     "Die Mitglieder des TSV Oberweiler und des SV Niedertal haben am Samstag für eine Fusion der beiden "
     "Vereine gestimmt. Der neue Verein soll ab Sommer als SG Oberweiler-Niedertal antreten.", "de"),
    ("Liberal Alliance and Centre Party agree to merge before spring election",
     "Liberal Alliance and Centre Party said on Tuesday they would merge their lists before the spring "
     "election, ending months of coalition talks.", "en"),
    ("Jetzt ist es offiziell: Elias Grünwald wechselt vom SC Freiburg zu Borussia Dortmund",
     "Der 24-jährige Mittelfeldspieler Elias Grünwald wechselt vom SC Freiburg zu Borussia Dortmund. "
     "Die Ablöse soll bei 30 Millionen Euro liegen.", "de"),
    ("Striker Mbeki completes £38m move from Redmere Athletic to Westbridge United",
     "Redmere Athletic have sold striker Mbeki to Westbridge United. Striker Mbeki completes a £38m move from "
     "Redmere Athletic to Westbridge United after passing a medical.", "en"),
    ("Halloway Pharma signs co-promotion pact with Sanofi",
     "Halloway Pharma, the Cambridge biotech, has signed a co-promotion agreement with Sanofi to market its "
     "migraine drug Zelvora in France, Germany and Italy.", "en"),
])
def test_clubs_parties_and_partnerships_make_no_events_between_firms(title: str, body: str, lang: str) -> None:
    assert [(e.subtype, e.acquirer or e.customer) for e in detect_events(body, title=title, language=lang)] == []


def test_a_club_stays_a_customer() -> None:
    body = ("Der Fußballclub SC Freiburg hat den Catering-Vertrag mit der Arena Gastro GmbH gekündigt und "
            "setzt künftig auf den Caterer Aramark.")
    events = detect_events(body, title="SC Freiburg wechselt den Caterer", language="de")
    assert ("churn", "SC Freiburg", "Arena Gastro") in [(e.subtype, e.customer, e.vendor) for e in events]
