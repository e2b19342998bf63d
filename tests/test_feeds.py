"""parse_feed on golden fixtures (tests/data/feeds) and hostile input."""

from __future__ import annotations

import time
import tracemalloc
from datetime import datetime, timezone
from pathlib import Path

import pytest

from extract.errors import FeedError
from extract.feeds import FeedEntry, parse_feed, strip_doctype

DATA = Path(__file__).parent / "data" / "feeds"
NOW = datetime(2024, 6, 1, tzinfo=timezone.utc)


def parse(name: str, content_type: str | None = None, **kw):
    return parse_feed((DATA / name).read_bytes(), url=f"https://feeds.example.com/{name}",
                      content_type=content_type, now=NOW, **kw)


@pytest.mark.parametrize("name, title, first_title, first_url, first_date", [
    ("rss091.xml", "Old Wire 0.91", "Acme buys Widgets\xa0Co",
     "http://oldwire.example.com/acme-widgets.html", None),
    ("rss10.rdf", "RDF Site 1.0", "Globex to acquire Initech", "http://rdf.example.com/1",
     datetime(2024, 3, 5, 8, 30, tzinfo=timezone.utc)),
    ("rss20.xml", "Deal Daily", "Initech acquires Hooli for $2 billion",
     "https://feeds.example.com/news/initech-hooli?utm_source=rss&utm_medium=feed",
     datetime(2024, 3, 5, 14, 0, tzinfo=timezone.utc)),
    ("atom03.xml", "Atom Zero Three", "Umbrella Corp sells unit",
     "http://atom03.example.com/2024/umbrella", datetime(2024, 3, 5, 11, 0, tzinfo=timezone.utc)),
    ("atom10.xml", "Atom One", "Vandelay Industries takes stake in Kramerica",
     "https://atom.example.com/2024/03/vandelay", datetime(2024, 3, 5, 16, 30, 2, tzinfo=timezone.utc)),
    ("jsonfeed10.json", "JSON One", "Json 1.0 item", "https://json1.example.com/a",
     datetime(2024, 3, 5, 15, 0, tzinfo=timezone.utc)),
    ("jsonfeed11.json", "JSON One One", "Json 1.1 item", "https://json11.example.com/x1",
     datetime(2024, 3, 5, 10, 0, tzinfo=timezone.utc)),
])
def test_formats(name, title, first_title, first_url, first_date):
    feed = parse(name)
    assert feed.title == title
    first = feed.entries[0]
    assert (first.title, first.url, first.published_at) == (first_title, first_url, first_date)
    assert first.published_at is None or first.published_at.tzinfo is timezone.utc


def test_rss20_details():
    feed = parse("rss20.xml", "application/rss+xml; charset=utf-8")
    assert feed.ttl_minutes == 90 and feed.link == "https://dealdaily.example.com/" and not feed.warnings
    full, short = feed.entries
    assert full.guid == "dealdaily-1001" and full.author == "Sam Reporter"
    assert full.has_full_text and "<script>" not in full.content   # feedparser sanitises
    assert full.summary == "Initech said it will acquire Hooli."
    assert not short.has_full_text and short.content is None
    assert short.published_at == datetime(2024, 3, 4, 9, 0, tzinfo=timezone.utc)


def test_atom_content_is_full_text_and_updated_is_a_fallback_date():
    feed = parse("atom10.xml")
    assert feed.entries[0].has_full_text and feed.entries[0].author == "Art Vandelay"
    assert feed.entries[1].published_at == datetime(2024, 3, 4, tzinfo=timezone.utc)


def test_json_feed_details():
    one = parse("jsonfeed10.json", "application/feed+json")
    assert one.entries[0].content == "<p>Hello</p>" and one.entries[0].summary == "Hi"
    assert one.entries[0].author == "Feed Author"
    second = one.entries[1]
    assert second.guid == "2" and second.url == "https://feeds.example.com/b"   # external_url, made absolute
    assert second.content == "plain text" and second.published_at is None
    assert one.warnings == ["item 2: unreadable date 'not-a-date' (kept without a date)"]
    eleven = parse("jsonfeed11.json")
    assert [e.guid for e in eleven.entries] == ["x1"]        # duplicate id dropped
    assert eleven.entries[0].has_full_text and eleven.entries[0].author == "Multi Author"


def test_json_without_version_is_not_a_feed():
    with pytest.raises(FeedError, match="not a JSON Feed"):
        parse_feed(b'{"items": []}', url="https://x/f.json")
    with pytest.raises(FeedError, match="not valid JSON"):
        parse_feed(b'{"version": ', url="https://x/f.json", content_type="application/json")


def test_deeply_nested_json_is_a_feed_error():
    with pytest.raises(FeedError, match="not valid JSON"):
        parse_feed(b"{" + b'"a":[' * 100000, url="https://x/f.json")


def test_duplicate_guids_and_links():
    feed = parse("duplicates.xml")
    assert [(e.guid, e.title) for e in feed.entries] == [
        ("same", "One"), (None, "No guid"), ("other", "Other")]
    assert feed.warnings == ["2 entries repeat an earlier GUID or link (kept the first)"]


def test_dates_missing_future_invalid():
    feed = parse("dates.xml")
    dates = {e.guid: e.published_at for e in feed.entries}
    assert dates == {"d-none": None, "d-future": None, "d-invalid": None,
                     "d-valid": datetime(2024, 3, 5, 12, 0, tzinfo=timezone.utc)}
    assert feed.warnings == [
        "entry d-future: date 2100-01-01T00:00:00+00:00 is more than two days ahead (stored as unknown)",
        "entry d-invalid: unreadable date 'the day after tomorrow' (kept without a date)"]


