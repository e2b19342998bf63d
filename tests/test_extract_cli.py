"""`dealwatch extract`: what the product reads from a page, as a run stores it; unreadable pages skipped."""

from __future__ import annotations

import json

import duckdb
import pytest

from tests.conftest import write_config
from tests.httpserver import Route, serve_routes
from tests.test_cli import ROOT, dealwatch

SEED_HTML = ROOT / "seeds" / "scale-ai-google-withdraws.html"
SEED_LINK = "scale-ai-google-withdraws.html?utm_source=rss&utm_medium=feed"   # as the seed feed links it


def test_extract_prints_what_a_run_stores(tmp_path, seed_server, prefect_harness):
    from flows.pipeline import monitor

    db = tmp_path / "dw.duckdb"
    config = write_config(tmp_path / "dealwatch.toml", db=db, feeds=[seed_server + "feed.xml"])
    assert monitor(config=str(config))["new_articles"] == 1
    with duckdb.connect(str(db), read_only=True) as con:
        url, title, language, text = con.execute("SELECT url, title, language, text FROM articles").fetchone()

    result = dealwatch("extract", seed_server + SEED_LINK, "--config", str(config))

    assert (result.returncode, result.stderr) == (0, "")
    [line] = result.stdout.splitlines()
    record = json.loads(line)
    assert list(record) == ["source", "url", "title", "published", "language", "text"]
    assert record["source"] == seed_server + SEED_LINK
    assert (record["url"], record["language"], record["text"]) == (url, language, text)
    assert url == seed_server + "scale-ai-google-withdraws.html"   # tracking parameters gone
    # The run took the title from the feed entry; the page alone gives the same headline.
    assert record["title"] == title == "After Meta entry: Google apparently withdraws from Scale AI as a customer"
    assert record["published"].startswith("2025-06-14")
    assert text.startswith("This week, the Meta Group acquired a 49% stake in Scale AI.")


def test_extract_goes_past_unreadable_pages_and_exits_2(tmp_path):
    not_html = tmp_path / "notes.txt"
    not_html.write_text("Meta buys a stake in Scale AI\nMeta bought 49% of Scale AI.\n")
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.html"
    with serve_routes({"/gone.html": Route(status=404, body=b"not here")}) as server:
        config = write_config(tmp_path / "dealwatch.toml", db=tmp_path / "dw.duckdb", feeds=[])
        gone = server.url("/gone.html")
        result = dealwatch("extract", str(not_html), str(SEED_HTML), str(missing), gone, str(empty),
                           "--config", str(config))

    assert result.returncode == 2
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["source"] == str(SEED_HTML)
    assert record["url"] == "https://www.heise.de/en/news/After-Meta-entry-Google-apparently-withdraws-from-Scale-AI-as-a-customer.html"
    errors = result.stderr.splitlines()
    assert len(errors) == 5, result.stderr
    assert errors[0] == (f"skipped: {not_html}: not an HTML page (give .html files or http(s) URLs; "
                         "for plain text, `dealwatch detect` reads .txt files)")
    assert errors[1] == f"skipped: {missing}: no such file (give .html files or http(s) URLs)"
    assert errors[2].startswith("skipped: ") and gone in errors[2] and "404" in errors[2]
    assert errors[3] == f"skipped: page {empty}: empty body, no article text"
    assert errors[4] == "4 inputs not read (of 5 given)"


def test_extract_text_format(tmp_path):
    result = dealwatch("extract", str(SEED_HTML), "--format", "text")

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:6] == [
        f"==> {SEED_HTML}",
        "url: https://www.heise.de/en/news/After-Meta-entry-Google-apparently-withdraws-from-Scale-AI-as-a-customer.html",
        "title: After Meta entry: Google apparently withdraws from Scale AI as a customer",
        "published: 2025-06-14T00:00:00+00:00",
        "language: en",
        "",
    ]
    assert lines[6].startswith("This week, the Meta Group acquired a 49% stake in Scale AI.")


@pytest.mark.parametrize("page, reason", [
    (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text found"),
    (b"\x00\x01\x02 binary", "HTML could not be parsed"),
])
def test_extract_names_the_page_and_the_reason(tmp_path, page, reason):
    path = tmp_path / "page.html"
    path.write_bytes(page)
    result = dealwatch("extract", str(path))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith(f"skipped: page {path}: {reason}"), result.stderr
    assert result.stderr.splitlines()[-1] == "1 input not read (of 1 given)"
