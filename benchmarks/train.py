"""Train the detector's models from the dev split of the labelled corpus: the German name model
(`extract/names_learned.py`), the event verifier (`extract/verify.py`) and the pair classifier
(`extract/pairs.py`).

    python benchmarks/train.py              # write extract/data/*.json.gz, print the figures
    python benchmarks/train.py --no-write   # figures only (with the shipped name model)

Needs the `train` extra (scikit-learn): `pip install -e '.[train]'`; `make train` does both.

The name model comes first (the German mentions every later model learns from depend on it): each
capitalised run the German rules leave undecided is an example, right when it names a party of one
of its article's events. Every event the rules read from a dev article is one example of the
verifier, right (1) when the scorer matches it to a labelled event, else wrong (0): a logistic
regression over the binary features of `extract.verify.event_features`. Honest figures come from
splits by corpus file, never by article:
- calibration: the scores of five folds of whole sets (each fold scored by a model trained on the
  other sets) are fitted with a Platt scale, on the sets the rules were never tuned on (`UNTUNED`)
  alone: on their own dev sets the rules are almost never wrong, which says nothing of new text;
- thresholds and figures: nested: the sets are dealt into five folds, each judged by a model, Platt
  scale and threshold fitted on the other four only; the shipped thresholds (one per language and
  event type) are those that maximise F1 over these held-out predictions; the per-set table (rules
  alone, rules + verifier, and the pair classifier on top) and the reliability tables come from
  them too. (The name model is trained on all sets before: the German figures hold it in-sample.)
Records of the `test` split are dropped as soon as they are parsed: nothing here reads them.
The output is byte-identical from run to run (fixed solver, no randomness, rounded weights).
"""

from __future__ import annotations

import os

# One BLAS thread: these problems are small, and threads fighting over a shared machine cost 10x.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402 (after the thread settings, which must precede numpy)
import gzip
import json
import math
import re
import warnings
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from extract.events import Candidates, _load_rules, read_candidates
from extract.parties import same_party
from extract.scoring import FIELDS, match_events, parse_records, score
from extract.verify import MODEL_FILE, Verifier, article_features, event_features, lower_words, mention_counts
from extract.names_de import _seed_names, _split_candidates
from extract.names_learned import MODEL_FILE as NAMES_FILE
from extract.names_learned import NameModel, candidates, using
from extract.names_learned import model as names_model
from extract.pairs import MODEL_FILE as PAIRS_FILE
from extract.pairs import FAMILY, ROLES, PairModel, _tokens, context, pair_candidates, pair_events, pair_features
from extract.roles import fill_roles

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = ROOT / "tests" / "data" / "corpus"
OUT = ROOT / "extract" / "data" / MODEL_FILE
PAIRS_OUT = ROOT / "extract" / "data" / PAIRS_FILE
NAMES_OUT = ROOT / "extract" / "data" / NAMES_FILE
C_REG = 0.5  # inverse L2 strength of the logistic regression, one value for every fold
BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 0.9, 1.0001)
# Sets written blind and never used to tune the rules (en_gen, en_gen2, …, de_gen, …, and the test sets of
# earlier rounds, scored once and then made dev data: en_test_news, …; docs/detection.md): the calibration is
# fitted on these alone.
UNTUNED = re.compile(r"(?:en|de)_(?:gen\d*|test\d*_(?:news|pages))")
# The pair model may lower a family's held-out precision, rules included, to this and no further;
# and of the events it adds to the rules', at least the share PAIR_ADDED_PRECISION must be right.
PAIR_PRECISION = 0.7
PAIR_ADDED_PRECISION = 0.5
NAME_PRECISION = 0.3  # the share of names the German name model adds that must name a party, held out
FOLDS = 5  # calibration folds within a training run: whole sets, dealt round-robin by name


def set_folds(entries: list[dict]) -> list[set[str]]:
    """Returns the calibration folds of `entries`: each a set of corpus files (never split)."""
    groups = sorted({e["group"] for e in entries})
    return [set(groups[k::FOLDS]) for k in range(min(FOLDS, len(groups)))]