def test_utf8_declared_but_windows_1252():
    feed = parse("cp1252.xml", "application/rss+xml; charset=utf-8")
    assert feed.title == "Café Wire"
    assert feed.entries[0].title == "“Smart” quotes – Société Générale buys €5m stake"
    assert any("windows-1252" in w for w in feed.warnings)


def test_utf16_feed_with_bom():
    body = (DATA / "rss20.xml").read_text(encoding="utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    feed = parse_feed(body.encode("utf-16"), url="https://x/f", content_type="text/xml; charset=utf-16")
    assert feed.title == "Deal Daily" and len(feed.entries) == 2


def test_malformed_xml_keeps_entries_with_a_warning():
    feed = parse("malformed.xml")
    assert [e.guid for e in feed.entries] == ["b1", "b2"] and feed.entries[0].title == "First & only"
    assert feed.warnings == ["read leniently: SAXParseException at line 3: not well-formed (invalid token)"]


@pytest.mark.parametrize("body, reason", [
    (b"", "empty body"),
    (b"   \n", "empty body"),
    (b"<html><body><p>Hello</p></body></html>", "no RSS, Atom or JSON Feed found"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a readable feed"),
    (b"<rss><channel><item>", "not a readable feed"),
])
def test_not_a_feed(body, reason):
    with pytest.raises(FeedError, match=reason) as err:
        parse_feed(body, url="https://x/f")
    assert str(err.value).startswith("feed https://x/f: ")


def _measure(fn):
    tracemalloc.start()
    started = time.monotonic()
    try:
        result = fn()
        return result, tracemalloc.get_traced_memory()[1] / 2**20, time.monotonic() - started
    finally:
        tracemalloc.stop()


def test_billion_laughs_does_not_expand():
    feed, peak, took = _measure(lambda: parse("billion_laughs.xml"))
    print(f"\nbillion laughs: traced peak {peak:.1f} MiB, {took:.2f}s")
    assert feed.title == "Laughs" and feed.entries[0].title == "Laugh &lol9;"
    assert "lollol" not in (feed.entries[0].summary or "")
    assert peak < 50


def test_one_large_entity_referenced_thousands_of_times():
    # 100 kB entity x 4000 references = 400 MB if expanded; must stay the size of the input
    entity = "A" * 100_000
    items = "".join(f"<item><title>t{i} &big;</title><guid>g{i}</guid>"
                    f"<description>&big;&big;&big;&big;</description></item>" for i in range(1000))
    body = (f'<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY big "{entity}">\n]>\n'
            f'<rss version="2.0"><channel><title>Big</title>{items}</channel></rss>').encode()
    feed, peak, took = _measure(lambda: parse_feed(body, url="https://x/big", max_entries=50))
    print(f"\nlarge entity x4000: traced peak {peak:.1f} MiB, {took:.2f}s")
    assert len(feed.entries) == 50 and feed.entries[0].title == "t0 &big;"
    assert "1000 entries, only the first 50 read" in feed.warnings
    assert peak < 100


def test_max_entries():
    items = "".join(f"<item><title>{i}</title><guid>{i}</guid></item>" for i in range(20))
    body = f'<rss version="2.0"><channel><title>M</title>{items}</channel></rss>'.encode()
    feed = parse_feed(body, url="https://x/m", max_entries=5)
    assert [e.guid for e in feed.entries] == ["0", "1", "2", "3", "4"]


@pytest.mark.parametrize("body, expected", [
    (b'<!DOCTYPE r [<!ENTITY a "x">]><r>&a;</r>', b"<r>&a;</r>"),
    (b'<?xml version="1.0"?>\n<!DOCTYPE r SYSTEM "http://evil/x.dtd"><r/>', b'<?xml version="1.0"?>\n<r/>'),
    (b'<!DOCTYPE r [<!ENTITY a "]>"> <!-- ]> --> <!ENTITY b \'>\'>]><r/>', b"<r/>"),
    (b'<!doctype r [<!ENTITY a "x">]><r/>', b"<r/>"),
    (b'<r/><!DOCTYPE again [<!ENTITY x "y">]>', b"<r/>"),
    (b'<!ENTITY stray "x"><r/>', b"<r/>"),
    (b"<r>no doctype</r>", b"<r>no doctype</r>"),
])
def test_strip_doctype(body, expected):
    assert strip_doctype(body) == expected


def test_ttl_from_syndication_module():
    body = (b'<rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel>'
            b"<title>S</title><sy:updatePeriod>daily</sy:updatePeriod>"
            b"<sy:updateFrequency>4</sy:updateFrequency></channel></rss>")
    assert parse_feed(body, url="https://x/s").ttl_minutes == 360


def test_invalid_ttl_is_a_warning():
    body = b'<rss version="2.0"><channel><title>S</title><ttl>soon</ttl></channel></rss>'
    feed = parse_feed(body, url="https://x/s")
    assert feed.ttl_minutes is None and feed.warnings == ["ignored <ttl> 'soon': not a positive number of minutes"]


def test_non_http_links_dropped():
    body = (b'<rss version="2.0"><channel><title>S</title><item><title>x</title><guid>1</guid>'
            b"<link>javascript:alert(1)</link></item></channel></rss>")
    assert parse_feed(body, url="https://x/s").entries[0].url is None


def test_has_full_text_threshold():
    assert FeedEntry(None, None, None, None, content="<p>" + "word " * 301 + "</p>").has_full_text
    assert not FeedEntry(None, None, None, None, content="<p>" + "word " * 300 + "</p>").has_full_text
    assert not FeedEntry(None, None, None, None).has_full_text
