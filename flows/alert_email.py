"""The alert email: a subject that says the news, a text and an HTML part, standard headers.

Every value that came from the web (names, titles, evidence, outlets, links) is HTML-escaped in the
HTML part, and only http(s) links become links. Header values are folded to one line.

    alert = compose(stories, settings, kind="digest")   # an OutboxAlert holding the whole message
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Sequence
from datetime import datetime, timezone
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime

from extract.model import PARTY_FIELDS
from extract.urls import is_http_url
from flows.config import Settings
from storage.outbox import OutboxAlert, StoryAlert

LIST_ID = "dealwatch alerts <alerts.dealwatch.invalid>"
_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
_ROLES = PARTY_FIELDS


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


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
    return _one_line(text)


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


def _short(s: StoryAlert) -> str:
    e = s.event
    left = e.get("acquirer") or e.get("seller") or e.get("customer")
    right = e.get("target") or e.get("vendor")
    money = format_amount(e.get("amount"), e.get("currency")) if e["event_type"] == "deal" else ""
    text = f"{left} / {right}" + (f" ({money})" if money else "")
    return text + (f" {update_note(s)}" if s.is_update else "")


def subject_for(stories: Sequence[StoryAlert]) -> str:
    """Returns the subject: the story's headline, or a count and the first few stories.

    '3 new deals: Meta / Scale AI ($14.3bn), X / Y, Z / W' (', …' when there are more).
    """
    if len(stories) == 1:
        return _one_line(story_line(stories[0]))
    new = [s for s in stories if not s.is_update]
    updates = [s for s in stories if s.is_update]
    if new:
        deals = [s for s in new if s.event["event_type"] == "deal"]
        noun = "deals" if len(deals) == len(new) else "events"
        shown = (deals + [s for s in new if s not in deals])[:3]
        head = f"{len(new)} new {noun}"
        if len(new) == 1:
            head = f"1 new {noun[:-1]}"
    else:
        shown = updates[:3]
        head = f"{len(updates)} updates"
    text = f"{head}: {', '.join(_short(s) for s in shown)}" + (", …" if len(new or updates) > 3 else "")
    if new and updates:
        text += f" (+{len(updates)} update{'s' if len(updates) > 1 else ''})"
    return _one_line(text)


def safe_link(url: str | None) -> str | None:
    """Returns the URL when it is http(s), else None: no javascript:, data: or file: links."""
    return url if is_http_url(url) else None


def _fields(s: StoryAlert) -> list[tuple[str, str]]:
    e, a = s.event, s.article
    rows = [(role, e[role]) for role in _ROLES if e.get(role)]
    rows.append(("type", f"{e['event_type']} / {e['subtype']}"))
    if e.get("amount") is not None:
        rows.append(("amount", format_amount_long(e["amount"], e.get("currency"))))
    if e.get("stake_pct") is not None:
        rows.append(("stake", f"{e['stake_pct']:g}%"))
    status = e["status"]
    if s.is_update and s.previous_status and s.previous_status != status:
        status += f" (was {s.previous_status})"
    rows.append(("status", status))
    rows.append(("confidence", f"{e['confidence']:.2f}"))
    rows.append(("evidence", e["evidence"]))
    rows.append(("article", a.get("title") or ""))
    if a.get("site_name"):
        rows.append(("outlet", a["site_name"]))
    published = e.get("published_at") or a.get("published_at")
    if published:
        rows.append(("published", published.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")))
    if s.mentions > 1:
        rows.append(("reported by", f"{s.mentions} articles"))
    rows.append(("link", a.get("url") or ""))
    return rows


def _groups(stories: Sequence[StoryAlert]) -> list[tuple[str, list[StoryAlert]]]:
    new = [s for s in stories if not s.is_update]
    groups = [("New deals", [s for s in new if s.event["event_type"] == "deal"]),
              ("Customer changes", [s for s in new if s.event["event_type"] != "deal"]),
              ("Updates", [s for s in stories if s.is_update])]
    return [(heading, group) for heading, group in groups if group]


def text_body(stories: Sequence[StoryAlert], footer: str) -> str:
    """Returns the plain-text part."""
    out = []
    for heading, group in _groups(stories):
        out += [heading, "=" * len(heading), ""]
        for s in group:
            out.append(story_line(s))
            out += [f"  {k:<11} {_one_line(v)}" for k, v in _fields(s)]
            out.append("")
    out += ["-- ", footer]
    return "\n".join(out)


def html_body(stories: Sequence[StoryAlert], footer: str) -> str:
    """Returns the HTML part; every value is escaped, only http(s) links are links."""
    esc = html.escape
    parts = ['<html><body style="font-family:sans-serif">']
    for heading, group in _groups(stories):
        parts.append(f"<h2>{esc(heading)}</h2>")
        for s in group:
            parts.append(f"<h3>{esc(story_line(s))}</h3><table>")
            for key, value in _fields(s):
                if key == "link":
                    link = safe_link(value)
                    cell = f'<a href="{esc(link)}">{esc(link)}</a>' if link else esc(value)
                elif key == "evidence":
                    cell = f"<blockquote>{esc(value)}</blockquote>"
                else:
                    cell = esc(value)
                parts.append(f'<tr><th align="left" valign="top">{esc(key)}</th><td>{cell}</td></tr>')
            parts.append("</table>")
    parts.append(f'<hr><p style="color:#666">{esc(footer)}</p></body></html>')
    return "\n".join(parts)


def footer_for(settings: Settings) -> str:
    """Returns the footer: which config produced the email and which filters it applied."""
    a = settings.alerts
    filters = f"events {', '.join(a.events)}"
    if a.watchlist:
        filters += "; watchlist " + ", ".join(
            w if isinstance(w, str) else " = ".join(w) for w in a.watchlist)
    if a.min_confidence:
        filters += f"; min_confidence {a.min_confidence:g}"
    return (f"Sent by dealwatch with configuration {settings.source or '(defaults)'} "
            f"(alerts: {filters}; mode {a.mode}).")


def alert_id_for(stories: Sequence[StoryAlert], kind: str) -> str:
    """Returns a stable id for an alert: its stories and reasons, each of which alerts only once."""
    keys = sorted(f"{s.story_id}:{r}" for s in stories for r in s.reasons)
    return hashlib.sha256(("\n".join(keys) + "\n" + kind).encode()).hexdigest()[:20]


def new_message(settings: Settings, subject: str, text: str, html_text: str,
                idstring: str) -> EmailMessage:
    """Returns a multipart/alternative message with dealwatch's standard headers."""
    alerts = settings.alerts
    msg = EmailMessage(policy=SMTP)
    msg["Subject"] = _one_line(subject)
    msg["From"] = alerts.from_
    msg["To"] = ", ".join(alerts.to)
    msg["Date"] = format_datetime(datetime.now(timezone.utc))
    # Derived from the alert id, so the rare resend after a crash carries the same Message-ID
    # and mail clients can fold the duplicate; short enough never to be folded onto two lines.
    msg["Message-ID"] = f"<{idstring}@dealwatch.invalid>"
    msg["List-Id"] = LIST_ID
    msg.set_content(text)
    msg.add_alternative(html_text, subtype="html")
    return msg


def compose(stories: Sequence[StoryAlert], settings: Settings, *, kind: str = "digest") -> OutboxAlert:
    """Returns a pending outbox alert holding the complete email for these stories."""
    footer = footer_for(settings)
    alert_id = alert_id_for(stories, kind)
    msg = new_message(settings, subject_for(stories), text_body(stories, footer),
                      html_body(stories, footer), alert_id)
    msg["X-Dealwatch-Stories"] = " ".join(s.story_id for s in stories)
    return OutboxAlert(
        alert_id=alert_id, kind=kind, subject=str(msg["Subject"]), recipients=list(settings.alerts.to),
        story_ids=[s.story_id for s in stories], event_ids=[s.event["event_id"] for s in stories],
        transport=settings.alerts.transport, message=msg.as_string(), message_id=str(msg["Message-ID"]))
