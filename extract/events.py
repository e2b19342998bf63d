"""Detect business events (deals, customer changes) in the text of a news article.

The public entry point is `detect_events`. The pipeline is:

1. split the body into sentences (`extract.sentences`), page junk dropped;
2. find company mentions and resolve "the company", "it" (`extract.mentions`);
3. turn each sentence into a shadow of markers and match the language's frames
   (`extract.frames` with `extract.rules_en`, or another `extract.rules_<lang>`);
4. merge hits into one event per real-world event (`extract.merge`);
5. a trained verifier keeps the likely events (`extract.verify`), and a trained pair classifier
   adds events between two companies of a sentence that the rules missed (`extract.pairs`).

A language's rule module provides LANGUAGE, FRAMES, CUES and GRAMMAR, and may
provide `refine_hits(hits)` to join details that its language tells across
sentences; money, parties, the frame engine and the merge step are shared.
"""

from __future__ import annotations

import importlib
import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime
from types import ModuleType

from extract.frames import Frame, Hit, Shadow, build_shadow, match_anaphora, match_sentence, select_frames
from extract.language import guess_language
from extract.mentions import Mention, build_mentions
from extract.errors import UnsupportedLanguageError
from extract.merge import merge_hits
from extract.money import find_amounts, trie_alternation
from extract.model import Event
from extract.pairs import pair_events
from extract.roles import fill_roles
from extract.parties import NameSpan, find_name_spans
from extract.sentences import split_sentences
from extract.verify import verify_events

__all__ = ["detect_events", "rule_events", "read_candidates", "Candidates", "UnsupportedLanguageError", "supported_languages"]

_RULE_MODULES = {"en": "extract.rules_en", "de": "extract.rules_de"}


def supported_languages() -> list[str]:
    """Returns the language codes whose rule modules can be imported."""
    return [lang for lang in _RULE_MODULES if _load_rules(lang, missing_ok=True) is not None]


def _load_rules(language: str, missing_ok: bool = False) -> ModuleType | None:
    """Returns the rule module of `language`."""
    name = _RULE_MODULES.get(language)
    try:
        if name is None:
            raise ModuleNotFoundError(name=f"extract.rules_{language}")
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if missing_ok:
            return None
        raise UnsupportedLanguageError(
            f"language {language!r}: no rule set (have {sorted(_RULE_MODULES)}); pass language= to override"
        ) from exc


_TITLE_WORD = re.compile(r"[A-Za-z][\w'’\-]*")


def _sentence_case_title(title: str, sentences: list[str], lower: re.Pattern[str] | None = None,
                         body_spans: list[list[NameSpan]] | None = None) -> str:
    """Returns a Title Case headline with ordinary words lower-cased, so that
    "Oracle To Buy Cerner For $28bn" reads like prose; names the body uses stay.

    When the body's names are needed, `find_name_spans` of each sentence is put into
    `body_spans` (if given), so that the mention finder need not find them again."""
    if not _is_title_case(title):
        return title
    spans = [find_name_spans(s) for s in sentences]
    if body_spans is not None:
        body_spans[:] = spans
    return _lower_words(title, {tok for ss in spans for sp in ss for tok in sp.surface.split()}, lower)


def _is_title_case(line: str) -> bool:
    """Returns True when most longer words of a line are capitalised ("Oracle To Buy Cerner")."""
    long_words = [w for w in _TITLE_WORD.findall(line) if len(w) > 3]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) >= 0.7 * len(long_words)


def _lower_words(title: str, keep: set[str], lower: re.Pattern[str] | None) -> str:
    """Returns a Title Case line with its capitalised words lower-cased, but for the words of
    names in `keep` (without any, only the words `lower` matches)."""
    def fix(m: re.Match[str]) -> str:
        w = m.group(0)
        if w in keep or w.rstrip("'’s") in keep or not w[1:].islower():
            return w
        # Without the body's names to go by, only the language's headline words are lowered.
        return w.lower() if keep or (lower is not None and lower.match(w)) else w

    return _TITLE_WORD.sub(fix, title)


_LINE_END = frozenset('.!?:;,"”’)')


