"""The checked-in bad feeds and pages (tests/data/bad_input), served from 127.0.0.1 beside good
feeds and run through `dealwatch run` twice: the good articles are stored with their events, the
run exits 0 without a traceback, every bad item fails alone with its reason, the rerun adds nothing."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import duckdb
import pytest

from flows.demo import serve_directory
from tests.conftest import ROOT, SEEDS, prefect_process_env, write_config

BAD = ROOT / "tests" / "data" / "bad_input"
FEEDS = ("good.xml", "surrogates.json", "references.xml", "controls.xml", "huge.xml", "huge.json",
         "binary.xml", "empty.xml", "not-a-feed.xml", "invalid.json")
HUGE = 2 * 1024 * 1024

pytestmark = pytest.mark.usefixtures("prefect_harness")


def _site(tmp_path):
    """The fixture folder, the seed page as good-scale.html, and feeds and a page with 2 MB fields."""
    site = tmp_path / "site"
    shutil.copytree(BAD, site)
    shutil.copy(SEEDS / "scale-ai-google-withdraws.html", site / "good-scale.html")
    (site / "huge.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Huge</title>'
        f"<item><title>{'T' * HUGE}</title><author>{'A' * HUGE}</author><link>huge-title.html</link>"
        f"<guid>{'g' * 10_000}</guid></item>"
        f"<item><title>Scale AI</title><link>{'/good-scale.html?' + 'q' * 10_000}</link></item>"
        "</channel></rss>", encoding="utf-8")
    (site / "huge.json").write_text(json.dumps({
        "version": "https://jsonfeed.org/version/1", "title": "H" * HUGE,
        "items": [{"id": "h-1", "url": "huge-content.html", "title": "\u00e9" * HUGE,
                   "content_text": "Acme \u0301" * (HUGE // 6)}]}, ensure_ascii=False), encoding="utf-8")
    page = (BAD / "good-siemens.html").read_text(encoding="utf-8")
    page = page.replace("<title>Siemens", f"<title>{'S' * HUGE} Siemens")
    page = page.replace("</article>", "<p>This copy of the report was published with a title of two megabytes.</p></article>")
    (site / "huge-title.html").write_text(page, encoding="utf-8")   # not a syndicated copy: a text of its own
    return site


def _run(config, db) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "flows.cli", "run", "--config", str(config),
                           "--progress", "lines"],
                          cwd=ROOT, env=prefect_process_env(), capture_output=True, timeout=600)


def _counts(db) -> tuple[int, int, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("articles", "events", "feed_polls WHERE ok"))


def test_bad_feeds_and_pages_beside_good_ones(tmp_path):
    site = _site(tmp_path)
    db = tmp_path / "dw.duckdb"
    with serve_directory(site) as base:
        config = write_config(tmp_path / "dealwatch.toml", db=db, feeds=[base + f for f in FEEDS],
                              extra=f'[alerts]\ntransport = "file"\noutbox = "{tmp_path / "outbox"}"\n')
        first = _run(config, db)
        after_first = _counts(db)
        second = _run(config, db)
        after_second = _counts(db)
    for result in (first, second):
        out = result.stdout.decode("utf-8", "replace") + result.stderr.decode("utf-8", "replace")
        assert result.returncode == 0, out[-3000:]
        assert "Traceback" not in out and "\u202e" not in out and "\x1b[2J" not in out
    with duckdb.connect(str(db), read_only=True) as con:
        events = dict(con.execute("""SELECT regexp_extract(article_url, '[^/]+$'), count(*)
                                     FROM events GROUP BY 1""").fetchall())
        articles = {r[0].rsplit("/", 1)[1]: r[1:] for r in con.execute(
            "SELECT url, status, title, published_at, error FROM articles").fetchall()}
        feeds = dict(con.execute("SELECT regexp_extract(url, '[^/]+$'), last_error FROM feeds").fetchall())
        texts = con.execute("SELECT string_agg(coalesce(title, '') || coalesce(text, '') || coalesce(author, ''), '')"
                            " FROM articles").fetchone()[0]
        subjects = [r[0] for r in con.execute("SELECT subject FROM alerts").fetchall()]
    # the good articles, with their events (the seed page: four)
    assert events["good-oracle.html"] == 1 and events["good-siemens.html"] == 1
    assert events["good-scale.html"] == 4
    assert events["nul.html"] == 1 and events["bidi.html"] == 1   # good articles in bad pages
    assert {k: v[0] for k, v in articles.items() if k.startswith("good-")} == {
        "good-oracle.html": "ok", "good-siemens.html": "ok", "good-scale.html": "ok"}
    # nothing stored holds a NUL, a control character or a lone surrogate; long fields were cut
    assert not any(c in texts for c in "\x00\x01\x07\x1b") and "\ufffd" in (articles["good-oracle.html"][1] or "") + texts
    assert max(len(v[1] or "") for v in articles.values()) <= 1000
    assert articles["huge-title.html"][1] == "T" * 1000 and events["huge-title.html"] == 1
    # implausible dates are unknown; the page's own year-1 date too
    assert articles["bidi.html"][2] is None and articles["nul.html"][2] is None
    # pages without text fail alone, with their reason
    for page in ("empty.html", "binary.html", "script-only.html"):
        assert articles[page][0] in ("skipped", "failed") and articles[page][3], page
    # feeds that are no feed fail alone, with their reason; partly broken feeds keep their items
    for feed in ("binary.xml", "empty.xml", "not-a-feed.xml", "invalid.json"):
        assert feeds[feed] and "feed " in feeds[feed], feed
    assert "title cut from 2,097,152 to 1,000 characters" in feeds["huge.xml"]
    assert "content cut from 2,097,150 to 200,000 characters" in feeds["huge.json"]
    assert len(articles["huge-content.html"][1]) == 1000
    assert "date 0001-01-01T00:00:00+00:00 is before 1990" in feeds["surrogates.json"]
    assert "date 2100-01-01T00:00:00+00:00 is more than two days ahead" in feeds["surrogates.json"]
    assert "(skipped)" in feeds["surrogates.json"]
    # email subjects are one line without bidi controls
    assert subjects and all("\n" not in s and "\u202e" not in s for s in subjects)
    # the rerun adds nothing (the feeds are polled again: one more ok poll each)
    assert after_second[:2] == after_first[:2]
