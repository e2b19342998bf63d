"""The alert email: a subject that says the news, a text and an HTML part, standard headers.

Every value that came from the web (names, titles, evidence, outlets, links) is HTML-escaped in the
HTML part, and only http(s) links become links. Header values are folded to one line.

    alert = compose(stories, settings, kind="digest")   # an OutboxAlert holding the whole message
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime, timezone
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime

from extract.urls import is_http_url
from flows.config import Settings
from flows.digest import Digest, View, format_amount, one_line, story_line, text_body, update_note
from flows.digest_html import html_body
from storage.outbox import OutboxAlert, StoryAlert

LIST_ID = "dealwatch alerts <alerts.dealwatch.invalid>"
# The HTML part's size as sent (quoted-printable), kept under Gmail's clipping limit (~102 KB).
HTML_BUDGET = 96_000
# A row takes 230 bytes at the very least, so no more rows than this could fit in the budget.
_MAX_ROWS = 420


def _short(s: StoryAlert) -> str:
    # Plain ' / ' rather than the overview's arrows: Python folds a long non-ASCII subject into
    # encoded words and loses a space next to them ('Meta→ Scale AI').
    e = s.event
    left = e.get("acquirer") or e.get("seller") or e.get("customer")
    right = e.get("target") or e.get("vendor")
    money = format_amount(e.get("amount"), e.get("currency")) if e["event_type"] == "deal" else ""
    text = " / ".join(p for p in (left, right) if p) + (f" ({money})" if money else "")
    return text + (f" {update_note(s)}" if s.is_update else "")


def subject_for(stories: Sequence[StoryAlert]) -> str:
    """Returns the subject: the story's headline, or a count and the first few stories (pass them
    most important first).

    '3 new deals: Alphabet / Wiz ($32bn), Meta / Scale AI ($14.3bn), X / Y' (', …' when there are more).
    """
    if len(stories) == 1:
        return one_line(story_line(stories[0]))
    new = [s for s in stories if not s.is_update]
    updates = [s for s in stories if s.is_update]
    if new:
        deals = [s for s in new if s.event["event_type"] == "deal"]
        noun = "deals" if len(deals) == len(new) else "events"
        shown = (deals + [s for s in new if s.event["event_type"] != "deal"])[:3]
        head = f"{len(new)} new {noun}"
        if len(new) == 1:
            head = f"1 new {noun[:-1]}"
    else:
        shown = updates[:3]
        head = f"{len(updates)} updates"
    text = f"{head}: {', '.join(_short(s) for s in shown)}" + (", …" if len(new or updates) > 3 else "")
    if new and updates:
        text += f" (+{len(updates)} update{'s' if len(updates) > 1 else ''})"
    return one_line(text)


def safe_link(url: str | None) -> str | None:
    """Returns the URL when it is http(s), else None: no javascript:, data: or file: links."""
    return url if is_http_url(url) else None


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
    msg["Subject"] = one_line(subject)
    msg["From"] = alerts.from_
    msg["To"] = ", ".join(alerts.to)
    msg["Date"] = format_datetime(datetime.now(timezone.utc))
    # Derived from the alert id, so the rare resend after a crash carries the same Message-ID
    # and mail clients can fold the duplicate; short enough never to be folded onto two lines.
    msg["Message-ID"] = f"<{idstring}@dealwatch.invalid>"
    msg["List-Id"] = LIST_ID
    msg.set_content(text)
    msg.add_alternative(html_text, subtype="html", cte="quoted-printable")
    return msg


def more_line(hidden: int, total: int, alert_id: str) -> str:
    """Returns the overview's last line when it leaves stories out: how many, and the command listing all."""
    sql = ("SELECT event_type, subtype, parties, amount, currency, latest_status, outlets FROM stories "
           "WHERE story_id IN (SELECT unnest(story_ids) FROM alerts WHERE alert_id = "
           f"'{alert_id}') ORDER BY event_type, amount DESC NULLS LAST")
    return (f"{hidden} more stor{'y' if hidden == 1 else 'ies'} not listed here. All {total} stories "
            f'of this email: dealwatch sql "{sql}"')


def html_size(html_text: str) -> int:
    """Returns the bytes the HTML part takes in the message (quoted-printable, as sent)."""
    part = EmailMessage(policy=SMTP)
    part.set_content(html_text, subtype="html", cte="quoted-printable")
    payload = part.get_payload()
    return len(payload) + payload.count("\n")     # lines end in CRLF on the wire


def fit(digest: Digest, details: int, alert_id: str, render) -> View:
    """Returns the largest view whose HTML (`render(view)`) stays within HTML_BUDGET: every story in
    the overview if they fit, else the most important ones; `details` of them detailed if they fit."""
    total = len(digest.rows)

    def view(shown: int, detailed: int) -> View:
        return digest.view(shown, detailed, more_line(total - shown, total, alert_id))

    def fits(shown: int, detailed: int) -> bool:
        return html_size(render(view(shown, detailed))) <= HTML_BUDGET

    detailed = min(details, total)
    most = min(total, _MAX_ROWS)
    if fits(most, detailed):
        return view(most, detailed)
    while detailed and not fits(detailed, detailed):   # only giant details could do this
        detailed //= 2
    low, high = detailed, most - 1                     # low fits, most does not
    while low < high:
        mid = (low + high + 1) // 2
        low, high = (mid, high) if fits(mid, detailed) else (low, mid - 1)
    return view(low, detailed)


def compose(stories: Sequence[StoryAlert], settings: Settings, *, kind: str = "digest") -> OutboxAlert:
    """Returns a pending outbox alert holding the complete email for these stories."""
    alerts = settings.alerts
    footer = footer_for(settings)
    alert_id = alert_id_for(stories, kind)
    digest = Digest.of(stories, watch=alerts.watch_names(), marks=not alerts.watchlist_only,
                       safe_link=safe_link)
    ranked = [r.story for r in digest.rows]
    subject = subject_for(ranked)
    view = fit(digest, alerts.details, alert_id, lambda v: html_body(v, footer, subject))
    msg = new_message(settings, subject, text_body(view, footer), html_body(view, footer, subject), alert_id)
    # The alert's row in the `alerts` table lists its stories; a header listing them all would
    # outgrow mail servers' header limits (Postfix: 100 KB) in a digest of thousands.
    msg["X-Dealwatch-Alert"] = alert_id
    return OutboxAlert(
        alert_id=alert_id, kind=kind, subject=str(msg["Subject"]), recipients=list(alerts.to),
        story_ids=[s.story_id for s in ranked], event_ids=[s.event["event_id"] for s in ranked],
        transport=alerts.transport, message=msg.as_string(), message_id=str(msg["Message-ID"]))
