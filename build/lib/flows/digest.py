"""What an alert email says, in which order: an overview row per story, details for the top stories.

Stories are ranked (README, "Alerts"): those naming a watched company first, then by amount
(compared in US dollars at rough fixed rates, for ordering only; an amount in a currency without a
rate after those, no amount last), then by confidence, then oldest first. The overview groups them
into deals, customer changes and updates, most important first in each; the `details` most
important stories also get a block with their evidence, roles, status and confidence. When the
overview would make the HTML part too big, its least important rows are left out and a last line
says how many, with the command that lists them all.

    digest = Digest.of(stories, watch=[["Meta"]], watchlist_marks=False)
    view = digest.view(shown=len(digest.rows), detailed=20)
    text = text_body(view, footer)
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import timezone
from urllib.parse import urlsplit

from extract.clean import display_text
from extract.model import PARTY_FIELDS
from storage.outbox import StoryAlert
from storage.stories import fold_name

# Rough US dollars per unit, only to put a €3bn deal above a $1bn one; never shown.
_USD_RATE = {
    "USD": 1.0, "EUR": 1.1, "GBP": 1.3, "CHF": 1.15, "JPY": 0.0068, "CNY": 0.14, "HKD": 0.13,
    "CAD": 0.73, "AUD": 0.66, "NZD": 0.6, "SGD": 0.77, "INR": 0.012, "KRW": 0.00073, "SEK": 0.1,
    "NOK": 0.095, "DKK": 0.15, "PLN": 0.27, "CZK": 0.046, "HUF": 0.0028, "BRL": 0.18, "MXN": 0.054,
    "ZAR": 0.055, "ILS": 0.28, "AED": 0.27, "SAR": 0.27, "MYR": 0.23, "THB": 0.03, "IDR": 0.000062,
}
_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
_LONGEST = {"name": 80, "title": 200, "evidence": 600, "outlet": 80}

GROUPS = ("Deals", "Customer changes", "Updates")

# Per subtype: the label of each role, in the order shown; None joins both partners in one line.
_ROLES: dict[str, tuple[tuple[str, str], ...]] = {
    "acquisition": (("acquirer", "buyer"), ("target", "target"), ("seller", "seller")),
    "stake": (("acquirer", "investor"), ("target", "stake in"), ("seller", "seller")),
    "investment": (("acquirer", "investor"), ("target", "company"), ("seller", "seller")),
    "divestiture": (("seller", "seller"), ("acquirer", "buyer"), ("target", "business")),
    "merger": (),
    "joint_venture": (),
    "churn": (("customer", "customer"), ("vendor", "vendor"), ("competitor", "competitor")),
    "reduction": (("customer", "customer"), ("vendor", "vendor"), ("competitor", "competitor")),
    "new_customer": (("customer", "customer"), ("vendor", "vendor"), ("competitor", "competitor")),
    "expansion": (("customer", "customer"), ("vendor", "vendor"), ("competitor", "competitor")),
}
_PARTNERS = ("merger", "joint_venture")
_WHAT = {
    "acquisition": "acquisition", "stake": "stake", "investment": "investment", "merger": "merger",
    "divestiture": "divestiture", "joint_venture": "joint venture", "churn": "drops vendor",
    "reduction": "cuts back", "new_customer": "new customer", "expansion": "expands",
}
_MARK = {"churn": "✕", "reduction": "↓", "new_customer": "✓", "expansion": "↑"}


def one_line(text: object) -> str:
    """Returns the text on one line, runs of whitespace as one space, without control or bidi
    characters (a subject or header must read as what it holds)."""
    return " ".join(display_text(str(text), limit=10_000).split())


def clip(text: object, longest: int) -> str:
    """Returns the text on one line, cut to `longest` characters with '…' when it is longer."""
    text = one_line(text)
    return text if len(text) <= longest else text[:longest - 1].rstrip() + "…"


def format_amount(amount: float | None, currency: str | None) -> str:
    """Returns a short money string: 14.3e9 USD -> '$14.3bn', 4.5e8 EUR -> '€450m'."""
    if amount is None:
        return ""
    for size, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if abs(amount) >= size:
            number = f"{amount / size:.2f}".rstrip("0").rstrip(".") + suffix
            break
    else:
        number = f"{amount:,.0f}"
    symbol = _SYMBOLS.get(currency or "")
    if symbol:
        return f"{symbol}{number}"
    return f"{currency} {number}" if currency else number


def format_amount_long(amount: float, currency: str | None) -> str:
    """Returns money in words: 14.3e9 USD -> '$14.3 billion (USD 14,300,000,000)'."""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(amount) >= size:
            number = f"{amount / size:.2f}".rstrip("0").rstrip(".") + " " + word
            break
    else:
        number = f"{amount:,.0f}"
    symbol = _SYMBOLS.get(currency or "")
    words = f"{symbol}{number}" if symbol else f"{number} {currency or ''}".strip()
    return f"{words} ({currency or ''} {amount:,.0f})".replace("( ", "(")


def headline(e: dict, *, status_tag: bool = True) -> str:
    """Returns a news-style line for an event: 'Meta takes 49% stake in Scale AI ($14.3bn)'."""
    sub, acq, tgt, sel = e["subtype"], e.get("acquirer"), e.get("target"), e.get("seller")
    cust, vend, comp = e.get("customer"), e.get("vendor"), e.get("competitor")
    pct = e.get("stake_pct")
    pct_text = f"{pct:g}% " if pct is not None else ""
    text = {
        "acquisition": f"{acq} acquires {tgt}" if e["status"] == "completed" else f"{acq} to acquire {tgt}",
        "stake": f"{acq} takes {pct_text}stake in {tgt}",
        "merger": f"{acq} and {tgt} merge",
        "investment": f"{acq} invests in {tgt}" if acq else f"{tgt} raises funding",
        "divestiture": f"{sel or acq} sells {tgt}" + (f" to {acq}" if sel and acq else ""),
        "joint_venture": f"{acq} and {tgt} form a joint venture",
        "churn": f"{cust} drops {vend}" + (f" for {comp}" if comp else ""),
        "reduction": f"{cust} cuts back on {vend}",
        "new_customer": f"{vend} wins {cust} as a customer",
        "expansion": f"{cust} expands its business with {vend}",
    }.get(sub, f"{sub}: {acq or cust} / {tgt or vend}")
    money = format_amount(e.get("amount"), e.get("currency"))
    if money and e["event_type"] == "deal":
        text += f" ({money})"
    if status_tag and e["status"] in ("reported", "considering", "cancelled", "denied"):
        text += f" [{e['status']}]"
    return one_line(text)


def on_watchlist(story: StoryAlert, watch: Sequence[Sequence[str]]) -> bool:
    """Returns True when any party of the story is a watched company or one of its aliases.

    Names are compared folded (case, punctuation and legal suffixes ignored: 'Meta Platforms, Inc.'
    matches 'Meta'); an empty watchlist lets everything through.
    """
    if not watch:
        return True
    wanted = {fold_name(name) for names in watch for name in names}
    return any(fold_name(story.event[r]) in wanted for r in PARTY_FIELDS if story.event.get(r))


def outlet_for(article: dict) -> str:
    """Returns the outlet to show for an article: its feed's title, else the name the feed was
    given, else the page's site name, else the link's host name; never the article's headline.

        >>> outlet_for({"feed_title": "Reuters: Business", "title": "Acme buys Widget", "url": "https://r.com/a"})
        'Reuters: Business'
    """
    headline = fold_name(article.get("title") or "")
    for key in ("feed_title", "feed_name", "site_name"):
        name = one_line(article.get(key) or "")
        if name and fold_name(name) != headline:
            return clip(name, _LONGEST["outlet"])
    return urlsplit(article.get("url") or "").hostname or ""


def _party(e: dict, role: str) -> str:
    return clip(e[role], _LONGEST["name"]) if e.get(role) else ""


def who(e: dict) -> str:
    """Returns the parties in a few characters: 'Alphabet → Wiz', 'Stellantis + CATL', 'Google ✕ Scale AI'.

    Divestitures read 'Innomotics (Siemens → KKR)': what is sold, from whom, to whom.
    """
    acq, tgt, sel = _party(e, "acquirer"), _party(e, "target"), _party(e, "seller")
    sub = e["subtype"]
    if sub in _PARTNERS:
        return " + ".join(p for p in (acq, tgt) if p)
    if sub == "divestiture":
        moves = f"{sel} → {acq}" if sel and acq else f"sold by {sel}" if sel else f"to {acq}" if acq else ""
        if not tgt:     # an unnamed unit
            return moves.replace("sold by ", "")
        return f"{tgt} ({moves})" if moves else tgt
    if e["event_type"] == "deal":
        return f"{acq} → {tgt}" if acq else tgt
    cust, vend, comp = _party(e, "customer"), _party(e, "vendor"), _party(e, "competitor")
    text = f"{cust} {_MARK.get(sub, '·')} {vend}"
    return text + (f" → {comp}" if comp else "")


def what(e: dict) -> str:
    """Returns the subtype in plain words: 'acquisition', '49% stake', 'joint venture', 'drops vendor'."""
    if e["subtype"] == "stake" and e.get("stake_pct") is not None:
        return f"{e['stake_pct']:g}% stake"
    return _WHAT.get(e["subtype"], e["subtype"].replace("_", " "))


def roles(e: dict) -> list[tuple[str, str]]:
    """Returns (label, name) for each party, labelled for the subtype: 'partners' for a merger or
    joint venture, 'seller' and 'buyer' for a divestiture, 'customer', 'vendor', 'competitor'."""
    if e["subtype"] in _PARTNERS:
        partners = [_party(e, r) for r in ("acquirer", "target", "seller") if e.get(r)]
        return [("partners", ", ".join(partners))] if partners else []
    labels = _ROLES.get(e["subtype"], tuple((r, r) for r in PARTY_FIELDS))
    return [(label, _party(e, role)) for role, label in labels if e.get(role)]


def update_note(s: StoryAlert) -> str:
    """Returns what changed in an updated story: 'now completed (was announced), amount now known'."""
    notes = []
    for reason in s.reasons:
        if reason.startswith("status:"):
            was = f" (was {s.previous_status})" if s.previous_status else ""
            notes.append(f"now {reason.split(':', 1)[1]}{was}")
        elif reason == "amount":
            notes.append("amount now known")
    return ", ".join(notes)


def story_line(s: StoryAlert) -> str:
    """Returns one line for a story: its headline, and for an update what changed."""
    if s.is_update:
        return f"Update: {headline(s.event, status_tag=False)}: {update_note(s)}"
    return headline(s.event)


def _group(s: StoryAlert) -> str:
    if s.is_update:
        return GROUPS[2]
    return GROUPS[0] if s.event["event_type"] == "deal" else GROUPS[1]


def importance(s: StoryAlert, watched: bool) -> tuple:
    """Returns the sort key that puts the most important story first (see the module docstring)."""
    e = s.event
    amount, rate = e.get("amount"), _USD_RATE.get(e.get("currency") or "")
    if amount is None:
        money = (2, 0.0)
    elif rate is None:
        money = (1, -amount)
    else:
        money = (0, -amount * rate)
    return (not watched, *money, -e["confidence"], e["detected_at"], s.story_id)


@dataclass
class Row:
    """One story as the email shows it: an overview row, and when it is among the top, a details block."""

    story: StoryAlert
    group: str
    who: str
    what: str
    amount: str
    status: str
    outlet: str
    link: str | None      # http(s) only
    watched: bool
    number: int = 0       # its number in the email's overview

    @property
    def event(self) -> dict:
        return self.story.event

    @property
    def headline(self) -> str:
        return story_line(self.story)

    def details(self) -> list[tuple[str, str]]:
        """Returns the (label, value) lines of its details block; 'evidence' and 'link' among them."""
        s, e, a = self.story, self.story.event, self.story.article
        lines = roles(e)
        kind = "deal" if e["event_type"] == "deal" else "customer change"
        lines.append(("type", f"{kind}: {_WHAT.get(e['subtype'], e['subtype'])}"))
        if e.get("amount") is not None:
            lines.append(("amount", format_amount_long(e["amount"], e.get("currency"))))
        if e.get("stake_pct") is not None:
            lines.append(("stake", f"{e['stake_pct']:g}%"))
        status = e["status"]
        if s.is_update and s.previous_status and s.previous_status != status:
            status += f" (was {s.previous_status})"
        lines.append(("status", status))
        if s.is_update:
            lines.append(("update", update_note(s)))
        lines.append(("confidence", f"{e['confidence']:.2f}"))
        lines.append(("evidence", clip(e["evidence"], _LONGEST["evidence"])))
        lines.append(("article", clip(a.get("title") or "", _LONGEST["title"])))
        lines.append(("outlet", self.outlet))
        published = e.get("published_at") or a.get("published_at")
        if published:
            lines.append(("published", published.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")))
        if s.mentions > 1:
            lines.append(("reported by", f"{s.mentions} articles"))
        lines.append(("link", one_line(a.get("url") or "")))
        return lines


def row_for(s: StoryAlert, watched: bool, safe_link) -> Row:
    """Returns the story's overview row (unnumbered)."""
    e = s.event
    return Row(story=s, group=_group(s), who=who(e), what=what(e),
               amount=format_amount(e.get("amount"), e.get("currency")), status=e["status"],
               outlet=outlet_for(s.article), link=safe_link(s.article.get("url")), watched=watched)


