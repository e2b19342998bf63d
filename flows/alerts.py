"""Alert emails: compose them from stories, queue them in the outbox, deliver them once.

Delivery is at-least-once with a narrow window: an alert is marked sent right after the server
accepts it, so only a crash between the server's acceptance and that mark can send it twice.
"""

from __future__ import annotations

import hashlib
import html
import smtplib
import socket
import ssl
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid
from pathlib import Path

import duckdb

from extract.errors import AlertError
from flows.config import AlertSettings, Settings
from storage.outbox import OutboxAlert, StoryAlert, enqueue, list_alerts, mark_failed, mark_sent

LIST_ID = "dealwatch alerts <alerts.dealwatch.invalid>"
_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}


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


def headline(e: dict) -> str:
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
    if e["status"] in ("reported", "considering", "cancelled", "denied"):
        text += f" [{e['status']}]"
    return text


def _short(e: dict) -> str:
    left = e.get("acquirer") or e.get("seller") or e.get("customer")
    right = e.get("target") or e.get("vendor")
    money = format_amount(e.get("amount"), e.get("currency")) if e["event_type"] == "deal" else ""
    return f"{left} / {right}" + (f" ({money})" if money else "")


def digest_subject(stories: list[StoryAlert]) -> str:
    """Returns the subject of an alert email: the story's headline, or a count and the first few."""
    if len(stories) == 1:
        return headline(stories[0].event)
    deals = [s for s in stories if s.event["event_type"] == "deal"]
    noun = "deals" if len(deals) == len(stories) else "events"
    parts = [_short(s.event) for s in (deals or stories)[:3]]
    more = ", …" if len(stories) > 3 else ""
    return f"{len(stories)} new {noun}: {', '.join(parts)}{more}"


def _safe_link(url: str | None) -> str | None:
    return url if url and url.lower().startswith(("http://", "https://")) else None


_ROLES = ("acquirer", "target", "seller", "customer", "vendor", "competitor")


