"""The event verifier: a trained linear model that gives each event the rules read its calibrated
probability of being right, and drops the events below a threshold chosen on held-out folds.

Features (`event_features`) are strings, all binary: the event's subtype, status and the frames
that fired, the words of its evidence sentence, the shape of each party's name (legal suffix,
person-like, all capitals, digits, length, how often the article names it), whether it came from
the headline, and how business-like the whole article is (business words, money and company
suffixes per sentence). The weights (`extract/data/verifier.json.gz`, trained by
`benchmarks/train.py`, `make train`) are a dict of feature -> weight; the score is their sum,
and a Platt scale fitted on out-of-fold scores turns it into a probability:

    confidence = 1 / (1 + exp(-(a * score + b)))

Pure Python at run time: no training library is imported here. The weights are read once per
process (`model()`).
"""

from __future__ import annotations

import gzip
import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from extract.parties import _GIVEN_NAMES, _LEGAL_SUFFIXES

if TYPE_CHECKING:
    from extract.events import Candidates
    from extract.frames import Hit
    from extract.model import Event

__all__ = ["Verifier", "model", "event_features", "article_features", "mention_counts", "company_words", "lower_words", "verify_events", "MODEL_FILE"]

MODEL_FILE = "verifier.json.gz"
_ROLES = ("acquirer", "target", "seller", "customer", "vendor", "competitor")
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_DIGIT = re.compile(r"\d")
# Generic words of business news, English and German: how many a page uses tells a business
# article from a game guide, a recipe or a campaign blog (no company or fixture names here).
_BUSINESS = frozenset("""
    company companies firm firms business deal deals acquisition acquisitions acquire acquired acquires
    merger merge stake stakes shares shareholders shareholder investor investors investment invest
    invested funding round revenue revenues profit sales market markets customer customers client
    clients contract contracts supplier suppliers vendor vendors billion million bn chief executive
    ceo cfo board analysts analyst quarter quarterly fiscal earnings valuation buyer seller takeover
    subsidiary unit division group holdings inc corp ltd plc llc agreement agreed transaction
    regulators regulatory antitrust spokesperson spokesman spokeswoman percent operator provider
    unternehmen firma konzern übernahme übernehmen übernimmt übernommen beteiligung anteil anteile
    aktien aktionäre investor investoren kunde kunden kundin auftrag aufträge vertrag verträge
    lieferant lieferanten umsatz gewinn millionen milliarden mio mrd vorstand chef sprecher sprecherin
    geschäft geschäfts konzerns tochter sparte fusion verkauf verkauft kauf kauft gekauft markt
    analysten quartal gmbh ag se
""".split())
# "WINTERTHUR, 10 March -", "CAMBRIDGE, Mass., June 3 (BUSINESS WIRE) -": a place opening a dateline.
_DATELINE = re.compile(r"\s*(?:,\s*(?:[A-Z][a-z]+\.?,?\s*)?(?:\d|[A-Z][a-z]{2,8}\.? \d)|\s+[-–—(]|\s*\()")
_OLD_YEAR = re.compile(r"\b1[5-9]\d\d\b")
_SUFFIX_WORDS = frozenset(s.strip(".") for s in _LEGAL_SUFFIXES if s not in ("group", "holding", "holdings"))
_SUFFIX_WORDS_ALL = frozenset(w for w in _SUFFIX_WORDS if "." not in w)


def _bucket(x: float, edges: tuple[float, ...]) -> int:
    """Returns the index of the first edge above x (len(edges) when none is)."""
    return next((i for i, e in enumerate(edges) if x < e), len(edges))


_CURRENCY_WORDS = frozenset("usd eur gbp chf dollar dollars euro euros pounds".split())
# A legal suffix as a page writes it after a name: "Inc", "AG", "GMBH" (not the word "co" or "se").
_SUFFIX_CASED = frozenset({w[0].upper() + w[1:] for w in _SUFFIX_WORDS_ALL if len(w) > 2}
                          | {w.upper() for w in _SUFFIX_WORDS_ALL})


def article_features(c: Candidates) -> list[str]:
    """Returns the features of the whole article: its length and how business-like it is.
    (Whole-text passes in C: a 1,400-word article costs about 0.1 ms; memoised on `c`, which the
    verifier and the pair classifier share.)"""
    got = getattr(c, "_article_features", None)
    if got is None:
        got = _article_features(c)
        object.__setattr__(c, "_article_features", got)
    return got