@dataclass
class View:
    """The part of a digest one email shows: numbered overview groups and the detailed rows."""

    groups: list[tuple[str, int, list[Row]]]    # heading, stories in the group, rows shown
    details: list[Row]                           # in overview order
    total: int
    hidden: int                                  # stories not in the overview
    marks: bool                                  # whether a star marks watched stories
    more: str = ""                               # the last line when rows are hidden

    @property
    def rows(self) -> list[Row]:
        return [r for _, _, rows in self.groups for r in rows]


@dataclass
class Digest:
    """Every story of one email as a row, most important first."""

    rows: list[Row]
    marks: bool

    @classmethod
    def of(cls, stories: Sequence[StoryAlert], *, watch: Sequence[Sequence[str]], marks: bool,
           safe_link) -> "Digest":
        """Returns the stories ranked; `marks` stars the watched ones (when the watchlist does not filter)."""
        flagged = [(s, bool(watch) and on_watchlist(s, watch)) for s in stories]
        flagged.sort(key=lambda sw: importance(*sw))
        return cls([row_for(s, w, safe_link) for s, w in flagged], marks and any(w for _, w in flagged))

    def view(self, shown: int, detailed: int, more: str = "") -> View:
        """Returns the view with the `shown` most important rows in the overview, numbered by group,
        and the `detailed` most important of them with details."""
        kept = self.rows[:shown]
        groups, number = [], 0
        for heading in GROUPS:
            members = [r for r in self.rows if r.group == heading]
            rows = []
            for r in kept:
                if r.group == heading:
                    number += 1
                    rows.append(replace(r, number=number))
            if members:
                groups.append((heading, len(members), rows))
        top = {id(r.story) for r in kept[:detailed]}
        details = [r for _, _, rows in groups for r in rows if id(r.story) in top]
        hidden = len(self.rows) - len(kept)
        return View(groups, details, len(self.rows), hidden, self.marks, more if hidden else "")


