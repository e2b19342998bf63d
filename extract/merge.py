"""Merge the hits of one article into events: one event per real-world event.

Hits merge when they share the family and their parties agree (a missing role
agrees with anything): "Meta acquired 49% of Scale AI" and, later, "Meta is
investing $14.3bn in Scale AI" are one deal. Conflicting details resolve by
general preferences, each explained where it is applied.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from extract.frames import Hit
from extract.model import Event
from extract.parties import same_party

__all__ = ["resolve_similar", "merge_hits"]

# When hits of one deal disagree on the subtype, the more specific reading wins: a
# stake sentence and an "invests in" sentence describe one stake purchase.
_DEAL_ORDER = ("divestiture", "merger", "joint_venture", "stake", "acquisition", "investment")
_CUSTOMER_ORDER = ("churn", "reduction", "expansion", "new_customer")
_SYMMETRIC = ("merger", "joint_venture")
# Hits that only add to an event read elsewhere: a spend, an anaphor, a price, talks, a round's lead.
_AUXILIARY = ("spend", "anaphor", "price", "talks", "lead")


def resolve_similar(hits: list[Hit]) -> list[Hit]:
    """Returns hits with "similar plans/decision" hits completed from the change before them.

    "Microsoft is considering similar plans" copies the vendor and subtype of the
    latest customer change before it; with none before, the hit is dropped.
    """
    out: list[Hit] = []
    for h in hits:
        if h.subtype != "similar":
            out.append(h)
            continue
        prev = next((p for p in reversed(out) if p.frame.family == h.frame.family and p.subtype != "similar"
                     and p.roles.get("customer") != h.roles.get("customer")), None)
        if prev is None or "vendor" not in prev.roles:
            continue
        h.roles = {**h.roles, "vendor": prev.roles["vendor"]}
        h.subtype = prev.subtype
        out.append(h)
    return out


def _agree(a: Hit, b: Hit) -> bool:
    """Returns True when two hits can be the same real-world event.

    Same family; the roles both name agree (mergers and joint ventures in either
    order), at least one such role is shared, and the main party (target or
    customer) differs in neither.
    """
    if a.frame.family != b.frame.family:
        return False
    if a.frame.family == "deal" and ("joint_venture" in (a.subtype, b.subtype)) and a.subtype != b.subtype:
        return False  # a venture the two set up, and a stake one takes in the other, are two deals
    if a.frame.family == "deal" and (a.subtype in _SYMMETRIC or b.subtype in _SYMMETRIC):
        pa = {a.roles.get("acquirer"), a.roles.get("target")} - {None}
        pb = {b.roles.get("acquirer"), b.roles.get("target")} - {None}
        return all(any(same_party(x, y) for y in pb) for x in pa) or all(
            any(same_party(x, y) for y in pa) for x in pb)
    # "X denied it will drop Y, but confirmed smaller orders": a denied change and a confirmed
    # change of another kind between the same two companies are two events.
    if a.frame.family == "customer_change" and a.subtype != b.subtype and (a.status == "denied") != (
            b.status == "denied"):
        return False
    # Seller and competitor are details: two readings that differ there are still one event.
    shared = [r for r in a.roles if r in b.roles and r not in ("seller", "competitor")]
    if not shared or not all(same_party(a.roles[r], b.roles[r]) for r in shared):
        return False
    main = "target" if a.frame.family == "deal" else "customer"
    return main in shared or not (main in a.roles and main in b.roles)


def _status(group: list[Hit]) -> str:
    """Returns the status of one event from the statuses of its hits.

    A cancellation or denial anywhere decides; then a stated fact (completed,
    then announced); then whatever hedge most sentences use (the earliest on a
    tie); the default "announced" only when no sentence said anything.
    """
    # A headline drops attribution ("X in talks to buy Y"): the body's wording decides when it says anything.
    told = [h for h in group if h.explicit or h.status != "announced"]
    body = [h for h in told if h.sentence >= 0]
    explicit = [h.status for h in (body or told)]
    for decisive in ("cancelled", "denied", "completed", "announced"):
        if decisive in explicit:
            return decisive
    if explicit:
        counts = Counter(explicit)
        top = max(counts.values())
        return next(s for s in explicit if counts[s] == top)
    return "announced"


def _subtype(group: list[Hit], family: str) -> str:
    """Returns the subtype of one event.

    Deals: a known stake under 50% is a stake, 50% or more an acquisition;
    otherwise the most specific subtype read. Customer changes: a relationship
    that continues at a lower level is a reduction, else churn beats reduction.
    """
    subtypes = [h.subtype for h in group]
    if family == "deal":
        if any(s in subtypes for s in ("divestiture", "merger", "joint_venture")):
            return next(s for s in _DEAL_ORDER if s in subtypes)
        pct = _stake(group)
        if pct is not None:
            return "stake" if pct < 50 else "acquisition"
        return next(s for s in _DEAL_ORDER if s in subtypes)
    if any("continuing" in h.flags for h in group):
        return "reduction"
    return next(s for s in _CUSTOMER_ORDER if s in subtypes)


def _stake(group: list[Hit]) -> float | None:
    """Returns the stake percentage of the most confident hit that states one; a holding the
    buyer ends with ("lifts its stake to 35%") beats what it adds ("a further 14%")."""
    with_pct = [h for h in group if h.stake_pct is not None]
    return max(with_pct, key=lambda h: ("increment" not in h.flags, h.confidence)).stake_pct if with_pct else None


def _amount(group: list[Hit]) -> tuple[float | None, str | None]:
    """Returns (amount, currency): the amount stated most firmly, the largest on a tie.

    A frame that names the price ("for $2bn", "invests $2bn in") beats an amount
    that is merely in the same clause; among equals the largest is the full
    figure rather than a tranche or an earlier estimate.
    """
    cands = [h for h in group if h.amount is not None and h.amount_strength > 0]
    if not cands:
        return None, None
    best = max(cands, key=lambda h: (h.amount_strength, h.amount.value))
    return best.amount.value, best.amount.currency


def _roles(group: list[Hit]) -> dict[str, str]:
    """Returns each role's name, the first and fullest seen."""
    roles: dict[str, str] = {}
    for h in group:
        for role, name in h.roles.items():
            if role not in roles or (same_party(roles[role], name) and len(name) > len(roles[role])):
                roles[role] = name
    return roles


