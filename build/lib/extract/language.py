"""The language of an article: the page's own metadata when it has any, else a guess
from function-word counts, which is cheap and good enough to pick a rule set for
news prose (it labels every article of the corpus right; a language-ID package
such as py3langid would add a dependency for no gain on en/de news).

    >>> guess_language("Meta has acquired a stake in the start-up.")
    'en'
    >>> guess_language("Der Konzern hat die Firma für 1,2 Mrd. Euro übernommen.")
    'de'
"""

from __future__ import annotations

import re

__all__ = ["guess_language", "article_language", "normalize_language", "STOPWORDS"]

STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the of and to in is that for it with as was on by at from has have its are be will which "
        "said this an or but not would also their been after were more than".split()
    ),
    "de": frozenset(
        "der die das und in zu den von mit sich des auf für ist im dem nicht ein eine als auch es an "
        "werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum "
        "war haben nur oder aber vor zur bis mehr durch man sein wurde sei".split()
    ),
}
_WORD = re.compile(r"[a-zäöüß]+")


def guess_language(text: str, default: str = "en") -> str:
    """Returns the code of the language whose function words are most frequent in `text`.

    Only the first 2,000 characters are read; `default` when no function word is found.
    """
    words = _WORD.findall(text[:2000].lower())
    scores = {lang: sum(map(stop.__contains__, words)) for lang, stop in STOPWORDS.items()}
    best = max(scores, key=scores.get)
    return best if scores[best] > 0 else default


_CODE = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$")


def normalize_language(value: str | None) -> str | None:
    """Returns the ISO 639-1 code of a language tag ("de-DE" -> "de", "EN_us" -> "en"), or None.

    >>> normalize_language("de-DE"), normalize_language(" en "), normalize_language("x"), normalize_language(None)
    ('de', 'en', None, None)
    """
    m = _CODE.match(value or "")
    return m.group(1).lower() if m else None


def article_language(metadata: str | None, text: str) -> str:
    """Returns the language of an article: its metadata (e.g. <html lang>), else a guess from the text.

    Metadata naming one language whose text is clearly in another of ours (three times
    the function words, twenty at least) is a site-wide default, not the article's:
    the text wins then.

    >>> article_language("de-DE", "Der Konzern hat die Firma übernommen.")
    'de'
    >>> article_language(None, "Meta has acquired a stake in the start-up.")
    'en'
    """
    meta = normalize_language(metadata)
    if meta is None:
        return guess_language(text)
    if meta in STOPWORDS:
        words = _WORD.findall(text[:2000].lower())
        scores = {lang: sum(w in stop for w in words) for lang, stop in STOPWORDS.items()}
        best = max(scores, key=scores.get)
        if best != meta and scores[best] >= 20 and scores[best] >= 3 * scores[meta]:
            return best
    return meta
