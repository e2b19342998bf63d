"""Alerts: queue an email for each new (or updated) story that passes the filters, then deliver the outbox.

Each run first records its alerts in the `alerts` outbox (one transaction, with the (story, reason)
items that stop a story from alerting twice), then hands every pending alert to the transport and
marks it sent the moment the server accepts it. A server that is down, refuses, or times out leaves
the alert pending for the next run. Delivery is therefore at-least-once with a narrow window: only
a process that dies between the server's acceptance and the mark (one UPDATE) sends that alert again,
with the same Message-ID.

    outcome = run_alerts(settings)     # AlertOutcome(queued=1, sent=1, pending=0, errors=[])
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import duckdb

from extract.errors import AlertError, MailServerError
from flows.alert_email import compose
from flows.config import Settings
from flows.digest import on_watchlist
from flows.transports import open_transport
from storage.db import connect, transaction
from storage.outbox import StoryAlert, alert_candidates, enqueue, list_alerts, mark_failed, mark_sent

log = logging.getLogger(__name__)


@dataclass
class AlertOutcome:
    """What one alert pass did."""

    queued: int = 0
    sent: int = 0
    pending: int = 0
    errors: list[str] = field(default_factory=list)


def select_stories(con: duckdb.DuckDBPyConnection, settings: Settings) -> list[StoryAlert]:
    """Returns the stories that should alert now under the settings' filters (the watchlist filters
    only with `watchlist_only`; otherwise it decides the order, see flows/digest.py)."""
    a = settings.alerts
    stories = alert_candidates(con, event_types=a.events, min_confidence=a.min_confidence,
                               updates=a.updates)
    if not a.watchlist_only:
        return stories
    watch = a.watch_names()
    return [s for s in stories if on_watchlist(s, watch)]


def queue_alerts(con: duckdb.DuckDBPyConnection, settings: Settings) -> int:
    """Records pending alerts for the stories that need one; returns how many alerts were queued.

    Digest mode makes one email of them all; instant mode one per story (kind 'update' for updates).
    """
    stories = select_stories(con, settings)
    if not stories:
        return 0
    if settings.alerts.mode == "instant":
        batches = [([s], "update" if s.is_update else "instant") for s in stories]
    else:
        batches = [(stories, "digest")]
    with transaction(con):
        for batch, kind in batches:
            enqueue(con, compose(batch, settings, kind=kind), batch)
    return len(batches)


def send_pending(con: duckdb.DuckDBPyConnection, settings: Settings) -> AlertOutcome:
    """Delivers every pending alert, oldest first; a failure leaves it pending for the next run.

    When the server itself is unusable (down, timing out, refusing the login) the remaining alerts
    are not tried this run: they would only wait for the same timeout.
    """
    outcome = AlertOutcome()
    pending = list_alerts(con, pending_only=True)
    with open_transport(settings.alerts) as transport:
        for i, alert in enumerate(pending):
            try:
                refused = transport.send(alert.alert_id, alert.message, list(alert.recipients))
            except AlertError as exc:
                # A message the server refuses outright (5xx) is not sent by trying forever.
                give_up = (not isinstance(exc, MailServerError) and not exc.transient
                           and alert.attempts + 1 >= settings.alerts.max_refusals)
                mark_failed(con, alert.alert_id, str(exc), give_up=give_up)
                outcome.errors.append(f"alert {alert.alert_id} ({alert.subject}): {exc}"
                                      + (f"; given up after {alert.attempts + 1} attempts" if give_up else ""))
                if isinstance(exc, MailServerError):
                    outcome.pending += len(pending) - i
                    break
                if not give_up:
                    outcome.pending += 1
                continue
            note = None
            if refused:
                # Some recipients have it: sending again would duplicate theirs, so it counts as sent.
                note = "refused recipients: " + "; ".join(f"{r}: {w}" for r, w in refused.items())
                outcome.errors.append(f"alert {alert.alert_id} ({alert.subject}): {note}")
            mark_sent(con, alert.alert_id, note=note)
            outcome.sent += 1
    for error in outcome.errors:
        log.warning("%s", error)
    return outcome


def run_alerts(settings: Settings) -> AlertOutcome:
    """Queues alerts for the stories that need one and delivers the outbox; returns what happened."""
    with connect(settings.database) as con:
        queued = queue_alerts(con, settings)
        outcome = send_pending(con, settings)
    outcome.queued = queued
    return outcome
