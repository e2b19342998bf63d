"""The text boundary: every string that comes from outside is cleaned here, once, where it enters.

Feeds, HTTP headers, page text, URLs and file names given on the command line are passed through
`clean_text` by the code that reads them (extract/feeds.py, extract/article.py, flows/fetch.py,
flows/cli/detect.py), so everything downstream (the detector, pyarrow, DuckDB, the email package,
the terminal) can trust its strings:

- lone surrogates (half an emoji, `"\\udc00"` in JSON, `&#xDC00;` in XML) become U+FFFD; a valid
  pair of surrogates becomes the one character it encodes;
- NUL, the other C0 and C1 control characters, DEL and the noncharacters U+FFFE/U+FFFF are
  removed; a one-line field (title, author, URL, header) turns each run of line breaks and tabs
  into one space, a text keeps its line breaks and tabs;
- Unicode is normalised to NFC;
- a string longer than its limit is cut, and the cut is recorded in `notes` when given.

Two more helpers sit at the other end, where strings leave for a human:
`display_text` also removes the bidirectional controls (U+202A–U+202E, U+2066–U+2069, LRM, RLM,
ALM) that could make an email subject or a terminal line read differently from what it holds;
and `sane_date` turns a date before 1990 or more than two days ahead into None (unknown).

    >>> clean_text("Acme\\x00 buys\\n Widget \\udc00", limit=20)
    'Acme buys Widget \\ufffd'
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timedelta, timezone

# Limits in characters, one per kind of field.
TITLE_CHARS = 1_000
NAME_CHARS = 300           # authors, outlets, feed names
URL_CHARS = 4_096          # links and GUIDs
HEADER_CHARS = 1_000       # ETag, Last-Modified, Content-Type
# An article's text or a feed's full content. Long-form articles run to ~50,000 characters; the
# detector's time grows faster than the text (about 10 s for 160,000 characters on one core).
TEXT_CHARS = 200_000

EARLIEST = datetime(1990, 1, 1, tzinfo=timezone.utc)
FUTURE_LIMIT = timedelta(days=2)

_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 controls but tab, newline and carriage return; DEL; C1 controls; two noncharacters.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_LINE_BREAKS = re.compile("\r\n?|[\u2028\u2029]")
_BREAKS = re.compile("[\t\n\r\u2028\u2029]+")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def _fix_surrogates(text: str) -> str:
    # Through UTF-16: a high and low surrogate side by side become their character again.
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _one_line(text: str) -> str:
    # Split, not one regular expression around the breaks: that backtracks quadratically over a
    # long run of spaces without a break (a megabyte of them takes hours).
    if _BREAKS.search(text):
        text = " ".join(p for p in (part.strip(" ") for part in _BREAKS.split(text)) if p)
    return text.strip()


def clean_text(value: object, *, limit: int, line: bool = True, notes: list[str] | None = None,
               name: str = "text") -> str | None:
    """Returns `value` cleaned for storage (see the module docstring), or None when it is not a
    string or nothing is left of it.

    line=True turns every run of line breaks and tabs into one space; line=False keeps
    line breaks (normalised to "\\n") and tabs. A string cut to `limit` adds
    "<name> cut from N to LIMIT characters" to `notes`.

    >>> notes = []
    >>> clean_text("x" * 5000, limit=1000, notes=notes, name="title")[-3:], notes
    ('xxx', ['title cut from 5,000 to 1,000 characters'])
    """
    if not isinstance(value, str):
        return None
    text = value
    if _SURROGATE.search(text):
        text = _fix_surrogates(text)
    text = _CONTROL.sub("", text)
    if line:
        text = _one_line(text)
    else:
        text = _LINE_BREAKS.sub("\n", text).strip()
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if len(text) > limit:
        if notes is not None:
            notes.append(f"{name} cut from {len(text):,} to {limit:,} characters")
        text = text[:limit].rstrip()
    return text or None


def display_text(value: object, *, limit: int = TITLE_CHARS) -> str:
    """Returns one line safe to show in an email subject or on a terminal: cleaned, without
    bidirectional controls; "" for None.

    >>> display_text("invoice\\u202egpj.exe\\nnext")
    'invoicegpj.exe next'
    """
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    return _BIDI.sub("", clean_text(text, limit=limit) or "")


def sane_date(value: datetime | None, *, now: datetime, label: str = "date",
              notes: list[str] | None = None) -> datetime | None:
    """Returns `value` in UTC, or None (unknown) when it lies before 1990 or more than two days
    after `now`, with a note saying so. A date without a time zone is taken as UTC.
    """
    if value is None:
        return None
    when = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    try:
        when = when.astimezone(timezone.utc)
    except (OverflowError, ValueError):   # year 1 or 9999 shifted across a day boundary
        when = None
    if when is not None and EARLIEST <= when <= now + FUTURE_LIMIT:
        return when
    if notes is not None:
        why = "more than two days ahead" if when is not None and when > now else "before 1990"
        notes.append(f"{label}: date {value.isoformat()} is {why} (stored as unknown)")
    return None