def load_dev(corpus: Path) -> list[dict]:
    """Returns the dev records of every corpus file, each with its set name ("set" or the file stem)."""
    out = []
    for p in sorted(corpus.glob("*.jsonl")):
        for r in parse_records(p.read_text(encoding="utf-8"), str(p)):
            if r.get("split") != "dev":
                continue  # the test split is held out: not read, not scored here
            r.setdefault("set", p.stem)
            r["_file"] = p.stem
            out.append(r)
    return out


_CAP_WORD = re.compile(r"(?<![\w\-])[A-ZÄÖÜ][\w\-&]*")
PARTY_ROLES = ("acquirer", "target", "seller", "customer", "vendor", "competitor")


def party_words(records: list[dict]) -> dict[str, dict[str, int]]:
    """Returns, per corpus file, each lower-case word of a labelled party's name -> the number of the
    file's articles (either language) with such a party."""
    out: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in records:
        words = {w.strip(".,;:()\"'").lower() for g in r.get("events") or [] for x in PARTY_ROLES if g.get(x)
                 for w in g[x].split()}
        for w in words - {""}:
            out[r["_file"]][w] += 1
    return out


def set_name_models(nm: NameModel, by_file: dict[str, dict[str, int]]) -> dict[str, NameModel]:
    """Returns, per corpus file, `nm` with party counts that leave that file out: a set's articles
    are read as new text would be, whose companies the corpus may know from other writers only."""
    return {f: replace(nm, parties={w: n - own.get(w, 0) for w, n in nm.parties.items() if n > own.get(w, 0)})
            for f, own in by_file.items()}


def train_names(records: list[dict], by_file: dict[str, dict[str, int]]) -> NameModel:
    """Returns the German name model (extract/names_learned.py) trained on the German `records`:
    a candidate is right when it names a party of one of its article's events; the Platt scale
    and the threshold (the best F1 of the candidates' decisions) come from folds of whole sets.
    `by_file`: `party_words` of the records; each candidate's party counts leave its own file out
    (`set_name_models`)."""
    recs = [r for r in records if r.get("lang") == "de"]
    df: dict[str, int] = defaultdict(int)
    for r in recs:
        for w in {m.group(0).lower() for m in _CAP_WORD.finditer((r.get("title") or "") + "\n" + r["text"])}:
            df[w] += 1
    total: dict[str, int] = defaultdict(int)
    for counts in by_file.values():
        for w, n in counts.items():
            total[w] += n
    probe = NameModel({}, 1.0, 0.0, 2.0, {w: n for w, n in df.items() if n >= 2}, dict(sorted(total.items())))
    probes = set_name_models(probe, {r["_file"]: by_file.get(r["_file"], {}) for r in recs})
    rows: list[tuple[str, list[str], int]] = []
    for r in recs:
        texts = read_candidates(r["text"], title=r.get("title")).texts
        names, blocked = _seed_names(texts)
        parties = [g[x] for g in r.get("events") or [] for x in PARTY_ROLES if g.get(x)]
        for surface, feats in candidates(texts, names | blocked, _split_candidates).items():
            y = int(any(same_party(surface, p) for p in parties))
            rows.append((r["_file"], probes[r["_file"]].features(surface, feats, own_article=True), y))
    groups = sorted({g for g, _, _ in rows})
    scored: list[tuple[float, int]] = []
    for k in range(min(FOLDS, len(groups))):
        fold = set(groups[k::FOLDS])
        w = fit([f for g, f, _ in rows if g not in fold], [y for g, _, y in rows if g not in fold])
        v = Verifier(w, 1.0, 0.0, 0.0)
        scored += [(v.score(f), y) for g, f, y in rows if g in fold]
    a, b = platt([s for s, _ in scored], [y for _, y in scored])
    probs = [(_sigmoid(a * s + b), y) for s, y in scored]
    best = (0.0, 2.0)
    for k in range(2, 20):
        t = round(k * 0.05, 2)
        tp = sum(1 for p, y in probs if p >= t and y)
        fp = sum(1 for p, y in probs if p >= t and not y)
        fn = sum(1 for p, y in probs if p < t and y)
        # (A name that is no party costs little until a frame reads it into an event; still,
        # of the names it adds, the share `NAME_PRECISION` must name a party.)
        if tp and tp >= NAME_PRECISION * (tp + fp) and 2 * tp / (2 * tp + fp + fn) > best[0] + 1e-9:
            best = (2 * tp / (2 * tp + fp + fn), t)
    t = best[1]
    tp = sum(1 for p, y in probs if p >= t and y)
    print(f"German name model: {len(rows)} candidates, {sum(y for _, _, y in rows)} naming a party; held out at "
          f"threshold {t}: {tp} right, {sum(1 for p, y in probs if p >= t and not y)} wrong, "
          f"F1 {best[0]:.3f}")
    return NameModel(fit([f for _, f, _ in rows], [y for _, _, y in rows]), a, b, t, probe.df, probe.parties)