def _fields(s: StoryAlert) -> list[tuple[str, str]]:
    e, a = s.event, s.article
    rows = [(role, e[role]) for role in _ROLES if e.get(role)]
    rows.append(("type", f"{e['event_type']} / {e['subtype']}"))
    if e.get("amount") is not None:
        rows.append(("amount", format_amount_long(e["amount"], e.get("currency"))))
    if e.get("stake_pct") is not None:
        rows.append(("stake", f"{e['stake_pct']:g}%"))
    rows.append(("status", e["status"]))
    rows.append(("confidence", f"{e['confidence']:.2f}"))
    rows.append(("evidence", e["evidence"]))
    rows.append(("article", a.get("title") or ""))
    if a.get("site_name"):
        rows.append(("outlet", a["site_name"]))
    published = e.get("published_at") or a.get("published_at")
    if published:
        rows.append(("published", published.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")))
    rows.append(("link", a.get("url") or ""))
    return rows


def _text_body(groups: list[tuple[str, list[StoryAlert]]], footer: str) -> str:
    out = []
    for heading, stories in groups:
        out += [heading, "=" * len(heading), ""]
        for s in stories:
            out.append(headline(s.event))
            out += [f"  {k:<11} {v}" for k, v in _fields(s)]
            out.append("")
    out += ["-- ", footer]
    return "\n".join(out)


def _html_body(groups: list[tuple[str, list[StoryAlert]]], footer: str) -> str:
    esc = html.escape
    parts = ["<html><body style=\"font-family:sans-serif\">"]
    for heading, stories in groups:
        parts.append(f"<h2>{esc(heading)}</h2>")
        for s in stories:
            parts.append(f"<h3>{esc(headline(s.event))}</h3><table>")
            for key, value in _fields(s):
                if key == "link":
                    link = _safe_link(value)
                    cell = f'<a href="{esc(link)}">{esc(link)}</a>' if link else esc(value)
                elif key == "evidence":
                    cell = f"<blockquote>{esc(value)}</blockquote>"
                else:
                    cell = esc(value)
                parts.append(f"<tr><th align=\"left\" valign=\"top\">{esc(key)}</th><td>{cell}</td></tr>")
            parts.append("</table>")
    parts.append(f"<hr><p style=\"color:#666\">{esc(footer)}</p></body></html>")
    return "\n".join(parts)


def compose(stories: list[StoryAlert], settings: Settings, *, kind: str = "digest") -> OutboxAlert:
    """Returns a pending outbox alert holding the complete email for these stories."""
    alerts = settings.alerts
    deals = [s for s in stories if s.event["event_type"] == "deal"]
    changes = [s for s in stories if s.event["event_type"] != "deal"]
    groups = [(h, g) for h, g in (("New deals", deals), ("Customer changes", changes)) if g]
    footer = f"Sent by dealwatch, configuration {settings.source or '(defaults)'}."
    story_ids = [s.story_id for s in stories]
    alert_id = hashlib.sha256(("\n".join(sorted(story_ids)) + kind).encode()).hexdigest()[:20]
    msg = EmailMessage(policy=SMTP)
    msg["Subject"] = digest_subject(stories)
    msg["From"] = alerts.from_
    msg["To"] = ", ".join(alerts.to)
    msg["Date"] = format_datetime(datetime.now(timezone.utc))
    message_id = make_msgid(idstring=alert_id, domain="dealwatch.invalid")
    msg["Message-ID"] = message_id
    msg["List-Id"] = LIST_ID
    msg["X-Dealwatch-Stories"] = " ".join(story_ids)
    msg.set_content(_text_body(groups, footer))
    msg.add_alternative(_html_body(groups, footer), subtype="html")
    return OutboxAlert(
        alert_id=alert_id, kind=kind, subject=str(msg["Subject"]), recipients=list(alerts.to),
        story_ids=story_ids, event_ids=[s.event["event_id"] for s in stories],
        transport=alerts.transport, message=msg.as_string(), message_id=message_id)


# ---------------------------------------------------------------- transports

def deliver(message: str, alert_id: str, settings: AlertSettings) -> None:
    """Hands one stored message to the configured transport; raises AlertError when it fails."""
    if settings.transport == "file":
        outbox = Path(settings.outbox)
        outbox.mkdir(parents=True, exist_ok=True)
        target = outbox / f"{alert_id}.eml"
        tmp = target.with_suffix(".tmp")
        tmp.write_text(message, encoding="utf-8")
        tmp.replace(target)
    elif settings.transport == "console":
        sys.stdout.write(message + "\n")
    else:
        send_smtp(message, settings)


def send_smtp(message: str, settings: AlertSettings) -> None:
    """Sends one message through the configured SMTP server; raises AlertError with the server's words."""
    smtp = settings.smtp
    where = f"SMTP server {smtp.host}:{smtp.port}"
    try:
        if smtp.security == "tls":
            client = smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=smtp.timeout,
                                      context=ssl.create_default_context())
        else:
            client = smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout)
        with client:
            if smtp.security == "starttls":
                client.starttls(context=ssl.create_default_context())
            if smtp.username:
                password = smtp.password()
                if password is None:
                    raise AlertError(f"{where}: login needs a password, but ${smtp.password_env} "
                                     "is not set", transient=False)
                client.login(smtp.username, password)
            refused = client.sendmail(settings.from_, settings.to, message.encode("utf-8"))
            if refused:
                raise AlertError(f"{where} refused recipients: {refused}", transient=False)
    except AlertError:
        raise
    except smtplib.SMTPResponseException as exc:
        text = exc.smtp_error.decode(errors="replace") if isinstance(exc.smtp_error, bytes) else exc.smtp_error
        raise AlertError(f"{where} answered {exc.smtp_code} {text}",
                         transient=exc.smtp_code >= 400 and exc.smtp_code < 500) from exc
    except (OSError, smtplib.SMTPException, socket.timeout) as exc:
        raise AlertError(f"{where} unreachable: {exc} (alert kept pending, retried next run)") from exc


# ---------------------------------------------------------------- the outbox cycle

@dataclass
class AlertOutcome:
    queued: int = 0
    sent: int = 0
    pending: int = 0
    errors: list[str] | None = None


def queue_alerts(con: duckdb.DuckDBPyConnection, settings: Settings) -> int:
    """Records pending alerts for stories that have none yet; returns how many alerts were queued."""
    from storage.db import transaction
    from storage.outbox import stories_needing_alert

    a = settings.alerts
    stories = stories_needing_alert(con, event_types=a.events, min_confidence=a.min_confidence)
    if a.watchlist:
        from storage.stories import fold_name
        wanted = {fold_name(w) for w in a.watchlist}
        stories = [s for s in stories
                   if any(fold_name(s.event[r]) in wanted for r in _ROLES if s.event.get(r))]
    if not stories:
        return 0
    batches = [[s] for s in stories] if a.mode == "instant" else [stories]
    with transaction(con):
        for batch in batches:
            enqueue(con, compose(batch, settings, kind=a.mode))
    return len(batches)


def send_pending(con: duckdb.DuckDBPyConnection, settings: Settings) -> AlertOutcome:
    """Delivers every pending alert; a failure leaves it pending for the next run."""
    outcome = AlertOutcome(errors=[])
    for alert in list_alerts(con, pending_only=True):
        try:
            deliver(alert.message, alert.alert_id, settings.alerts)
        except AlertError as exc:
            mark_failed(con, alert.alert_id, str(exc))
            outcome.pending += 1
            outcome.errors.append(str(exc))
            continue
        mark_sent(con, alert.alert_id)
        outcome.sent += 1
    return outcome
