"""Company mentions per sentence, with coreference: "the company", "the second
company", "the AI manufacturer", "it" resolved to a name the article used before.

`build_mentions` returns, for each sentence, the mentions in order. A mention is a
name ("Scale AI"), a person or news outlet (kept so rules can tell them apart),
or a definite description or pronoun resolved to a company name.

Resolution follows how news prose refers back:
- an ordinal ("the second company", "the latter") picks by order from the
  previous sentence that named two or more companies;
- a description in subject position refers to the subject of the latest clause
  before it ("Microsoft is weighing it and OpenAI did it. The AI maker ..." -> OpenAI);
- elsewhere it refers to the most recently named company;
- a description never refers to a company named in its own sentence (one clause
  rarely names a company twice under two names).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

from extract.parties import NameIndex, NameSpan, find_name_spans, is_media, looks_like_person, normalize_name

__all__ = ["Mention", "Grammar", "build_mentions"]


class Mention(NamedTuple):
    """A mention in a sentence: span, canonical name, kind, and whether it is a clause subject.

    kind: "org" (a name), "ref" (description or pronoun resolved to `name`),
    "person", "media".
    """

    start: int
    end: int
    name: str
    kind: str
    subject: bool
    possessive: bool = False


@dataclass(frozen=True)
class Grammar:
    """The language-specific patterns coreference needs.

    description: a definite description of a company; group "ord" holds an
    ordinal word if any. pronoun: "it"/"its". ordinal_first/ordinal_last: words
    that pick the first or the last company. subject_left: matches the text
    before a mention when the mention opens a clause.
    """

    description: re.Pattern[str]
    pronoun: re.Pattern[str]
    ordinal_first: frozenset[str]
    ordinal_last: frozenset[str]
    subject_left: re.Pattern[str]
    # A lower-case word that says what a company is ("chipmaker", "retailer"): a sentence
    # that opens with one and a name ("Chipmaker Arveon") is not naming "Chipmaker".
    descriptor: re.Pattern[str] | None = None
    # Matched where a sentence-initial name starts: an ordinary word that opens sentences and
    # names nothing ("Even as it ...", "Separately, X said"), which the article may use nowhere else.
    opener: re.Pattern[str] | None = None
    # Matched at the start of a sentence that opens with a subordinate clause ("Even as it ..."),
    # whose pronoun may refer to the main clause's subject after the comma.
    fronted_clause: re.Pattern[str] | None = None
    # Matched right after a name: an apposition that calls it a news outlet (", a financial news website,").
    media_apposition: re.Pattern[str] | None = None
    # Matched right after a name that follows "a"/"an": a relation that makes it a party ("a Carver customer").
    related_after: re.Pattern[str] | None = None
    # Whether "a"/"an" before a name makes it a modifier ("a Google spokesperson"): English. (German
    # "an" is a preposition: "den Zuschlag an SAP erteilt".)
    indefinite_article: bool = True
    # Matched at the end of the text before a name: a word that calls it a company ("der
    # Landtechnikkonzern John Deere"), so that a given name does not make it a person's.
    company_before: re.Pattern[str] | None = None
    # Finds the company names of a whole article (one list per text); None: the
    # capitalisation-based finder of `extract.parties`, right for English.
    find_names: Callable[[list[str]], list[list[NameSpan]]] | None = None
    # subject_left written backwards, or looser: it matches at the start of the reversed text
    # before a mention whenever subject_left matches at its end (its "^" a "\Z", its "\b" before
    # a word a "(?!\w)" after it), and a match of it that stops short of the reversed window's
    # end is one of subject_left. One anchored match instead of a search from every position of
    # the window (subject_left is searched only when the match runs to the window's start).
    # None: subject_left is searched. tests/test_mentions.py holds the two to agreeing.
    subject_left_reversed: re.Pattern[str] | None = None
    # The first word of a name that says what kind of body it is, and the description heads that
    # refer to it ("Stadt Würzburg" -> "die Stadt", "der Stadtrat"): German names a public body
    # by kind first. Heads in `named_only` refer only to such a name, never to the last subject
    # ("das Land" with no "Land X" named is the country, not a company).
    kind_heads: dict[str, tuple[str, ...]] = field(default_factory=dict)
    named_only: frozenset[str] = frozenset()


_WORDS = re.compile(r"\b[a-zäöüß][a-zäöüß\-]+\b")
# "(NASDAQ: ZPH)", "(LSE: VOD.L)": an exchange listing in brackets.
_TICKER = re.compile(r"\(\s*[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?\s*:\s*[A-Z0-9][A-Z0-9.\-]{0,9}\s*\)")
# After a sentence's first word: up to two lower-case words, the last one the head, then a name.
# The words before the head are nouns, not a verb ("Brightline snaps up rival Dovetail").
_DESCRIBED = re.compile(r"\s+((?:(?![a-z\-]*(?:s|ed|ing)\s)[a-z\-]+\s+){0,2}?)([a-z\-]+)\s+(?=[A-Z])")
# Heads that relate one company to another: "X rival Y" is not "a rival called Y".
_RELATIONAL = frozenset({"rival", "partner", "customer", "client", "parent", "investor", "owner", "buyer",
                         "seller", "target", "former", "latter", "supplier", "vendor", "acquirer", "purchaser"})
_APPOSITION = re.compile(r",\s*$")
_COORDINATED = re.compile(r"(?:, and|; and|;|, but) $")
# ", the Abu Dhabi investment group,": an apposition that describes the name before it.
_ASIDE = re.compile(r",\s+(?:the|a|an)\s+[^,]{1,80}?,")
_ARTICLE_BEFORE = re.compile(r"\b[Aa]n? $")
_ARTICLE_TAILS = frozenset({"a ", "A ", "n "})  # how every match of _ARTICLE_BEFORE ends
_LOWER_AFTER = re.compile(r"\s+[a-z]")


@lru_cache(maxsize=65536)
def _chunk_words(chunk: str) -> tuple[str, ...]:
    """Returns the lower-case words of one whitespace-free chunk of text ("start-up," -> "start-up").

    Words never span whitespace, so an article's vocabulary is the union over its
    chunks; chunks repeat within and across articles, and each is read once.
    """
    return tuple(_WORDS.findall(chunk))


# Per descriptor pattern (by id(): hashing a compiled pattern hashes all its code), its verdicts.
_DESCRIBES: dict[int, tuple[re.Pattern[str], dict[str, bool]]] = {}


def _describes(descriptor: re.Pattern[str], word: str) -> bool:
    """Returns True when `word` says what a company is (the grammar's descriptor matches all of it).

    Remembered per word (a bounded number of them): the pattern tries its long list of heads at
    every position of the word."""
    got = _DESCRIBES.get(id(descriptor))
    if got is None or got[0] is not descriptor:
        got = _DESCRIBES[id(descriptor)] = (descriptor, {})
    verdicts = got[1]
    verdict = verdicts.get(word)
    if verdict is None:
        verdict = descriptor.fullmatch(word) is not None
        if len(verdicts) < 16384:
            verdicts[word] = verdict
    return verdict


def _keep_span(span: NameSpan, text: str, lower_vocab: _Vocabulary, inner_caps: set[str],
               grammar: Grammar) -> NameSpan | None:
    """Returns the span as a company-name candidate, trimmed, or None when it is no name.

    - A sentence-initial capitalised word that the article also uses in lower case
      is an ordinary word: "Developers of AI models ..." (dropped), "Activist
      Elmstead buys ..." (trimmed to "Elmstead"); "Oracle agreed ..." stays.
    - A name used as a modifier after "a"/"an" ("a San Jose startup", "a Google
      spokesperson") names no party, unless a relation to it follows ("a Carver customer").
    """
    # "a "/"an " before the name: the letter before the space is tested first, the pattern only then.
    if grammar.indefinite_article and text[span.start - 2:span.start] in _ARTICLE_TAILS and _ARTICLE_BEFORE.search(
            text[max(0, span.start - 3):span.start]) and _LOWER_AFTER.match(
        text[span.end:span.end + 2]
    ) and (grammar.related_after is None or not grammar.related_after.match(text, span.end)):
        return None
    if not span.initial or span.surface in inner_caps:
        return span
    first, _, rest = span.surface.partition(" ")
    descriptor, opener = grammar.descriptor, grammar.opener
    if descriptor is not None:
        # "Chipmaker Arveon", "Insurer Carrow Mutual": a sentence opens with what the company is.
        if _describes(descriptor, first.lower()) and rest and rest.split(" ", 1)[0] not in ("of", "&"):
            return NameSpan(span.start + len(first) + 1, span.end, rest, span.possessive, False)
        # "Supermarket chain Finchley's", "Private equity firm Larchmont": a modifier of the description.
        described = _DESCRIBED.match(text, span.end) if not rest else None
        if described and _describes(descriptor, described.group(2)) and described.group(2) not in _RELATIONAL:
            return None
    # (An opener before another capitalised word may be part of the name: "Just Eat"; but a dateline's
    # city in capitals is one however many words: "SAO PAULO, May 2 (Wire) -".)
    if (first.lower() not in lower_vocab and ((rest and not span.surface.isupper()) or opener is None
                                              or not opener.match(text, span.start))) \
            or rest.split(" ", 1)[0] in ("of", "&"):
        return span
    if not rest:
        return None
    if span.surface.isupper():
        opened = opener.match(text, span.start) if opener is not None else None
        if opened is not None and opened.end() >= span.end:
            return None  # the whole capitalised run is the dateline's place ("DES MOINES, Iowa, ... --")
    start = span.start + len(first) + 1
    return NameSpan(start, span.end, rest, span.possessive, False)


def _collect(texts: list[str], grammar: Grammar, spans: list[list[NameSpan]] | None = None) -> tuple[
    list[list[NameSpan]], _Vocabulary, set[str]
]:
    """Returns name spans per text, the lower-case vocabulary, and names seen mid-sentence."""
    if spans is None:
        spans = grammar.find_names(texts) if grammar.find_names else [find_name_spans(t) for t in texts]
    inner = {s.surface for ss in spans for s in ss if not s.initial}
    return spans, _Vocabulary(texts), inner


_NON_SPACE = re.compile(r"\S*")


class _Vocabulary:
    """The lower-case words of an article (the union of `_chunk_words` over its chunks),
    answered per word asked: only sentence-initial names ask, a few dozen per article,
    so looking for each one is cheaper than listing every word of the article."""

    def __init__(self, texts: list[str]) -> None:
        self._text = "\n".join(texts)  # chunks never span whitespace: joining adds none
        self._known: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        got = self._known.get(word)
        if got is None:
            got = self._known[word] = bool(word) and self._find(word)
        return got

    def _find(self, word: str) -> bool:
        """Returns True when a chunk holding `word` has it among its words."""
        text = self._text
        i = text.find(word)
        while i >= 0:
            start = i
            while start and not text[start - 1].isspace():
                start -= 1
            if word in _chunk_words(text[start:_NON_SPACE.match(text, i).end()]):
                return True
            i = text.find(word, i + 1)
        return False


@lru_cache(maxsize=16384)
def _last_word(name: str) -> str:
    """Returns the last word of a name, lower-cased ("Port Carrow City Council" -> "council");
    remembered per name, which an article repeats."""
    return name.rsplit(" ", 1)[-1].lower()


@dataclass
class _History:
    """Company names seen so far: per sentence, all names and clause subjects, in order."""

    names: list[list[str]]
    subjects: list[list[str]]
    # Every name seen so far by its last word, lower-cased, and how often it was named:
    # "council" -> {"Port Carrow City Council": 5, "Whitsand Shire Council": 1}.
    by_last: dict[str, dict[str, int]] = field(default_factory=dict)
    kind_heads: dict[str, tuple[str, ...]] = field(default_factory=dict)  # Grammar.kind_heads

    def add(self, names: list[str], subjects: list[str]) -> None:
        """Records the company names and clause subjects of one more sentence."""
        self.names.append(names)
        self.subjects.append(subjects)
        for n in names:
            counts = self.by_last.setdefault(_last_word(n), {})
            counts[n] = counts.get(n, 0) + 1
            if self.kind_heads and " " in n:
                for head in self.kind_heads.get(n.split(" ", 1)[0].lower(), ()):
                    counts = self.by_last.setdefault(head, {})
                    counts[n] = counts.get(n, 0) + 1

    def describe(self, head: str, name: str) -> None:
        """Records that the article called `name` by the description `head` ("the operator")."""
        counts = self.by_last.setdefault(head, {})
        counts[name] = counts.get(name, 0) + 1

    def named_by(self, head: str, exclude: set[str]) -> str | None:
        """Returns the company seen so far whose name ends in the description's head word
        ("the council" -> "Port Carrow City Council"), the most often named of several; None
        when no name ends so."""
        found = self.by_last.get(head)
        if not found:
            return None
        # (max keeps the first of equals: the earlier named, as dicts keep insertion order)
        best = max((n for n in found if n not in exclude), key=found.__getitem__, default=None)
        return best

    def recent(self, exclude: set[str], back: int = 3) -> str | None:
        """Returns the most recently named company not in `exclude`."""
        for names in reversed(self.names[-back:]):
            for n in reversed(names):
                if n not in exclude:
                    return n
        return None

    def last_subject(self, exclude: set[str], back: int = 3) -> str | None:
        """Returns the subject of the latest clause that had a company subject."""
        for subs in reversed(self.subjects[-back:]):
            for n in reversed(subs):
                if n not in exclude:
                    return n
        return None

    def ordinal(self, first: bool, exclude: set[str], back: int = 3) -> str | None:
        """Returns the first or last company of the latest sentence naming two or more."""
        for names in reversed(self.names[-back:]):
            uniq = [n for i, n in enumerate(names) if n not in names[:i]]
            if len(uniq) >= 2:
                pick = uniq[0] if first else uniq[-1]
                return pick if pick not in exclude else None
        return None


def _names_of(texts: list[str], spans: list[list[NameSpan]], vocab: _Vocabulary, inner: set[str],
              grammar: Grammar) -> tuple[
    list[list[tuple[NameSpan, str]]], NameIndex
]:
    """Returns the spans of each text labelled org/person/media, and the article's name index."""
    labelled: list[list[tuple[NameSpan, str]]] = []
    person_tokens: set[str] = set()
    surnames: set[str] = set()
    outlets: set[str] = set()  # names an apposition calls a news outlet ("X, a financial news website,")
    media_apposition = grammar.media_apposition
    for text, ss in zip(texts, spans):
        row = []
        # A listing needs a colon: most sentences have none and skip the pattern.
        tickers = ":" in text and [(m.start(), m.end()) for m in _TICKER.finditer(text)]
        for sp in ss:
            if tickers and any(s <= sp.start < e for s, e in tickers):
                continue  # "(NASDAQ: ZPH)": a listing, not another company
            # (`_keep_span` keeps a mid-sentence name as it is unless "a"/"an" stands before it.)
            if sp.initial or (text[sp.start - 2:sp.start] in _ARTICLE_TAILS and grammar.indefinite_article):
                sp = _keep_span(sp, text, vocab, inner, grammar)
                if sp is None:
                    continue
            if looks_like_person(text, sp) and not (
                    grammar.company_before is not None and grammar.company_before.search(text, max(0, sp.start - 60), sp.start)):
                kind = "person"
                words = sp.surface.split()
                person_tokens.update(words[1:])
                if len(words) == 1:
                    surnames.add(words[0])  # "Mr. Cueto": a full name ending so is that person's
            elif is_media(sp.surface) or (text[max(0, sp.start - 4):sp.start] in ("The ", "the ")
                                          and is_media("the " + sp.surface)) or (
                    text[sp.start - 1:sp.start] == "(" and text[sp.end:sp.end + 3] in (") -", ") —", ") –")):
                # "The Information": the article is part of the outlet's name; "LONDON (Wire) -": a dateline's agency
                kind = "media"
            else:
                kind = "org"
                if text[sp.end:sp.end + 1] == "," and media_apposition is not None and media_apposition.match(
                        text, sp.end):
                    outlets.add(sp.surface)
            row.append((sp, kind))
        labelled.append(row)
    # A surname alone, once the full name was seen as a person's, is that person.
    org_names = [sp.surface for row in labelled for sp, kind in row if kind == "org"]

    def personal(surface: str) -> bool:
        if surface in person_tokens:
            return True
        words = surface.split()
        return 2 <= len(words) <= 3 and words[-1] in surnames and all(w[1:].islower() for w in words[:-1])

    if outlets or not person_tokens.isdisjoint(org_names) or (surnames and any(map(personal, org_names))):
        labelled = [
            [(sp, "person" if kind == "org" and personal(sp.surface) else
              "media" if kind == "org" and sp.surface in outlets else kind) for sp, kind in row]
            for row in labelled
        ]
        org_names = [sp.surface for row in labelled for sp, kind in row if kind == "org"]
    index = NameIndex(org_names, _units(texts, labelled))
    return labelled, index


# "Telvia agreed to sell its towers business, Telvia Towers", "verkauft seine Sparte Farbenwerk Marine", "des
# Geschäftsbereichs Mahrholz Medical": a longer name a possessive or an article and a unit noun introduce is the
# unit of the company its first words name, not that company's full name (see `_units`).
_OWNED = re.compile(r"(?i)\b(?:its|their|seine[mnrs]?|ihre[mnrs]?|des|der|den|dem|die)\s(?:[\w\-]+\s){0,5}?"
                    r"[\w\-]*(?:business|unit|division|subsidiary|arm|operations|tochter|tochtergesellschaft|sparte|"
                    r"geschäft|einheit|bereich)(?:s|es)?,?\s$")


def _units(texts: list[str], labelled: list[list[tuple[NameSpan, str]]]) -> set[str]:
    """Returns the names of several words that a possessive and a unit noun introduce, after their owner's
    name in the same sentence ("Telvia ... its towers business, Telvia Towers"; not "the Company ... its
    subsidiary Fernmoss Apparel", where a later "Fernmoss" is the unit)."""
    out = set()
    for text, row in zip(texts, labelled):
        for sp, kind in row:
            if kind != "org" or " " not in sp.surface or not _OWNED.search(text[max(0, sp.start - 80):sp.start]):
                continue
            unit = normalize_name(sp.surface)
            if any(o.start < sp.start and k == "org" and unit.startswith(normalize_name(o.surface) + " ")
                   for o, k in row):
                out.add(unit)
    return out


# Between a name that labels a roundup's item and the description that opens its sentence.
_LABEL_GAP = re.compile(r"(?:\s+\S+)?\s*[:–—]\s*")
_START = attrgetter("start")
# Makes a Mention from all its fields at C speed (the NamedTuple's __new__ is Python code).
_tuple_new = tuple.__new__


def build_mentions(texts: list[str], grammar: Grammar,
                   spans: list[list[NameSpan]] | None = None) -> list[list[Mention]]:
    """Returns the mentions of each text (sentences in article order), coreference resolved.

    `spans`: the name spans of each text when the caller found them already (the
    grammar's finder, or `find_name_spans` per text, must have made them)."""
    spans, vocab, inner = _collect(texts, grammar, spans)
    labelled, index = _names_of(texts, spans, vocab, inner, grammar)
    history = _History([], [], kind_heads=grammar.kind_heads)
    out: list[list[Mention]] = []
    opens_clause = _clause_opener(grammar)
    # An article names its companies again and again: each surface is looked up once.
    canonical: dict[str, str] = {}
    for text, row in zip(texts, labelled):
        if not row:
            # No names: only references, resolved against what came before.
            refs = _resolve_refs(text, grammar, history, [], opens_clause)
            refs.sort(key=_START)
            history.add([m.name for m in refs], [m.name for m in refs if m.subject])
            out.append(refs)
            continue
        mentions: list[Mention] = []
        for sp, kind in row:
            if kind == "org":
                # Only companies take part in coreference: a person's clause position is not needed.
                name = canonical.get(sp.surface)
                if name is None:
                    name = canonical[sp.surface] = index.canonical(sp.surface)
                mentions.append(_tuple_new(Mention, (sp.start, sp.end, name, kind, opens_clause(text, sp.start),
                                                     sp.possessive)))
            else:
                mentions.append(_tuple_new(Mention, (sp.start, sp.end, sp.surface, kind, False, sp.possessive)))
        refs = _resolve_refs(text, grammar, history, mentions, opens_clause)
        if refs:  # names are found in order already: only resolved references need sorting in
            mentions = sorted(mentions + refs, key=_START)
        history.add([m.name for m in mentions if m.kind == "org" or m.kind == "ref"],
                    [m.name for m in mentions if m.subject])  # only companies are subjects
        out.append(mentions)
    return out


# subject_left ends in "$" and only looks a few words back: searching a window instead
# of the whole prefix keeps the cost per mention flat in long sentences.
_SUBJECT_WINDOW = 80


def _clause_opener(grammar: Grammar) -> Callable[[str, int], bool]:
    """Returns a function of (text, pos) that returns True when the mention at `pos` opens a
    clause: subject_left matches the window of text before it."""
    search = grammar.subject_left.search
    if grammar.subject_left_reversed is None:
        return lambda text, pos: search(text, pos - _SUBJECT_WINDOW if pos > _SUBJECT_WINDOW else 0, pos) is not None
    backwards = grammar.subject_left_reversed.match

    def opens(text: str, pos: int) -> bool:
        lo = pos - _SUBJECT_WINDOW if pos > _SUBJECT_WINDOW else 0
        before = text[lo:pos][::-1]
        m = backwards(before)
        if m is None:
            return False
        # A match that reaches the window's left edge may lean on what the edge stands for ("^",
        # a word boundary) or be a looser form of subject_left's start: searched to be sure.
        return m.end() < len(before) or search(text, lo, pos) is not None

    return opens


def _overlaps(s: int, e: int, taken: list[tuple[int, int]]) -> bool:
    return any(s < te and ts < e for ts, te in taken)


def _cataphor(text: str, end: int, grammar: Grammar, mentions: list[Mention]) -> str | None:
    """Returns the subject a pronoun points ahead to, in a clause put before it ("Even as it
    abandoned the deal, Aurel said ..." -> Aurel), or None."""
    if grammar.fronted_clause is None or not grammar.fronted_clause.match(text):
        return None
    comma = text.find(",", end)
    if comma < 0:
        return None
    return next((x.name for x in mentions if x.kind == "org" and x.subject and x.start > comma), None)


def _resolve_refs(
    text: str, grammar: Grammar, history: _History, mentions: list[Mention],
    opens_clause: Callable[[str, int], bool],
) -> list[Mention]:
    """Returns descriptions and pronouns in `text` resolved to company names.

    `mentions`: the names of `text`; `opens_clause(text, pos)`: whether a mention at `pos` is a
    subject (see `_clause_opener`)."""
    refs: list[Mention] = []
    # What the names cover, and the companies the sentence names itself: worked out at the first
    # description or pronoun, which most sentences have none of.
    taken: list[tuple[int, int]] | None = None
    own: set[str] = set()
    for m in grammar.description.finditer(text):
        if taken is None:
            taken = [(x.start, x.end) for x in mentions]
            # (not a name only as a compound's first part: "wie ein Lufthansa-Sprecher bestätigte" tells who
            # speaks for the company the description means)
            own = {x.name for x in mentions if x.kind == "org" and text[x.end:x.end + 1] != "-"}
        if _overlaps(m.start(), m.end(), taken):
            continue
        if _APPOSITION.search(text, max(0, m.start() - 3), m.start()):
            described = next((x for x in mentions if x.kind == "org" and text[x.end:m.start()].strip() == ","), None)
            if described is not None:
                # "Polyvance, the US maker of resins, ...": describes the name before it, and tells
                # what "the maker" means later in the article.
                history.describe(_last_word(m.group(0)), described.name)
                continue
        subject = opens_clause(text, m.start())
        ordw = (m.group("ord") or "").lower()
        before = [x for x in mentions if x.kind == "org" and x.end <= m.start()]
        head = m.group(0).rsplit(" ", 1)[-1].lower()
        named = None if ordw else history.named_by(head, own)
        if not named and head in grammar.named_only:
            continue
        # A roundup's item: "Porsche: Der Sportwagenbauer wird ...", "Tesla: The carmaker has ..." (the
        # name that opens the sentence, then a colon or dash, then the description).
        label = before[0] if len(before) == 1 and not text[:before[0].start].strip() \
            and _LABEL_GAP.fullmatch(text, before[0].end, m.start()) else None
        if label is not None:
            name = label.name
        elif named:
            name = named  # "the council": the one company so far whose name says it is a council
        elif ordw in grammar.ordinal_first or ordw in grammar.ordinal_last:
            name = history.ordinal(ordw in grammar.ordinal_first, own)
        elif subject and _COORDINATED.search(text, max(0, m.start() - 6), m.start()) and any(x.subject for x in before):
            # "X has spent two years on it, and the chain more than doubled its order": a clause joined
            # to one with a company subject continues that subject.
            name = next(x.name for x in reversed(before) if x.subject)
        elif subject:
            # A subject description refers back past its own sentence.
            name = history.last_subject(own) or history.recent(own)
        else:
            # An object description refers to a company named before it, but not to
            # the subject of its own clause ("X ... ends its relationship with the company").
            subjects = {x.name for x in before if x.subject}
            inside = [x.name for x in before if x.name not in subjects]
            # "X's chief executive said Y told the company ...": the company whose person speaks.
            owners = [x.name for x in before if x.possessive]
            name = inside[-1] if inside else owners[-1] if owners else history.recent(own)
        if not name and before:
            # Everything before is a subject: "X said that Y had selected the company" -> X,
            # not Y, which cannot be the object of its own verb.
            # A subject description ("..., the lender said") is the sentence's first subject.
            name = next((x.name for x in reversed(before) if x.name != before[-1].name), before[-1].name) \
                if not subject else next((x.name for x in before if x.subject), before[-1].name)
        if name:
            possessive = text[m.end():m.end() + 2] in ("'s", "’s")
            refs.append(Mention(m.start(), m.end(), name, "ref", subject, possessive))
    for m in grammar.pronoun.finditer(text):
        if taken is None:
            taken = [(x.start, x.end) for x in mentions]
        if _overlaps(m.start(), m.end(), taken):
            continue
        subject = opens_clause(text, m.start())
        before = sorted((x for x in mentions + refs if x.kind in ("org", "ref") and x.end <= m.start()
                         and not x.possessive), key=_START)
        # "X, which works with Y, said it would ...": "it" is the subject before it; a name inside
        # an apposition ("X, the Abu Dhabi investment group, said it ...") is a modifier there.
        asides = [(a.start(), a.end()) for a in _ASIDE.finditer(text, 0, m.start())]
        subj = [x for x in before if x.subject and not any(a <= x.start < b for a, b in asides)]
        if not subject and len(subj) >= 2 and subj[-1].name != subj[-2].name:
            # "X said that Y has selected it": an object is not its own clause's subject.
            subj = subj[:-1]
        name = subj[-1].name if subj else (before[-1].name if before else _cataphor(text, m.end(), grammar, mentions)
                                           or history.last_subject(set()))
        if name:
            refs.append(Mention(m.start(), m.end(), name, "ref", subject, False))
    return refs
