"""The pair classifier: events the rules miss, read by trained models from pairs of companies.

A candidate is a sentence (or the headline) that holds a trigger word of some frame (the rules'
own frame selection says which) and names at least two companies; each pair of its companies, in
the order the sentence names them (A before B), is one example. Two linear models over binary
features (`pair_features`: the words between, before and after the two names with other names as
"<E>", the words of the sentence, the trigger frames and where their words stand (before A,
between, after B), passive "by", order, distance, subjects,
the shape of each name, money, headline, how business-like the article is) decide:

1. `event`: P(the sentence states an event between A and B), one dot product per pair,
   Platt-calibrated on held-out sets;
2. `label`: for the few pairs with a high P, which subtype and which role each name plays
   ("acquisition:acquirer>target": A buys B; "new_customer:vendor>customer": A supplies B): the
   subtype whose labels are likeliest together, and for a customer change the direction from a
   third model, `direction` (P(A is the customer)), trained on every customer change's pair
   whatever its subtype.

A pair is read only in a sentence with a trigger word of a family the model reads in its language
(the others are off), and fires only when the rules kept no event between the same two companies
and P reaches the
threshold of its language and family (deal, customer change), chosen on held-out sets by `benchmarks/train.py`
(`make train`), which writes the weights to `extract/data/pairs.json.gz`; a family whose
held-out F1 the pairs did not raise gets a threshold above 1 (off). The event's confidence is
P(the event is right, subtype and roles included): a second Platt scale over P, fitted on the held-out
pair events that reach their threshold (`PairModel.confidence`). The event's status comes from
the rules' status cues, its amount from the sentence when it names exactly one.
Pure Python at run time; the weights are read once per process (`model()`).
"""

from __future__ import annotations

import gzip
import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from importlib import resources
from typing import TYPE_CHECKING

from extract.frames import build_shadow
from extract.model import Event
from extract.parties import same_party
from extract.verify import _WORD as _NAME_WORD
from extract.verify import _name_shape, article_features, company_words, lower_words, mention_counts

if TYPE_CHECKING:
    from extract.events import Candidates
    from extract.frames import Cues, Frame
    from extract.mentions import Mention

__all__ = ["PairModel", "Context", "context", "model", "pair_candidates", "pair_features", "sentence_features",
           "name_features", "between_features", "trigger_words", "pair_events",
           "ROLES", "FAMILY", "MODEL_FILE"]

MODEL_FILE = "pairs.json.gz"

ROLES = {"deal": ("acquirer", "target", "seller"), "customer_change": ("customer", "vendor")}
FAMILY = {"acquisition": "deal", "stake": "deal", "merger": "deal", "investment": "deal", "divestiture": "deal",
          "joint_venture": "deal", "churn": "customer_change", "reduction": "customer_change",
          "new_customer": "customer_change", "expansion": "customer_change"}
_MAX_NAMES = 6  # the first six companies of a sentence: a list of twenty is no event's statement
_WORD = re.compile(r"[^\W_][\w'’\-.]*[\w]|[^\W_]|[$€£%]")
_PASSIVE_BY = re.compile(r"\b(?:was|were|been|being|is|are|be|wird|wurde|werden)\b[^.]{0,40}\bby\s*$|\b(?:von|durch)\s*$")
_MONEY = re.compile(r"[$€£]|\b(?:million|billion|bn|Millionen|Milliarden|Mrd|Mio)\b")


def pair_candidates(c: Candidates) -> list[tuple[int, Mention, Mention]]:
    """Returns (text index, A, B) for each pair of distinct companies of each trigger sentence."""
    out = []
    for i, (ms, frames) in enumerate(zip(c.mentions, c.triggers)):
        if not frames:
            continue
        names: dict[str, Mention] = {}
        for m in ms:
            if m.kind in ("org", "ref") and m.name not in names and not any(same_party(m.name, n) for n in names):
                names[m.name] = m
        firsts = list(names.values())[:_MAX_NAMES]
        out.extend((i, a, b) for j, a in enumerate(firsts) for b in firsts[j + 1:])
    return out