def _article_features(c: Candidates) -> list[str]:
    tokens = _tokens(c)
    suffixes = sum(map(_SUFFIX_CASED.__contains__, tokens))
    low = " ".join(tokens).lower().split()
    business = sum(map(_BUSINESS.__contains__, low))
    head = "\n".join(c.texts)[:_ARTICLE_CHARS]
    money = sum(map(_CURRENCY_WORDS.__contains__, low)) + sum(head.count(ch) for ch in "$€£¥")
    words = tokens
    n = max(len(c.texts), 1)
    orgs = sum(1 for ms in c.mentions for m in ms if m.kind == "org")
    people = sum(1 for ms in c.mentions for m in ms if m.kind == "person")
    density = business / max(len(words), 1)
    return [
        f"art.biz={_bucket(density, (0.005, 0.01, 0.02, 0.035, 0.05, 0.08))}",
        f"art.money={_bucket(money / n, (0.02, 0.1, 0.25, 0.5))}",
        f"art.suffix={_bucket(suffixes, (1, 2, 4))}",
        f"art.orgs={_bucket(orgs / n, (0.3, 0.7, 1.2, 2))}",
        f"art.people={_bucket(people / n, (0.05, 0.2, 0.5, 1))}",
        f"art.len={_bucket(len(words), (80, 200, 500, 1000))}",
        f"art.events={min(len(c.events), 4)}",
    ]


def lower_words(c: Candidates) -> frozenset[str]:
    """Returns the words the article writes in lower case ("exchange", "army"): a party named by
    one of them ("Exchange") may be a common word that opened a sentence. (Memoised on `c`.)"""
    got = getattr(c, "_lower_words", None)
    if got is None:
        got = frozenset(w for w in set(_tokens(c)) if w[:1].islower())
        object.__setattr__(c, "_lower_words", got)
    return got


_SPLIT = re.compile(r"[\s\"'’‘“”„«»()\[\]{}.,;:!?/\\|<>*•–—=+#~^]+")
# The article-level figures read the first 8,000 characters (a 900-word page is about 6,000): a
# page's kind shows early, and a 5,000-word page costs no more than a long article.
_ARTICLE_CHARS = 8000


def _tokens(c: Candidates) -> list[str]:
    """Returns the words of the article's texts as written (punctuation split off), memoised on `c`."""
    got = getattr(c, "_tokens", None)
    if got is None:
        got = [t for t in _SPLIT.split("\n".join(c.texts)[:_ARTICLE_CHARS]) if t]
        object.__setattr__(c, "_tokens", got)
    return got


_SUFFIX_AFTER = re.compile(r",?\s+(?:%s)\b" % "|".join(re.escape(s) for s in sorted(_LEGAL_SUFFIXES, key=len,
                                                                                      reverse=True)), re.IGNORECASE)


def _name_shape(name: str, counts: dict[str, int], text: str, lower: frozenset[str] = frozenset(),
                short: bool = False) -> list[str]:
    """Returns the shape features of one party's name; `text`: the sentence it was read from
    (a legal suffix there, "Vantor Holdings", is cut from the name); `lower`: `lower_words`;
    `short`: the article has one or two sentences (how often it names a company says nothing)."""
    toks = name.split()
    out = [f"len={min(len(toks), 4)}"]
    low = [t.lower().rstrip(".,") for t in toks]
    at = text.find(name)
    if at < 0:
        out.append("not_in_evidence")  # read through a reference ("the company") or cut
    elif at == 0 or not text[:at].strip(" \n\"'‘“(-•*"):
        out.append("opens")
        if _DATELINE.match(text, at + len(name)):
            out.append("dateline")
    if len(toks) == 1 and low[0] in lower:
        out.append("common_word")
    if any(t in _SUFFIX_WORDS or t in ("group", "holdings", "holding") for t in low[1:]) or (
            at >= 0 and _SUFFIX_AFTER.match(text, at + len(name))):
        out.append("suffix")
    if name.isupper() and len(name) > 1:
        out.append("caps")
    if _DIGIT.search(name):
        out.append("digit")
    if not name[:1].isupper():
        out.append("lower")
    if len(toks) == 2 and low[0] in _GIVEN_NAMES:
        out.append("person")
    if any(ch.isupper() for ch in name[1:]) and " " not in name and not name.isupper():
        out.append("camel")
    out.append("seen=short" if short else f"seen={_bucket(counts.get(name, 0), (1, 2, 3, 5, 8))}")
    return out


