"""Articles and events written straight into a real DuckDB file, through the product's own writes."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from extract.model import Article, Event
from flows.config import parse_settings
from storage.db import connect, transaction
from storage.writes import ArticleRow, FeedState, record_polls, store_articles, store_events, sync_feeds

T0 = datetime(2025, 6, 13, 8, 0, tzinfo=timezone.utc)


def meta_scale(**changes) -> Event:
    """Returns the seed deal: Meta takes 49% of Scale AI for $14.3bn (completed)."""
    fields = dict(event_type="deal", subtype="stake", status="completed", confidence=0.9,
                  evidence="Meta acquired 49% of Scale AI for 14.3 billion US dollars.",
                  acquirer="Meta", target="Scale AI", amount=14.3e9, currency="USD", stake_pct=49)
    fields.update(changes)
    return Event(**fields)


def deal(acquirer: str, target: str, **changes) -> Event:
    fields = dict(event_type="deal", subtype="acquisition", status="announced", confidence=0.8,
                  evidence=f"{acquirer} agreed to buy {target}.", acquirer=acquirer, target=target)
    fields.update(changes)
    return Event(**fields)


def churn(customer: str, vendor: str, **changes) -> Event:
    fields = dict(event_type="customer_change", subtype="churn", status="reported", confidence=0.7,
                  evidence=f"{customer} plans to stop working with {vendor}, people familiar said.",
                  customer=customer, vendor=vendor)
    fields.update(changes)
    return Event(**fields)


FEED_URL = "http://127.0.0.1/feed.xml"


def _row(url: str, title: str, events: list[Event], published: datetime, site: str | None,
         feed_url: str) -> ArticleRow:
    article = Article(url=url, title=title, text=" ".join([title + ".", *(e.evidence for e in events)]),
                      published_at=published, site_name=site, language="en")
    return ArticleRow(url=url, guid=url, feed_url=feed_url, status="ok", article=article, title=title,
                      published_at=published)


def add_article(db: Path | str, url: str, title: str, events: list[Event], *,
                published: datetime | None = None, site: str | None = "Example News",
                hours: float = 0, feed_url: str = FEED_URL) -> None:
    """Stores one article and its events, as a run's store stage does."""
    add_articles(db, [(url, title, events)], published=published or T0 + timedelta(hours=hours),
                 site=site, feed_url=feed_url)


def add_articles(db: Path | str, items: list[tuple[str, str, list[Event]]], *, published: datetime = T0,
                 site: str | None = "Example News", feed_url: str = FEED_URL) -> None:
    """Stores many (url, title, events) articles in one batch, a minute apart."""
    rows, events = [], []
    for i, (url, title, found) in enumerate(items):
        when = published + timedelta(minutes=i)
        rows.append(_row(url, title, found, when, site, feed_url))
        events += [(url, when, e) for e in found]
    with connect(str(db)) as con, transaction(con):
        store_articles(con, rows)
        store_events(con, events)


def add_feed(db: Path | str, url: str, *, title: str | None = None, name: str | None = None) -> None:
    """Adds a feed (with its name) and records a poll that read its title, as a run does."""
    with connect(str(db)) as con, transaction(con):
        sync_feeds(con, [(url, name)])
        record_polls(con, [FeedState(url=url, polled_at=T0, status=200, ok=True, error=None,
                                     next_poll_at=T0, title=title)])


def settings_for(db: Path, *, smtp_port: int | None = None, source: str = "test.toml", **alerts):
    """Returns Settings for the database, alerting through SMTP on 127.0.0.1 or the file outbox."""
    section = {"to": ["analyst@example.com"], "from": "dealwatch@example.com", **alerts}
    if smtp_port is not None:
        section["transport"] = "smtp"
        section["smtp"] = {"host": "127.0.0.1", "port": smtp_port, "security": "none", "timeout": 15,
                           **section.get("smtp", {})}
    return parse_settings({"database": str(db), "alerts": section}, source=source)