def _tokens(text: str, ms: list[Mention]) -> list[tuple[int, int, str]]:
    """Returns (start, end, token) of a sentence: words lower-cased, each company or person one
    "<E>" or "<P>" token, a news outlet "<S>"."""
    spans = sorted((m.start, m.end, "<P>" if m.kind == "person" else "<S>" if m.kind == "media" else "<E>")
                   for m in ms)
    out: list[tuple[int, int, str]] = []
    pos = 0
    for s, e, tok in spans:
        if s < pos:
            continue
        out.extend((w.start() + pos, w.end() + pos, w.group().lower()) for w in _WORD.finditer(text[pos:s]))
        out.append((s, e, tok))
        pos = e
    out.extend((w.start() + pos, w.end() + pos, w.group().lower()) for w in _WORD.finditer(text[pos:]))
    return out


@dataclass(frozen=True)
class Context:
    """What every pair of an article shares: the article's features, how often it names each
    company (and which it names most), the words it writes in lower case, and the words of the
    company names (left out of the sentence's words: the model is to learn language, not names)."""

    art: list[str]
    counts: dict[str, int]
    topic: str | None
    lower: frozenset[str]
    name_words: frozenset[str]


def context(c: Candidates) -> Context:
    """Returns the `Context` of an article's candidates."""
    counts = mention_counts(c)
    topic = max(counts, key=counts.__getitem__) if counts else None
    return Context(article_features(c), counts, topic, lower_words(c),
                   company_words(counts))


def pair_features(c: Candidates, i: int, a: Mention, b: Mention,
                  tokens: list[tuple[int, int, str]] | None = None, ctx: Context | None = None) -> list[str]:
    """Returns the features of the pair (A, B) of text `i` (see the module docstring): those of
    its sentence, of each name, and of the words around and between them.
    `tokens`: `_tokens` of the text, `ctx`: the article's `context`, when the caller has them."""
    toks = tokens if tokens is not None else _tokens(c.texts[i], c.mentions[i])
    ctx = ctx or context(c)
    return [*sentence_features(c, i, toks, ctx), *name_features(c, i, a, "a", ctx),
            *name_features(c, i, b, "b", ctx), *between_features(c, i, a, b, toks)]


def sentence_features(c: Candidates, i: int, toks: list[tuple[int, int, str]], ctx: Context) -> list[str]:
    """Returns the features every pair of text `i` shares: the article's, the trigger frames, the
    sentence's words (company names aside), how many names, money, a percentage, its position."""
    text = c.texts[i]
    lang = c.lang
    f = ["bias", f"lang={lang}", *ctx.art]
    if i < c.offset:
        f.append("headline")
    for fr in c.triggers[i]:
        f.append(f"trig={fr.name}")
        f.append(f"trigsub={fr.family}.{fr.subtype}")
    n_e = sum(1 for _, _, t in toks if t == "<E>")
    f.append(f"names={min(n_e, 4)}")
    if _MONEY.search(text):
        f.append("money")
    if "%" in text or "percent" in text or "Prozent" in text:
        f.append("pct")
    f.extend(f"s={lang}:{w}" for w in {w.lower() for w in _NAME_WORD.findall(text)} - ctx.name_words)
    f.append(f"sentence={min(i - c.offset, 6)}")
    return list(dict.fromkeys(f))  # (several frames of one subtype: one feature, as in training)


def name_features(c: Candidates, i: int, m: Mention, tag: str, ctx: Context) -> list[str]:
    """Returns the features of one name of a pair (`tag`: "a" or "b"): its shape, what stands
    around it, and whether it is a subject, a reference, a possessive or the article's topic."""
    text = c.texts[i]
    f = [f"{tag}.{x}" for x in _name_shape(m.name, ctx.counts, text, ctx.lower, len(c.texts) < 3)]
    if "(" in text[max(0, m.start - 2):m.start]:
        f.append(f"{tag}.paren")  # "(NSE: ...)", "(AED 4bn)": a ticker or a currency, not a party
    if "/" in text[max(0, m.start - 2):m.start] or ":" in text[m.end:m.end + 2]:
        f.append(f"{tag}.slash_colon")
    if m.name == ctx.topic:
        f.append(f"{tag}.topic")
    if m.subject:
        f.append(f"{tag}_subject")
    if m.kind == "ref":
        f.append(f"{tag}_ref")
    if m.possessive:
        f.append(f"{tag}_poss")
    return list(dict.fromkeys(f))


