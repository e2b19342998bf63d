"""Feed bytes to entries: `parse_feed(body, url=...)` returns a ParsedFeed or raises FeedError.

RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 go through feedparser (which picks the encoding from the
byte-order mark, the HTTP header and the document's declaration, and survives when they
disagree); JSON Feed 1.0/1.1 is read here, as feedparser does not know it. No I/O.

Hostile input is defused before feedparser sees it: every DOCTYPE (with its internal subset) and
every ENTITY declaration is removed, because feedparser's lenient fallback parser expands the
entities it finds there (billion laughs, or one large entity referenced thousands of times,
becomes gigabytes). Entity references left behind stay unexpanded text.

Decisions, so callers need not guess:
- published_at is UTC-aware; None when absent, unreadable, before 1990 or more than two days
  ahead of `now` (a warning says which); a date less far ahead than that but more than
  FUTURE_TOLERANCE is clamped to `now` (with a warning), so a feed cannot pin its entries to the
  top of "newest first" views forever.
- Entries with the same GUID (or, lacking one, the same link) are kept once, the first one seen.
- Links are made absolute against the feed URL; links that are not http(s) become None.
- Warnings (malformed XML read leniently, encoding overridden, dates, duplicates, fields cut to
  their length limit, items skipped) are returned, never raised: a feed that yields entries is
  usable, and one item that cannot be read is skipped alone.
- Every string is cleaned by extract.clean.clean_text (no lone surrogates, no control characters,
  NFC, length limits); a date before 1990 or more than two days ahead is unknown (None).
  Character references that XML forbids (`&#xDC00;`, `&#1;`) become U+FFFD and raw control bytes
  are removed before feedparser sees the document.
"""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from urllib.parse import urljoin, urlsplit

import feedparser

from extract.clean import (HEADER_CHARS, NAME_CHARS, TEXT_CHARS, TITLE_CHARS, URL_CHARS, clean_text,
                           sane_date)
from extract.errors import FeedError

FULL_TEXT_WORDS = 300
FUTURE_TOLERANCE = timedelta(minutes=10)
_TAG = re.compile(r"<[^>]*>")
_DECL = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.I)
_DECL_TOKEN = re.compile(rb'"[^"]*"|\'[^\']*\'|<!--.*?-->|[\[\]>]', re.S)
_XML_ENCODING = re.compile(rb"""(<\?xml[^>]*?encoding\s*=\s*["'])[^"']*(["'])""")
_WIDE_BOMS = ((b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
              (b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le"),
              (b"\x00<\x00?", "utf-16-be"), (b"<\x00?\x00", "utf-16-le"))
# A character reference to a code point XML forbids: C0 controls but tab/LF/CR, surrogates,
# U+FFFE/U+FFFF, beyond U+10FFFF (feedparser turns them into str that cannot be encoded).
_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,12})|([0-9]{1,12}));")
# feedparser looks for an e-mail address in an author's text with a regular expression that takes
# quadratic time: a 2 MB <author> holds a run for hours. Author-like elements are cut before it runs.
AUTHOR_BYTES = 2_000
_LONG_AUTHOR = re.compile(rb"(<(?:[\w.-]+:)?(?:author|creator|managingeditor|webmaster|publisher|contributor)"
                          rb"\b[^>]*>)([^<]{%d})[^<]+" % AUTHOR_BYTES, re.I)
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SY_PERIODS = {"hourly": 60, "daily": 1440, "weekly": 10080, "monthly": 43200, "yearly": 525600}


@dataclass
class FeedEntry:
    """One item of a feed, as the feed states it (links made absolute)."""

    guid: str | None
    url: str | None
    title: str | None
    published_at: datetime | None
    summary: str | None = None
    content: str | None = None
    author: str | None = None

    @property
    def has_full_text(self) -> bool:
        """Returns True when the feed carries the article itself (content over ~300 words)."""
        if not self.content:
            return False
        return len(_TAG.sub(" ", self.content).split()) > FULL_TEXT_WORDS


@dataclass
class ParsedFeed:
    """A feed's title, link, entries (de-duplicated, at most max_entries), TTL and warnings."""

    title: str | None
    link: str | None
    entries: list[FeedEntry]
    ttl_minutes: int | None = None
    warnings: list[str] = field(default_factory=list)


def _decl_end(body: bytes, pos: int) -> int:
    """Returns the index just past the '>' closing the declaration whose body starts at pos."""
    depth = 0
    for m in _DECL_TOKEN.finditer(body, pos):
        tok = m.group()
        if tok == b"[":
            depth += 1
        elif tok == b"]":
            depth = max(0, depth - 1)
        elif tok == b">" and depth == 0:
            return m.end()
    return len(body)


