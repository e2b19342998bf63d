"""OPML import and export."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from extract.errors import FeedError
from extract.opml import parse_opml, to_opml

DATA = Path(__file__).parent / "data" / "feeds"


def test_parse_nested_outlines_safely():
    feeds = parse_opml((DATA / "subscriptions.opml").read_bytes())
    assert feeds == [
        ("https://dealdaily.example.com/rss", "Deal Daily"),
        ("https://atom.example.com/feed", "Atom One"),
        ("http://odd.example.com/rss.xml?a=1&b=2", "No title & odd"),
        ("https://entity.example.com/", "Entity"),     # entity references are not expanded
    ]


def test_billion_laughs_opml_does_not_expand():
    lol = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY a{i} "' + (f"&a{i - 1};" if i > 1 else "&a;") * 10 + '">' for i in range(1, 10))
    body = (f'<?xml version="1.0"?><!DOCTYPE opml [{lol}]><opml version="2.0"><body>'
            f'<outline text="&a9;" xmlUrl="https://x.example.com/rss"/></body></opml>').encode()
    assert parse_opml(body) == [("https://x.example.com/rss", None)]


@pytest.mark.parametrize("body", [b"", b"<rss/>", b"not xml at all"])
def test_not_opml(body):
    with pytest.raises(FeedError, match="OPML"):
        parse_opml(body)


def test_round_trip():
    feeds = [("https://a.example.com/rss?x=1&y=2", 'A & "B" <c>'), ("https://c.example.com/feed", None)]
    text = to_opml(feeds, title="mine & yours", now=datetime(2024, 3, 5, tzinfo=timezone.utc))
    assert "<title>mine &amp; yours</title>" in text
    assert "<dateCreated>Tue, 05 Mar 2024 00:00:00 GMT</dateCreated>" in text
    assert parse_opml(text.encode()) == [feeds[0], ("https://c.example.com/feed", "https://c.example.com/feed")]


def test_empty_export():
    assert parse_opml(to_opml([]).encode()) == []


def test_export_drops_characters_xml_cannot_hold():
    text = to_opml([("https://a.example.com/rss", "bell\x07 and tab\t")])
    assert parse_opml(text.encode()) == [("https://a.example.com/rss", "bell and tab")]