def _pair_label(gold: dict, a: str, b: str) -> str | None:
    """Returns "subtype:roleA>roleB" when the gold event names A and B in two of its main roles."""
    roles = ROLES[gold["event_type"]]
    ra = next((r for r in roles if gold.get(r) and same_party(gold[r], a)), None)
    rb = next((r for r in roles if gold.get(r) and same_party(gold[r], b) and r != ra), None)
    return f"{gold['subtype']}:{ra}>{rb}" if ra and rb else None


def _stating(c: Candidates, gold: dict, rule_event_hits: list | None) -> set[int] | None:
    """Returns the indices of the texts that state a gold event: its evidence sentences when
    labelled; else the sentences the rules read it from; None when neither is known (then every
    trigger sentence naming both parties counts)."""
    ev = [x.strip() for x in gold.get("evidence") or [] if x and x.strip()]
    if ev:
        return {i for i, t in enumerate(c.texts) if t.strip() and any(t.strip() in x or x in t for x in ev)}
    if rule_event_hits is not None:
        return {h.sentence + c.offset for h in rule_event_hits if h.frame.family in ("deal", "customer_change")}
    return None


def examples(records: list[dict], name_models: dict[str, NameModel] | None = None) -> list[dict]:
    """Returns one entry per record: its candidates, each rule event's features and label, and
    each candidate pair's features and label ("none", "subtype:roleA>roleB"; None: left out).
    `name_models`: per corpus file, the German name model to read its articles with (default: the
    shipped one)."""
    out = []
    for r in records:
        nm = (name_models or {}).get(r["_file"])
        if nm is None:
            c: Candidates = read_candidates(r["text"], title=r.get("title"))
        else:
            with using(nm):
                c = read_candidates(r["text"], title=r.get("title"))
        gold = r.get("events") or []
        pred = [e.to_dict() for e in c.events]
        pairs, _, _ = match_events(gold, pred)
        right = {id(p) for _, p in pairs}
        hits_of = {id(g): c.sources[pred.index(p)] for g, p in pairs}
        art = article_features(c)
        counts = mention_counts(c)
        lower = lower_words(c)
        feats = [event_features(c, e, h, art, counts, lower) for e, h in zip(c.events, c.sources)]
        stating = [(g, _stating(c, g, hits_of.get(id(g)))) for g in gold]
        pair_rows = []
        tokens: dict[int, list] = {}
        ctx = context(c)
        for i, a, b in pair_candidates(c):
            label: str | None = "none"
            for g, where in stating:
                lab = _pair_label(g, a.name, b.name)
                if lab is None:
                    continue
                if where is None or i in where:
                    label = lab
                    break
                label = None  # the pair of a labelled event, in a sentence not its statement: left out
            if label is None:
                continue
            if i not in tokens:
                tokens[i] = _tokens(c.texts[i], c.mentions[i])
            pair_rows.append((pair_features(c, i, a, b, tokens[i], ctx), label, a.name, b.name))
        out.append({"rec": r, "group": r["_file"], "cands": c, "events": c.events, "feats": feats,
                    "labels": [int(id(p) in right) for p in pred], "pairs": pair_rows})
    return out


