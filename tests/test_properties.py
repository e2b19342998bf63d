"""Property-based tests (hypothesis) across the text boundary: arbitrary Unicode, dates and URLs
through feed entry → article row → DuckDB → alert email. Nothing raises, what is stored round-trips,
every email parses with a single-line subject.

A fixed budget, the same on every machine: derandomize=True (examples come from a fixed seed, so
CI is deterministic), max_examples per test below, no deadline (a shared CI core can be slow), no
example database written into the repository.
"""

from __future__ import annotations

import email
import email.policy
import json
import tempfile
import unicodedata
from datetime import datetime, timedelta, timezone
from pathlib import Path
from xml.sax.saxutils import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.clean import EARLIEST, FUTURE_LIMIT, clean_text, display_text, sane_date
from extract.errors import FeedError
from extract.feeds import parse_feed
from extract.model import Article, Event
from extract.urls import canonical_url

BUDGET = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SLOW_BUDGET = settings(BUDGET, max_examples=25)   # each example writes a DuckDB file and an email

NOW = datetime(2026, 12, 6, 12, 0, tzinfo=timezone.utc)
NASTY = ["\udc00", "\ud83d", "\ud83d\ude00", "\x00", "\x01", "\x1b[2J", "\x7f", "\x85", "\x9b",
         "\u202e", "\u2066", "\u200f", "\u0301", "e\u0301", "\ufeff", "\ufffe", "\uffff", "\r\n",
         "\u2028", "\t", " ", "\u00a0", "<", "&", "]]>", "&#xDC00;", "\U0001F600", "\u05d0\u05d1"]
# Any code point, surrogates and controls included, with the nasty ones often.
CHARS = st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=())
# Surrogates, controls, format characters (bidi) and combining marks, which plain text draws rarely.
ODD = st.characters(categories=["Cs", "Cc", "Cf", "Mn", "Zl", "Zp"])
TEXT = st.lists(st.one_of(st.text(CHARS, max_size=20), st.text(ODD, max_size=5), st.sampled_from(NASTY)),
                max_size=30).map("".join)
LONG = st.builds(lambda s, n: s * n, st.sampled_from(["A", "\u00e9", "e\u0301", "\ud83d", "\x00 "]),
                 st.integers(min_value=0, max_value=1_200_000))
DATES = st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30),
                     timezones=st.sampled_from([timezone.utc, timezone(timedelta(hours=14)),
                                                timezone(timedelta(hours=-12)), None]))
URLS = st.one_of(TEXT, st.sampled_from([
    "javascript:alert(1)", "data:text/html,<b>x</b>", "mailto:a@b.c", "//127.0.0.1/x", "/a b c",
    "   ", "http://[::1", "http://127.0.0.1:99999/x", "http://127.0.0.1/\u00e9?utm_source=x#f",
    "HTTP://127.0.0.1:80/a/../b", "http://user:pw@127.0.0.1/x", "http://" + "a" * 5000,
    "ftp://127.0.0.1/x", "http://127.0.0.1/\udc00", "http:///x"]))


def _is_clean(text: str, *, line: bool) -> bool:
    text.encode("utf-8")   # raises on a surrogate
    allowed = "" if line else "\n\t"
    return (not any((unicodedata.category(c) == "Cc" and c not in allowed) or c in "\ufffe\uffff"
                    for c in text)
            and unicodedata.is_normalized("NFC", text) and text == text.strip())


@BUDGET
@given(TEXT, st.booleans(), st.integers(min_value=1, max_value=50))
def test_clean_text_is_clean_bounded_and_idempotent(raw, line, limit):
    notes: list[str] = []
    out = clean_text(raw, limit=limit, line=line, notes=notes)
    if out is not None:
        assert _is_clean(out, line=line) and 0 < len(out) <= limit
        assert clean_text(out, limit=limit, line=line) == out
    assert len(notes) <= 1


@settings(BUDGET, max_examples=20)
@given(LONG)
def test_long_strings_are_cut_and_the_cut_recorded(raw):
    notes: list[str] = []
    out = clean_text(raw, limit=1000, notes=notes, name="title")
    assert out is None or len(out) <= 1000
    if out is not None and len(raw) > 2000:   # every kind of run is longer than 1000 once cleaned
        assert len(out) == 1000 and len(notes) == 1 and notes[0].startswith("title cut from ")


@BUDGET
@given(TEXT)
def test_display_text_is_one_line_without_bidi_controls(raw):
    out = display_text(raw)
    assert "\n" not in out and "\r" not in out
    assert not any(c in out for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
    out.encode("utf-8")


@BUDGET
@given(DATES)
def test_sane_dates_are_utc_and_in_range_or_unknown(when):
    out = sane_date(when, now=NOW)
    assert out is None or (out.utcoffset() == timedelta(0) and EARLIEST <= out <= NOW + FUTURE_LIMIT)


def _json_feed(title, author, text, date, url) -> bytes:
    item = {"id": title, "url": url, "title": title, "content_text": text,
            "authors": [{"name": author}], "date_published": date}
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": title,
                       "home_page_url": url, "items": [item]}).encode()


