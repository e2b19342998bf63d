"""Polling through the real flow: conditional GET, moved feeds, hostile feeds and pages, full-text feeds."""

from __future__ import annotations

import gzip
import io
import re
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SEEDS, write_config
from tests.httpserver import Route, serve_routes

pytestmark = pytest.mark.usefixtures("prefect_harness")

FEEDS = Path(__file__).parent / "data" / "feeds"
PAGE = (SEEDS / "scale-ai-google-withdraws.html").read_bytes()


def rss(*items: str, title: str = "Test feed") -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>http://127.0.0.1/</link>{''.join(items)}</channel></rss>").encode()


def item(link: str, guid: str, title: str = "A story", extra: str = "") -> str:
    return f"<item><title>{title}</title><link>{link}</link><guid>{guid}</guid>{extra}</item>"


def query(db, sql: str):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def run(tmp_path, feeds: list[str], **kw) -> dict:
    from flows.pipeline import monitor

    db = tmp_path / "dw.duckdb"
    config = write_config(tmp_path / "dealwatch.toml", db=db, feeds=feeds,
                          extra=f'[alerts]\ntransport = "file"\noutbox = "{tmp_path / "outbox"}"\n')
    return monitor(config=str(config), all_feeds=kw.get("all_feeds", True))


def test_unchanged_feed_gets_304_and_fetches_nothing(tmp_path):
    routes = {"/feed.xml": Route(body=rss(item("/a.html", "a")), content_type="application/rss+xml",
                                 etag='"v1"', last_modified="Sat, 14 Jun 2025 08:32:00 GMT"),
              "/a.html": Route(body=PAGE, content_type="text/html; charset=utf-8")}
    with serve_routes(routes) as server:
        first = run(tmp_path, [server.url("/feed.xml")])
        second = run(tmp_path, [server.url("/feed.xml")])
        polls = server.requests_for("/feed.xml")
    assert first["new_articles"] == 1 and second["feeds_not_modified"] == 1
    assert second["new_articles"] == 0
    assert polls[1].headers.get("if-none-match") == '"v1"'
    assert polls[1].headers.get("if-modified-since") == "Sat, 14 Jun 2025 08:32:00 GMT"
    assert len(server.requests_for("/a.html")) == 1
    assert query(tmp_path / "dw.duckdb", "SELECT last_status, etag FROM feeds") == [(304, '"v1"')]


def test_entry_seen_again_under_new_guid_or_tracking_link_is_not_fetched(tmp_path):
    routes = {"/feed.xml": Route(body=rss(item("/a.html?utm_source=x", "a1")),
                                 content_type="application/rss+xml"),
              "/a.html": Route(body=PAGE, content_type="text/html")}
    with serve_routes(routes) as server:
        run(tmp_path, [server.url("/feed.xml")])
        server.routes["/feed.xml"] = Route(body=rss(item("/a.html#comments", "a2"), item("/a.html", "a1")),
                                           content_type="application/rss+xml")
        again = run(tmp_path, [server.url("/feed.xml")])
        assert len(server.requests_for("/a.html")) == 1
    assert again["new_articles"] == 0
    assert query(tmp_path / "dw.duckdb", "SELECT count(*) FROM articles") == [(1,)]


@pytest.mark.parametrize("status, moves", [(301, True), (308, True), (302, False), (307, False)])
def test_permanent_redirect_moves_the_feed(tmp_path, status, moves):
    routes = {"/old.xml": Route.redirect("/new.xml", status),
              "/new.xml": Route(body=rss(), content_type="application/rss+xml")}
    with serve_routes(routes) as server:
        summary = run(tmp_path, [server.url("/old.xml")])
        stored = [r[0] for r in query(tmp_path / "dw.duckdb", "SELECT url FROM feeds")]
    assert summary["feeds_failed"] == 0
    assert stored == [server.url("/new.xml") if moves else server.url("/old.xml")]