def fit(feats: list[list[str]], labels: list[int]) -> dict[str, float]:
    """Returns the weights of a logistic regression fitted on binary string features."""
    from sklearn.feature_extraction import DictVectorizer  # noqa: PLC0415 (training only)
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415

    if len(set(labels)) < 2:  # one class only: a constant score
        return {"bias": 4.0 if labels and labels[0] else -4.0}
    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(f, 1) for f in feats])
    lr = LogisticRegression(C=C_REG, solver="lbfgs", max_iter=5000)
    lr.fit(x, labels)
    weights = {name: float(w) for name, w in zip(vec.get_feature_names_out(), lr.coef_[0]) if abs(w) >= 1e-4}
    weights["bias"] = weights.get("bias", 0.0) + float(lr.intercept_[0])
    return {k: round(v, 5) for k, v in weights.items()}


def platt(scores: list[float], labels: list[int]) -> tuple[float, float]:
    """Returns (a, b) of the Platt scale sigmoid(a * score + b) fitted to scores and labels."""
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415 (training only)

    if len(set(labels)) < 2:
        return 1.0, 0.0
    lr = LogisticRegression(C=1e4, solver="lbfgs", max_iter=5000)
    lr.fit([[s] for s in scores], labels)
    return round(float(lr.coef_[0][0]), 5), round(float(lr.intercept_[0]), 5)


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0


def choose_threshold(probs: list[float], labels: list[int], gold: int) -> float:
    """Returns the probability threshold (a multiple of 0.05 up to 0.6) that maximises F1 of the
    kept events against `gold` labelled events; the lowest on a tie."""
    best = (-1.0, 0.0)
    for k in range(0, 13):
        t = k * 0.05
        tp = sum(1 for p, y in zip(probs, labels) if p >= t and y)
        fp = sum(1 for p, y in zip(probs, labels) if p >= t and not y)
        f1 = 2 * tp / (gold + tp + fp) if gold + tp + fp else 0.0
        if f1 > best[0] + 1e-9:
            best = (f1, t)
    return round(best[1], 2)


def fit_labels(feats: list[list[str]], labels: list[str]) -> tuple[tuple[str, ...], dict[str, dict[int, float]]]:
    """Returns (labels, feature -> {label index: weight}) of a multinomial logistic regression."""
    from sklearn.feature_extraction import DictVectorizer  # noqa: PLC0415 (training only)
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415

    classes = tuple(sorted(set(labels)))
    if len(classes) < 2:
        return classes, {"bias": {0: 1.0}} if classes else {}
    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(f, 1) for f in feats])
    # (Converged enough by 300 iterations; many more cost seconds and change no decision.)
    lr = LogisticRegression(C=C_REG, solver="lbfgs", max_iter=300)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # ConvergenceWarning: the cap is deliberate
        lr.fit(x, labels)
    assert tuple(lr.classes_) == classes
    weights: dict[str, dict[int, float]] = {}
    for j, name in enumerate(vec.get_feature_names_out()):
        ws = {k: round(float(lr.coef_[k][j]), 4) for k in range(len(classes)) if abs(lr.coef_[k][j]) >= 5e-3}
        if ws:
            weights[name] = ws
    bias = weights.setdefault("bias", {})
    for k in range(len(classes)):
        bias[k] = round(bias.get(k, 0.0) + float(lr.intercept_[k]), 4)
    return classes, weights


def _pairs_flat(entries: list[dict]) -> tuple[list[list[str]], list[int]]:
    feats = [f for e in entries for f, _, _, _ in e["pairs"]]
    labels = [int(lab != "none") for e in entries for _, lab, _, _ in e["pairs"]]
    return feats, labels


def _family_counts(entries: list[dict], kept_of: dict[int, list], fired_of: dict[int, list], family: str,
                   t: float) -> tuple[int, int, int]:
    """Returns (tp, fp, fn) of one family over `entries`: the kept rule events plus the pair events
    of that family whose probability reaches `t`."""
    tp = fp = fn = 0
    for e in entries:
        fired = [x for x in fired_of[id(e)] if x.event_type == family and x.confidence >= t]
        pred = [x.to_dict() for x in _final(e["cands"], kept_of[id(e)], fired)]
        matched, missed, false = match_events(e["rec"].get("events") or [], pred)
        tp += sum(g["event_type"] == family for g, _ in matched)
        fn += sum(g["event_type"] == family for g in missed)
        fp += sum(p["event_type"] == family for p in false)
    return tp, fp, fn


