"""Article text and metadata from HTML, through trafilatura. Pure: bytes in, Article out.

The page is parsed once. Its metadata comes from the feed entry when the feed gives it (title,
date), else from the page's own meta tags and JSON-LD; trafilatura's full metadata pass (a
wide search for dates, authors, categories) is skipped: it cost more than the extraction itself.
The text comes from one fast pass of trafilatura's main extractor (no readability/justext
comparison), which finds as much of the main text as its default extract() on real pages, at
about two thirds of the CPU (benchmarks/extraction.py).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timezone

import trafilatura
from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura.metadata import examine_meta, extract_meta_json, extract_title
from trafilatura.settings import use_config
from trafilatura.utils import load_html

from extract.clean import NAME_CHARS, TEXT_CHARS, TITLE_CHARS, clean_text, sane_date
from extract.errors import ExtractionError
from extract.language import article_language
from extract.model import Article
from extract.urls import canonical_url, is_http_url

# trafilatura logs every page it finds too short; the pipeline records that reason itself.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

_CONFIG = use_config()
# No per-page timeout thread: extraction runs in worker processes that the pipeline bounds.
_CONFIG.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
_CONFIG.set("DEFAULT", "MIN_EXTRACTED_SIZE", "200")
_CONFIG.set("DEFAULT", "MIN_OUTPUT_SIZE", "100")


@dataclass
class PageMeta:
    """What a page says about itself in its head: title, date, author, outlet, language, URL."""

    title: str | None = None
    published_at: datetime | None = None
    author: str | None = None
    site_name: str | None = None
    language: str | None = None      # the <html lang> attribute, as written
    url: str | None = None           # the page's canonical link (or og:url), canonicalised
    page_title: str | None = None    # the page's own title when `title` came from the feed


def _parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def parse_page(html: bytes | str, *, url: str) -> HtmlElement:
    """Returns the parsed page; raises ExtractionError for an empty or unparsable body."""
    if not html or not (html.strip() if isinstance(html, str) else html.strip()):
        raise ExtractionError(f"page {url}: empty body, no article text")
    try:
        tree = load_html(html)
    except Exception as exc:  # lxml raises assorted parser errors on broken markup
        raise ExtractionError(f"page {url}: HTML could not be parsed: {exc}") from exc
    if tree is None:
        raise ExtractionError(f"page {url}: HTML could not be parsed (not an HTML document?)")
    return tree


def page_metadata(tree: HtmlElement, *, url: str, title: str | None = None,
                  published: datetime | None = None) -> PageMeta:
    """Returns the page's metadata; a title or date already known (from the feed) is not searched for.

    Reads meta tags, OpenGraph and JSON-LD, the <title>/<h1> when no title is found there, and
    htmldate's quick date search (meta tags, <time>, the URL) when no date is known.
    """
    meta = examine_meta(tree)
    try:
        meta = extract_meta_json(tree, meta)
    except Exception:  # trafilatura's JSON-LD reader fails on some malformed blocks; it is optional
        pass
    if not meta.title:
        meta.title = extract_title(tree)
    page_url = meta.url if is_http_url(meta.url) else None
    if page_url is None:
        link = tree.find('.//head/link[@rel="canonical"]')
        href = (link.get("href") or "").strip() if link is not None else ""
        page_url = href if is_http_url(href) else None
    if published is None:
        try:
            published = _parse_date(find_date(tree, extensive_search=False, original_date=True,
                                              url=url if is_http_url(url) else None))
        except Exception:  # htmldate trips over odd markup now and then; a date is optional
            published = None
    return PageMeta(title=title or meta.title or None, published_at=published,
                    author=meta.author or None, site_name=meta.sitename or None,
                    language=tree.get("lang"), url=canonical_url(page_url) if page_url else None,
                    page_title=meta.title or None)


def _fold(line: str | None) -> str:
    return " ".join((line or "").split()).casefold()


def _without_headline(text: str, titles: tuple[str | None, ...]) -> str:
    """Returns the text stripped, without a first line that repeats the headline (the title has it)."""
    text = text.strip()
    first, _, rest = text.partition("\n")
    if first and _fold(first) in {_fold(t) for t in titles if t}:
        return rest.strip()
    return text


def extract_article(html: bytes | str, *, url: str, title: str | None = None,
                    published: datetime | None = None) -> Article:
    """Returns the article in an HTML page: main text, title, date, author, language, outlet.

    `title` and `published` are what the feed entry says, used rather than searched for in the
    page. Raises ExtractionError when the page holds no article text (an index page, a paywall stub).
    """
    tree = parse_page(html, url=url)
    meta = page_metadata(tree, url=url, title=title, published=published)
    try:
        # trafilatura works on its own copy of the tree
        doc = trafilatura.bare_extraction(
            tree, url=url, with_metadata=False, include_comments=False, include_tables=True,
            deduplicate=False, fast=True, config=_CONFIG)
    except Exception as exc:  # trafilatura raises assorted lxml/parser errors on broken markup
        raise ExtractionError(f"page {url}: HTML could not be parsed: {exc}") from exc
    notes: list[str] = []   # fields cut to their limit, implausible dates: kept on the article
    text = clean_text(_without_headline((getattr(doc, "text", None) or "") if doc is not None else "",
                                        (title, meta.title, meta.page_title)),
                      limit=TEXT_CHARS, line=False, notes=notes, name="text")
    if not text:
        raise ExtractionError(f"page {url}: no article text found (index page, paywall or script-only page?)")
    title = clean_text(meta.title, limit=TITLE_CHARS, notes=notes, name="title")
    extra = {"page_url": meta.url} if meta.url else {}
    if notes:
        extra["notes"] = notes
    return Article(
        url=url,
        title=title,
        text=text,
        published_at=sane_date(meta.published_at, now=datetime.now(timezone.utc), label="page",
                               notes=notes),
        author=clean_text(meta.author, limit=NAME_CHARS, notes=notes, name="author"),
        language=article_language(meta.language, f"{title or ''}\n{text}"),
        site_name=clean_text(meta.site_name, limit=NAME_CHARS, notes=notes, name="site name"),
        extra=extra,
    )


def article_from_text(raw: str, *, url: str) -> Article:
    """Returns an Article from plain text whose first non-empty line is the headline.

    The text is cleaned (extract.clean) like a page's; a cut is kept in extra["notes"].
    """
    notes: list[str] = []
    lines = (clean_text(raw, limit=TEXT_CHARS, line=False, notes=notes, name="text") or "").splitlines()
    if not lines:
        return Article(url=url, title=None, text="")
    text = "\n".join(lines[1:]).strip()
    return Article(url=url, title=clean_text(lines[0], limit=TITLE_CHARS, notes=notes, name="title"),
                   text=text, language=article_language(None, raw) if text else None,
                   extra={"notes": notes} if notes else {})
