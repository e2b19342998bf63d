"""One article in, its events out: the single code path shared by `detect`, `run` and `demo`."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import html as lxml_html

from extract.article import article_from_text, extract_article
from extract.errors import ExtractionError, UnsupportedLanguageError
from extract.events import detect_events
from extract.language import article_language
from extract.model import Article, Event

_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "br", "tr")


@dataclass
class Reading:
    """An article and the events read from it."""

    article: Article
    events: list[Event] = field(default_factory=list)


def events_of(article: Article) -> list[Event]:
    """Returns the events of an extracted article; none when its language has no rules.

    The reason is kept in article.extra["detection"], so the article is stored, not lost.
    """
    if not article.text.strip():
        return []
    if not article.language:  # a feed's full content carries no page metadata
        article.language = article_language(None, f"{article.title or ''}\n{article.text}")
    try:
        return detect_events(article.text, title=article.title, published=article.published_at,
                             language=(article.language or "")[:2].lower() or None)
    except UnsupportedLanguageError as exc:
        article.extra["detection"] = str(exc)
        return []


def read_html(page: bytes | str, *, url: str) -> Reading:
    """Extracts the article from an HTML page and detects its events."""
    article = extract_article(page, url=url)
    return Reading(article, events_of(article))


def read_text(raw: str, *, url: str) -> Reading:
    """Reads a plain-text article whose first line is the headline."""
    article = article_from_text(raw, url=url)
    return Reading(article, events_of(article))


def text_from_fragment(fragment: str) -> str:
    """Returns the text of an HTML fragment (a feed's full content), one line per block."""
    if not fragment or not fragment.strip():
        return ""
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except Exception as exc:  # lxml raises several error types on broken markup
        raise ExtractionError(f"feed content could not be parsed as HTML: {exc}") from exc
    for el in root.iter(*_BLOCKS):
        el.tail = "\n" + (el.tail or "")
    for bad in root.iter("script", "style"):
        bad.drop_tree()
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)
