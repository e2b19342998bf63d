"""Digest benchmark: the time to compose one digest email, and its size, for many new stories.

    .venv/bin/python benchmarks/digest.py                    # 100, 1,000 and 5,000 stories
    .venv/bin/python benchmarks/digest.py --stories 300 20000

Stories are stored through the product's write path (half deals with amounts in several
currencies, half customer changes, realistic name and URL lengths), selected as a run selects them,
and composed (ranking, overview fitted to the HTML budget, both parts) by flows.alert_email.compose.
No network, no mail server. benchmarks/README.md records the results.
"""

from __future__ import annotations

import argparse
import platform
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from email import message_from_string, policy
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extract.model import Article, Event  # noqa: E402
from flows.alert_email import compose  # noqa: E402
from flows.alerts import select_stories  # noqa: E402
from flows.config import parse_settings  # noqa: E402
from storage.db import connect, transaction  # noqa: E402
from storage.writes import ArticleRow, store_articles, store_events  # noqa: E402

CURRENCIES = ("USD", "EUR", "GBP", "JPY", "CHF")


def _event(i: int) -> Event:
    if i % 2:
        return Event(event_type="customer_change", subtype=("churn", "reduction", "new_customer")[i % 3],
                     status="reported", confidence=0.6 + (i % 30) / 100, customer=f"Customer Group {i}",
                     vendor=f"Vendor Systems {i}",
                     evidence=f"Customer Group {i} plans to stop working with Vendor Systems {i}, people said.")
    return Event(event_type="deal", subtype=("acquisition", "stake", "merger", "divestiture")[i % 4],
                 status="announced", confidence=0.7 + (i % 25) / 100, acquirer=f"Acquirer Holdings {i}",
                 target=f"Target Technologies {i}", seller=f"Seller Group {i}" if i % 4 == 3 else None,
                 amount=1e6 * (i % 997 + 1), currency=CURRENCIES[i % len(CURRENCIES)],
                 evidence=f"Acquirer Holdings {i} agreed to buy Target Technologies {i} for an undisclosed "
                          "sum, the companies said in a statement on Tuesday, subject to approval.")


def build(db: Path, stories: int) -> None:
    now = datetime.now(timezone.utc)
    rows, events = [], []
    for i in range(stories):
        url = f"https://www.example-business-news.com/2026/12/06/markets/deals/story-{i}-acquirer-target"
        published = now - timedelta(minutes=i)
        event = _event(i)
        article = Article(url=url, title=f"Headline number {i} about a deal", text=event.evidence,
                          published_at=published, site_name="Example Business News", language="en")
        rows.append(ArticleRow(url=url, guid=url, feed_url="https://feeds.example.com/rss", status="ok",
                               article=article, title=article.title, published_at=published))
        events.append((url, published, event))
    with connect(str(db)) as con, transaction(con):
        store_articles(con, rows)
        store_events(con, events)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stories", type=int, nargs="+", default=[100, 1000, 5000])
    args = parser.parse_args()
    print(f"{platform.processor() or platform.machine()}, Python {platform.python_version()}")
    for n in args.stories:
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "digest.duckdb"
            build(db, n)
            settings = parse_settings({"database": str(db), "alerts": {
                "transport": "file", "outbox": str(Path(tmp) / "outbox"),
                "events": ["deal", "customer_change"]}}, source="benchmark")
            with connect(str(db)) as con:
                stories = select_stories(con, settings)
            started = time.perf_counter()
            alert = compose(stories, settings)
            seconds = time.perf_counter() - started
            msg = message_from_string(alert.message, policy=policy.SMTP)
            html_part, text_part = msg.get_body(("html",)), msg.get_body(("plain",))
            rows = html_part.get_content().count('<tr valign="top"')
            print(f"{len(stories):>6} stories: compose {seconds:.2f} s; overview {rows} rows; "
                  f"HTML part {len(html_part.get_payload().encode()):,} bytes as sent; "
                  f"text part {len(text_part.get_payload().encode()):,} bytes; "
                  f"whole message {len(alert.message.encode()):,} bytes")


if __name__ == "__main__":
    main()
