"""Storage on real DuckDB files: migrations, idempotent writes, stories, syndication, poll history."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import duckdb
import pytest

from extract.errors import StorageError
from extract.model import Article, Event
from storage.db import connect, transaction
from storage.schema import LATEST, MIGRATIONS
from storage.stories import STORY_WINDOW, company_keys, fold_name, story_key
from storage.writes import ArticleRow, FeedState, record_poll, store_articles, store_events, sync_feeds

NOW = datetime(2025, 6, 20, 12, tzinfo=timezone.utc)


@pytest.mark.parametrize("name, folded", [
    ("Meta", "meta"), ("Meta Platforms", "meta"), ("Meta Platforms, Inc.", "meta"),
    ("The Meta Platforms Inc.", "meta"), ("meta platforms inc", "meta"),
    ("Alphabet Inc.", "alphabet"), ("Google's", "google"), ("Google’s", "google"),
    ("SoftBank Group Corp.", "softbank"), ("Deutsche Telekom AG", "deutsche telekom"),
    ("SAP SE", "sap"), ("Goldman Sachs & Co.", "goldman sachs"), ("AT&T Inc.", "at&t"),
    ("McDonald's Corp", "mcdonald"), ("Scale AI", "scale ai"), ("  Scale   AI ", "scale ai"),
    ("The Group", "group"), ("Holdings", "holdings"),
])
def test_fold_name(name, folded):
    assert fold_name(name) == folded


def test_story_key_uses_principal_parties_in_any_order():
    a = Event("deal", "stake", "reported", "x", 0.5, acquirer="Meta", target="Scale AI")
    b = Event("deal", "stake", "completed", "y", 0.9, acquirer="Meta Platforms, Inc.",
              target="Scale AI", seller="Accel")
    assert story_key(a) == story_key(b) == "deal|meta|scale ai"
    c = Event("customer_change", "churn", "reported", "z", 0.8, customer="Google", vendor="Scale AI")
    assert story_key(c) == "customer_change|google|scale ai"


# ---------------------------------------------------------------- migrations

def _v1_database(path: Path) -> None:
    """Writes a database as the first release left it: schema 1 and one event row."""
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, "
                "applied_at TIMESTAMPTZ NOT NULL)")
    con.execute(MIGRATIONS[0][2])
    con.execute("INSERT INTO schema_migrations VALUES (1, 'initial schema', now())")
    con.execute("""INSERT INTO events (event_id, article_url, story_id, event_type, subtype, acquirer,
                   target, status, evidence, confidence, detected_at)
                   VALUES ('e1', 'https://a/1', 's1', 'deal', 'stake', 'Meta', 'Scale AI', 'completed',
                           'Meta takes 49% of Scale AI.', 0.9, now())""")
    con.close()


def test_an_older_database_is_migrated_and_its_rows_kept(tmp_path):
    path = tmp_path / "v1.duckdb"
    _v1_database(path)
    with connect(str(path)) as con:
        assert con.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] == LATEST
        assert con.execute("SELECT event_id, party_keys FROM events").fetchall() == [
            ("e1", ["meta", "scale ai"])]
        assert con.execute("SELECT acquirer, target FROM deals").fetchall() == [("Meta", "Scale AI")]


def test_a_read_only_connection_migrates_an_older_database_too(tmp_path):
    path = tmp_path / "v1.duckdb"
    _v1_database(path)
    with connect(str(path), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM stories").fetchone()[0] == 1


def test_a_newer_database_is_refused_by_readers_and_writers(tmp_path):
    path = tmp_path / "future.duckdb"
    with connect(str(path)) as con:
        con.execute("INSERT INTO schema_migrations VALUES (?, 'from the future', now())", [LATEST + 1])
    for read_only in (True, False):
        with pytest.raises(StorageError) as err:
            with connect(str(path), read_only=read_only):
                pass
        assert str(err.value) == (
            f"database {path} has schema version {LATEST + 1}, newer than this dealwatch understands "
            f"({LATEST}); upgrade dealwatch or use another --db")


def test_a_failing_migration_leaves_the_database_untouched(tmp_path, monkeypatch):
    path = tmp_path / "v1.duckdb"
    _v1_database(path)
    import storage.schema as schema
    monkeypatch.setattr(schema, "MIGRATIONS", [*MIGRATIONS, (LATEST + 1, "broken", "CREATE TABLE x (a INT); SELEC 1")])
    con = duckdb.connect(str(path))
    with pytest.raises(StorageError, match=rf"migration {LATEST + 1} \(broken\) failed"):
        schema.migrate(con, str(path))
    assert con.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] == LATEST
    assert con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'x'").fetchone()[0] == 0
    con.close()


# ---------------------------------------------------------------- events and stories

def _article(url: str, text: str, published: datetime, outlet: str = "Example News") -> ArticleRow:
    return ArticleRow(url=url, guid=url, feed_url="https://feed.example/rss", status="ok",
                      article=Article(url=url, title=text[:30], text=text, published_at=published,
                                      site_name=outlet))


def _store(con, url: str, text: str, published: datetime, *events: Event, outlet="Example News") -> list[str]:
    with transaction(con):
        store_articles(con, [_article(url, text, published, outlet)])
        return store_events(con, [(url, published, e) for e in events])


def _stake(acquirer="Meta", target="Scale AI", status="completed", amount=14.3e9, conf=0.9):
    return Event("deal", "stake", status, f"{acquirer} takes 49% of {target}.", conf, acquirer=acquirer,
                 target=target, amount=amount, currency="USD" if amount else None, stake_pct=49)


def test_rerunning_a_batch_adds_nothing(tmp_path):
    with connect(str(tmp_path / "d.duckdb")) as con:
        first = _store(con, "https://a/1", "text one", NOW, _stake())
        again = _store(con, "https://a/1", "text one", NOW, _stake())
        assert (len(first), again) == (1, [])
        assert con.execute("SELECT count(*), count(DISTINCT story_id) FROM events").fetchone() == (1, 1)
        assert con.execute("SELECT count(*) FROM story_keys").fetchone()[0] == 1


def test_rumour_announcement_and_completion_are_one_story(tmp_path):
    with connect(str(tmp_path / "d.duckdb")) as con:
        _store(con, "https://a/rumour", "rumour text", NOW - timedelta(days=9),
               _stake(acquirer="Meta", status="reported", amount=10e9, conf=0.6), outlet="Rumour Wire")
        _store(con, "https://b/announced", "announcement text", NOW - timedelta(days=4),
               _stake(acquirer="Meta Platforms", status="announced", amount=14.1e9), outlet="B")
        _store(con, "https://c/done", "completion text", NOW,
               _stake(acquirer="Meta Platforms, Inc.", status="completed", amount=None), outlet="C")
        rows = con.execute("""SELECT latest_status, amount, currency, stake_pct, article_count,
                                     event_count, outlets, first_seen_at, last_seen_at, parties
                              FROM stories""").fetchall()
    assert rows == [("completed", 14.1e9, "USD", 49, 3, 3, ["B", "C", "Rumour Wire"],
                     NOW - timedelta(days=9), NOW, ["Meta", "Meta Platforms", "Meta Platforms, Inc.",
                                                    "Scale AI"])]


def test_mentions_further_apart_than_the_window_are_separate_stories(tmp_path):
    with connect(str(tmp_path / "d.duckdb")) as con:
        _store(con, "https://a/1", "2024 deal", NOW - STORY_WINDOW - timedelta(days=1), _stake())
        _store(con, "https://a/2", "2025 deal", NOW, _stake())
        # an older article arriving late joins the story it lies within the window of
        _store(con, "https://a/3", "late copy", NOW - timedelta(days=3), _stake(status="reported"))
        counts = con.execute("SELECT article_count FROM stories ORDER BY first_seen_at").fetchall()
    assert counts == [(1,), (2,)]


def test_a_syndicated_copy_is_stored_but_adds_no_event(tmp_path):
    text = "Meta has acquired 49% of Scale AI for $14.3 billion."
    with connect(str(tmp_path / "d.duckdb")) as con:
        assert len(_store(con, "https://a/orig", text, NOW, _stake(), outlet="A")) == 1
        assert _store(con, "https://b/copy", f"  {text.upper()} ", NOW, _stake(), outlet="B") == []
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
        assert con.execute("SELECT article_url FROM events").fetchall() == [("https://a/orig",)]
        assert con.execute("SELECT article_count, event_count FROM stories").fetchall() == [(1, 1)]


def test_syndicated_copies_in_one_batch_keep_the_first(tmp_path):
    text = "Meta has acquired 49% of Scale AI."
    with connect(str(tmp_path / "d.duckdb")) as con, transaction(con):
        store_articles(con, [_article("https://a/1", text, NOW), _article("https://b/1", text, NOW)])
        new = store_events(con, [("https://a/1", NOW, _stake()), ("https://b/1", NOW, _stake())])
        assert len(new) == 1
        assert con.execute("SELECT article_url FROM events").fetchall() == [("https://a/1",)]


def test_company_aliases_join_stories_and_match_companies(tmp_path):
    with connect(str(tmp_path / "d.duckdb")) as con:
        con.execute("INSERT INTO company_aliases VALUES ('Facebook', 'Meta Platforms')")
        _store(con, "https://a/1", "one", NOW - timedelta(days=1), _stake(acquirer="Facebook"))
        _store(con, "https://a/2", "two", NOW, _stake(acquirer="Meta"))
        assert con.execute("SELECT count(*) FROM story_keys").fetchone()[0] == 1
        assert company_keys(con, "Meta Platforms Inc.") == ["facebook", "meta"]
        assert company_keys(con, "facebook") == ["facebook", "meta"]
        assert company_keys(con, "Scale AI") == ["scale ai"]


def test_many_events_in_one_batch_form_the_same_stories_as_a_trickle(tmp_path):
    found = [(f"https://a/{i}", NOW - timedelta(days=i), _stake(target=f"Target {i % 5}"))
             for i in range(20)]
    with connect(str(tmp_path / "batch.duckdb")) as con, transaction(con):
        store_articles(con, [_article(u, f"text {u}", p) for u, p, _ in found])
        assert len(store_events(con, found)) == 20
        batch = con.execute("SELECT story_key, first_seen_at, last_seen_at FROM story_keys ORDER BY ALL").fetchall()
    with connect(str(tmp_path / "trickle.duckdb")) as con:
        for u, p, e in reversed(found):
            _store(con, u, f"text {u}", p, e)
        trickle = con.execute("SELECT story_key, first_seen_at, last_seen_at FROM story_keys ORDER BY ALL").fetchall()
    assert batch == trickle
    assert len(batch) == 5


# ---------------------------------------------------------------- feeds

def test_record_poll_keeps_history_once_per_poll_and_prunes_old_rows(tmp_path):
    url = "https://feed.example/rss"
    with connect(str(tmp_path / "d.duckdb")) as con:
        sync_feeds(con, [(url, "Example")])
        old = FeedState(url=url, polled_at=NOW - timedelta(days=100), status=200, ok=True, error=None,
                        next_poll_at=NOW, items_seen=3, new_entries=3, duration_ms=50)
        fail = FeedState(url=url, polled_at=NOW, status=503, ok=False, error="HTTP 503",
                         next_poll_at=NOW + timedelta(minutes=30), duration_ms=20)
        for state in (old, fail, fail):
            record_poll(con, state)
        assert con.execute("SELECT polled_at, status, ok, entries, new_entries, error, duration_ms "
                           "FROM feed_polls").fetchall() == [(NOW, 503, False, None, 0, "HTTP 503", 20)]
        assert con.execute("SELECT consecutive_failures, last_error FROM feeds").fetchone() == (2, "HTTP 503")


# ---------------------------------------------------------------- concurrency

HOLD = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
con.close()
"""


def _hold(path: Path, seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path), str(seconds)], stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout.readline().strip() == "holding"
    return proc


def test_a_reader_waits_for_a_writer_to_close_the_file(tmp_path):
    path = tmp_path / "d.duckdb"
    with connect(str(path)):
        pass
    holder = _hold(path, 0.5)
    started = time.monotonic()
    with connect(str(path), read_only=True, wait=10) as con:
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 0
    assert 0.2 < time.monotonic() - started < 5
    holder.wait()


def test_a_reader_gives_up_with_one_clear_line(tmp_path):
    path = tmp_path / "d.duckdb"
    with connect(str(path)):
        pass
    holder = _hold(path, 30)
    try:
        with pytest.raises(StorageError) as err:
            with connect(str(path), read_only=True, wait=0.3):
                pass
    finally:
        holder.kill()
        holder.wait()
    message = str(err.value)
    assert "\n" not in message
    assert message == (f"database {path} is in use by process {holder.pid} (python{sys.version_info.major}."
                       f"{sys.version_info.minor}) (a monitoring run, or a shell holding it open) and "
                       f"stayed locked for 0.3s; try again when it is done")