def _title_line_spans(sentences: list[str], spans: list[list[NameSpan]],
                      lower: re.Pattern[str] | None) -> list[list[NameSpan]]:
    """Returns `spans` with the names of each Title Case line of the body found in its sentence-cased
    form (as for the headline: words of the other sentences' names kept), at the same places."""
    out = spans
    uses: Counter[str] | None = None
    for i, line in enumerate(sentences):
        # (a Title Case line is read as one capitalised run)
        if line[-1:] in _LINE_END or len(spans[i]) != 1 or line.count(" ") < 3 or not _is_title_case(line):
            continue
        if uses is None:
            uses = Counter(tok for ss in spans for sp in ss for tok in sp.surface.split())
        own = Counter(tok for sp in spans[i] for tok in sp.surface.split())
        cased = _lower_words(line, {tok for tok, n in uses.items() if n > own[tok]}, lower)
        if cased == line:
            continue
        if out is spans:
            out = list(spans)
        out[i] = [NameSpan(sp.start, sp.end, line[sp.start:sp.end], sp.possessive, sp.initial)
                  for sp in find_name_spans(cased)]
    return out


@dataclass
class Candidates:
    """What the rules read from one article: their events and what the verifier needs to judge them.

    texts: the sentences read (the headline first when `offset` is 1); mentions: each text's
    mentions; sources: the hits each event was merged from, in the order of `events`; triggers:
    the frames whose trigger words each text holds (none for a text that names no company)."""

    lang: str
    texts: list[str]
    offset: int
    mentions: list[list[Mention]]
    events: list[Event]
    sources: list[list[Hit]]
    triggers: list[tuple[Frame, ...]]


def detect_events(
    text: str,
    *,
    title: str | None = None,
    published: datetime | None = None,
    language: str | None = None,
) -> list[Event]:
    """Returns the events an analyst would read from one article, one per real-world event.

    `text` is the body (paragraphs separated by blank lines; page junk lines are
    ignored), `title` the headline. `language` picks the rule set ("en", "de");
    None guesses it from function words. `published` is accepted for callers that
    know it; relative dates in the text are not resolved against it yet.
    Raises UnsupportedLanguageError when no rule set exists for the language.

    The rules propose events (`read_candidates`); a trained verifier (`extract.verify`) gives
    each its `confidence`, the calibrated probability that it is right, and drops the unlikely;
    a trained pair classifier (`extract.pairs`) adds the events the rules missed between two
    companies of a sentence, with its own calibrated `confidence`.

    >>> [(e.subtype, e.acquirer, e.target, e.amount, e.status)
    ...  for e in detect_events("Oracle has agreed to buy Cerner for $28.3 billion.")]
    [('acquisition', 'Oracle', 'Cerner', 28300000000.0, 'announced')]
    """
    del published  # reserved: background deals are told apart by their wording today
    c = read_candidates(text, title=title, language=language)
    kept = verify_events(c)
    return _between_firms(fill_roles(kept + pair_events(c, kept, _load_rules(c.lang).CUES), c.texts, c.mentions))


# Sports clubs ("TSV Eichenau", "SC Freiburg", "Otley Juniors") and political or public bodies ("Centre
# Party", "Civic List", "Faculty of Science"): their mergers are no deals between firms, and a club a player
# leaves is no vendor.
_CLUB = re.compile(r"(?:^|[\s\-])(?:FC|SC|SV|TSV|TuS|SG|VfB|VfL|VfR|TSG|SSV|FSV|SpVgg|DJK|AFC|RFC|BSC|ESV)(?:$|[\s\-])|"
                   r"(?i:verein|\bclub\b|\bklub\b|\bjuniors\b|\bcolts\b)")
_BODY = re.compile(r"(?i)(?:^|\s)(?:party|alliance|list|council|faculty|partei|fraktion|liste|bündnis|parish|"
                   r"schützen\S*)(?:$|\s)")


# A player named by position ("striker Mbeki", "Mittelfeldspieler Elias Grünwald"): a transfer, no customer.
_PLAYER = ("striker|winger|midfielder|defender|goalkeeper|forward|keeper|full-back|centre-back|center-back|"
           "playmaker|stürmer|mittelfeldspieler|verteidiger|torhüter|torwart|flügelspieler|abwehrspieler")
