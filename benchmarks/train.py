"""Train the event verifier (`extract/verify.py`) from the dev split of the labelled corpus.

    python benchmarks/train.py              # write extract/data/verifier.json.gz, print the figures
    python benchmarks/train.py --no-write   # figures only

Needs the `train` extra (scikit-learn): `pip install -e '.[train]'`; `make train` does both.

Every event the rules read from a dev article is one example, right (1) when the scorer matches it
to a labelled event, else wrong (0). The model is a logistic regression over the binary features
of `extract.verify.event_features`. Honest figures come from splits by corpus file, never by
article:
- calibration and threshold: the scores of leave-one-set-out folds (each set scored by a model
  trained on the others) are fitted with a Platt scale; the threshold is the one that maximises
  F1 of the surviving events over those folds;
- the per-set table (rules alone vs rules + verifier) and the reliability table are nested: each
  set is scored by a model, Platt scale and threshold fitted on the other sets only.
Records of the `test` split are dropped as soon as they are parsed: nothing here reads them.
The output is byte-identical from run to run (fixed solver, no randomness, rounded weights).
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
from collections import defaultdict
from pathlib import Path

from extract.events import Candidates, read_candidates
from extract.scoring import FIELDS, match_events, parse_records, score
from extract.verify import MODEL_FILE, Verifier, article_features, event_features, mention_counts

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = ROOT / "tests" / "data" / "corpus"
OUT = ROOT / "extract" / "data" / MODEL_FILE
C_REG = 0.5  # inverse L2 strength of the logistic regression, one value for every fold
BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 0.9, 1.0001)


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


def examples(records: list[dict]) -> list[dict]:
    """Returns one entry per record: its candidates, each event's features and label."""
    out = []
    for r in records:
        c: Candidates = read_candidates(r["text"], title=r.get("title"))
        pred = [e.to_dict() for e in c.events]
        pairs, _, _ = match_events(r.get("events") or [], pred)
        right = {id(p) for _, p in pairs}
        art = article_features(c)
        counts = mention_counts(c)
        feats = [event_features(c, e, h, art, counts) for e, h in zip(c.events, c.sources)]
        out.append({"rec": r, "group": r["_file"], "events": c.events, "feats": feats,
                    "labels": [int(id(p) in right) for p in pred]})
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


def _flat(entries: list[dict]) -> tuple[list[list[str]], list[int]]:
    feats = [f for e in entries for f in e["feats"]]
    labels = [y for e in entries for y in e["labels"]]
    return feats, labels


def train(entries: list[dict]) -> Verifier:
    """Returns a verifier trained on `entries`: weights on all of them, the Platt scale and the
    threshold from leave-one-set-out scores within them."""
    groups = sorted({e["group"] for e in entries})
    scores: list[float] = []
    labels: list[int] = []
    for g in groups:
        inner = [e for e in entries if e["group"] != g]
        held = [e for e in entries if e["group"] == g]
        w = fit(*_flat(inner))
        v = Verifier(w, 1.0, 0.0, 0.0)
        f, y = _flat(held)
        scores += [v.score(x) for x in f]
        labels += y
    a, b = platt(scores, labels)
    gold = sum(len(e["rec"].get("events") or []) for e in entries)
    threshold = choose_threshold([_sigmoid(a * s + b) for s in scores], labels, gold)
    return Verifier(fit(*_flat(entries)), a, b, threshold)


def _table(entries: list[dict], verifier: Verifier | None) -> dict:
    """Returns (title, text) -> the event dicts kept (all the rules read when `verifier` is None)."""
    table = {}
    for e in entries:
        events = []
        for ev, f in zip(e["events"], e["feats"]):
            d = ev.to_dict()
            if verifier is not None:
                p = verifier.probability(f)
                if p < verifier.threshold:
                    continue
                d["confidence"] = round(p, 2)
            events.append(d)
        table[(e["rec"].get("title"), e["rec"]["text"])] = events
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


def evaluate(entries: list[dict]) -> None:
    """Prints rules alone vs rules + verifier per held-out set (nested leave-one-set-out) and the
    reliability table of the held-out probabilities."""
    groups = sorted({e["group"] for e in entries})
    print("| set | rules or hybrid | deals P / R / F1 | customer changes P / R / F1 | "
          + " | ".join(FIELDS) + " | false events on negatives |")
    print("|---|---|---|---|" + "---|" * len(FIELDS) + "---|")
    probs: list[tuple[float, int]] = []
    by_lang: dict[str, list[dict]] = defaultdict(list)
    held_models: dict[str, Verifier] = {}
    for g in groups:
        held = [e for e in entries if e["group"] == g]
        v = train([e for e in entries if e["group"] != g])
        held_models[g] = v
        recs = [e["rec"] for e in held]
        for name, verifier in (("rules", None), ("hybrid", v)):
            print(_row(f"{g} | {name}", score(recs, _detector(_table(held, verifier)))))
        for e in held:
            by_lang[e["rec"].get("lang", "en")].append(e)
            probs += [(v.probability(f), y) for f, y in zip(e["feats"], e["labels"])]
    for lang, es in sorted(by_lang.items()):
        recs = [e["rec"] for e in es]
        for name in ("rules", "hybrid"):
            table = {}
            for e in es:
                table.update(_table([e], held_models[e["group"]] if name == "hybrid" else None))
            print(_row(f"all {lang} dev, held out | {name}", score(recs, _detector(table))))
    print("\nreliability of the held-out confidence (every event the rules read, before the threshold):")
    print("| confidence | events | right | observed |")
    print("|---|---|---|---|")
    for lo, hi in zip(BINS, BINS[1:]):
        got = [y for p, y in probs if lo <= p < hi]
        if got:
            print(f"| {lo:.1f}–{min(hi, 1.0):.1f} | {len(got)} | {sum(got)} | {sum(got) / len(got):.3f} |")
    high = [y for p, y in probs if p >= 0.8]
    if high:
        print(f"confidence >= 0.8: {len(high)} events, {sum(high) / len(high):.3f} right")


def write(v: Verifier, path: Path) -> None:
    """Writes the verifier as gzipped JSON, byte-identical for equal weights."""
    raw = json.dumps(v.to_json(), sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))


def main(argv: list[str] | None = None) -> int:
    """Trains, evaluates and writes the verifier; returns the exit code."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS_DIR)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--no-write", action="store_true", help="print the figures, write nothing")
    ap.add_argument("--no-eval", action="store_true", help="train and write only")
    args = ap.parse_args(argv)
    entries = examples(load_dev(args.corpus))
    n = sum(len(e["labels"]) for e in entries)
    right = sum(sum(e["labels"]) for e in entries)
    print(f"{len(entries)} dev articles, {n} events read by the rules, {right} right, {n - right} wrong")
    if not args.no_eval:
        evaluate(entries)
    v = train(entries)
    print(f"\nfinal: {len(v.weights)} weights, Platt a={v.a} b={v.b}, threshold {v.threshold}")
    if not args.no_write:
        write(v, args.out)
        print(f"wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
