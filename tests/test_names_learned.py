"""The learned German name check: its candidates, features, decisions and the shipped model."""

from __future__ import annotations

import fnmatch
import gzip
import json
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from extract.names_de import _seed_names, _split_candidates, find_names_de
from extract.names_learned import MODEL_FILE, NameModel, candidates, learned_names, model, using

ROOT = Path(__file__).resolve().parent.parent
# Written for these tests: a firm named once, bare, after a preposition, which the rules leave undecided.
TEXTS = ["Stadt vergibt Auftrag", "Die Stadtverwaltung vergibt den Auftrag für die Schul-IT an Kerbtal, wie sie mitteilte."]


def taken(texts: list[str]) -> set[str]:
    names, blocked = _seed_names(texts)
    return names | blocked


def test_candidates_are_the_runs_the_rules_leave_with_the_features_of_their_uses() -> None:
    got = candidates(TEXTS, taken(TEXTS), _split_candidates)
    assert "Kerbtal" in got and "Auftrag" in got
    for want in ("before=an", "after=,", "uses=1", "n=1", "shape=Aa", "suf3=tal", "bias"):
        assert want in got["Kerbtal"]
    assert "in_title" in got["Auftrag"] and "before=den" in got["Auftrag"]


def test_a_run_the_model_scores_above_its_threshold_is_a_name() -> None:
    nm = NameModel({"bias": -3.0, "before=an": 5.0}, 1.0, 0.0, 0.5, {"auftrag": 40}, {"kerbtal": 2})
    assert learned_names(TEXTS, taken(TEXTS), _split_candidates, nm) == {"Kerbtal"}
    assert learned_names(TEXTS, taken(TEXTS), _split_candidates, NameModel({}, 1.0, 0.0, 2.0)) == set()  # off
    # the corpus frequency of a word is a feature (when training, the article's own use is left out),
    # and so is the number of corpus articles with a party of that name
    assert nm.features("Auftrag", ["bias"])[-2:] == ["df=10+", "pdf=0"]
    assert nm.features("Kerbtal", ["bias"], own_article=True)[-2:] == ["df=0", "pdf=2-3"]
    # training reads an article with a stand-in model while a block runs, the shipped one after it
    with using(NameModel({"bias": 9.0}, 1.0, 0.0, 0.5)):
        assert "Auftrag" in learned_names(TEXTS, taken(TEXTS), _split_candidates)
    assert learned_names(TEXTS, taken(TEXTS), _split_candidates) == learned_names(
        TEXTS, taken(TEXTS), _split_candidates, model())


def test_model_round_trips_and_unknown_format_is_a_clear_error() -> None:
    nm = NameModel({"bias": -1.0}, 0.5, 0.1, 0.3, {"vertrag": 12}, {"metro": 4})
    assert NameModel.from_json(json.loads(json.dumps(nm.to_json()))) == nm
    with pytest.raises(ValueError, match="retrain with `make train`"):
        NameModel.from_json({"format": 9})


def test_shipped_model_is_package_data_read_once_and_finds_a_name_the_rules_miss() -> None:
    raw = resources.files("extract").joinpath("data", MODEL_FILE).read_bytes()
    data = json.loads(gzip.decompress(raw))
    assert data["format"] == 2 and len(data["weights"]) > 100 and len(data["df"]) > 1000
    assert len(data["parties"]) > 1000
    assert model() is model() and model().threshold <= 1.0
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert any(fnmatch.fnmatch(f"data/{MODEL_FILE}", glob) for glob in conf["package-data"]["extract"])
    # the names the shipped model adds to the rules' are mentions: in sentences written for this test,
    # at least one (which ones depends on the trained weights)
    added = 0
    for sentences in (["Der Auftrag für die Busse ging an Kastell-Benz.", "Kastell-Benz liefert ab Mai."],
                      ["Den Zuschlag erhielt die Kastell-Lindner-Hilfe gGmbH, wie die Kreisverwaltung mitteilte."],
                      ["Der Versorger bezieht das Gas nicht mehr von Kastell, sondern über Trianor."]):
        texts = ["Meldung", *sentences]
        learned = learned_names(texts, taken(texts), _split_candidates)
        assert learned <= {s.surface for row in find_names_de(texts) for s in row}
        added += len(learned)
    assert added >= 1
    # a public body's word alone is no name, whatever the model says
    assert find_names_de(["Meldung", "Die Stadtwerke beziehen die Zähler künftig von Omnivolt."])[1] == []