def train_pairs(entries: list[dict], verifier: Verifier | None = None) -> PairModel:
    """Returns a pair model trained on `entries`: the event model and its Platt scale from the
    scores of folds of whole sets (as for the verifier), the label model on the event pairs, and
    the threshold of each language's family that maximises that family's F1 over the folds'
    held-out sets, the rules' kept events included, among those that keep its precision at
    `PAIR_PRECISION` or more and the share right of the events the pairs add at
    `PAIR_ADDED_PRECISION` or more (off when no such threshold raises F1 by 0.005).
    `verifier`: the verifier that judges the rule events (default: one trained on `entries`)."""
    verifier = verifier or train(entries)
    scored: list[tuple[float, int]] = []
    folds = []
    for fold in set_folds(entries):
        inner = [e for e in entries if e["group"] not in fold]
        w = fit(*_pairs_flat(inner))
        v = Verifier(w, 1.0, 0.0, 0.0)
        scored += [(v.score(f), int(lab != "none")) for e in entries if e["group"] in fold for f, lab, _, _ in e["pairs"]]
        folds.append((fold, w, inner))
    a, b = platt([s for s, _ in scored], [y for _, y in scored])
    kept_of: dict[int, list] = {}
    fired_of: dict[int, list] = {}
    for fold, w, inner in folds:
        classes, label_w, direction = _label_models(inner)
        open_all = PairModel(w, classes, label_w, a, b, {f"{lang}.{fam}": 0.0 for lang in ("en", "de")
                                                          for fam in ("deal", "customer_change")}, direction)
        for e in entries:
            if e["group"] in fold:
                kept = _kept(e, verifier)
                kept_of[id(e)] = kept
                c = e["cands"]
                fired_of[id(e)] = pair_events(c, kept, _load_rules(c.lang).CUES, open_all)
    thresholds: dict[str, float] = {}
    for lang in sorted({e["cands"].lang for e in entries}):
        held = [e for e in entries if e["cands"].lang == lang]
        for family in ("deal", "customer_change"):
            tp0, fp0, fn0 = _family_counts(held, kept_of, {id(e): [] for e in held}, family, 2.0)
            best = (_f1(tp0, fp0, fn0) + 0.005, 2.0)
            for k in range(6, 20):
                t = round(k * 0.05, 2)
                tp, fp, fn = _family_counts(held, kept_of, fired_of, family, t)
                # (recall bought with alerts an analyst cannot trust: the family's precision, or the
                # share right of the events the pairs add, too low)
                if tp < PAIR_PRECISION * (tp + fp) or tp - tp0 < PAIR_ADDED_PRECISION * (tp - tp0 + fp - fp0):
                    continue
                f1 = _f1(tp, fp, fn)
                if f1 > best[0] + 1e-9:
                    best = (f1, t)
            thresholds[f"{lang}.{family}"] = best[1]
            tp, fp, _ = _family_counts(held, kept_of, fired_of, family, best[1])
            print(f"pairs {lang} {family}: threshold {best[1]}, adding {tp - tp0} right and {fp - fp0} wrong "
                  f"events held out")
    out_a, out_b = _output_scale(entries, kept_of, fired_of, thresholds)
    classes, label_w, direction = _label_models(entries)
    return PairModel(fit(*_pairs_flat(entries)), classes, label_w, a, b, thresholds, direction, out_a, out_b)


def _output_scale(entries: list[dict], kept_of: dict[int, list], fired_of: dict[int, list],
                  thresholds: dict[str, float]) -> tuple[float, float]:
    """Returns the Platt scale (a, b) from the logit of a pair's P(states an event) to P(the event it
    makes is right), fitted on the held-out pair events that reach their family's threshold: an
    event also needs the right subtype and roles, which P(states an event) does not say."""
    xs: list[float] = []
    ys: list[int] = []
    for e in entries:
        lang = e["cands"].lang
        kept = [x.to_dict() for x in _final(e["cands"], kept_of[id(e)], [])]
        fired = [x.to_dict() for x in fired_of[id(e)]
                 if x.confidence >= thresholds.get(f"{lang}.{x.event_type}", 2.0)]
        matched, _, _ = match_events(e["rec"].get("events") or [], kept + fired)
        right = {id(p) for _, p in matched}
        for d in fired:
            q = min(max(d["confidence"], 0.005), 0.995)
            xs.append(math.log(q / (1 - q)))
            ys.append(int(id(d) in right))
    return platt(xs, ys) if len(set(ys)) == 2 else (1.0, 0.0)


