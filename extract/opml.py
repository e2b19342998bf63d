"""OPML subscription lists in and out: `parse_opml(body)` and `to_opml(feeds)`.

    >>> to_opml([("https://example.com/rss", "Example")]).count("xmlUrl")
    1

Reading is lenient (feed readers write sloppy OPML: any nesting, `xmlUrl` in odd case, stray
HTML entities) and safe: DOCTYPE and ENTITY declarations are stripped first, and lxml is told
not to resolve entities or touch the network, so no entity expansion or external fetch happens.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from email.utils import format_datetime
from xml.sax.saxutils import quoteattr

from lxml import etree

from extract.clean import URL_CHARS, clean_text
from extract.errors import FeedError
from extract.feeds import strip_doctype
from extract.urls import is_http_url


def _attr(element: etree._Element, name: str) -> str | None:
    for key, value in element.attrib.items():
        if isinstance(key, str) and key.lower() == name.lower():
            text = clean_text(value, limit=URL_CHARS)   # the text boundary: a file from outside
            if text:
                return text
    return None


def parse_opml(body: bytes) -> list[tuple[str, str | None]]:
    """Returns (feed url, name) for every outline with an http(s) xmlUrl, nested ones included,
    in document order and without repeats; raises FeedError when the bytes are not OPML.

        feeds = parse_opml(Path("subscriptions.opml").read_bytes())
    """
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             recover=True, huge_tree=False, remove_comments=True)
    try:
        root = etree.fromstring(strip_doctype(body), parser)
    except etree.XMLSyntaxError as exc:
        raise FeedError(f"OPML: not readable XML ({exc})") from exc
    if root is None or not isinstance(root.tag, str) or etree.QName(root).localname.lower() != "opml":
        raise FeedError("OPML: the document's root element is not <opml>")
    feeds: list[tuple[str, str | None]] = []
    seen: set[str] = set()
    for outline in root.iter():
        if not isinstance(outline.tag, str) or etree.QName(outline).localname.lower() != "outline":
            continue
        url = _attr(outline, "xmlUrl")
        if not is_http_url(url) or url in seen:
            continue
        seen.add(url)
        feeds.append((url, _attr(outline, "title") or _attr(outline, "text")))
    return feeds


def to_opml(feeds: list[tuple[str, str | None]], title: str = "dealwatch feeds",
            now: datetime | None = None) -> str:
    """Returns an OPML 2.0 document listing `feeds` (url, name) as flat rss outlines."""
    created = format_datetime(now or datetime.now(timezone.utc), usegmt=True)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">', "  <head>",
             f"    <title>{_text(title)}</title>", f"    <dateCreated>{created}</dateCreated>",
             "  </head>", "  <body>"]
    for url, name in feeds:
        label = quoteattr(_NOT_XML.sub("", name or url))
        lines.append(f'    <outline type="rss" text={label} title={label} '
                     f'xmlUrl={quoteattr(_NOT_XML.sub("", url))}/>')
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: str) -> str:
    return _NOT_XML.sub("", value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
