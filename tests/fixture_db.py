"""A small database as a few weeks of monitoring would leave it, written through the real write path.

Times are relative to `now`, so "this week" and "the last 30 days" recipes keep their meaning.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from extract.model import Article, Event
from storage.db import connect, transaction
from storage.writes import ArticleRow, FeedState, record_poll, store_articles, store_events, sync_feeds

META_SCALE_TEXT = ("Meta has acquired 49% of Scale AI for $14.3 billion. Google plans to end its "
                   "customer relationship with Scale. Microsoft is considering pulling back. OpenAI "
                   "will continue to work with Scale to a lesser extent.")


FEED = "https://feed.example/rss"
BROKEN_FEED = "https://broken.example/rss"


def _stake(acquirer, target, amount, pct, status, conf=0.9, currency="USD"):
    return Event("deal", "stake", status, f"{acquirer} takes {pct}% of {target}.", conf,
                 acquirer=acquirer, target=target, amount=amount, currency=currency, stake_pct=pct)


def _acq(acquirer, target, amount, status, currency="USD", conf=0.85):
    return Event("deal", "acquisition", status, f"{acquirer} buys {target}.", conf,
                 acquirer=acquirer, target=target, amount=amount, currency=currency)


def _cc(subtype, customer, vendor, status, amount=None, conf=0.8):
    return Event("customer_change", subtype, status, f"{customer} and {vendor}.", conf,
                 customer=customer, vendor=vendor, amount=amount, currency="USD" if amount else None)


def articles(now: datetime) -> list[tuple[str, str, str, str, datetime, list[Event]]]:
    """Returns (url, outlet, title, text, published_at, events) of every fixture article."""
    d = lambda days: now - timedelta(days=days)  # noqa: E731 - a local shorthand
    scale = [_stake("Meta Platforms, Inc.", "Scale AI", 14.3e9, 49, "completed"),
             _cc("churn", "Google", "Scale AI", "reported", 200e6),
             _cc("churn", "Microsoft", "Scale AI", "considering"),
             _cc("reduction", "OpenAI", "Scale AI", "reported")]
    return [
        ("https://rumours.example/meta-scale", "Rumour Wire", "Meta said to weigh Scale AI stake",
         "Meta is in talks to invest about $10 billion in Scale AI, people familiar said.", d(5),
         [_stake("Meta", "Scale AI", 10e9, 49, "reported", conf=0.6)]),
        ("https://news.example/meta-scale", "Example News", "Meta takes 49% of Scale AI",
         META_SCALE_TEXT, d(2), scale),
        # The same text syndicated under another URL: one article, no second event.
        ("https://portal.example/syndicated/meta-scale", "Portal", "Meta takes 49% of Scale AI",
         META_SCALE_TEXT, d(1), scale),
        ("https://news.example/softbank-openai", "Example News", "SoftBank takes 11% of OpenAI",
         "SoftBank Group Corp. is buying 11% of OpenAI for $40 billion.", d(6),
         [_stake("SoftBank Group Corp.", "OpenAI", 40e9, 11, "announced")]),
        ("https://news.example/salesforce-informatica", "Example News", "Salesforce to buy Informatica",
         "Salesforce agreed to buy Informatica for $8 billion.", d(3),
         [_acq("Salesforce", "Informatica", 8e9, "announced")]),
        ("https://news.example/sap-signavio", "Example News", "SAP buys a process firm",
         "SAP SE buys Signavio for 1.2 billion euros.", d(4),
         [_acq("SAP SE", "Signavio", 1.2e9, "announced", currency="EUR")]),
        ("https://news.example/alphabet-wiz", "Example News", "Alphabet to buy Wiz",
         "Alphabet Inc. agreed to buy Wiz for $32 billion.", d(20),
         [_acq("Alphabet Inc.", "Wiz", 32e9, "announced")]),
        ("https://news.example/apple-scale", "Example News", "Apple drops Scale AI",
         "Apple ended its contract with Scale AI.", d(40),
         [_cc("churn", "Apple", "Scale AI", "reported")]),
        ("https://news.example/acme-newco", "Example News", "Acme picks Newco",
         "Acme picked Newco to supply its cloud.", d(1),
         [_cc("new_customer", "Acme", "Newco", "announced")]),
    ]


def build(path: Path, now: datetime | None = None) -> Path:
    """Writes the fixture database at path (one transaction per article, as runs would) and returns it."""
    now = now or datetime.now(timezone.utc)
    with connect(str(path)) as con:
        for url, outlet, title, text, published, events in articles(now):
            article = Article(url=url, title=title, text=text, published_at=published,
                              site_name=outlet, language="en")
            with transaction(con):
                store_articles(con, [ArticleRow(url=url, guid=url, feed_url=FEED,
                                                status="ok", article=article)])
                store_events(con, [(url, published, ev) for ev in events])
        with transaction(con):
            sync_feeds(con, [(FEED, "Example"), (BROKEN_FEED, "Broken")])
            for polled, url, ok in [(now - timedelta(hours=30), BROKEN_FEED, False),
                                    (now - timedelta(hours=3), BROKEN_FEED, False),
                                    (now - timedelta(hours=2), BROKEN_FEED, False),
                                    (now - timedelta(hours=2), FEED, True)]:
                record_poll(con, FeedState(
                    url=url, polled_at=polled, status=200 if ok else 503, ok=ok,
                    error=None if ok else "HTTP 503 Service Unavailable", items_seen=9 if ok else None,
                    next_poll_at=polled + timedelta(minutes=15), new_entries=9 if ok else 0,
                    duration_ms=120))
    return path
