"""Storage benchmark: storing events in batches, and reading the `deals` view for one company.

    .venv/bin/python benchmarks/storage.py                 # 100,000 events; 1,000,000 for the query
    .venv/bin/python benchmarks/storage.py --store 20000 --query-db 200000   # a quick look

Everything goes through the product's write path (storage.writes.store_articles/store_events in
one transaction per batch, stories assigned on the way), on a DuckDB file in a temporary folder.
No network. Prints one line per figure; benchmarks/README.md records the results.
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import duckdb  # noqa: E402
import pyarrow  # noqa: E402

from extract.model import Article, Event  # noqa: E402
from storage.db import connect, transaction  # noqa: E402
from storage.writes import ArticleRow, store_articles, store_events  # noqa: E402

START = datetime(2024, 1, 1, tzinfo=timezone.utc)
_WORDS = ("Bluefin Harbor Cedar Granite Juniper Lumen Marlin Nimbus Orchid Quartz Redwood Summit Tidal "
          "Umber Vantage Willow Zephyr Aspen Beacon Cobalt Delta Ember Falcon Glacier Helix Iris Jade "
          "Kestrel Lotus Meridian").split()
_KINDS = ("Robotics Analytics Logistics Biotech Software Energy Networks Foods Materials Payments "
          "Aerospace Media Security Health Motors Semiconductors Capital Pharma Systems Labs").split()
_SUFFIX = ("", " Inc.", " Corp.", " Group", " AG", " plc")


def company(rng: random.Random, pool: int) -> str:
    """Returns one of `pool` company names, spelled with a random legal suffix as the news would."""
    i = int(rng.paretovariate(1.2)) % pool    # a few companies are in the news far more than others
    return f"{_WORDS[i % len(_WORDS)]} {_KINDS[i // len(_WORDS) % len(_KINDS)]} {i}{rng.choice(_SUFFIX)}"


def make_batch(rng: random.Random, start: int, n_events: int, pool: int):
    """Returns (article rows, (url, published, event) triples) holding n_events events."""
    rows, found = [], []
    k = start
    while len(found) < n_events:
        url = f"https://news.example/{k}"
        published = START + timedelta(minutes=7 * k)
        rows.append(ArticleRow(url=url, guid=url, feed_url="https://news.example/rss", status="ok",
                               article=Article(url=url, title=f"Story {k}", text=f"article text {k}",
                                               published_at=published, site_name="Example News")))
        for _ in range(min(n_events - len(found), rng.choice((1, 2, 3, 4)))):
            if rng.random() < 0.6:
                ev = Event("deal", rng.choice(("acquisition", "stake", "investment", "merger")),
                           rng.choice(("announced", "completed", "reported")), "Evidence sentence.",
                           round(rng.random(), 2), acquirer=company(rng, pool), target=company(rng, pool),
                           amount=rng.choice((None, rng.randint(1, 500) * 1e8)), currency="USD",
                           stake_pct=rng.choice((None, rng.randint(1, 49))))
            else:
                ev = Event("customer_change", rng.choice(("churn", "reduction", "new_customer")),
                           "reported", "Evidence sentence.", round(rng.random(), 2),
                           customer=company(rng, pool), vendor=company(rng, pool))
            found.append((url, published, ev))
        k += 1
    return rows, found, k


def fill(path: Path, total: int, batch_events: int, pool: int, seed: int = 7) -> float:
    """Stores `total` events in batches of `batch_events`; returns the seconds spent storing."""
    rng = random.Random(seed)
    spent, stored, next_article = 0.0, 0, 0
    with connect(str(path)) as con:
        while stored < total:
            rows, found, next_article = make_batch(rng, next_article, min(batch_events, total - stored), pool)
            started = time.perf_counter()
            with transaction(con):
                store_articles(con, rows)
                stored += len(store_events(con, found))
            spent += time.perf_counter() - started
    return spent


def busiest_company(path: Path) -> tuple[str, str, int]:
    """Returns (name as written, folded key, deal mentions) of a company in many deals."""
    from storage.stories import fold_name

    with duckdb.connect(str(path), read_only=True) as con:
        key, n = con.execute("""SELECT k, count(*) FROM (SELECT unnest(party_keys) AS k FROM deals)
                                GROUP BY k ORDER BY count(*) DESC LIMIT 1 OFFSET 10""").fetchone()
        names = con.execute("SELECT acquirer FROM deals WHERE list_contains(party_keys, ?)",
                            [key]).fetchall()
    name = next(a for (a,) in names if fold_name(a) == key)
    return name, key, n


def time_query(path: Path, sql: str, params: list, repeat: int) -> tuple[float, float, int]:
    """Returns (cold ms: open + query + close, warm median ms, rows) of a query on the file."""
    started = time.perf_counter()
    with connect(str(path), read_only=True) as con:
        rows = len(con.execute(sql, params).fetchall())
    cold = (time.perf_counter() - started) * 1000
    with connect(str(path), read_only=True) as con:
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            con.execute(sql, params).fetchall()
            times.append((time.perf_counter() - started) * 1000)
    return cold, statistics.median(times), rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=int, default=100_000, help="events to store (default 100,000)")
    parser.add_argument("--query-db", type=int, default=1_000_000,
                        help="events in the database the query runs on (default 1,000,000)")
    parser.add_argument("--dir", help="keep the database files here (default: a temporary folder)")
    args = parser.parse_args()

    print(f"# {platform.platform()}, {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}, duckdb {duckdb.__version__}, pyarrow {pyarrow.__version__}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.dir or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for batch in (500, 10_000):
            path = folder / f"store-{batch}.duckdb"
            path.unlink(missing_ok=True)
            seconds = fill(path, args.store, batch, pool=20_000)
            print(f"store {args.store:,} events in batches of {batch:,} (one transaction each, "
                  f"stories assigned): {seconds:.2f} s = {args.store / seconds:,.0f} events/s")

        path = folder / "query.duckdb"
        if not path.exists():
            seconds = fill(path, args.query_db, 100_000, pool=20_000)
            print(f"built {args.query_db:,}-event database in batches of 100,000: {seconds:.1f} s")
        name, key, n = busiest_company(path)
        for label, sql, params in [
            ("deals WHERE list_contains(party_keys, ?)",
             "SELECT * FROM deals WHERE list_contains(party_keys, ?) ORDER BY seen_at DESC", [key]),
            ("deals WHERE acquirer = ? OR target = ?",
             "SELECT * FROM deals WHERE acquirer = ? OR target = ? ORDER BY seen_at DESC", [name, name]),
            ("stories WHERE list_contains(parties, ?)",
             "SELECT * FROM stories WHERE list_contains(parties, ?)", [name]),
        ]:
            cold, warm, rows = time_query(path, sql, params, repeat=5 if "stories" in label else 20)
            print(f"{label} on {args.query_db:,} events ({rows:,} rows for {name!r}): "
                  f"cold {cold:.0f} ms (open + query), warm median {warm:.0f} ms")


if __name__ == "__main__":
    main()