# Frame sets by the ids of their frames (module constants, alive as long as the process), at most 4,096.
_STEMS: dict[tuple[int, ...], dict[str, tuple[int, str]]] = {}


def _stem_table(frames: tuple[Frame, ...]) -> dict[str, tuple[int, str]]:
    """Returns stem -> (its first place among the frames' stems, that frame's family), for a set of
    frames (remembered: articles select a few hundred frame sets again and again)."""
    key = tuple(map(id, frames))
    table = _STEMS.get(key)
    if table is None:
        if len(_STEMS) >= 4096:
            _STEMS.clear()
        table = {}
        for fr in frames:
            for st in fr.stems:
                table.setdefault(st, (len(table), fr.family))
        _STEMS[key] = table
    return table


def trigger_words(c: Candidates, i: int, toks: list[tuple[int, int, str]]) -> list[tuple[int, str, str]]:
    """Returns (start, family, word) of each word of text `i` that opens with a stem of one of its
    trigger frames ("acquired": deal; "dropped": customer change), the first such frame's family
    (a word's prefixes are looked up, not every stem tried)."""
    table = _stem_table(c.triggers[i])
    if not table:
        return []
    out = []
    for s, _, t in toks:
        found = [table[t[:k]] for k in range(1, len(t) + 1) if t[:k] in table]
        if found:
            out.append((s, min(found)[1], t))
    return out


def between_features(c: Candidates, i: int, a: Mention, b: Mention, toks: list[tuple[int, int, str]],
                     trig: list[tuple[int, str, str]] | None = None) -> list[str]:
    """Returns the features of the words before, between and after the two names of a pair, and
    where its trigger words stand: before A, between the two, after B (`trig`: `trigger_words`)."""
    lang = c.lang
    before = [t for s, e, t in toks if e <= a.start]
    between = [t for s, e, t in toks if s >= a.end and e <= b.start]
    after = [t for s, e, t in toks if s >= b.end]
    f = [f"b={lang}:{t}" for t in set(between)]
    if between:
        f.append(f"b1={lang}:{between[0]}")
        f.append(f"bl={lang}:{between[-1]}")
        if len(between) > 1:
            f.append(f"b2={lang}:{between[0]} {between[1]}")
            f.append(f"bl2={lang}:{between[-2]} {between[-1]}")
    f.append(f"dist={min(len(between), 12) // 3}")
    f.extend(f"pre={lang}:{t}" for t in before[-4:])
    if before:
        f.append(f"pre1={lang}:{before[-1]}")
    else:
        f.append("a_first")
    f.extend(f"post={lang}:{t}" for t in after[:4])
    if after:
        f.append(f"post1={lang}:{after[0]}")
    if _PASSIVE_BY.search(c.texts[i][a.end:b.start]):
        f.append("passive_by")
    for s, fam, t in trig if trig is not None else trigger_words(c, i, toks):
        where = "pre" if s < a.start else "mid" if s < b.start else "post"
        f.append(f"tw_{where}={fam}")
        f.append(f"tw_{where}={lang}:{t}")
    return list(dict.fromkeys(f))  # ("pre=en:the" twice: once, as in training)