def _label_models(entries: list[dict]) -> tuple[tuple[str, ...], dict[str, dict[int, float]], dict[str, float]]:
    """Returns the label model (subtype and roles) and the direction model of customer changes
    (P(A is the customer)), both trained on the pairs that state an event."""
    ev_labels = [(f, lab) for e in entries for f, lab, _, _ in e["pairs"] if lab != "none"]
    classes, label_w = fit_labels([f for f, _ in ev_labels], [lab for _, lab in ev_labels])
    cc = [(f, int(lab.split(":")[1].startswith("customer>"))) for f, lab in ev_labels
          if FAMILY[lab.split(":")[0]] == "customer_change"]
    direction = fit([f for f, _ in cc], [y for _, y in cc])
    return classes, label_w, direction


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _kept(e: dict, v: Verifier | None) -> list:
    """Returns the rule events of an entry that the verifier `v` keeps (all when None)."""
    lang = e["cands"].lang
    return [ev for ev, f in zip(e["events"], e["feats"])
            if v is None or v.probability(f) >= v.threshold_for(lang, ev.event_type)]


def _flat(entries: list[dict]) -> tuple[list[list[str]], list[int]]:
    feats = [f for e in entries for f in e["feats"]]
    labels = [y for e in entries for y in e["labels"]]
    return feats, labels


def train(entries: list[dict]) -> Verifier:
    """Returns a verifier trained on `entries`: weights on all of them, the Platt scale and a
    threshold from the scores of folds of whole sets within them (`evaluate` sets the threshold
    of the shipped verifier from held-out predictions instead)."""
    scores: list[float] = []
    labels: list[int] = []
    calib = _calibration_entries(entries)
    for fold in set_folds(entries):
        inner = [e for e in entries if e["group"] not in fold]
        held = [e for e in calib if e["group"] in fold]
        w = fit(*_flat(inner))
        v = Verifier(w, 1.0, 0.0, 0.0)
        f, y = _flat(held)
        scores += [v.score(x) for x in f]
        labels += y
    a, b = platt(scores, labels)
    gold = sum(len(e["rec"].get("events") or []) for e in calib)
    threshold = choose_threshold([_sigmoid(a * s + b) for s in scores], labels, gold)
    return Verifier(fit(*_flat(entries)), a, b, threshold)


def _calibration_entries(entries: list[dict]) -> list[dict]:
    """Returns the entries whose sets the rules were never tuned on (`UNTUNED`), or all when none
    is among them: the rules read their own dev sets almost without error, so only text they were
    not written against says how often their events are right on a user's text."""
    untuned = [e for e in entries if UNTUNED.fullmatch(e["group"])]
    return untuned or entries


def _final(c: Candidates, kept: list, fired: list) -> list:
    """Returns what `detect_events` makes of kept rule events and pair events: their roles filled
    and the new vendors of switches added (`extract.roles.fill_roles`), on copies."""
    return fill_roles([replace(x) for x in kept] + [replace(x) for x in fired], c.texts, c.mentions)


def _table(entries: list[dict], verifier: Verifier | None, pm: PairModel | None = None) -> dict:
    """Returns (title, text) -> the event dicts kept: all the rules read when `verifier` is None,
    else those it keeps, plus the pair model's events when `pm` is given."""
    table = {}
    for e in entries:
        c = e["cands"]
        kept = []
        for ev, f in zip(e["events"], e["feats"]):
            if verifier is not None:
                p = verifier.probability(f)
                if p < verifier.threshold_for(c.lang, ev.event_type):
                    continue
                ev = replace(ev, confidence=round(p, 2))
            kept.append(ev)
        fired = pair_events(c, kept, _load_rules(c.lang).CUES, pm) if pm is not None else []
        table[(e["rec"].get("title"), e["rec"]["text"])] = [x.to_dict() for x in _final(c, kept, fired)]
    return table