def _spend(roles: dict[str, str], spends: list[Hit]) -> tuple[float | None, str | None]:
    """Returns the spend another sentence states for this customer and vendor ("X pays Y $310m a year")."""
    for h in spends:
        if h.amount and same_party(h.roles.get("customer"), roles.get("customer")) and same_party(
            h.roles.get("vendor"), roles.get("vendor")
        ):
            return h.amount.value, h.amount.currency
    return None, None


def _event(group: list[Hit], spends: list[Hit]) -> Event | None:
    """Returns the event of one group of hits, or None when its parties are incomplete."""
    family = group[0].frame.family
    roles = _roles(group)
    if family == "deal" and not (roles.get("target") or roles.get("seller")):
        return None
    if family == "customer_change" and not (roles.get("customer") and roles.get("vendor")):
        return None
    amount, currency = _amount(group)
    if amount is None and family == "customer_change":
        amount, currency = _spend(roles, spends)
    subtype = _subtype(group, family)
    body = [h for h in group if h.sentence >= 0] or group
    best = max(body, key=lambda h: (h.confidence, -h.sentence))
    readings = sum(h.frame.family not in _AUXILIARY for h in group)
    confidence = min(0.95, max(h.confidence for h in group) + 0.05 * (readings - 1))
    return Event(
        event_type=family, subtype=subtype, status=_status(group), evidence=best.evidence,
        confidence=round(confidence, 2), amount=amount, currency=currency,
        stake_pct=_stake(group) if family == "deal" else None, **roles,
    )


def _attach(anaphor: Hit, groups: list[list[Hit]]) -> None:
    """Adds an anaphor ("The deal closed on Friday") to the event it refers to: the one of
    its families mentioned last at or before its sentence. An amount is only added to an
    event that has none: a price stated with the parties is the firmer one."""
    best: tuple[int, int] | None = None
    for i, g in enumerate(groups):
        if g[0].frame.family not in anaphor.flags:
            continue
        last = max((h.sentence for h in g if h.sentence <= anaphor.sentence), default=None)
        if last is not None and (best is None or last >= best[0]):
            best = (last, i)
    if best is None:
        return
    group = groups[best[1]]
    # (An amount merely in the same clause as the event, "raises $450m and lands X", is no firmer.)
    if anaphor.amount is not None and any(h.amount is not None and h.amount_strength >= 2 for h in group):
        if not anaphor.explicit:
            return
        anaphor = replace(anaphor, amount=None, amount_strength=0)
    group.append(anaphor)


def _attach_price(price: Hit, groups: list[list[Hit]]) -> None:
    """Adds a price ("X paid $610m for Y", "X paid $740m for the shares") to the deal of the
    same buyer (and target, when the price names one) mentioned last; no deal, no event."""
    best: tuple[int, int] | None = None
    for i, g in enumerate(groups):
        if g[0].frame.family != "deal":
            continue
        roles = _roles(g)
        if not same_party(roles.get("acquirer"), price.roles.get("acquirer")):
            continue
        if price.roles.get("target") and not same_party(roles.get("target"), price.roles["target"]):
            continue
        last = max(h.sentence for h in g)
        if best is None or last >= best[0]:
            best = (last, i)
    if best is not None:
        groups[best[1]].append(price)