def _rss_feed(title, author, text, date, url) -> bytes:
    def xml(s: str) -> str:   # as a producer writes it: escaped, control characters as references
        return "".join(f"&#{ord(c)};" if ord(c) < 32 or 0xD800 <= ord(c) <= 0xDFFF else c
                       for c in escape(s))
    body = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{xml(title)}</title>'
            f"<item><title>{xml(title)}</title><link>{xml(url)}</link><author>{xml(author)}</author>"
            f"<description>{xml(text)}</description><pubDate>{xml(date)}</pubDate></item></channel></rss>")
    return body.encode("utf-8", "surrogatepass")   # a producer's broken UTF-8 (an emoji cut in half)


def _check_feed(parsed) -> None:
    for entry in parsed.entries:
        for value in (entry.title, entry.author, entry.guid):
            assert value is None or _is_clean(value, line=True)
        for value in (entry.summary, entry.content):
            assert value is None or _is_clean(value, line=False)
        assert entry.url is None or entry.url.startswith(("http://", "https://"))
        if entry.url:
            canonical_url(entry.url)
        p = entry.published_at
        assert p is None or (EARLIEST <= p <= NOW + FUTURE_LIMIT and p.utcoffset() == timedelta(0))


FIELDS = (TEXT, TEXT, TEXT, st.one_of(TEXT, DATES.map(lambda d: d.isoformat())), URLS)


@BUDGET
@given(*FIELDS)
def test_any_json_feed_entry_parses_clean(title, author, text, date, url):
    try:
        parsed = parse_feed(_json_feed(title, author, text, date, url), url="http://127.0.0.1/f.json", now=NOW)
    except FeedError:
        return
    _check_feed(parsed)


@BUDGET
@given(*FIELDS)
def test_any_rss_entry_parses_clean(title, author, text, date, url):
    try:
        parsed = parse_feed(_rss_feed(title, author, text, date, url), url="http://127.0.0.1/f.xml",
                            content_type="application/rss+xml", now=NOW)
    except FeedError:
        return
    _check_feed(parsed)


@SLOW_BUDGET
@given(*FIELDS, st.booleans())
def test_entry_to_row_to_duckdb_to_email(title, author, text, date, url, rss):
    """A feed entry made of anything, stored as an article with an event named from it, alerts:
    the row reads back as the entry said, and the email parses with a one-line subject."""
    from flows.alert_email import compose
    from flows.alerts import select_stories
    from flows.config import parse_settings
    from storage.db import connect
    from storage.writes import ArticleRow, store_batch_or_rows

    build = _rss_feed if rss else _json_feed
    try:
        parsed = parse_feed(build(title, author, text, date, url or "x"), url="http://127.0.0.1/f",
                            content_type="application/rss+xml" if rss else None, now=NOW)
    except FeedError:
        return
    for entry in parsed.entries:
        link = entry.url or "http://127.0.0.1/entry"
        party = entry.title or "Acme"
        article = Article(url=link, title=entry.title, text=entry.content or entry.summary or party,
                          published_at=entry.published_at, author=entry.author, language="en")
        deal = Event(event_type="deal", subtype="acquisition", status="announced", confidence=0.9,
                     evidence=(entry.summary or party)[:500], acquirer=party[:200], target="Widget")
        row = ArticleRow(url=link, guid=entry.guid, feed_url="http://127.0.0.1/f", status="ok",
                         article=article, title=entry.title, published_at=entry.published_at)
        with tempfile.TemporaryDirectory() as tmp:
            db = str(Path(tmp) / "p.duckdb")
            with connect(db) as con:
                new_ids, rejected = store_batch_or_rows(con, [row], [(link, entry.published_at, deal)])
                assert rejected == [] and len(new_ids) == 1
                stored = con.execute("SELECT title, author, text, published_at FROM articles").fetchone()
                assert stored == (article.title, article.author, article.text, article.published_at)
                assert con.execute("SELECT acquirer FROM events").fetchone()[0] == party[:200]
                settings_ = parse_settings({"database": db, "alerts": {
                    "to": ["analyst@example.com"], "from": "dealwatch@example.com"}})
                stories = select_stories(con, settings_)
            assert len(stories) == 1
            alert = compose(stories, settings_)
        msg = email.message_from_string(alert.message, policy=email.policy.default)
        subject = str(msg["Subject"])
        assert subject and "\n" not in subject and "\r" not in subject and "\u202e" not in subject
        assert msg.get_body(("plain",)) is not None and msg.get_body(("html",)) is not None