_PLAYER_FIRST = re.compile(rf"(?i)(?:{_PLAYER}) ")


# An agreement to license, co-promote or co-develop is a partnership, no purchase ("has signed a co-promotion
# agreement with Y", "eine Lizenzvereinbarung mit Y"): no customer change.
_PARTNERING = re.compile(r"(?i)\b(?:co-promotion|co-marketing|co-production|co-development|licensing|"
                         r"(?:exklusive[nr]? )?(?:lizenz|kooperations|entwicklungs|vermarktungs)(?:vereinbarung|partnerschaft|"
                         r"abkommen))\b")


def _between_firms(events: list[Event]) -> list[Event]:
    """Returns the events without mergers of clubs or political and public bodies, and without
    a player's transfer told as a customer change or a sale (both of its sides)."""
    def club_or_body(name: str | None) -> bool:
        return bool(name) and bool(_CLUB.search(name) or _BODY.search(name))

    def transfer(e: Event) -> bool:
        if e.event_type == "customer_change" and any(n and _CLUB.search(n) for n in (e.vendor, e.competitor)):
            return True
        player = e.customer or e.target
        return bool(player) and bool(_PLAYER_FIRST.match(player) or re.search(
            rf"(?i)\b(?:{_PLAYER}) {re.escape(player)}", e.evidence or ""))

    transfers = {(e.customer or e.target, e.evidence) for e in events if transfer(e)}
    return [e for e in events
            if not (e.subtype == "merger" and (club_or_body(e.acquirer) or club_or_body(e.target)))
            and (e.customer or e.target, e.evidence) not in transfers
            and not (e.subtype == "new_customer" and _PARTNERING.search(e.evidence or ""))]


def rule_events(text: str, *, title: str | None = None, language: str | None = None) -> list[Event]:
    """Returns the events the rules read, before the verifier judges them (what the rules' own
    tests check: a one-sentence snippet is no article, and the verifier was trained on articles)."""
    return read_candidates(text, title=title, language=language).events


