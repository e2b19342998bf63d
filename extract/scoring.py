"""Score detected events against labelled ones: matching, precision/recall/F1, field accuracy.

Pure functions over corpus records (the JSON objects of tests/data/corpus/*.jsonl,
see its README); reading the files is the caller's job.

    >>> recs = parse_records('{"id": "x", "lang": "en", "split": "dev", "text": "Oracle agreed to buy Cerner.", '
    ...                      '"events": []}', "inline")
    >>> score(recs)["negatives"]
    {'articles': 1, 'false_events': 1}

Predicted events are matched to gold events per article by event type and parties,
compared with the detector's own normaliser (`extract.parties.same_party`):
acquirer and target for deals (either order for mergers and joint ventures),
customer and vendor for customer changes; a seller must agree when both name one.
On matched pairs it reports the accuracy of subtype, amount (within 1%), currency,
stake_pct and status, and of seller and competitor where either side names one; and it
counts events on negative articles.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable

from extract.events import detect_events
from extract.model import PARTY_FIELDS, Event
from extract.parties import same_party

__all__ = ["FIELDS", "parse_records", "select_records", "match_events", "score", "format_report"]

FIELDS = ("subtype", "amount", "currency", "stake_pct", "status", "seller", "competitor")
# Fields that most events leave empty: judged only on matched events where either side names one.
_SPARSE = ("seller", "competitor")
_SYMMETRIC = ("merger", "joint_venture")


def parse_records(text: str, source: str) -> list[dict]:
    """Returns the records of one corpus JSONL text; `source` names it in errors.

    Raises ValueError naming the line that is not JSON or has no "id" and "text".
    """
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{source}:{n}: not JSON ({exc.msg}); fix the line or remove it") from exc
        if not isinstance(rec, dict) or "id" not in rec or "text" not in rec:
            raise ValueError(f"{source}:{n}: a record needs \"id\" and \"text\" (see tests/data/corpus/README.md)")
        out.append(rec)
    return out


def select_records(records: Iterable[dict], split: str = "all", lang: str | None = None) -> list[dict]:
    """Returns the records of one split ("dev", "test" or "all") and language (None: any)."""
    return [r for r in records if (split == "all" or r.get("split") == split) and (not lang or r.get("lang") == lang)]


def _parties_match(gold: dict, pred: dict) -> bool:
    """Returns True when a predicted event names the same parties as a gold event."""
    if gold["event_type"] != pred["event_type"]:
        return False
    if gold["event_type"] == "deal":
        if gold.get("subtype") in _SYMMETRIC or pred.get("subtype") in _SYMMETRIC:
            g = [gold.get("acquirer"), gold.get("target")]
            p = [pred.get("acquirer"), pred.get("target")]
            straight = same_party(g[0], p[0]) and same_party(g[1], p[1])
            crossed = same_party(g[0], p[1]) and same_party(g[1], p[0])
            if not (straight or crossed):
                return False
        elif not (same_party(gold.get("acquirer"), pred.get("acquirer"))
                  and same_party(gold.get("target"), pred.get("target"))):
            return False
        gs, ps = gold.get("seller"), pred.get("seller")
        return not (gs and ps) or same_party(gs, ps)
    return same_party(gold.get("customer"), pred.get("customer")) and same_party(
        gold.get("vendor"), pred.get("vendor"))


def match_events(gold: list[dict], pred: list[dict]) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    """Returns (matched pairs, missed gold events, false predicted events) for one article."""
    pairs, missed, free = [], [], list(pred)
    for g in gold:
        p = next((p for p in free if _parties_match(g, p)), None)
        if p is None:
            missed.append(g)
        else:
            pairs.append((g, p))
            free.remove(p)
    return pairs, missed, free


def _field_ok(name: str, g: object, p: object) -> bool:
    """Returns True when a predicted field value counts as right."""
    if name in _SPARSE:
        return g is not None and p is not None and same_party(g, p)
    if name in ("amount", "stake_pct"):
        if g is None or p is None:
            return g is None and p is None
        return abs(float(p) - float(g)) <= 0.01 * abs(float(g))
    return g == p


def _describe(e: dict) -> str:
    """Returns a one-line description of an event for the verbose report."""
    roles = ", ".join(f"{r}={e[r]}" for r in PARTY_FIELDS
                      if e.get(r))
    extra = ", ".join(f"{k}={e[k]}" for k in ("amount", "currency", "stake_pct", "status") if e.get(k) is not None)
    return f"{e['event_type']}/{e.get('subtype')} [{roles}] {extra}"


def _prf(c: dict[str, int]) -> dict[str, float | int]:
    """Returns precision, recall, F1 and the counts behind them."""
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, **c}


def score(records: list[dict], detector: Callable[..., list] = detect_events) -> dict:
    """Returns precision/recall/F1 per event type and overall, field accuracies, negatives
    and one line per error (miss, false event, wrong field)."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0})
    fields = {f: [0, 0] for f in FIELDS}
    negatives = {"articles": 0, "false_events": 0}
    errors: list[str] = []
    for rec in records:
        gold = rec.get("events") or []
        pred = [e.to_dict() if isinstance(e, Event) else e for e in detector(rec["text"], title=rec.get("title"))]
        pairs, missed, false = match_events(gold, pred)
        if not gold:
            negatives["articles"] += 1
            negatives["false_events"] += len(pred)
        for g, p in pairs:
            counts[g["event_type"]]["tp"] += 1
            for f in FIELDS:
                if f in _SPARSE and not (g.get(f) or p.get(f)):
                    continue
                ok = _field_ok(f, g.get(f), p.get(f))
                fields[f][0] += ok
                fields[f][1] += 1
                if not ok:
                    errors.append(f"{rec['id']}: FIELD {f}: gold={g.get(f)!r} pred={p.get(f)!r}  ({_describe(g)})")
        for g in missed:
            counts[g["event_type"]]["fn"] += 1
            errors.append(f"{rec['id']}: MISS  {_describe(g)}")
        for p in false:
            counts[p["event_type"]]["fp"] += 1
            errors.append(f"{rec['id']}: FALSE {_describe(p)}  <- {p.get('evidence', '')[:140]!r}")
    per_type = {t: _prf(c) for t, c in sorted(counts.items())}
    total = {k: sum(c[k] for c in counts.values()) for k in ("tp", "fp", "fn")}
    return {
        "articles": len(records),
        "per_type": per_type,
        "overall": _prf(total),
        "fields": {f: (ok / n if n else None) for f, (ok, n) in fields.items()},
        "field_counts": {f: n for f, (_, n) in fields.items()},
        "negatives": negatives,
        "errors": errors,
    }


def format_report(result: dict, verbose: bool = False) -> str:
    """Returns the score as a small text table (with every error when `verbose`)."""
    lines = [f"articles: {result['articles']}",
             f"{'type':<18}{'P':>7}{'R':>7}{'F1':>7}{'tp':>5}{'fp':>5}{'fn':>5}"]
    for name, r in [*result["per_type"].items(), ("overall", result["overall"])]:
        lines.append(f"{name:<18}{r['precision']:>7.3f}{r['recall']:>7.3f}{r['f1']:>7.3f}"
                     f"{r['tp']:>5}{r['fp']:>5}{r['fn']:>5}")
    lines.append("field accuracy on matched events:")
    for f, acc in result["fields"].items():
        lines.append(f"  {f:<10} {'-' if acc is None else f'{acc:.3f}'}  (n={result['field_counts'][f]})")
    neg = result["negatives"]
    lines.append(f"negative articles: {neg['articles']}, false events on them: {neg['false_events']}")
    if verbose:
        lines.extend(result["errors"])
    return "\n".join(lines)