@dataclass(frozen=True)
class PairModel:
    """The two models (see the module docstring), the Platt scale of `event` and the threshold of
    each language's family ("en.deal", "de.customer_change"; above 1 or missing: off)."""

    event: dict[str, float]
    labels: tuple[str, ...]
    label: dict[str, dict[int, float]]
    a: float
    b: float
    thresholds: dict[str, float] = field(default_factory=dict)
    direction: dict[str, float] = field(default_factory=dict)
    out_a: float = 1.0
    out_b: float = 0.0

    def to_json(self) -> dict:
        """Returns the model as the JSON object its file holds."""
        return {"format": 1, "a": self.a, "b": self.b, "out_a": self.out_a, "out_b": self.out_b,
                "thresholds": dict(sorted(self.thresholds.items())),
                "event": dict(sorted(self.event.items())), "labels": list(self.labels),
                "direction": dict(sorted(self.direction.items())),
                "label": {k: {str(j): w for j, w in sorted(v.items())} for k, v in sorted(self.label.items())}}

    @classmethod
    def from_json(cls, data: dict) -> PairModel:
        """Returns the model a JSON object describes (see `to_json`)."""
        if data.get("format") != 1:
            raise ValueError(f"pair model file: format {data.get('format')!r} not known (expected 1); "
                             "retrain with `make train`")
        return cls({k: float(v) for k, v in data["event"].items()}, tuple(data["labels"]),
                   {k: {int(j): float(w) for j, w in v.items()} for k, v in data["label"].items()},
                   float(data["a"]), float(data["b"]), {k: float(v) for k, v in data["thresholds"].items()},
                   {k: float(v) for k, v in data.get("direction", {}).items()},
                   float(data.get("out_a", 1.0)), float(data.get("out_b", 0.0)))

    def score(self, feats: list[str]) -> float:
        """Returns the event model's raw score of a feature list (before calibration)."""
        return sum(map(self.event.get, feats, repeat(0.0, len(feats))))

    def calibrated(self, score: float) -> float:
        """Returns the calibrated probability of a raw score."""
        z = self.a * score + self.b
        return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0

    def probability(self, feats: list[str]) -> float:
        """Returns the calibrated P(the pair's sentence states an event between them)."""
        return self.calibrated(self.score(feats))

    def confidence(self, p: float) -> float:
        """Returns the confidence of the event a pair with P(states an event) `p` makes: P(that
        event is right), its subtype and roles included (the output Platt scale)."""
        q = min(max(p, 0.005), 0.995)
        z = self.out_a * math.log(q / (1 - q)) + self.out_b
        return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0

    def best_label(self, feats: list[str]) -> str:
        """Returns the most likely subtype and roles of an event pair ("churn:customer>vendor"):
        the subtype whose labels (in either direction) are likeliest together; for a customer
        change, the direction from the `direction` model (P(A is the customer)) when there is one."""
        scores = [0.0] * len(self.labels)
        for x in feats:
            for k, v in self.label.get(x, {}).items():
                scores[k] += v
        top = max(scores)
        by_subtype: dict[str, float] = {}
        for lab, sc in zip(self.labels, scores):
            sub = lab.split(":")[0]
            by_subtype[sub] = by_subtype.get(sub, 0.0) + math.exp(sc - top)
        subtype = max(by_subtype, key=by_subtype.__getitem__)
        if self.direction and FAMILY[subtype] == "customer_change":
            z = sum(map(self.direction.get, feats, repeat(0.0, len(feats))))
            return f"{subtype}:customer>vendor" if z >= 0 else f"{subtype}:vendor>customer"
        own = [k for k, lab in enumerate(self.labels) if lab.startswith(subtype + ":")]
        return self.labels[max(own, key=scores.__getitem__)]


def _covered(a: str, b: str, events: list[Event]) -> bool:
    """Returns True when an event already names both companies (in any roles)."""
    for e in events:
        names = [n for n in (e.acquirer, e.target, e.seller, e.customer, e.vendor, e.competitor) if n]
        if any(same_party(a, n) for n in names) and any(same_party(b, n) for n in names):
            return True
    return False


def _status(shadow: str, family: str, cues: Cues) -> str:
    """Returns the status the rules' cues read anywhere in a sentence's shadow."""
    for status, pat in cues.status:
        if pat.search(shadow):
            return status
    if family == "deal" and cues.completed.search(shadow):
        return "completed"
    return "announced"