def _gzip_bomb(size: int = 200 * 1024 * 1024) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9) as gz:
        chunk = b"\0" * (1024 * 1024)
        for _ in range(size // len(chunk)):
            gz.write(chunk)
    return buf.getvalue()


def _local(fixture: str, base: str) -> bytes:
    """Returns a fixture feed whose links point at the test server instead of example.com hosts."""
    body = (FEEDS / fixture).read_bytes()
    return re.sub(rb"https?://[a-z0-9.-]*example\.com/?", base.encode(), body)


def _big_entity_feed() -> bytes:
    """A feed whose DOCTYPE defines one 100 kB entity referenced 4,000 times (400 MB if expanded)."""
    items = "".join(f"<item><title>t{i} &big;</title><guid>g{i}</guid>"
                    f"<description>&big;&big;&big;&big;</description></item>" for i in range(1000))
    return (f'<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY big "{"A" * 100_000}">\n]>\n'
            f'<rss version="2.0"><channel><title>Big</title>{items}</channel></rss>').encode()


def test_hostile_feeds_fail_alone_and_change_nothing(tmp_path):
    good = rss(item("/a.html", "a"))
    routes = {
        "/good.xml": Route(body=good, content_type="application/rss+xml"),
        "/a.html": Route(body=PAGE, content_type="text/html"),
        "/bomb.xml": Route(body=_gzip_bomb(), content_type="application/rss+xml", headers={"Content-Encoding": "gzip"}),
        "/loop.xml": Route.redirect("/loop2.xml"),
        "/loop2.xml": Route.redirect("/loop.xml"),
        "/ssrf.xml": Route.redirect("http://127.0.0.2:9/latest/meta-data/"),
        "/slow.xml": Route(body=good, content_type="application/rss+xml", chunk_size=1, delay=1.0),
        "/gone.xml": Route(status=404, body=b"not here"),
        "/pdf.xml": Route(body=b"%PDF-1.7 ...", content_type="application/pdf"),
    }
    odd = ["cp1252.xml", "duplicates.xml", "dates.xml"]   # awkward but readable: must not fail
    bad = ["/malformed.xml", "/laughs.xml", "/bomb.xml", "/loop.xml", "/ssrf.xml", "/slow.xml",
           "/gone.xml", "/pdf.xml"]
    with serve_routes(routes) as server:
        base = server.url("/")
        server.routes["/malformed.xml"] = Route(body=_local("malformed.xml", base), content_type="application/xml")
        server.routes["/laughs.xml"] = Route(body=_local("billion_laughs.xml", base), content_type="application/xml")
        for name in odd:
            server.routes[f"/{name}"] = Route(body=_local(name, base), content_type="application/xml")
        server.routes["/entity.xml"] = Route(body=_big_entity_feed(), content_type="application/rss+xml")
        urls = [server.url(p) for p in ["/good.xml", *bad, *(f"/{n}" for n in odd), "/entity.xml"]]
        db = tmp_path / "dw.duckdb"
        config = write_config(tmp_path / "dealwatch.toml", db=db, feeds=urls,
                              total_timeout=4, extra=f'[alerts]\ntransport = "file"\noutbox = "{tmp_path / "o"}"\n')
        from flows.pipeline import monitor
        first = monitor(config=str(config))
        before = query(db, "SELECT url, text FROM articles ORDER BY url") + query(
            db, "SELECT event_id, status FROM events ORDER BY event_id")
        second = monitor(config=str(config), all_feeds=True)
        after = query(db, "SELECT url, text FROM articles ORDER BY url") + query(
            db, "SELECT event_id, status FROM events ORDER BY event_id")
    assert first["new_articles"] == 1 and first["new_events"] == {"deal": 1, "customer_change": 3}
    errors = dict(query(db, "SELECT url, last_error FROM feeds"))
    assert errors[server.url("/good.xml")] is None
    for path in bad:
        assert errors[server.url(path)], f"{path} has no recorded error"
    assert errors[server.url("/malformed.xml")].startswith("read with warnings: ")
    assert "undefined entity" in errors[server.url("/laughs.xml")]
    titles = "".join(r[0] or "" for r in query(db, "SELECT title FROM articles"))
    assert "lollol" not in titles and "AAAA" not in titles   # no entity was ever expanded
    assert "10" in errors[server.url("/bomb.xml")] or "limit" in errors[server.url("/bomb.xml")].lower()
    assert "127.0.0.2" in errors[server.url("/ssrf.xml")]
    assert "404" in errors[server.url("/gone.xml")]
    assert "redirect" in errors[server.url("/loop.xml")].lower()
    failures = dict(query(db, "SELECT url, consecutive_failures FROM feeds"))
    for name in [*odd, "entity.xml"]:
        assert failures[server.url(f"/{name}")] == 0, name
    assert second["new_articles"] == 0 and before == after
    assert failures[server.url("/gone.xml")] == 2 and failures[server.url("/good.xml")] == 0


def test_bad_pages_are_recorded_and_transient_ones_retried(tmp_path):
    routes = {
        "/feed.xml": Route(body=rss(item("/ok.html", "ok"), item("/doc.pdf", "pdf"), item("/flaky.html", "flaky"),
                                    item("/missing.html", "missing")), content_type="application/rss+xml"),
        "/ok.html": Route(body=PAGE, content_type="text/html"),
        "/doc.pdf": Route(body=b"%PDF-1.7", content_type="application/pdf"),
        "/flaky.html": Route(status=503, body=b"try later"),
        "/missing.html": Route(status=404, body=b"gone"),
    }
    with serve_routes(routes) as server:
        first = run(tmp_path, [server.url("/feed.xml")])
        rows = {r[0]: r[1:] for r in query(tmp_path / "dw.duckdb", "SELECT url, status, error FROM articles")}
        server.routes["/flaky.html"] = Route(body=PAGE.replace(b"Scale AI", b"Scale AI"), content_type="text/html")
        second = run(tmp_path, [server.url("/feed.xml")])
        assert len(server.requests_for("/missing.html")) == 1
        # 3 attempts in the first run (fetch.retries = 2, with backoff), then 1 on the next run
        assert len(server.requests_for("/flaky.html")) == 3 + 1
    assert first["new_articles"] == 1 and first["articles_failed"] == 3
    assert rows[server.url("/doc.pdf")][0] == "skipped" and "pdf" in rows[server.url("/doc.pdf")][1].lower()
    assert rows[server.url("/missing.html")][0] == "skipped" and "404" in rows[server.url("/missing.html")][1]
    assert rows[server.url("/flaky.html")][0] == "failed" and "503" in rows[server.url("/flaky.html")][1]
    assert second["new_articles"] == 1
    status = dict(query(tmp_path / "dw.duckdb", "SELECT url, status FROM articles"))
    assert status[server.url("/flaky.html")] == "ok"


def test_full_text_feed_needs_no_page_fetch(tmp_path):
    body = "".join(f"<p>{p}</p>" for p in (SEEDS / "scale-ai-google-withdraws.txt").read_text().split("\n\n")[1:])
    body = body * 1   # the seed is ~500 words: enough to count as the full article
    entry = item("/full.html", "full", title="After Meta entry: Google apparently withdraws from Scale AI",
                 extra=f'<content:encoded><![CDATA[{body}]]></content:encoded>')
    feed = rss(entry).replace(b'<rss version="2.0">',
                              b'<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">')
    with serve_routes({"/feed.xml": Route(body=feed, content_type="application/rss+xml")}) as server:
        summary = run(tmp_path, [server.url("/feed.xml")])
        assert server.requests_for("/full.html") == []
    assert summary["new_articles"] == 1
    assert summary["new_events"] == {"deal": 1, "customer_change": 3}


GERMAN_ARTICLE = (
    "Der Münchner Softwarekonzern Tessaro übernimmt den Berliner Anbieter Quantis für 300 Millionen Euro. "
    "Das teilten beide Unternehmen am Montag mit. Die Kartellbehörden müssen dem Geschäft noch zustimmen, "
    "der Abschluss wird für das zweite Quartal erwartet.",
    "Quantis entwickelt Software für die Lagerlogistik und beschäftigt rund 200 Mitarbeitende. Tessaro will "
    "die Marke erhalten und den Standort in Berlin ausbauen. An der Börse kam die Nachricht gut an.",
)


def test_german_page_is_read_and_its_language_stored(tmp_path):
    german = ("<html><head><title>Tessaro übernimmt Quantis</title></head><body><article>"
              + "".join(f"<p>{p}</p>" for p in GERMAN_ARTICLE)
              + "</article></body></html>").encode()
    feed = rss(item("/de.html", "de", title="Tessaro übernimmt Quantis"), item("/en.html", "en"))
    routes = {"/feed.xml": Route(body=feed, content_type="application/rss+xml"),
              "/de.html": Route(body=german, content_type="text/html; charset=utf-8"),
              "/en.html": Route(body=PAGE, content_type="text/html; charset=utf-8")}
    with serve_routes(routes) as server:
        run(tmp_path, [server.url("/feed.xml")])
        langs = dict(query(tmp_path / "dw.duckdb", "SELECT url, language FROM articles"))
        assert langs == {server.url("/de.html"): "de", server.url("/en.html"): "en"}
        rows = query(tmp_path / "dw.duckdb", "SELECT subtype, acquirer, target, amount, currency, evidence "
                                             f"FROM events WHERE article_url = '{server.url('/de.html')}'")
    assert rows == [("acquisition", "Tessaro", "Quantis", 300e6, "EUR", GERMAN_ARTICLE[0].split(". ")[0] + ".")]


def test_a_token_in_a_feed_url_stays_out_of_the_run_summary(tmp_path):
    with serve_routes({"/ok.xml": Route(body=rss(), content_type="application/rss+xml")}) as server:
        ok, gone = server.url("/ok.xml?api_key=s3cret-ok"), server.url("/gone.xml?token=s3cret-gone")
        summary = run(tmp_path, [ok, gone])
    # the summary is what the runs table, `dealwatch status` and the Prefect report show
    [error] = summary["errors"]
    assert error.startswith(f"feed {server.url('/gone.xml?token=***')}: HTTP 404 Not Found; "
                            "recorded, not retried this run (failure 1; next try ")
    [(stored,)] = query(tmp_path / "dw.duckdb", "SELECT summary::VARCHAR FROM runs")
    assert "token=***" in stored and "s3cret" not in stored
    # ... and out of the stored error columns (the feed's own URL column keeps it: it is fetched with it)
    [(last_error,)] = query(tmp_path / "dw.duckdb", f"SELECT last_error FROM feeds WHERE url = '{gone}'")
    [(poll_error,)] = query(tmp_path / "dw.duckdb", f"SELECT error FROM feed_polls WHERE feed_url = '{gone}'")
    for text in (last_error, poll_error):
        assert "HTTP 404 Not Found" in text and "token=***" in text and "s3cret" not in text, text