def strip_doctype(body: bytes) -> bytes:
    """Returns XML bytes without any DOCTYPE or ENTITY declaration, so no entity can expand.

    UTF-16/32 documents are re-encoded to UTF-8 first (the declaration is rewritten to match),
    so the scan sees ASCII markup. Quotes, comments and the [...] internal subset are honoured
    while looking for the end of a declaration.

    >>> strip_doctype(b'<!DOCTYPE r [<!ENTITY a "x">]><r>&a;</r>')
    b'<r>&a;</r>'
    """
    for bom, codec in _WIDE_BOMS:
        if body.startswith(bom):
            text = body.decode(codec, errors="replace").lstrip("\ufeff")
            body = _XML_ENCODING.sub(rb"\1utf-8\2", text.encode("utf-8"), count=1)
            break
    parts, pos = [], 0
    while (m := _DECL.search(body, pos)) is not None:
        parts.append(body[pos:m.start()])
        pos = _decl_end(body, m.end())
    if not parts:
        return body
    parts.append(body[pos:])
    return b"".join(parts)


def defuse_references(body: bytes) -> bytes:
    """Returns XML bytes whose character references XML forbids are U+FFFD, without raw control
    bytes (NUL included): neither can be stored, and feedparser fails the whole feed on them.
    An author-like element's text longer than AUTHOR_BYTES is cut to that length.

    Call it on ASCII-compatible bytes (strip_doctype re-encodes UTF-16/32 to UTF-8 first); no
    multi-byte encoding uses bytes below 0x20 inside its characters.

    >>> defuse_references(b"<title>a &#xDC00; b\x01</title>")
    b'<title>a &#xFFFD; b</title>'
    """
    body = _LONG_AUTHOR.sub(_cut_author, body)
    return _CONTROL_BYTES.sub(b"", _CHAR_REF.sub(_defuse_ref, body))


def _cut_author(m: re.Match) -> bytes:
    return m.group(1) + m.group(2).rstrip(bytes(range(0x80, 0x100)))  # no half of a UTF-8 character


def _defuse_ref(m: re.Match) -> bytes:
    code = int(m.group(1), 16) if m.group(1) else int(m.group(2))
    allowed = (code in (0x9, 0xA, 0xD) or 0x20 <= code < 0xD800 or 0xE000 <= code < 0xFFFE
               or 0x10000 <= code <= 0x10FFFF)
    return m.group() if allowed else b"&#xFFFD;"


def _clean(value: object, limit: int = TITLE_CHARS, *, line: bool = True,
           notes: list[str] | None = None, name: str = "text") -> str | None:
    return clean_text(value, limit=limit, line=line, notes=notes, name=name)


def _text(value: object, notes: list[str], name: str) -> str | None:
    return clean_text(value, limit=TEXT_CHARS, line=False, notes=notes, name=name)


def _http_url(link: object, base: str) -> str | None:
    """Returns the link made absolute against base when it is http(s), else None.

    Inner spaces are escaped (a space-filled link still names one page); `javascript:`, `data:`,
    `mailto:` and links that cannot be parsed (a broken IPv6 host, a port out of range) or longer
    than URL_CHARS are None.
    """
    text = _clean(link, URL_CHARS + 1)
    if text is None or len(text) > URL_CHARS:   # a cut link would name another page
        return None
    try:
        absolute = urljoin(base, text.replace(" ", "%20"))
        parts = urlsplit(absolute)
        parts.port  # raises ValueError when out of range or not a number
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return absolute


def _date(parsed: datetime | None, raw: str | None, now: datetime, label: str,
          warnings: list[str]) -> datetime | None:
    if parsed is None:
        if raw:
            warnings.append(f"{label}: unreadable date {raw[:60]!r} (kept without a date)")
        return None
    parsed = sane_date(parsed, now=now, label=label, notes=warnings)
    if parsed is not None and parsed > now + FUTURE_TOLERANCE:
        warnings.append(f"{label}: date {parsed.isoformat()} is in the future (clamped to now)")
        return now
    return parsed