def _detector(table: dict):
    """Returns a detector for `extract.scoring.score` that answers from a `_table`."""
    return lambda text, title=None: table[(title, text)]


def _row(name: str, res: dict) -> str:
    cells = [name]
    for t in ("deal", "customer_change"):
        r = res["per_type"].get(t)
        cells.append("–" if r is None else f"{r['precision']:.3f} / {r['recall']:.3f} / {r['f1']:.3f}")
    cells += ["–" if res["fields"][f] is None else f"{res['fields'][f]:.2f}" for f in FIELDS]
    cells.append(f"{res['negatives']['false_events']} of {res['negatives']['articles']}")
    return "| " + " | ".join(cells) + " |"


def evaluate(entries: list[dict], pairs: bool = True) -> tuple[float, dict[str, float]]:
    """Prints, per held-out set (nested: each set judged by models trained and calibrated on the
    sets of the other `FOLDS` - 1 folds only), the rules alone and the rules with the verifier (and,
    with `pairs`, the pair model of extract/pairs.py on top: "hybrid"); then the reliability table
    of the held-out probabilities. Returns the verifier's thresholds: the one that maximises F1
    over all the held-out predictions, and the one of each language and of each language and event
    type (0: keep every event)."""
    groups = sorted({e["group"] for e in entries})
    outer = {}
    probs: list[tuple[float, int]] = []
    by_key: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for fold in set_folds(entries):
        rest = [e for e in entries if e["group"] not in fold]
        v = train(rest)
        # (The pair model is judged on the blind sets only.)
        pm = train_pairs(rest, v) if pairs and any(UNTUNED.fullmatch(g) for g in fold) else None
        for g in fold:
            outer[g] = (v, pm if UNTUNED.fullmatch(g) else None)
        for e in entries:
            if e["group"] in fold:
                lang = e["cands"].lang
                for ev, f, y in zip(e["events"], e["feats"], e["labels"]):
                    got = (v.probability(f), y)
                    probs.append(got)
                    by_key[lang].append(got)
                    by_key[f"{lang}.{ev.event_type}"].append(got)
    gold = sum(len(e["rec"].get("events") or []) for e in entries)
    threshold = choose_threshold([p for p, _ in probs], [y for _, y in probs], gold)
    thresholds = {}
    for key, got in sorted(by_key.items()):
        lang, _, etype = key.partition(".")
        key_gold = sum(1 for e in entries if e["cands"].lang == lang for g in e["rec"].get("events") or []
                       if not etype or g["event_type"] == etype)
        thresholds[key] = choose_threshold([p for p, _ in got], [y for _, y in got], key_gold)
    print(f"threshold chosen on the held-out predictions: {threshold}; per language and type: {thresholds}\n")
    print("| set | detector | deals P / R / F1 | customer changes P / R / F1 | "
          + " | ".join(FIELDS) + " | false events on negatives |")
    print("|---|---|---|---|" + "---|" * len(FIELDS) + "---|")
    kinds = (("rules", False, False), ("rules + verifier", True, False), *((("hybrid", True, True),) if pairs else ()))
    blind = {g for g in groups if outer[g][1] is not None}
    tables: dict[str, dict[str, dict]] = {name: defaultdict(dict) for name, _, _ in kinds}
    for g in groups:
        held = [e for e in entries if e["group"] == g]
        v, pm = outer[g]
        v = replace(v, threshold=threshold, thresholds=thresholds)
        recs = [e["rec"] for e in held]
        for name, use_v, use_p in kinds:
            if use_p and pm is None:
                continue
            table = _table(held, v if use_v else None, pm if use_p else None)
            print(_row(f"{g} | {name}", score(recs, _detector(table))))
            for e in held:
                tables[name][e["rec"].get("lang", "en")].update(table)
    for lang in sorted(tables["rules"]):
        recs = [e["rec"] for e in entries if e["rec"].get("lang", "en") == lang]
        for name, _, use_p in kinds:
            if not use_p:
                print(_row(f"all {lang} dev, held out | {name}", score(recs, _detector(tables[name][lang]))))
        recs = [e["rec"] for e in entries if e["rec"].get("lang", "en") == lang and e["group"] in blind]
        for name, _, _ in kinds:
            if recs:
                print(_row(f"{lang} blind sets, held out | {name}", score(recs, _detector(tables[name][lang]))))
    _print_reliability("the held-out confidence (every event the rules read, before the threshold)", probs)
    if pairs:
        _reliability_of_output([e for e in entries if e["group"] in blind], tables["hybrid"])
    return threshold, thresholds