@lru_cache(maxsize=1)
def model() -> PairModel:
    """Returns the pair model shipped with the package (read once per process)."""
    raw = resources.files("extract").joinpath("data", MODEL_FILE).read_bytes()
    return PairModel.from_json(json.loads(gzip.decompress(raw)))


def pair_events(c: Candidates, events: list[Event], cues: Cues, pm: PairModel | None = None) -> list[Event]:
    """Returns the events the pair model reads that `events` (the rules' kept events) lack.
    `pm`: None for the shipped model."""
    pm = pm or model()
    # Only sentences with a trigger word of a family the model reads in this language.
    families = {f for f in ("deal", "customer_change") if pm.thresholds.get(f"{c.lang}.{f}", 2.0) <= 1.0}
    if not families:
        return []
    low = min(pm.thresholds[f"{c.lang}.{f}"] for f in families)
    ctx = None
    best: dict[tuple[str, str], tuple[float, int, Mention, Mention]] = {}
    tokens: dict[int, list] = {}
    trig: dict[int, list] = {}
    # A linear score is a sum: the parts a sentence's pairs share are summed once per sentence and
    # per name (`pair_features` is their concatenation, which the label model reads).
    sentence_score: dict[int, float] = {}
    name_score: dict[tuple[int, int, str], float] = {}
    for i, a, b in pair_candidates(c):
        if _covered(a.name, b.name, events) or not any(fr.family in families for fr in c.triggers[i]):
            continue
        if i not in tokens:
            ctx = ctx or context(c)
            tokens[i] = _tokens(c.texts[i], c.mentions[i])
            trig[i] = trigger_words(c, i, tokens[i])
            sentence_score[i] = pm.score(sentence_features(c, i, tokens[i], ctx))
        z = sentence_score[i] + pm.score(between_features(c, i, a, b, tokens[i], trig[i]))
        for m, tag in ((a, "a"), (b, "b")):
            k = (i, m.start, tag)
            if k not in name_score:
                name_score[k] = pm.score(name_features(c, i, m, tag, ctx))
            z += name_score[k]
        p = pm.calibrated(z)
        if p < low:
            continue
        key = (a.name, b.name) if a.name <= b.name else (b.name, a.name)
        if key not in best or p > best[key][0]:
            best[key] = (p, i, a, b)
    out: list[tuple[int, int, Event]] = []
    # A company the rules already read a deal of: a second deal pair with it is most often its
    # seller, adviser or rival bidder, not a second deal; and one deal per sentence.
    in_deals = [n for e in events if e.event_type == "deal" for n in (e.acquirer, e.target, e.seller) if n]
    deal_sentences: set[int] = set()
    for p, i, a, b in sorted(best.values(), key=lambda t: (-t[0], t[1], t[2].start)):
        label = pm.best_label(pair_features(c, i, a, b, tokens[i], ctx))
        subtype, roles = label.split(":")
        ra, rb = roles.split(">")
        family = FAMILY[subtype]
        if p < pm.thresholds.get(f"{c.lang}.{family}", 2.0):
            continue
        if family == "deal":
            # A pair fills two roles: a deal's two are its buyer and what is bought (a pair with the
            # seller leaves the target unknown: no event an analyst can file).
            if {ra, rb} != {"acquirer", "target"}:
                continue
            if i in deal_sentences or any(same_party(m.name, n) for m in (a, b) for n in in_deals):
                continue
            deal_sentences.add(i)
        sh = build_shadow(c.texts[i], c.mentions[i], c.lang)
        amount = sh.amounts[0] if len(sh.amounts) == 1 else None
        out.append((i, a.start, Event(event_type=family, subtype=subtype, status=_status(sh.shadow, family, cues),
                         evidence=c.texts[i], confidence=round(pm.confidence(p), 2), **{ra: a.name, rb: b.name},
                         amount=amount.value if amount else None, currency=amount.currency if amount else None,
                         stake_pct=sh.percents[0] if subtype == "stake" and len(sh.percents) == 1 else None)))
    return [e for _, _, e in sorted(out, key=lambda t: t[:2])]
