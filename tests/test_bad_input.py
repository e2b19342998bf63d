"""Bad input never stops a run: the crash cases of issue 14, each one item or page failing alone."""

from __future__ import annotations

import email
import email.policy
import json
import subprocess
import sys
from datetime import date

import duckdb
import pytest

from extract.feeds import parse_feed
from extract.model import Article, Event
from tests.conftest import ROOT, SEEDS, write_config
from tests.httpserver import Route, serve_routes

BAD = ROOT / "tests" / "data" / "bad_input"
RSS = "application/rss+xml"


def _rss(*items: tuple[str, str]) -> bytes:
    body = "".join(f"<item><title>{t}</title><link>{link}</link><guid>{link}</guid></item>" for t, link in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title>'
            f"<link>http://127.0.0.1/</link>{body}</channel></rss>").encode()


def test_json_feed_with_a_lone_surrogate_is_read_and_cleaned():
    body = json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "Half \ud83d",
                       "items": [{"id": "1", "url": "http://127.0.0.1/a", "title": "Cut \udc00 emoji",
                                  "content_text": "text \ud800 here", "authors": [{"name": "\udfff"}]},
                                 {"id": "2", "url": "http://127.0.0.1/b", "title": "Good"}]}).encode()
    feed = parse_feed(body, url="http://127.0.0.1/f.json")
    assert feed.title == "Half \ufffd"
    assert [(e.title, e.content, e.author) for e in feed.entries] == [
        ("Cut \ufffd emoji", "text \ufffd here", "\ufffd"), ("Good", None, None)]


def test_rss_with_a_surrogate_reference_keeps_its_good_items():
    body = _rss(("bad &#xDC00; title &#0; &#x1;", "http://127.0.0.1/a"), ("good", "http://127.0.0.1/b"))
    feed = parse_feed(body, url="http://127.0.0.1/f.xml", content_type=RSS)
    assert [(e.title, e.url) for e in feed.entries] == [
        ("bad \ufffd title \ufffd \ufffd", "http://127.0.0.1/a"), ("good", "http://127.0.0.1/b")]


@pytest.mark.usefixtures("prefect_harness")
def test_a_feed_with_surrogates_beside_a_good_feed_loses_nothing(tmp_path):
    from flows.pipeline import monitor

    bad_json = json.dumps({"version": "https://jsonfeed.org/version/1.1", "items": [
        {"id": "s1", "url": "/oracle.html", "title": "Oracle \udc00 Cerner", "date_published": "0001-01-01T00:00:00Z"},
        # a page that is gone: the feed's title is what gets stored
        {"id": "s2", "url": "/gone.html", "title": "Gone \udc00 page"},
    ]}).encode()
    routes = {
        "/bad.json": Route(body=bad_json, content_type="application/feed+json"),
        "/bad.xml": Route(body=_rss(("Siemens &#xDC00; Altair", "/siemens.html")), content_type=RSS),
        "/good.xml": Route(body=_rss(("Scale AI", "/seed.html")), content_type=RSS),
        "/oracle.html": Route(body=(BAD / "good-oracle.html").read_bytes(), content_type="text/html"),
        "/siemens.html": Route(body=(BAD / "good-siemens.html").read_bytes(), content_type="text/html"),
        "/seed.html": Route(body=(SEEDS / "scale-ai-google-withdraws.html").read_bytes(),
                            content_type="text/html"),
    }
    with serve_routes(routes) as server:
        db = tmp_path / "dw.duckdb"
        outbox = tmp_path / "outbox"
        config = write_config(tmp_path / "dealwatch.toml", db=db,
                              feeds=[server.url(p) for p in ("/bad.json", "/bad.xml", "/good.xml")],
                              extra=f'[alerts]\ntransport = "file"\noutbox = "{outbox}"\n')
        summary = monitor(config=str(config))
    assert (summary["feeds_failed"], summary["new_articles"], summary["articles_failed"]) == (0, 3, 1)
    # The digest goes to the test's own outbox (never the repository's ./outbox).
    [mail] = outbox.glob("*.eml")
    subject = email.message_from_bytes(mail.read_bytes(), policy=email.policy.default)["Subject"]
    assert subject.startswith("3 new deals") and "Siemens / Altair Engineering" in subject
    with duckdb.connect(str(db), read_only=True) as con:
        titles = dict(con.execute("SELECT url, title FROM articles WHERE status = 'ok'").fetchall())
        events = con.execute("SELECT article_url, count(*) FROM events GROUP BY 1").fetchall()
        dates = con.execute("SELECT published_at FROM articles WHERE url LIKE '%oracle%'").fetchall()
        gone = con.execute("SELECT title, status FROM articles WHERE url LIKE '%gone.html'").fetchall()
        warning = con.execute("SELECT error FROM feed_polls WHERE feed_url LIKE '%bad.json'").fetchone()[0]
    assert sorted(titles.values()) == ["Oracle \ufffd Cerner", "Scale AI", "Siemens \ufffd Altair"]
    assert {url.rsplit("/", 1)[1]: n for url, n in events} == {"oracle.html": 1, "siemens.html": 1, "seed.html": 4}
    # the page's own date is kept when the feed's is implausible, and the feed's poll says why
    assert gone == [("Gone \ufffd page", "skipped")]
    assert [d.date() for (d,) in dates] == [date(2024, 3, 5)]
    assert "item s1: date 0001-01-01T00:00:00+00:00 is before 1990 (stored as unknown)" in warning