def summary_line(view: View) -> str:
    """Returns the email's first line: '94 new stories: 61 deals, 33 customer changes; 2 updates'."""
    counts = {heading: n for heading, n, _ in view.groups}
    new = counts.get(GROUPS[0], 0) + counts.get(GROUPS[1], 0)
    parts = [f"{n} {heading.lower() if n != 1 else heading.lower()[:-1]}"
             for heading, n in counts.items() if heading != GROUPS[2]]
    head = f"{new} new stor{'y' if new == 1 else 'ies'}: {', '.join(parts)}" if new else ""
    updates = counts.get(GROUPS[2], 0)
    tail = f"{updates} update{'s' if updates != 1 else ''}" if updates else ""
    return "; ".join(p for p in (head, tail) if p)


def group_heading(heading: str, count: int, rows: list[Row]) -> str:
    """Returns 'Deals (61)', or 'Deals (40 of 61)' when the overview leaves some out."""
    return f"{heading} ({count})" if len(rows) == count else f"{heading} ({len(rows)} of {count})"


def details_heading(view: View) -> str:
    """Returns the heading of the details section."""
    if len(view.details) == view.total:
        return "Details"
    return f"Details of the top {len(view.details)} (the other {view.total - len(view.details)} are in the overview only)"


# ---------------------------------------------------------------- the plain-text part

