"""The text boundary (extract/clean.py): what every string from outside becomes."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from extract.clean import EARLIEST, clean_text, display_text, sane_date

NOW = datetime(2026, 12, 6, 12, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("raw, line, expected", [
    ("bad \udc00 title", True, "bad \ufffd title"),               # a lone low surrogate
    ("cut emoji \ud83d", True, "cut emoji \ufffd"),                # a lone high surrogate
    ("whole \ud83d\ude00 emoji", True, "whole \U0001F600 emoji"),  # a pair joins again
    ("nul\x00 inside", True, "nul inside"),
    ("bell\x07 esc\x1b[31m red", True, "bell esc[31m red"),
    ("c1\x85\x9b here", True, "c1 here"),
    ("noncharacter\ufffe\uffff", True, "noncharacter"),
    ("two\nlines\r\n\tand tab", True, "two lines and tab"),
    ("two\r\nlines\rkept\u2028too", False, "two\nlines\nkept\ntoo"),
    ("e\u0301te\u0301", True, "\u00e9t\u00e9"),                    # NFC
    ("Widgets\u00a0Co", True, "Widgets\u00a0Co"),                   # a no-break space stays
    ("  \x00\n\t ", True, None),                                     # nothing left
    ("\u202eevil", True, "\u202eevil"),                              # bidi kept in stored text
])
def test_clean_text(raw, line, expected):
    assert clean_text(raw, limit=1000, line=line) == expected


def test_clean_text_ignores_what_is_not_a_string():
    assert clean_text(None, limit=10) is None
    assert clean_text(42, limit=10) is None
    assert clean_text(b"bytes", limit=10) is None


def test_a_long_string_is_cut_and_the_cut_recorded():
    notes: list[str] = []
    title = clean_text("A" * 2_097_152, limit=1000, notes=notes, name="item 7: title")
    assert title == "A" * 1000
    assert notes == ["item 7: title cut from 2,097,152 to 1,000 characters"]
    assert clean_text("short", limit=1000, notes=notes) == "short" and len(notes) == 1


def test_display_text_is_one_line_without_bidi_controls():
    assert display_text("Acme \u202ebuys\u202c Widget\n\u2066next\u2069 \u200fline") == "Acme buys Widget next line"
    assert display_text(None) == ""
    assert display_text("file-\udcff.html") == "file-\ufffd.html"   # a file name of undecodable bytes


@pytest.mark.parametrize("when, kept", [
    (datetime(1, 1, 1, tzinfo=timezone.utc), False),
    (datetime(1970, 1, 1, tzinfo=timezone.utc), False),
    (EARLIEST - timedelta(seconds=1), False),
    (EARLIEST, True),
    (datetime(2024, 3, 5, 12, 0), True),                  # naive: taken as UTC
    (NOW + timedelta(days=2), True),
    (NOW + timedelta(days=2, seconds=1), False),
    (datetime(9999, 12, 31, 23, 59, tzinfo=timezone(timedelta(hours=-5))), False),  # overflows UTC
])
def test_sane_date(when, kept):
    notes: list[str] = []
    result = sane_date(when, now=NOW, label="entry x", notes=notes)
    if kept:
        assert result is not None and result.tzinfo is not None and not notes
    else:
        assert result is None
        assert notes and notes[0].startswith("entry x: date ") and notes[0].endswith("(stored as unknown)")