def _ttl(feed: dict, warnings: list[str]) -> int | None:
    raw = _clean(feed.get("ttl"))
    if raw is not None:
        if raw.isdigit() and int(raw) > 0:
            return int(raw)
        warnings.append(f"ignored <ttl> {raw[:20]!r}: not a positive number of minutes")
    period = (_clean(feed.get("sy_updateperiod")) or "").lower()
    if period in _SY_PERIODS:
        freq = _clean(feed.get("sy_updatefrequency")) or "1"
        return max(1, _SY_PERIODS[period] // max(1, int(freq) if freq.isdigit() else 1))
    return None


def _dedupe(entries: list[FeedEntry], max_entries: int, warnings: list[str],
            total: int) -> list[FeedEntry]:
    seen: set[str] = set()
    kept: list[FeedEntry] = []
    dropped = 0
    for entry in entries:
        key = entry.guid or entry.url
        if key is not None and key in seen:
            dropped += 1
            continue
        if key is not None:
            seen.add(key)
        kept.append(entry)
    if dropped:
        warnings.append(f"{dropped} entries repeat an earlier GUID or link (kept the first)")
    if len(kept) > max_entries or total > len(entries):
        warnings.append(f"{total} entries, only the first {max_entries} read")
        kept = kept[:max_entries]
    return kept


def _is_json(body: bytes, content_type: str | None) -> bool:
    if content_type and "json" in content_type.lower():
        return True
    return body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


def _parse_json_feed(body: bytes, url: str, now: datetime, max_entries: int) -> ParsedFeed:
    try:
        data = json.loads(body.decode("utf-8-sig", errors="replace"))
    except (ValueError, RecursionError) as exc:
        raise FeedError(f"feed {url}: not valid JSON ({exc})") from exc
    version = data.get("version", "") if isinstance(data, dict) else ""
    if not isinstance(version, str) or "jsonfeed.org/version/" not in version:
        raise FeedError(f"feed {url}: JSON without a jsonfeed.org version: not a JSON Feed")
    items = data.get("items")
    if not isinstance(items, list):
        raise FeedError(f"feed {url}: JSON Feed without an items list")
    warnings: list[str] = []
    entries = []
    for n, item in enumerate(items[:max_entries * 2]):
        if not isinstance(item, dict):
            warnings.append(f"item {n + 1}: not an object (skipped)")
            continue
        try:
            entries.append(_json_item(item, data, url, now, n, warnings))
        except Exception as exc:  # one item of an odd shape is skipped alone, its reason kept
            warnings.append(f"item {n + 1}: unreadable ({type(exc).__name__}: {exc}) (skipped)")
    return ParsedFeed(title=_clean(data.get("title")), link=_http_url(data.get("home_page_url"), url),
                      entries=_dedupe(entries, max_entries, warnings,
                                      len(entries) + max(0, len(items) - max_entries * 2)), ttl_minutes=None,
                      warnings=warnings)


def _short(name: str | None) -> str | None:
    """Returns an item's id or link as named in a warning: at most 100 characters."""
    return name if name is None or len(name) <= 100 else name[:99] + "…"


def _json_date(raw: str | None) -> datetime | None:
    if not raw:
        return None
    try:
        parsed = datetime.fromisoformat(raw.replace("Z", "+00:00"))
        return (parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)).astimezone(timezone.utc)
    except (ValueError, OverflowError):
        return None


def _json_item(item: dict, data: dict, url: str, now: datetime, n: int,
               warnings: list[str]) -> FeedEntry:
    guid = item.get("id")
    guid = (_clean(str(guid), URL_CHARS, notes=warnings, name=f"item {n + 1}: id")
            if isinstance(guid, (str, int, float)) else None)
    label = f"item {_short(guid) or n + 1}"
    raw = _clean(item.get("date_published"), HEADER_CHARS) or _clean(item.get("date_modified"), HEADER_CHARS)
    authors = item.get("authors") or [item.get("author") or data.get("author") or {}]
    first = authors[0] if isinstance(authors, list) and authors else None
    return FeedEntry(
        guid=guid,
        url=_http_url(item.get("url") or item.get("external_url"), url),
        title=_clean(item.get("title"), notes=warnings, name=f"{label}: title"),
        published_at=_date(_json_date(raw), raw, now, label, warnings),
        summary=_text(item.get("summary"), warnings, f"{label}: summary"),
        content=(_text(item.get("content_html"), warnings, f"{label}: content")
                 or _text(item.get("content_text"), warnings, f"{label}: content")),
        author=_clean(first.get("name") if isinstance(first, dict) else None, NAME_CHARS,
                      notes=warnings, name=f"{label}: author"))


def _struct_to_utc(value: object) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=timezone.utc)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return None