def read_candidates(text: str, *, title: str | None = None, language: str | None = None) -> Candidates:
    """Returns the events the rules read from one article (with the rules' own confidence),
    and the sentences, mentions and hits behind them. Arguments as for `detect_events`."""
    lang = language or guess_language(f"{title or ''}\n{text}")
    rules = _load_rules(lang)
    sentences = [s.text for s in split_sentences(text)]
    texts = sentences
    body_spans: list[list[NameSpan]] = []
    if title and title.strip():
        head = title.strip()
        if lang == "en":  # Title Case is an English habit; German capitalises every noun anyway
            head = _sentence_case_title(head, sentences, getattr(rules, "HEADLINE_LOWER", None), body_spans)
        texts = [head, *sentences]
    offset = 1 if len(texts) > len(sentences) else 0
    # The body's names (English finds names per sentence, a language with its own finder reads the
    # whole article and finds its own); a Title Case line of the body (a page's headline, "Ridgeway
    # Foods Completes Acquisition of Bellmont Bakery") is read as the headline is.
    spans = None
    if rules.GRAMMAR.find_names is None:
        body_spans = body_spans or [find_name_spans(s) for s in sentences]
        body_spans = _title_line_spans(sentences, body_spans, getattr(rules, "HEADLINE_LOWER", None))
        spans = [find_name_spans(texts[0]), *body_spans] if offset else body_spans
    mentions = build_mentions(texts, rules.GRAMMAR, spans)
    hits: list[Hit] = []
    triggers: list[tuple[Frame, ...]] = []
    anaphora = getattr(rules, "ANAPHORA", ())
    reorder = getattr(rules, "subject_first", None)
    last_event = 0
    for i, (sentence, ms) in enumerate(zip(texts, mentions)):
        found: list[Hit] = []
        shadow = None
        # A frame's roles are companies: a sentence naming none (only people, outlets) has no event.
        # Most sentences hold no trigger word either: they need no shadow and no frame.
        frames = select_frames(sentence, rules.FRAMES) if ms and (ms[0].kind in ("org", "ref") or any(
            m.kind in ("org", "ref") for m in ms)) else ()
        triggers.append(frames)
        read = bool(frames)
        if frames:
            # Nor can a frame match whose pattern needs more "E"s than the shadow would hold (a
            # company marker or a "PER" per mention, at most): most frames need two companies.
            marks = sum(m.kind != "media" for m in ms)
            if any(f.min_e > marks for f in frames):
                frames = tuple(f for f in frames if f.min_e <= marks)
                # A participle clause (", reducing ...") is read with all the frames: it needs the shadow.
                read = bool(frames) or ("," in sentence and "ing" in sentence.lower())
        if read:
            shadow = build_shadow(sentence, ms, lang)
            # The headline is sentence -1: it may add or confirm an event, never be its evidence of choice.
            found = match_sentence(shadow, i - offset, frames, rules.CUES)
            found += _participle_hits(shadow, i - offset, rules.FRAMES, rules.CUES, found)
            if reorder is not None and frames:
                found += _reordered_hits(shadow, reorder, i - offset, frames, rules.CUES, found)
            hits.extend(found)
        # A body sentence that tells no event of its own may add to one told before it.
        # (Only a few sentences after an event was read: an anaphor refers back to it.)
        # (Talks, a price or a spend only add to an event: the sentence may still be an anaphor.)
        if found and any(h.frame.family in _EVENT_FAMILIES for h in found):
            last_event = i
        elif anaphora and hits and i >= offset and i - last_event <= _ANAPHOR_REACH and _anaphor_hint(rules, sentence):
            shadow = shadow or build_shadow(sentence, ms, lang)
            hits.extend(match_anaphora(shadow, i - offset, anaphora, rules.CUES))
    refine = getattr(rules, "refine_hits", None)
    sources: list[list[Hit]] = []
    topic = _topic(mentions)
    hits = _join_sellers(hits)
    events = _inherit_currency(merge_hits(refine(hits, topic) if refine else hits, topic, sources),
                               f"{title or ''}\n{text}", lang)
    return Candidates(lang, texts, offset, mentions, events, sources, triggers)




# ", reducing its reliance on Y": a participle clause after a comma, read with its clause's subject.
# (Participles that work as prepositions, "including", "according to", start no clause.)
_PARTICIPLE = re.compile(r" , (?!(?:including|according|following|regarding|concerning|excluding|depending|"
                         r"notwithstanding|beginning|starting|pending|during|citing|amid|saying) )(?=[a-z]+ing )")


def _participle_hits(sh: Shadow, index: int, frames: tuple, cues, found: list[Hit]) -> list[Hit]:
    """Returns the hits of participle clauses ("X has qualified Z as a second source, reducing its
    reliance on Y") that the sentence itself did not yield, each read as if the subject of the
    clause before it said it. `frames`: all the language's frames (each clause picks its own)."""
    if " , " not in sh.shadow or not _PARTICIPLE.search(sh.shadow):
        return []
    out: list[Hit] = []
    for p in _PARTICIPLE.finditer(sh.shadow):
        # The clause's subject: the last subject company before the comma, an apposition
        # (", VT-204,") aside.
        subject = None
        for i, m in enumerate(sh.entities):
            pos = sh.shadow.find(f" E{i} ")
            if m.subject and 0 <= pos < p.start() and (subject is None or sh.shadow[max(0, pos - 2):pos] != " ,"):
                subject = i
        if subject is None:
            continue
        start = sh.shadow.find(f" E{subject} ")
        # The clause the participle hangs on sets its frame: a demand, a musing, a past told as background.
        main = sh.shadow[start:p.start() + 1]
        if cues.musing.search(main) or cues.background.search(main):
            continue
        clause = replace(sh, shadow=f" E{subject}{sh.shadow[p.start() + 2:]}", memo={})
        # Only the frames whose words the participle clause itself holds.
        for h in match_sentence(clause, index, select_frames(clause.shadow, frames), cues):
            if sh.entities[subject].name not in h.roles.values():
                continue  # the participle's subject is its clause's: it must take part
            if not any(h.frame.family == f.frame.family and h.roles == f.roles for f in found + out):
                out.append(h)
    return out