def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _fit(text: str, width: int, right: bool = False) -> str:
    """Returns the text cut with '…' or padded to `width` columns of a fixed-width font."""
    if _width(text) > width:
        while _width(text) > width - 1:
            text = text[:-1]
        text += "…"
    pad = " " * (width - _width(text))
    return pad + text if right else text + pad


_COLUMNS = (("#", 4, True), ("Who", 30, False), ("What", 13, False), ("Amount", 10, True),
            ("Status", 11, False), ("Outlet", 16, False))


def _text_row(cells: Sequence[str]) -> str:
    return "  ".join(_fit(c, w, right) for c, (_, w, right) in zip(cells, _COLUMNS)).rstrip()


def text_body(view: View, footer: str) -> str:
    """Returns the plain-text part: the same overview as a fixed-width table, then the details."""
    out = [summary_line(view)]
    if view.marks:
        out.append("* = names a company on your watchlist")
    for heading, count, rows in view.groups:
        title = group_heading(heading, count, rows)
        out += ["", title, "-" * len(title), _text_row([c for c, _, _ in _COLUMNS])]
        for r in rows:
            star = "*" if view.marks and r.watched else ""
            out.append(_text_row([f"{star}{r.number}", r.who, r.what, r.amount, r.status, r.outlet]))
    if view.more:
        out += ["", view.more]
    without = [r for r in view.rows if r not in view.details and r.link]
    if without:
        out += ["", "Links of the stories without details:"]
        out += [f"{r.number:>5}  {r.link}" for r in without]
    if view.details:
        heading = details_heading(view)
        out += ["", "", heading, "=" * min(len(heading), 78)]
    for r in view.details:
        out += ["", f"{r.number}. {r.headline}"]
        out += [f"  {k:<11} {one_line(v)}" for k, v in r.details()]
    out += ["", "-- ", footer]
    return "\n".join(out)