def _bozo_reason(exc: BaseException | None) -> str:
    if exc is None:
        return "unreadable"
    line = getattr(exc, "getLineNumber", lambda: None)()
    where = f" at line {line}" if line else ""
    return f"{type(exc).__name__}{where}: {getattr(exc, 'getMessage', lambda: str(exc))()}"


def _entry(e: dict, base: str, now: datetime, n: int, warnings: list[str]) -> FeedEntry | None:
    """Returns one feedparser entry as a FeedEntry; None (with a warning) when it cannot be read."""
    try:
        guid = _clean(e.get("id"), URL_CHARS, notes=warnings, name=f"entry {n + 1}: id")
        link = _http_url(e.get("link"), base)
        label = f"entry {_short(guid or link) or n + 1}"
        # dict.get skips FeedParserDict's deprecated updated->published key aliasing (and its warning)
        parsed = next((d for d in (_struct_to_utc(dict.get(e, k)) for k in
                                   ("published_parsed", "updated_parsed", "created_parsed")) if d), None)
        raw = next((v for v in (_clean(dict.get(e, k), HEADER_CHARS)
                                for k in ("published", "updated", "created")) if v), None)
        contents = [text for c in e.get("content") or []
                    if (text := _text(c.get("value"), warnings, f"{label}: content"))]
        return FeedEntry(guid=guid, url=link, title=_clean(e.get("title"), notes=warnings,
                                                           name=f"{label}: title"),
                         published_at=_date(parsed, raw, now, label, warnings),
                         summary=_text(e.get("summary"), warnings, f"{label}: summary"),
                         content=max(contents, key=len) if contents else None,
                         author=_clean(e.get("author"), NAME_CHARS, notes=warnings,
                                       name=f"{label}: author"))
    except Exception as exc:  # one entry feedparser built oddly is skipped alone, its reason kept
        warnings.append(f"entry {n + 1}: unreadable ({type(exc).__name__}: {exc}) (skipped)")
        return None


def parse_feed(body: bytes, *, url: str, content_type: str | None = None, max_entries: int = 500,
               now: datetime | None = None) -> ParsedFeed:
    """Returns the feed's entries and metadata; raises FeedError when the bytes are not a feed.

    `url` is the feed's address (base for relative links, and named in messages);
    `content_type` the HTTP header, which tells feedparser the charset; `now` (default: the
    current time) is where future dates are clamped.

        parsed = parse_feed(result.body, url=result.url, content_type=result.content_type)
    """
    now = now or datetime.now(timezone.utc)
    if not body.strip():
        raise FeedError(f"feed {url}: empty body")
    if _is_json(body, content_type):
        return _parse_json_feed(body, url, now, max_entries)
    safe = defuse_references(strip_doctype(body))
    # No content-location: with a base URL feedparser also "resolves" GUIDs (isPermaLink
    # defaults to true), turning guid "1234" into a URL; links are made absolute here instead.
    headers: dict[str, str] = {}
    if content_type and (not body.startswith(tuple(b for b, _ in _WIDE_BOMS))
                         or "charset" not in content_type.lower()):
        headers["content-type"] = content_type  # a re-encoded UTF-16 body no longer has that charset
    try:
        d = feedparser.parse(safe, response_headers=headers, sanitize_html=True)
    except Exception as exc:  # feedparser's own bugs on odd input must not end the run
        raise FeedError(f"feed {url}: feedparser failed ({type(exc).__name__}: {exc})") from exc
    warnings: list[str] = []
    entries = [_entry(e, url, now, n, warnings) for n, e in enumerate(d.entries[:max_entries * 2])]
    usable = [e for e in entries if e and (e.guid or e.url or e.title or e.summary or e.content)]
    if len(usable) < len(entries):
        skipped = sum(e is not None for e in entries) - len(usable)
        if skipped:
            warnings.append(f"{skipped} entries have no id, link, title or text (skipped)")
        entries = usable
    if d.get("bozo"):
        reason = _bozo_reason(d.get("bozo_exception"))
        if not entries and not d.feed.get("title"):
            raise FeedError(f"feed {url}: not a readable feed ({reason})")
        warnings.insert(0, f"read leniently: {reason}")
    if not d.get("version") and not entries:
        raise FeedError(f"feed {url}: no RSS, Atom or JSON Feed found (an HTML page or other document?)")
    return ParsedFeed(title=_clean(d.feed.get("title")), link=_http_url(d.feed.get("link"), url),
                      entries=_dedupe(entries, max_entries, warnings,
                                      len(entries) + max(0, len(d.entries) - max_entries * 2)),
                      ttl_minutes=_ttl(d.feed, warnings), warnings=warnings)