def _join_sellers(hits: list[Hit]) -> list[Hit]:
    """Returns the hits with each seller told on its own ("The seller is X", "Y is owned by X", "Y, a unit of
    X") given to the nearest deal that names none (of the same target, when it names one)."""
    sellers = [h for h in hits if h.frame.family == "seller"]
    if not sellers:
        return hits
    hits = [h for h in hits if h.frame.family != "seller"]
    for s in sellers:
        name = s.roles["seller"]
        deals = [d for d in hits if d.frame.family == "deal" and d.subtype in ("acquisition", "stake", "divestiture")
                 and "seller" not in d.roles and name not in d.roles.values() and abs(d.sentence - s.sentence) <= 4
                 and s.roles.get("target") in (None, d.roles.get("target"))]
        if deals:
            deal = min(deals, key=lambda d: (abs(d.sentence - s.sentence), d.sentence > s.sentence))
            deal.roles = {**deal.roles, "seller": name}
    return hits


def _reordered_hits(sh: Shadow, reorder, index: int, frames: tuple, cues, found: list[Hit]) -> list[Hit]:
    """Returns the hits of the sentence read in the word order the language's `reorder(shadow)` gives
    (German: the subject of a verb-second clause before its verb) that the sentence itself did not yield."""
    shadow = reorder(sh.shadow)
    if shadow is None:
        return []
    return [h for h in match_sentence(replace(sh, shadow=shadow, memo={}), index, frames, cues)
            if not any(h.frame.family == f.frame.family and h.roles == f.roles for f in found)]


_EVENT_FAMILIES = ("deal", "customer_change")


def _topic(mentions: list[list]) -> str | None:
    """Returns the company the article names most (names and references; the first of equals)."""
    counts: dict[str, int] = {}
    for ms in mentions:
        for m in ms:
            if m.kind == "org" or m.kind == "ref":
                counts[m.name] = counts.get(m.name, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None
# How many sentences after an event "the deal", "the transaction" may still refer to it.
_ANAPHOR_REACH = 6
_DIGIT = re.compile(r"\d")


def _anaphor_hint(rules: ModuleType, sentence: str) -> bool:
    """Returns True when a sentence may be an anaphor: a status verb, or a number and a price word."""
    low = sentence.lower()
    return bool(_as_trie(rules.ANAPHOR_HINT).search(low)
                or (_DIGIT.search(sentence) and _as_trie(rules.ANAPHOR_AMOUNT_HINT).search(low)))


_WORD_LIST = re.compile(r"[a-z ]+(?:\|[a-z ]+)*")
# Keyed by id(): hashing a compiled pattern hashes all its code, each time.
_TRIES: dict[int, tuple[re.Pattern[str], re.Pattern[str]]] = {}


def _as_trie(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """Returns a pattern found in the same texts as `pattern`: when that is a bare list of words
    ("deal|transaction|acqui|..."), the words as a trie ("d(?:eal|ivest|...)"), which is tried at
    a position with a test or two instead of one test per word; else `pattern` itself."""
    got = _TRIES.get(id(pattern))
    if got is None or got[0] is not pattern:
        plain = pattern.flags == re.UNICODE and _WORD_LIST.fullmatch(pattern.pattern)
        got = _TRIES[id(pattern)] = (pattern, re.compile(trie_alternation(dict.fromkeys(pattern.pattern.split("|"))))
                                     if plain else pattern)
    return got[1]


def _inherit_currency(events: list[Event], text: str, lang: str) -> list[Event]:
    """Returns the events with a bare amount ("14.3 billion") given the article's currency,
    when every amount of the article that names a currency names the same one."""
    if not any(e.amount is not None and e.currency is None for e in events):
        return events
    currencies = {a.currency for a in find_amounts(text, lang) if a.currency}
    if len(currencies) == 1:
        only = currencies.pop()
        for e in events:
            if e.amount is not None and e.currency is None:
                e.currency = only
    return events