def _attach_talks(talks: Hit, groups: list[list[Hit]]) -> None:
    """Adds talks between two companies ("X said it was not in talks with Y", "X ended talks
    with Y") to the deal between them told last, in either order, for their status; no deal,
    no event: talks alone do not say what is being discussed."""
    pair = {talks.roles.get("acquirer"), talks.roles.get("target")}
    best: tuple[int, int] | None = None
    for i, g in enumerate(groups):
        roles = _roles(g)
        if g[0].frame.family != "deal" or not all(
                any(same_party(p, roles.get(r)) for r in ("acquirer", "target", "seller")) for p in pair):
            continue
        last = max(h.sentence for h in g)
        if best is None or last >= best[0]:
            best = (last, i)
    if best is not None and talks.status != "announced":
        groups[best[1]].append(talks)


def _switch_competitors(hits: list[Hit]) -> None:
    """Gives a churn without a competitor the vendor that the same customer picks in the same
    sentence ("X picked Z to make the drug, replacing Y"): Z is who X moves to."""
    for h in hits:
        if h.subtype != "churn" or "competitor" in h.roles or h.frame.family != "customer_change":
            continue
        won = next((w for w in hits if w.subtype == "new_customer" and w.sentence == h.sentence
                    and same_party(w.roles.get("customer"), h.roles.get("customer"))
                    and not same_party(w.roles.get("vendor"), h.roles.get("vendor"))), None)
        if won is not None:
            h.roles = {**h.roles, "competitor": won.roles["vendor"]}


def _attach_lead(lead: Hit, groups: list[list[Hit]]) -> None:
    """Adds a round's lead investor ("Harborline led the round") to the funding round told last at
    or before its sentence, when that round names no investor yet; no round, no event."""
    rounds = [(max(h.sentence for h in g), i) for i, g in enumerate(groups)
              if g[0].frame.family == "deal" and any(h.subtype == "investment" for h in g)
              and min(h.sentence for h in g) <= lead.sentence]
    if rounds:
        group = groups[max(rounds)[1]]
        if not _roles(group).get("acquirer"):
            group.append(lead)


def merge_hits(hits: list[Hit], topic: str | None = None, sources: list[list[Hit]] | None = None) -> list[Event]:
    """Returns one event per group of agreeing hits, in order of first mention.

    `topic`: the company the article is about (named most), the vendor of a customer change that
    names only its customer ("Meridian renewed for three more years and added sites", in an
    article about the supplier). `sources`, when given, receives the hits each returned event was
    read from, in the same order as the events (the verifier reads them)."""
    groups: list[list[Hit]] = []
    spends = [h for h in hits if h.frame.family == "spend"]
    anaphors = [h for h in hits if h.frame.family == "anaphor"]
    prices = [h for h in hits if h.frame.family == "price"]
    talks = [h for h in hits if h.frame.family == "talks"]
    leads = [h for h in hits if h.frame.family == "lead"]
    denials = [h for h in hits if "negated" in h.flags and h.frame.family not in _AUXILIARY]
    hits = [h for h in hits if h.frame.family not in _AUXILIARY and "negated" not in h.flags]
    _switch_competitors(hits)
    for h in resolve_similar(sorted(hits, key=lambda h: h.sentence)):
        family = h.frame.family
        for g in groups:
            # A group holds one family (`_agree` says so): the others are passed over at a glance.
            if g[0].frame.family == family and all(_agree(h, other) for other in g):
                g.append(h)
                break
        else:
            groups.append([h])
    for a in anaphors:
        _attach(a, groups)
    for p in prices:
        _attach_price(p, groups)
    for t in talks:
        _attach_talks(t, groups)
    for lead in leads:
        _attach_lead(lead, groups)
    for d in denials:  # "X has no plans to end its relationship with Y": only of an event told elsewhere
        # (and of the same kind: "X does not intend to make a full offer" denies no stake it bought)
        g = next((g for g in groups if all(_agree(d, other) for other in g)
                  and any(h.subtype == d.subtype for h in g)), None)
        if g is not None:
            g.append(d)
    if topic:
        for g in groups:
            if g[0].frame.family == "customer_change" and "vendor" not in _roles(g) \
                    and all("vendor_implied" in h.flags for h in g if h.frame.family not in _AUXILIARY) \
                    and not same_party(_roles(g).get("customer"), topic):
                g[0].roles = {**g[0].roles, "vendor": topic}
    made = [(e, g) for e, g in ((_event(g, spends), g) for g in groups) if e is not None]
    # "X picked Z, replacing Y" is two events (docs/labelling.md): Y's churn, with Z as the
    # competitor, and Z's new customer, when the text tells that side too.
    if sources is not None:
        sources.extend(g for _, g in made)
    return [e for e, _ in made]
