"""Split article text into sentences that stay verbatim substrings of the text.

Page junk that extractors leave behind ("listen Print view", "(Image: ...)",
"2 min. read", "Follow us on ...") is dropped before splitting. The splitter
knows abbreviations that end in a full stop but do not end a sentence:
"U.S.", "Inc.", "Corp.", "Mr.", "min. read", decimals such as "14.3".

    >>> [s.text for s in split_sentences("Meta Inc. bought 49% of Scale. It paid $14.3bn.")]
    ['Meta Inc. bought 49% of Scale.', 'It paid $14.3bn.']
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Sentence", "split_sentences", "is_junk_line"]


class Sentence(NamedTuple):
    """One sentence: its verbatim text, offset in the source text and position."""

    text: str
    start: int
    index: int
    paragraph: int


# Lines that page extractors keep but that are not article prose. Each entry is a
# general shape of site furniture, not a copy of one site's line.
_JUNK_LINE = re.compile(
    r"""^(?:
        listen(?:\s+print\s+view)?
      | print(?:\s+view)?
      | \(?(?:image|photo|picture|foto|bild|source|quelle)s?\s*:.*\)?
      | \d+\s+min(?:\.|ute)?s?\.?\s+read
      | videos?\s+by\s+\S+
      | don'?t\s+miss\s+any\s+news.*
      | (?:follow|share|subscribe)\b.{0,80}
      | advertisement | anzeige | werbung
      | read\s+more.{0,80} | related(?:\s+articles?)?:?.{0,60}
      | \(\s*[a-z]{2,5}\s*\)
      | this\s+article\s+was\s+originally\s+published.*
      | it\s+was\s+translated\s+with.*
      | (?:sign\s+up|log\s+in|newsletter).{0,60}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

# Tokens that end in "." without ending the sentence. Lower-cased, without the dot.
_ABBREVIATIONS = frozenset(
    """
    inc corp co ltd llc plc bros mr mrs ms dr prof sr jr st mt ft no nos vs etc approx
    est dept gov sen rep gen col capt lt sgt jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun fig min max vol ed eds al cf ca resp
    mio mrd mill bzw nr tsd ggf inkl zzgl usw evtl vgl sog gebr abs dipl
    """.split()
)
# A dotted acronym such as "U.S." or "e.g." ends a sentence only when a typical
# sentence opener follows it.
_DOTTED_ACRONYM = re.compile(r"(?:\b[A-Za-z]\.){2,}$")
_SINGLE_INITIAL = re.compile(r"(?:^|\s)[A-Z]\.$")
_OPENERS = frozenset(
    "the a an it its this that these those he she they we in on at but however and "
    "meanwhile also according after before while".split()
)

# A candidate boundary: terminal punctuation, optional closing quote or bracket,
# whitespace, then something that can start a sentence.
_BOUNDARY = re.compile(r"[.!?…][\"'”’“«)\]]*\s+(?=[\"'“‘„»(\[]?[A-Z0-9ÄÖÜ])")


def is_junk_line(line: str) -> bool:
    """Returns True for page furniture lines that are not article prose."""
    stripped = line.strip()
    return not stripped or bool(_JUNK_LINE.match(stripped))


# A letter that names a round, class or phase, not a person's initial.
_LABELLED_LETTER = re.compile(r"\b(?:Series|Class|Tier|Phase|Type|Grade|Plan|Model|Round|Section|Category) [A-Z]\.$")


# A German ordinal before a month or a counted noun ("zum 1. Juli", "im 2. Quartal", "die 3. Liga").
_ORDINAL = re.compile(r"(?:^|[\s(])(?:[1-9]|[12]\d|3[01])\.$")
_AFTER_ORDINAL = re.compile(
    r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Quartal|"
    r"Halbjahr|Geschäftshalbjahr|Liga|Bundesliga|Platz|Runde|Stock|Klasse|Jahrhundert|Kalenderwoche|Spieltag)\b")


def _is_false_boundary(chunk: str, following: str) -> bool:
    """Returns True when the full stop ending `chunk` belongs to an abbreviation or an ordinal."""
    if not chunk.endswith("."):
        return False
    if _ORDINAL.search(chunk, max(0, len(chunk) - 4)) and _AFTER_ORDINAL.match(following.lstrip()):
        return True
    # The chunk ends in "." so it has a last word; rsplit finds it from the end.
    word = chunk.rsplit(None, 1)[-1]
    bare = word.rstrip(".").lstrip("(\"'“‘").lower()
    if bare in _ABBREVIATIONS:
        return True
    if _DOTTED_ACRONYM.search(word):
        nxt = following.split(None, 1)[0].strip("\"'“‘(").lower() if following.strip() else ""
        return nxt not in _OPENERS
    # "John F. Kennedy": a lone capital initial; but "a $40 million Series B." ends a sentence.
    return bool(_SINGLE_INITIAL.search(chunk, max(0, len(chunk) - 3))) and not _LABELLED_LETTER.search(chunk)


def _split_block(text: str, offset: int) -> list[tuple[int, int]]:
    """Returns (start, end) spans, relative to the whole text, of the sentences in one block."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.start() + len(m.group(0).rstrip())
        if _is_false_boundary(text[start:end], text[m.end():m.end() + 40]):
            continue
        spans.append((offset + start, offset + end))
        start = m.end()
    if text[start:].strip():
        spans.append((offset + start, offset + len(text.rstrip())))
    return spans


_LINE = re.compile(r"[^\n]+")


def _blocks(text: str) -> list[tuple[int, int, int]]:
    """Returns (start, end, paragraph) spans of the prose blocks, junk lines dropped.

    A block is one line, or consecutive lines of a hard-wrapped paragraph (a line
    that ends without terminal punctuation, followed by a line in lower case).
    """
    blocks: list[tuple[int, int, int]] = []
    paragraph = 0
    prev_end = 0
    for m in _LINE.finditer(text):
        line = m.group(0)
        if text.count("\n", prev_end, m.start()) >= 2:
            paragraph += 1
        prev_end = m.end()
        if is_junk_line(line):
            continue
        lead = len(line) - len(line.lstrip())
        start, end = m.start() + lead, m.start() + len(line.rstrip())
        if blocks:
            p_start, p_end, p_par = blocks[-1]
            joins = (
                text.count("\n", p_end, start) == 1
                and not re.search(r"[.!?:\"”]$", text[p_start:p_end])
                and line.lstrip()[:1].islower()
            )
            if joins:
                blocks[-1] = (p_start, end, p_par)
                continue
        blocks.append((start, end, paragraph))
    return blocks


# Makes a Sentence from all its fields at C speed (the NamedTuple's __new__ is Python code).
_tuple_new = tuple.__new__


def split_sentences(text: str) -> list[Sentence]:
    """Returns the prose sentences of `text`, in order, each a verbatim substring.

    Paragraphs are separated by blank lines; junk lines are skipped.
    """
    out: list[Sentence] = []
    for b_start, b_end, paragraph in _blocks(text):
        for s, e in _split_block(text[b_start:b_end], b_start):
            out.append(_tuple_new(Sentence, (text[s:e], s, len(out), paragraph)))
    return out
