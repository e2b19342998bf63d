"""A learned second opinion on German company names: the capitalised words the rules of
`extract.names_de` leave undecided.

German capitalises every noun, so the rules accept a bare capitalised word as a name only on firm
evidence (a descriptor before it, a legal form after it, used bare twice, ...), and miss names an
article uses once or only after a preposition ("bei Volkswagen", "eine Lösung von Microsoft",
"Andritz meldet einen Auftrag"). Here every capitalised run of one to three words the rules did
not take is one candidate per article, described by binary features of its uses (the word before
and after each use, its place in the sentence, its shape and ending, how often the article uses it,
how many articles of the training corpus use the word at all: a common noun is in many, an
invented firm in one; and in how many of them, in either language, the word is part of a labelled
party's name: "Metro" or "Vattenfall" are, "Ziel" never is) and scored by a logistic regression
trained on the labelled corpus (label: the run names a party of one of the article's events). A run
whose probability reaches the model's threshold is a name.

`benchmarks/train.py` (`make train`) trains it and writes `extract/data/names_de.json.gz`;
without that file (before the first training) nothing is added. Pure Python at run time.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

__all__ = ["NameModel", "candidates", "learned_names", "model", "using", "MODEL_FILE"]

MODEL_FILE = "names_de.json.gz"

_WORD_AFTER = re.compile(r"\s*([\w\-äöüß]+|[^\w\s])")
_SHAPE_RUNS = re.compile(r"(.)\1+")


def _shape(word: str) -> str:
    """Returns the word's shape: "Aa" (Siemens), "AaAa" (SoftBank), "A" (BASF), "Aa-Aa", "9&9"."""
    mapped = "".join("A" if ch.isupper() else "a" if ch.islower() else "9" if ch.isdigit() else ch for ch in word)
    return _SHAPE_RUNS.sub(r"\1", mapped)


def _df_bucket(n: int) -> str:
    return "0" if n <= 0 else "1" if n == 1 else "2-3" if n <= 3 else "4-9" if n <= 9 else "10+"


def _use_features(text: str, start: int, end: int, before: str, first: int) -> list[str]:
    """Returns the features of one use of a run in a sentence."""
    after_m = _WORD_AFTER.match(text, end)
    after = after_m.group(1) if after_m else ""
    feats = []
    if start <= first or not before:
        feats.append("pos=initial")
    elif before[:1].islower() or len(before) <= 5:
        feats.append(f"before={before.lower()}")  # (a short capitalised word opens the sentence: "Die", "Bei")
    else:
        feats.append("before=Cap")
    if not after:
        feats.append("after=end")
    elif after[:1].islower():
        feats.append(f"after={after}")
        feats.append(f"after_suf={after[-2:]}")
    elif after[:1].isupper():
        feats.append("after=Cap")
    else:
        feats.append(f"after={after}")
    if text[end:end + 1] == "-":
        feats.append("compound_lead")
    return feats


def candidates(texts: list[str], taken: set[str], split) -> dict[str, list[str]]:
    """Returns run -> its features, for each capitalised run of one to three words of the article
    that is not in `taken` (the rules' names and blocked words). `split`: the rules'
    `_split_candidates` (runs with the word before each)."""
    uses: dict[str, list[str]] = {}
    counts: dict[str, int] = {}
    for k, text in enumerate(texts):
        first = len(text) - len(text.lstrip(" \"'„“»(*•–-"))
        is_title = k == 0
        for toks, before in split(text):
            if not toks or len(toks) > 3:
                continue
            words = [t for _, _, t in toks]
            surface = " ".join(words).rstrip(".,")
            # (a compound of a name the rules took, "Ferrant-Plattform", is that name's thing, not a firm)
            if not surface or surface in taken or any(w in taken or w.split("-", 1)[0] in taken for w in words) \
                    or len(surface) < 2:
                continue
            start, end = toks[0][0], toks[-1][1]
            feats = uses.setdefault(surface, [])
            feats.extend(_use_features(text, start, end, before, first))
            if is_title:
                feats.append("in_title")
            counts[surface] = counts.get(surface, 0) + 1
    out = {}
    for surface, feats in uses.items():
        words = surface.split()
        last = words[-1]
        own = {f"n={len(words)}", f"shape={'_'.join(_shape(w) for w in words)}", f"suf3={last[-3:].lower()}",
               f"suf2={last[-2:].lower()}", f"uses={min(counts[surface], 3)}", "bias"}
        out[surface] = sorted(own | set(feats))
    return out


@dataclass(frozen=True)
class NameModel:
    """Weights, Platt scale, threshold, the corpus document frequency of capitalised words (`df`)
    and, per lower-case word, the number of corpus articles with a labelled party whose name has it
    (`parties`)."""

    weights: dict[str, float]
    a: float
    b: float
    threshold: float
    df: dict[str, int] = field(default_factory=dict)
    parties: dict[str, int] = field(default_factory=dict)

    def features(self, surface: str, feats: list[str], own_article: bool = False) -> list[str]:
        """Returns `feats` with the run's corpus frequency (less this article's use when training)
        and how often its rarest word names a party."""
        words = [w.lower() for w in surface.split()]
        n = min((self.df.get(w, 0) for w in words), default=0) - int(own_article)
        p = min((self.parties.get(w, 0) for w in words), default=0)
        return [*feats, f"df={_df_bucket(n)}", f"pdf={_df_bucket(p)}"]

    def probability(self, feats: list[str]) -> float:
        w = self.weights
        z = self.a * sum(w.get(f, 0.0) for f in feats) + self.b
        return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0

    def to_json(self) -> dict:
        return {"format": 2, "a": self.a, "b": self.b, "threshold": self.threshold,
                "weights": dict(sorted(self.weights.items())), "df": dict(sorted(self.df.items())),
                "parties": dict(sorted(self.parties.items()))}

    @classmethod
    def from_json(cls, data: dict) -> NameModel:
        if data.get("format") != 2:
            raise ValueError(f"name model file: format {data.get('format')!r} not known (expected 2); "
                             "retrain with `make train`")
        return cls({k: float(v) for k, v in data["weights"].items()}, float(data["a"]), float(data["b"]),
                   float(data["threshold"]), {k: int(v) for k, v in data["df"].items()},
                   {k: int(v) for k, v in data["parties"].items()})


@lru_cache(maxsize=1)
def model() -> NameModel | None:
    """Returns the shipped name model (read once per process), or None before the first training."""
    path = resources.files("extract").joinpath("data", MODEL_FILE)
    if not path.is_file():
        return None
    return NameModel.from_json(json.loads(gzip.decompress(path.read_bytes())))


_in_use: list[NameModel] = []


@contextmanager
def using(nm: NameModel) -> Iterator[None]:
    """Reads every article with `nm` instead of the shipped model while the block runs: training reads
    each corpus set with a model whose party counts leave that set out, as new text would be read."""
    _in_use.append(nm)
    try:
        yield
    finally:
        _in_use.pop()


def learned_names(texts: list[str], taken: set[str], split, nm: NameModel | None = None) -> set[str]:
    """Returns the runs of the article the name model accepts (see the module docstring)."""
    nm = nm or (_in_use[-1] if _in_use else model())
    if nm is None or nm.threshold > 1.0:
        return set()
    return {s for s, f in candidates(texts, taken, split).items() if nm.probability(nm.features(s, f)) >= nm.threshold}
