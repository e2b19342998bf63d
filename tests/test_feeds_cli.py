"""`dealwatch feeds …`: managing sources and seeing their health, as a user runs it."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from extract.opml import parse_opml
from tests.test_cli import dealwatch

OPML = Path(__file__).parent / "data" / "feeds" / "subscriptions.opml"


@pytest.fixture
def db(tmp_path) -> str:
    return str(tmp_path / "feeds.duckdb")


def test_add_list_remove(db):
    added = dealwatch("feeds", "add", "https://news.example.com/rss", "--name", "Example News", "--db", db)
    assert (added.returncode, added.stdout.strip()) == (0, "added https://news.example.com/rss")
    again = dealwatch("feeds", "add", "https://news.example.com/rss", "--db", db)
    assert again.stdout.strip() == "already present, name updated: https://news.example.com/rss"

    listed = dealwatch("feeds", "list", "--db", db, "--format", "csv").stdout.splitlines()
    assert listed[0] == "health,url,name,last_poll_utc,http,items,failures,next_poll_utc,last_error"
    assert listed[1] == "new,https://news.example.com/rss,Example News,,,0,0,,"

    removed = dealwatch("feeds", "remove", "https://news.example.com/rss", "--db", db)
    assert removed.stdout.strip() == "removed https://news.example.com/rss"
    with duckdb.connect(db, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM feeds").fetchone()[0] == 0


def test_add_refuses_non_http(db):
    result = dealwatch("feeds", "add", "file:///etc/passwd", "--db", db)
    assert result.returncode == 1
    assert result.stderr.strip() == "Error: feed file:///etc/passwd: must start with http:// or https://"


def test_remove_and_reset_unknown_feed(db):
    dealwatch("feeds", "add", "https://a.example.com/rss", "--db", db)
    for action in ("remove", "reset"):
        result = dealwatch("feeds", action, "https://nope.example.com/rss", "--db", db)
        assert result.returncode == 1
        assert result.stderr.strip() == ("Error: feed https://nope.example.com/rss is not in the database "
                                         "(see `dealwatch feeds list`)")


def test_import_then_export_round_trip(db):
    result = dealwatch("feeds", "import", str(OPML), "--db", db)
    assert result.returncode == 0, result.stderr
    expected = parse_opml(OPML.read_bytes())
    assert result.stdout.strip() == f"imported {len(expected)} feeds from {OPML}: {len(expected)} new, 0 already present"
    exported = dealwatch("feeds", "export", "--db", db)
    assert exported.returncode == 0
    assert sorted(u for u, _ in parse_opml(exported.stdout.encode())) == sorted(u for u, _ in expected)
    assert "file:///etc/passwd" not in exported.stdout and "BOOM" not in exported.stdout


def test_reset_clears_error_state(db):
    from storage.db import connect

    dealwatch("feeds", "add", "https://a.example.com/rss", "--db", db)
    with connect(db) as con:
        con.execute("""UPDATE feeds SET consecutive_failures = 4, last_error = 'HTTP 500',
                       last_polled_at = now(), next_poll_at = now() + INTERVAL 8 HOUR, etag = '"x"'""")
    failing = dealwatch("feeds", "list", "--db", db, "--format", "csv").stdout.splitlines()[1].split(",")
    assert (failing[0], failing[1], failing[6], failing[8]) == ("failing", "https://a.example.com/rss", "4", "HTTP 500")
    result = dealwatch("feeds", "reset", "https://a.example.com/rss", "--db", db)
    assert result.stdout.strip() == "reset https://a.example.com/rss: errors cleared, polled on the next run"
    with duckdb.connect(db, read_only=True) as con:
        assert con.execute("SELECT consecutive_failures, last_error, next_poll_at, etag FROM feeds").fetchone() == \
            (0, None, None, None)


def test_import_missing_file(db, tmp_path):
    result = dealwatch("feeds", "import", str(tmp_path / "none.opml"), "--db", db)
    assert result.returncode == 1
    assert result.stderr.strip() == (f"Error: {tmp_path / 'none.opml'}: no such file "
                                     "(give the path of an OPML file, e.g. one your feed reader exported)")