def test_detect_goes_past_a_page_without_text(tmp_path):
    empty = tmp_path / "index.html"
    empty.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    unreadable = tmp_path / "locked.txt"
    unreadable.write_text("Oracle to buy Cerner\nOracle has agreed to buy Cerner for $28.3 billion.")
    unreadable.chmod(0)
    odd_name = tmp_path / (b"oracle-\xff".decode("utf-8", "surrogateescape") + "\u202e.html")
    odd_name.write_bytes((BAD / "good-oracle.html").read_bytes())
    seed = SEEDS / "scale-ai-google-withdraws.txt"
    result = subprocess.run(
        [sys.executable, "-m", "flows.cli", "detect", str(empty), str(unreadable), str(seed),
         str(odd_name), "--format", "jsonl"],
        cwd=ROOT, capture_output=True, timeout=120, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    stdout, stderr = result.stdout.decode(), result.stderr.decode()
    assert "Traceback" not in stderr
    sources = [json.loads(line)["source"] for line in stdout.splitlines()]
    assert sources.count(str(seed)) == 4
    assert sources.count(str(tmp_path / "oracle-\ufffd.html")) == 1   # shown cleaned, read all the same
    lines = stderr.splitlines()
    assert lines[0] == (f"skipped: page {empty}: no article text found "
                        "(index page, paywall or script-only page?)")
    if unreadable.stat().st_mode & 0o444 == 0 and not _is_root():
        assert lines[1] == f"skipped: {unreadable}: cannot be read (Permission denied)"
        assert lines[-1] == "2 inputs not read (of 4 given)"
    assert result.returncode == 2


def _is_root() -> bool:
    import os
    return os.geteuid() == 0


def test_detection_failure_leaves_the_article_stored_without_events(monkeypatch, tmp_path):
    import flows.reading as reading
    from flows.pipeline import _rows_for
    from flows.polling import PageJob
    from storage.db import connect
    from storage.writes import store_batch_or_rows

    def broken(article):
        raise IndexError("list index out of range")

    monkeypatch.setattr(reading, "events_of", broken)   # stands for a detector bug on one article
    page = reading.PageInput("http://127.0.0.1/oracle.html", html=(BAD / "good-oracle.html").read_bytes())
    [out] = reading._read_chunk([page])
    assert out.article is not None and out.events == []
    job = PageJob(url=page.url, fetch_url=page.url, guid=None, feed_url="http://127.0.0.1/f.xml",
                  title=None, published_at=None)
    rows = _rows_for([(job, page, None, False)], {page.url: out})
    with connect(str(tmp_path / "dw.duckdb")) as con:
        assert store_batch_or_rows(con, rows, []) == ([], [])
        row = con.execute("SELECT status, title, length(text) > 200, error FROM articles").fetchone()
    assert row == ("ok", "Oracle to buy Cerner for $28.3 billion", True,
                   "event detection failed (IndexError: list index out of range); article stored "
                   "without events (please report it with this URL)")


def test_a_failed_batch_write_is_retried_row_by_row(tmp_path):
    from storage.db import connect
    from storage.writes import ArticleRow, store_batch_or_rows

    def row(url: str, title: str) -> ArticleRow:
        return ArticleRow(url=url, guid=None, feed_url="http://127.0.0.1/f.xml", status="ok",
                          article=Article(url=url, title=title, text=f"{title}. Oracle has agreed to buy Cerner."))

    # A string that skipped the boundary (a lone surrogate) cannot be written by pyarrow.
    rows = [row("http://127.0.0.1/1", "one"), row("http://127.0.0.1/2", "two \udc00"), row("http://127.0.0.1/3", "three")]
    deal = Event(event_type="deal", subtype="acquisition", status="announced", evidence="Oracle buys Cerner",
                 confidence=0.9, acquirer="Oracle", target="Cerner")
    found = [(r.url, None, deal) for r in rows]
    with connect(str(tmp_path / "dw.duckdb")) as con:
        new_ids, rejected = store_batch_or_rows(con, rows, found)
        stored = con.execute("SELECT url, status, error FROM articles ORDER BY url").fetchall()
        events = con.execute("SELECT article_url FROM events ORDER BY 1").fetchall()
    assert len(rejected) == 1 and rejected[0].startswith("article http://127.0.0.1/2: could not be stored (")
    assert [(u, s) for u, s, _ in stored] == [("http://127.0.0.1/1", "ok"), ("http://127.0.0.1/2", "skipped"),
                                              ("http://127.0.0.1/3", "ok")]
    assert stored[1][2].startswith("could not be stored (")
    assert len(new_ids) == 2 and events == [("http://127.0.0.1/1",), ("http://127.0.0.1/3",)]


def test_odd_redirects_and_headers_fail_alone_or_are_cleaned():
    from flows.config import parse_settings
    from flows.fetch import Fetcher
    from extract.errors import FetchError

    page = b"<html><body><p>" + b"Oracle has agreed to buy Cerner. " * 20 + b"</p></body></html>"
    routes = {"/js": Route.redirect("javascript:alert(1)"), "/ipv6": Route.redirect("http://[::1"),
              "/ctl": Route.redirect("/\x01x"),
              "/etag": Route(body=page, content_type="text/html", headers={"ETag": '"v\x01 1"'}),
              "/long": Route(body=page, content_type="text/html",
                             headers={"ETag": '"' + "e" * 5000 + '"', "Last-Modified": "x" * 5000})}
    settings = parse_settings({"fetch": {"allow_hosts": ["127.0.0.1"], "retries": 0}})
    with serve_routes(routes) as server, Fetcher(settings.fetch) as fetcher:
        for path in ("/js", "/ipv6", "/ctl"):
            with pytest.raises(FetchError, match=f"page {server.url(path)}: "):
                fetcher.get(server.url(path), kind="page")
        assert fetcher.get(server.url("/etag"), kind="page").etag == '"v 1"'
        long = fetcher.get(server.url("/long"), kind="page")
        assert (long.etag, long.last_modified) == (None, None)   # too long to send back as they were


def test_opml_names_and_urls_are_cleaned():
    from extract.opml import parse_opml

    body = ('<?xml version="1.0"?><opml version="2.0"><body>'
            '<outline text="Wire &#x1B;[2J\u202e name" xmlUrl=" http://127.0.0.1/feed.xml "/>'
            "</body></opml>").encode()
    assert parse_opml(body) == [("http://127.0.0.1/feed.xml", "Wire [2J\u202e name")]
