"""Article text and metadata from HTML, through trafilatura. Pure: bytes in, Article out."""

from __future__ import annotations

import logging
from datetime import datetime, timezone

import trafilatura
from trafilatura.settings import use_config

from extract.errors import ExtractionError
from extract.language import article_language
from extract.model import Article

# trafilatura logs every page it finds too short; the pipeline records that reason itself.
logging.getLogger("trafilatura").setLevel(logging.ERROR)

_CONFIG = use_config()
# No per-page timeout thread: extraction runs in worker processes that the pipeline bounds.
_CONFIG.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
_CONFIG.set("DEFAULT", "MIN_EXTRACTED_SIZE", "200")
_CONFIG.set("DEFAULT", "MIN_OUTPUT_SIZE", "100")
# Characters of text below which the fast extraction is not trusted and the full cascade runs;
# on the seed page and the benchmark corpus both give the same text, the fast one in half the time.
FULL_CASCADE_BELOW = 1000


def _parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def _bare_extraction(html: bytes | str, url: str, *, fast: bool):
    return trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=True, deduplicate=False, fast=fast, config=_CONFIG)


def extract_article(html: bytes | str, *, url: str) -> Article:
    """Returns the article in an HTML page: main text, title, date, author, language, outlet.

    Raises ExtractionError when the page holds no article text (a index page, a paywall stub).
    """
    if not html or not (html.strip() if isinstance(html, str) else html.strip()):
        raise ExtractionError(f"page {url}: empty body, no article text")
    try:
        # fast=True skips the readability/justext comparison, which doubles the cost of a page;
        # when the main extractor finds little, the full cascade gets its chance after all.
        doc = _bare_extraction(html, url, fast=True)
        if len(getattr(doc, "text", None) or "") < FULL_CASCADE_BELOW:
            doc = _bare_extraction(html, url, fast=False)
    except Exception as exc:  # trafilatura raises assorted lxml/parser errors on broken markup
        raise ExtractionError(f"page {url}: HTML could not be parsed: {exc}") from exc
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise ExtractionError(f"page {url}: no article text found (index page, paywall or script-only page?)")
    return Article(
        url=url,
        title=doc.title or None,
        text=text.strip(),
        published_at=_parse_date(doc.date),
        author=doc.author or None,
        language=article_language(doc.language, f"{doc.title or ''}\n{text}"),
        site_name=doc.sitename or None,
    )


def article_from_text(raw: str, *, url: str) -> Article:
    """Returns an Article from plain text whose first non-empty line is the headline."""
    lines = raw.strip().splitlines()
    if not lines:
        return Article(url=url, title=None, text="")
    text = "\n".join(lines[1:]).strip()
    return Article(url=url, title=lines[0].strip() or None, text=text,
                   language=article_language(None, raw) if text else None)