def _reliability_of_output(entries: list[dict], tables: dict[str, dict]) -> None:
    """Prints the reliability table of what a user sees on the blind sets, held out: the events
    the verifier keeps and those the pair model adds, each right or not by the scorer's matching."""
    got: list[tuple[float, int]] = []
    for e in entries:
        events = tables[e["rec"].get("lang", "en")][(e["rec"].get("title"), e["rec"]["text"])]
        matched, _, _ = match_events(e["rec"].get("events") or [], events)
        right = {id(p) for _, p in matched}
        got += [(p["confidence"], int(id(p) in right)) for p in events]
    _print_reliability("the detector's output (blind sets, held out: kept rule events and pair events)", got)


def _print_reliability(what: str, got: list[tuple[float, int]]) -> None:
    """Prints the reliability table of (confidence, right) pairs: events and share right per bin."""
    print(f"\nreliability of {what}:")
    print("| confidence | events | right | observed |")
    print("|---|---|---|---|")
    for lo, hi in zip(BINS, BINS[1:]):
        ys = [y for p, y in got if lo <= p < hi]
        if ys:
            print(f"| {lo:.1f}–{min(hi, 1.0):.1f} | {len(ys)} | {sum(ys)} | {sum(ys) / len(ys):.3f} |")
    high = [y for p, y in got if p >= 0.8]
    if high:
        print(f"confidence >= 0.8: {len(high)} events, {sum(high) / len(high):.3f} right")


def write(obj: dict, path: Path) -> None:
    """Writes a model as gzipped JSON, byte-identical for equal weights."""
    raw = json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))


def main(argv: list[str] | None = None) -> int:
    """Trains, evaluates and writes the verifier; returns the exit code."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS_DIR)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--no-write", action="store_true", help="print the figures, write nothing")
    ap.add_argument("--pairs-out", type=Path, default=PAIRS_OUT)
    args = ap.parse_args(argv)
    records = load_dev(args.corpus)
    # The name model first: the German mentions every later model learns from depend on it.
    by_file = party_words(records)
    nm = train_names(records, by_file)
    if not args.no_write:
        write(nm.to_json(), NAMES_OUT)
        names_model.cache_clear()
        print(f"wrote {NAMES_OUT.relative_to(ROOT)}")
    # (each file read with party counts that leave it out, as in the name model's own training)
    entries = examples(records, set_name_models(nm, {r["_file"]: by_file.get(r["_file"], {}) for r in records}))
    n = sum(len(e["labels"]) for e in entries)
    right = sum(sum(e["labels"]) for e in entries)
    print(f"{len(entries)} dev articles, {n} events read by the rules, {right} right, {n - right} wrong")
    threshold, thresholds = evaluate(entries)
    pairs = sum(len(e["pairs"]) for e in entries)
    pos = sum(lab != "none" for e in entries for _, lab, _, _ in e["pairs"])
    print(f"{pairs} candidate pairs, {pos} of them stating an event")
    v = replace(train(entries), threshold=threshold, thresholds=thresholds)
    print(f"\nverifier: {len(v.weights)} weights, Platt a={v.a} b={v.b}, threshold {v.threshold}, "
          f"per language {v.thresholds}")
    pm = train_pairs(entries, v)
    print(f"pair model: {len(pm.event)} event weights, {len(pm.labels)} labels, Platt a={pm.a} b={pm.b}, "
          f"thresholds {pm.thresholds}, output scale a={pm.out_a} b={pm.out_b}")
    if not args.no_write:
        for obj, path in ((v.to_json(), args.out), (pm.to_json(), args.pairs_out)):
            write(obj, path)
            print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
