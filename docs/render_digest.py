"""Renders a sample digest email to PNG with headless Chromium, for the README and for looking at it.

The sample is the seed article plus the English development corpus (tests/data/corpus), read by the
detector and stored under four feeds, then composed into one digest exactly as a run does (file
transport). The HTML part is written beside the pictures and shot in a light and a dark colour
scheme. Chromium comes from Debian's `chromium` package (`apt-get install chromium`).

    .venv/bin/python docs/render_digest.py            # writes docs/digest.png and docs/digest-dark.png
    .venv/bin/python docs/render_digest.py --out /tmp/x --height 4000
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from email import message_from_bytes, policy
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.events import detect_events  # noqa: E402
from extract.feeds import parse_feed  # noqa: E402
from extract.model import Article  # noqa: E402
from flows.alerts import run_alerts  # noqa: E402
from flows.config import parse_settings  # noqa: E402
from storage.db import connect, transaction  # noqa: E402
from storage.writes import ArticleRow, FeedState, record_polls, store_articles, store_events, sync_feeds  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "corpus"
# Stand-in outlets for the corpus files: feed titles as feeds give them.
OUTLETS = {
    "en_wire_deals.jsonl": "Example Wire – Deals",
    "en_wire_customers.jsonl": "Example Wire – Business",
    "en_news.jsonl": "The Example Business Journal",
    "en_tech.jsonl": "Example Tech Daily",
    "en_outlets.jsonl": "Example Markets",
    "en_customers_news.jsonl": "Example Trade Weekly",
}
CHROMIUM = ("chromium", "chromium-browser", "google-chrome")


def _feed_url(i: int) -> str:
    return f"https://feeds{i}.example.com/rss"


def build_database(db: Path, now: datetime) -> int:
    """Stores the seed and the corpus articles with their detected events; returns the event count."""
    seed_feed = parse_feed((ROOT / "seeds" / "feed.xml").read_bytes(), url="https://www.heise.de/en/rss")
    seed_title, *seed_body = (ROOT / "seeds" / "scale-ai-google-withdraws.txt").read_text().split("\n")
    articles = [(seed_feed.title, "https://www.heise.de/en/news/scale-ai-google-withdraws.html",
                 seed_title, "\n".join(seed_body))]
    for name, outlet in OUTLETS.items():
        for line in (CORPUS / name).read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            slug = item["id"].lower()
            articles.append((outlet, f"https://{slug}.example.com/news/{slug}", item["title"], item["text"]))
    feeds = {title: _feed_url(i) for i, title in enumerate(dict.fromkeys(a[0] for a in articles))}
    rows, events = [], []
    for i, (outlet, url, title, text) in enumerate(articles):
        published = now - timedelta(minutes=7 * i)
        article = Article(url=url, title=title, text=text, published_at=published, language="en")
        rows.append(ArticleRow(url=url, guid=url, feed_url=feeds[outlet], status="ok", article=article,
                               title=title, published_at=published))
        events += [(url, published, e) for e in detect_events(text, title=title, language="en")]
    with connect(str(db)) as con, transaction(con):
        sync_feeds(con, [(url, None) for url in feeds.values()])
        record_polls(con, [FeedState(url=url, polled_at=now, status=200, ok=True, error=None,
                                     next_poll_at=now, title=title) for title, url in feeds.items()])
        store_articles(con, rows)
        store_events(con, events)
    return len(events)


def find_chromium() -> str:
    for name in CHROMIUM:
        path = shutil.which(name)
        if path:
            return path
    sys.exit("Error: Chromium is not installed, so the digest cannot be rendered; "
             "install Debian's package with `apt-get install chromium` and run this again.")


def screenshot(chromium: str, page: Path, png: Path, *, width: int, height: int, dark: bool) -> None:
    """Shoots the page with headless Chromium (no network: the page has no external resources)."""
    with tempfile.TemporaryDirectory() as profile:
        command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                   f"--user-data-dir={profile}", f"--window-size={width},{height}",
                   f"--screenshot={png}"]
        if dark:
            command += ["--force-dark-mode", "--blink-settings=preferredColorScheme=0"]
        done = subprocess.run([*command, page.as_uri()], capture_output=True, text=True, timeout=120)
    if done.returncode or not png.exists():
        sys.exit(f"Error: chromium failed to render {page}: {done.stderr.strip()[-500:]}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=str(ROOT / "docs"), help="folder for the PNGs and digest.html")
    parser.add_argument("--width", type=int, default=680, help="viewport width in pixels")
    parser.add_argument("--height", type=int, default=1300, help="viewport height in pixels (the shot)")
    parser.add_argument("--keep", metavar="DIR", help="also keep the .eml and the HTML part in DIR")
    args = parser.parse_args(argv)
    chromium = find_chromium()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db, outbox = Path(tmp) / "sample.duckdb", Path(tmp) / "outbox"
        events = build_database(db, datetime.now(timezone.utc))
        settings = parse_settings({"database": str(db), "alerts": {
            "transport": "file", "outbox": str(outbox), "events": ["deal", "customer_change"],
            "watchlist": ["Scale AI"], "watchlist_only": False}}, source="sample.toml")
        outcome = run_alerts(settings)
        if outcome.sent != 1:
            sys.exit(f"Error: expected one digest, got {outcome}")
        [eml] = outbox.glob("*.eml")
        msg = message_from_bytes(eml.read_bytes(), policy=policy.default)
        html_part = msg.get_body(("html",))
        page = Path(tmp) / "digest.html"
        page.write_text(html_part.get_content(), encoding="utf-8")
        if args.keep:
            Path(args.keep).mkdir(parents=True, exist_ok=True)
            shutil.copy(eml, Path(args.keep) / "digest.eml")
            shutil.copy(page, Path(args.keep) / "digest.html")
        for name, dark in (("digest.png", False), ("digest-dark.png", True)):
            screenshot(chromium, page, out / name, width=args.width, height=args.height, dark=dark)
        with connect(str(db), read_only=True) as con:
            [(stories,)] = con.execute("SELECT len(story_ids) FROM alerts").fetchall()
        print(f"{events} events in {stories} stories; "
              f"HTML part {len(html_part.get_payload()):,} bytes as sent, "
              f"text part {len(msg.get_body(('plain',)).get_content().splitlines())} lines; "
              f"wrote {out / 'digest.png'} and {out / 'digest-dark.png'}")


if __name__ == "__main__":
    main()