def event_features(c: Candidates, event: Event, hits: list[Hit], art: list[str],
                   counts: dict[str, int], lower: frozenset[str] = frozenset()) -> list[str]:
    """Returns the features of one event the rules read (see the module docstring).

    `art`: `article_features(c)`; `counts`: how many mentions each company name has in the
    article; `lower`: `lower_words(c)`."""
    lang = c.lang
    feats = ["bias", f"lang={lang}", f"sub={event.subtype}", f"{lang}.sub={event.subtype}",
             f"status={event.status}", f"sub.status={event.subtype}.{event.status}", *art]
    main = [h for h in hits if h.frame.family in ("deal", "customer_change")]
    for h in hits:
        feats.append(f"frame={h.frame.name}")
        if h.frame.family not in ("deal", "customer_change"):
            feats.append(f"aux={h.frame.family}")
        for flag in h.flags:
            feats.append(f"flag={flag}")
    feats.append(f"readings={min(len(main), 3)}")
    sentences = {h.sentence for h in main}
    if sentences and all(s < 0 for s in sentences):
        feats.append("headline_only")
    elif any(s < 0 for s in sentences):
        feats.append("headline_too")
    first = min((s for s in sentences if s >= 0), default=-1)
    feats.append(f"first_sentence={_bucket(first, (0, 1, 3, 8, 20))}")
    feats.append(f"rule_conf={round(max((h.confidence for h in main), default=0.0), 1)}")
    if event.amount is not None:
        feats.append("amount")
    if event.stake_pct is not None:
        feats.append("stake")
    ev = event.evidence
    if _OLD_YEAR.search(ev):
        feats.append("old_year")
    if ev.rstrip().endswith("?"):
        feats.append("question")
    if ev.isupper():
        feats.append("evidence_caps")
    feats.append(f"evidence_words={_bucket(len(ev.split()), (8, 15, 25, 40))}")
    names = [n for n in (getattr(event, r) for r in _ROLES) if n]
    if any(a != b and (a in b or b in a) for a in names for b in names):
        feats.append("names_nested")  # "Army" and "U.S. Army": one name read twice
    for role in _ROLES:
        name = getattr(event, role)
        if not name:
            continue
        feats.append(f"role={role}")
        shape = _name_shape(name, counts, ev, lower, len(c.texts) < 3)
        feats.extend(f"{role}.{f}" for f in shape)
        feats.extend(f"party.{f}" for f in shape)
    # The words of the evidence, names aside: the model is to learn the language, not the companies.
    words = {w.lower() for w in _WORD.findall(event.evidence)} - company_words(counts)
    feats.extend(f"w={lang}:{w}" for w in sorted(words))
    # Each feature once: the models are trained on feature sets (two parties of one shape, two hits
    # of one frame are one feature), and a score must sum what training saw.
    return list(dict.fromkeys(feats))


def company_words(counts: dict[str, int]) -> frozenset[str]:
    """Returns the lower-cased words of the article's company names (`mention_counts`), which the
    models' word features leave out: they are to learn the language, not the companies."""
    return frozenset(t.lower() for n in counts for t in n.split())


def mention_counts(c: Candidates) -> dict[str, int]:
    """Returns how many mentions (names and references) each company has in the article.
    (Memoised on `c`.)"""
    got = getattr(c, "_mention_counts", None)
    if got is not None:
        return got
    counts: dict[str, int] = {}
    for ms in c.mentions:
        for m in ms:
            if m.kind in ("org", "ref"):
                counts[m.name] = counts.get(m.name, 0) + 1
    object.__setattr__(c, "_mention_counts", counts)
    return counts


@dataclass(frozen=True)
class Verifier:
    """A trained verifier: feature weights, the Platt scale (a, b) and the threshold on the
    calibrated probability below which an event is dropped (`thresholds`: per language ("de") or
    language and event type ("en.deal"), where held-out text called for another one)."""

    weights: dict[str, float]
    a: float
    b: float
    threshold: float
    thresholds: dict[str, float] = field(default_factory=dict)

    def threshold_for(self, lang: str, event_type: str | None = None) -> float:
        """Returns the threshold for events of `event_type` in articles in `lang`."""
        t = self.thresholds
        return t.get(f"{lang}.{event_type}", t.get(lang, self.threshold))

    def score(self, feats: list[str]) -> float:
        """Returns the model's raw score (log-odds before calibration) of a feature list."""
        w = self.weights
        return sum(w.get(f, 0.0) for f in feats)

    def probability(self, feats: list[str]) -> float:
        """Returns the calibrated probability that the event of `feats` is right."""
        z = self.a * self.score(feats) + self.b
        return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0

    def to_json(self) -> dict:
        """Returns the verifier as the JSON object its file holds."""
        return {"format": 1, "a": self.a, "b": self.b, "threshold": self.threshold,
                "thresholds": dict(sorted(self.thresholds.items())), "weights": dict(sorted(self.weights.items()))}

    @classmethod
    def from_json(cls, data: dict) -> Verifier:
        """Returns the verifier a JSON object describes (see `to_json`)."""
        if data.get("format") != 1:
            raise ValueError(f"verifier file: format {data.get('format')!r} not known (expected 1); "
                             "retrain with `make train`")
        return cls({k: float(v) for k, v in data["weights"].items()}, float(data["a"]), float(data["b"]),
                   float(data["threshold"]), {k: float(v) for k, v in data.get("thresholds", {}).items()})


@lru_cache(maxsize=1)
def model() -> Verifier:
    """Returns the verifier shipped with the package (read once per process)."""
    raw = resources.files("extract").joinpath("data", MODEL_FILE).read_bytes()
    return Verifier.from_json(json.loads(gzip.decompress(raw)))


def verify_events(c: Candidates, verifier: Verifier | None = None) -> list[Event]:
    """Returns the events of `c` the verifier keeps, each with its calibrated `confidence`.

    `verifier`: None for the shipped model."""
    if not c.events:
        return []
    v = verifier or model()
    art = article_features(c)
    counts = mention_counts(c)
    lower = lower_words(c)
    kept = []
    for event, hits in zip(c.events, c.sources):
        p = v.probability(event_features(c, event, hits, art, counts, lower))
        if p >= v.threshold_for(c.lang, event.event_type):
            event.confidence = round(p, 2)
            kept.append(event)
    return kept
