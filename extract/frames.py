"""The language-neutral frame engine: a sentence becomes a "shadow" string in
which company mentions, amounts and percentages are markers, and each language's
frames are regexes over that shadow with named role groups.

Shadow of "This week, the Meta Group acquired a 49% stake in Scale AI.":

    " this week , E0 acquired a P0 stake in E1 . "

Markers: E<i> a company mention, M<i> an amount, P<i> a percentage, PER a
person, SRC a news outlet. Words are lower-cased; every token ends in a space, so
a frame writes "(?:\\S+ ){0,4}?" for "up to four words".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import reduce
from operator import or_

from extract.mentions import Mention
from extract.money import Money, find_amounts

__all__ = [
    "Shadow", "Frame", "Hit", "Anaphor", "build_shadow", "find_percents", "select_frames", "match_sentence",
    "match_anaphora", "ENT",
]

ENT = r"E\d+"
# ("40pc": the British press's per cent)
_PCT = re.compile(r"(?<![\w.])(\d{1,3}(?:[.,]\d+)?)\s?(?:%|percent\b|per cent\b|prozent\b|pc\b)", re.IGNORECASE)
# "u.s." is one token: its full stops end no clause.
# The tokens are "'s", "’s", "u.s.", "14.3", a word, one word character, or one other non-space
# character, tried in that order. Each alternative checks the first character (taken first, by
# the class every token opens with) with a lookbehind: a pattern that opens with a class lets the
# scan skip spaces at C speed.
_TOKEN = re.compile(r"[^\s](?:(?<=')s\b|(?<=’)s\b|(?<=[a-z])\.(?:[a-z]\.)+(?![\w])|(?<=\d)[\d,.]*\d|"
                    r"(?<=[\w])[\w\-.&']*[\w]|)")


# Percentages told in words, English and German, up to fifty (a stake's usual size).
_NUMBER_WORDS = {w: n for n, words in enumerate([
    "", "eins", "two zwei", "three drei", "four vier", "five fünf", "six sechs", "seven sieben",
    "eight acht", "nine neun", "ten zehn", "eleven elf", "twelve zwölf", "thirteen dreizehn", "fourteen vierzehn",
    "fifteen fünfzehn", "sixteen sechzehn", "seventeen siebzehn", "eighteen achtzehn", "nineteen neunzehn",
    "twenty zwanzig"]) for w in words.split()}
_NUMBER_WORDS.update({"thirty": 30, "dreißig": 30, "forty": 40, "vierzig": 40, "fifty": 50, "fünfzig": 50,
                      "twenty-five": 25, "fünfundzwanzig": 25})
_PCT_WORD = re.compile(rf"(?<![\w\-])({'|'.join(sorted(_NUMBER_WORDS, key=len, reverse=True))})"
                       r"\s(?:percent\b|per cent\b|prozent\b)", re.IGNORECASE)


def find_percents(text: str) -> list[tuple[int, int, float]]:
    """Returns (start, end, value) of each percentage in `text` ("49%", "20 percent")."""
    low = text.lower()
    if "%" not in text and "percent" not in low and "per cent" not in low and "prozent" not in low and "pc" not in low:
        return []  # substring tests instead of the full pattern at every position
    found = [(m.start(), m.end(), float(m.group(1).replace(",", "."))) for m in _PCT.finditer(text)]
    for m in _PCT_WORD.finditer(text):  # "zehn Prozent", "ten per cent"
        if not any(s <= m.start() < e for s, e, _ in found):
            found.append((m.start(), m.end(), float(_NUMBER_WORDS[m.group(1).lower()])))
    return sorted(found) if len(found) > 1 else found


@dataclass
class Shadow:
    """A sentence as markers and lower-cased tokens, with what each marker stands for."""

    text: str
    shadow: str
    entities: list[Mention]
    amounts: list[Money]
    percents: list[float]
    # Per-sentence answers that several hits of the sentence ask for (see `_anywhere`).
    memo: dict = field(default_factory=dict, repr=False, compare=False)

    def entity(self, marker: str | None) -> Mention | None:
        """Returns the mention behind an "E<i>" marker."""
        return self.entities[int(marker[1:])] if marker else None


_E_MARKERS = tuple(f"E{i}" for i in range(32))  # made once rather than per mention


def build_shadow(text: str, mentions: list[Mention], language: str = "en") -> Shadow:
    """Returns the shadow of one sentence (see module docstring)."""
    pieces: list[tuple[int, int, str]] = []
    entities: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for i, m in enumerate(mentions):
        # "Alphabet's Google": the possessor is a modifier, the party is the company after it.
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if m.possessive and nxt and nxt.kind in ("org", "ref") and 0 < nxt.start - m.end <= 3:
            continue
        if m.kind in ("org", "ref"):
            n = len(entities)
            marker = _E_MARKERS[n] if n < len(_E_MARKERS) else f"E{n}"
            entities.append(m)
        else:
            marker = "PER" if m.kind == "person" else "SRC"
        pieces.append((m.start, m.end, marker))
        taken.append((m.start, m.end))
    amounts = [a for a in find_amounts(text, language) if not any(a.start < e and s < a.end for s, e in taken)]
    for i, a in enumerate(amounts):
        pieces.append((a.start, a.end, f"M{i}"))
    percents = []
    low = text.lower()
    # find_percents' own test, on the sentence lowered here once for the tokens too.
    maybe_pct = "%" in text or "percent" in low or "per cent" in low or "prozent" in low or "pc" in low
    for s, e, v in find_percents(text) if maybe_pct else ():
        if any(s < pe and ps < e for ps, pe, _ in pieces):
            continue
        pieces.append((s, e, f"P{len(percents)}"))
        percents.append(v)
    pieces.sort()
    # The text between pieces is tokenised as if each piece were its marker between spaces: no
    # token of the pattern holds a space or looks past one, so the words around a piece split
    # as they would with a space in its place, and a marker (upper case, which lowered text
    # has none of) is one token. One pass over the joined parts.
    # (Each part is lowered as it was on its own: lowering the whole sentence once does the same
    # unless a character changes length ("İ") or lowers by context (a final sigma).)
    parts: list[str] = []
    pos = 0
    if len(low) != len(text) or "Σ" in text:
        low = None
    for s, e, marker in pieces:
        parts.append(low[pos:s] if low is not None else text[pos:s].lower())
        parts.append(marker)
        pos = e
    parts.append(low[pos:] if low is not None else text[pos:].lower())
    out = _TOKEN.findall(" ".join(parts))
    # "Ostrava Chemicals' acquisition": a bare apostrophe after a company is a possessive.
    if "'" in text or "’" in text:
        out = [("'s" if t in ("'", "’") and i and out[i - 1].startswith("E") else t) for i, t in enumerate(out)]
    return Shadow(text, " " + " ".join(out) + " ", entities, amounts, percents)


@dataclass(frozen=True)
class Frame:
    """One way a language states an event: a regex over the shadow and the roles of its groups.

    Groups named in `roles` capture E-markers. Optional groups: "v" the trigger
    verb (its tense sets a default status), "g" the words between subject and
    verb (modality), "g2" the words before a clause-final verb (German "hat Y
    ... erworben"), "m" an amount the frame itself attaches, "p" a percentage.
    """

    name: str
    family: str
    subtype: str
    pattern: re.Pattern[str]
    roles: dict[str, str]
    strength: float = 0.8
    flags: frozenset[str] = frozenset()
    # Word stems, one of which must start a word of the sentence before `pattern` is
    # tried: checking them costs a set look-up, trying every pattern would not.
    stems: tuple[str, ...] = ()
    # A second set of stems, one of which must also be present ("take" and "stake").
    also: tuple[str, ...] = ()
    # Markers the pattern cannot match without: "M" an amount, "P" a percentage.
    needs: str = ""
    # The fewest "E" characters (company markers) a match of `pattern` holds: a shadow with
    # fewer is not searched. Worked out from the pattern (see `_fewest_literal`).
    min_e: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "min_e", _fewest_literal(self.pattern, "E"))


def _fewest_literal(pattern: re.Pattern[str], char: str) -> int:
    """Returns a lower bound on how often `char` occurs in any text `pattern` matches: the
    literal `char`s on the pattern's cheapest path (repeats at their minimum, the cheapest
    branch; lookarounds, classes and case-insensitive parts count none). 0 when the
    pattern cannot be read (the parser is a private module of `re`)."""
    try:
        from re import _constants as c, _parser as parser  # noqa: PLC0415 (private: guarded)
        code = ord(char)

        def fewest(seq) -> int:
            total = 0
            for op, av in seq:
                if op is c.LITERAL:
                    total += av == code
                elif op is c.SUBPATTERN:
                    _group, add_flags, _del, sub = av
                    total += 0 if add_flags & c.SRE_FLAG_IGNORECASE else fewest(sub)
                elif op is c.BRANCH:
                    total += min(fewest(alt) for alt in av[1])
                elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                    total += av[0] * fewest(av[2]) if av[0] else 0
                elif op is c.ATOMIC_GROUP:
                    total += fewest(av)
                # Anything else (lookarounds, classes, back-references, conditionals) counts none.
            return total

        if pattern.flags & re.IGNORECASE:
            return 0
        return fewest(parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001 (a parser of another Python version: no bound, no skipping)
        return 0


@dataclass
class Hit:
    """One frame matched in one sentence: the raw material of an event."""

    frame: Frame
    sentence: int
    roles: dict[str, str]
    subtype: str
    status: str
    amount: Money | None = None
    amount_strength: int = 0
    stake_pct: float | None = None
    confidence: float = 0.5
    evidence: str = ""
    explicit: bool = False  # the status came from a cue or the verb's tense, not the default
    flags: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Cues:
    """Language-specific cue patterns, all over the shadow.

    status: (status, pattern) pairs, most decisive first (denied, cancelled,
    considering, reported); a match anywhere in the sentence outside the
    trigger sets the status. confirmed: suppresses "reported" ("rumours were
    confirmed"). completed: sets completed. past_verb: the trigger verb is past
    tense. modal: words in the subject gap that make a past form not a fact
    ("agreed to", "will"). negation / musing: gap words that make the hit no
    event ("did not", "should"). price_before / not_price_before: text just
    before an amount marker that makes it the price, or not (revenue, valuation).
    background: sentence text that marks a past deal told as background.
    """

    status: tuple[tuple[str, re.Pattern[str]], ...]
    confirmed: re.Pattern[str]
    completed: re.Pattern[str]
    past_verb: re.Pattern[str]
    modal: re.Pattern[str]
    negation: re.Pattern[str]
    musing: re.Pattern[str]
    price_before: re.Pattern[str]
    not_price_before: re.Pattern[str]
    background: re.Pattern[str]
    majority: re.Pattern[str]
    partial: re.Pattern[str]
    # Text just after an amount marker that makes it no price ("$96bn in assets", "€90m of its debt").
    not_price_after: re.Pattern[str] | None = None
    # Customer changes a past tense states as agreed, not done: "X won a contract" starts a relationship.
    signing_subtypes: frozenset[str] = frozenset()
    # `background` for customer changes, without the start of a relationship ("which had used Y
    # since 2023"): how long a customer stayed tells of no past event.
    relationship_background: re.Pattern[str] | None = None
    # A negation in the subject gap that denies the event ("has no plans to", "is not"), as
    # opposed to one that only says it has not happened yet.
    denial: re.Pattern[str] | None = None
    # Text just before an amount that makes it the level a customer change leaves ("to about $45m").
    level_before: re.Pattern[str] | None = None
    # A percentage bought on top of a holding ("a further 14%"): not the stake the buyer ends with.
    increment: re.Pattern[str] | None = None
    # An auxiliary before the trigger verb that makes it a perfect ("hat ... verkauft", whose participle
    # is also a present tense): the verb reads as past.
    perfect: re.Pattern[str] | None = None


_CLAUSE_END = re.compile(r" (?:;|\.|\?|!|but|while|whereas) ")
# Where a coordinated or subordinate clause with its own subject begins.
_CLAUSE_BREAK = re.compile(r" (?:;|,|and|but|while|whereas|:) (?=(?:\S+ ){0,2}?E\d)")
# Statuses that belong to one clause ("X is considering it and Y did it"); the others
# (attribution, denial, cancellation) hold for the whole sentence.
_CLAUSE_STATUSES = frozenset({"considering", "announced"})


def _clause_span(shadow: str, start: int, end: int) -> tuple[int, int]:
    """Returns the span of the clause around a match: from the previous to the next clause break."""
    left = 0
    for m in _CLAUSE_END.finditer(shadow, 0, start):
        left = m.end() - 1
    nxt = _CLAUSE_END.search(shadow, end)
    return left, (nxt.start() + 1 if nxt else len(shadow))


_STAKE_WORD = re.compile(r" (?:stake|holding|shareholding) ")
# A participle or relative clause after the match tells of something else: "X raised its stake
# in Y, tightening its grip on a company whose board is weighing a merger".
_CLAUSE_TAIL = re.compile(r" , (?:\S+ing|which|who|whose|where) | whose | as (?=(?:\S+ ){0,3}?E\d)")
_PARTICIPLE_TAIL = re.compile(r" , \S+ing ")


def _own_clause(shadow: str, start: int, end: int) -> str:
    """Returns the text of the match's own clause with the match itself blanked out."""
    left = 0
    for m in _CLAUSE_BREAK.finditer(shadow):
        if m.start() >= start:
            break
        left = m.start()
    nxt = _CLAUSE_BREAK.search(shadow, end - 1)
    right = nxt.start() + 1 if nxt else len(shadow)
    tail = _CLAUSE_TAIL.search(shadow, end - 1, right)
    if tail:
        right = tail.start() + 1
    return shadow[left:start] + " " + shadow[end:right]


def _gap(m: re.Match[str], groups: dict[str, str | None] | None = None) -> str:
    """Returns the words of a match that qualify its verb: group "g" (subject to verb) and, for
    languages that put the verb last, group "g2" (object to final verb: "hat Y laut Insidern übernommen").

    `groups`: the match's groupdict(), when the caller has it already."""
    if groups is None:
        groups = m.groupdict()
    gap = " " + (groups.get("g") or "").strip() + " "
    tail = (groups.get("g2") or "").strip()
    return gap + tail + " " if tail else gap


def _anywhere(sh: Shadow, pattern: re.Pattern[str]) -> bool:
    """Returns whether `pattern` occurs anywhere in the shadow, asked once per sentence.

    A cue that occurs nowhere in the sentence occurs in none of its parts (clause,
    gap, verb), so one search here spares the searches of each part for each hit.
    """
    key = id(pattern)
    got = sh.memo.get(key)
    if got is None:
        got = sh.memo[key] = pattern.search(sh.shadow) is not None
    return got


# Breaks between two statements in one sentence ("...; on Tuesday it agreed to buy ...").
_STRONG_BREAK = re.compile(r" (?:;|:|but|whereas) ")
# ", which bought Tallis in 2021," inside a sentence: background about one party only.
# (Also in an apposition: ", the contract developer that has made it since 2021,".)
_RELATIVE = re.compile(r" , (?:(?:the|a|an) (?:(?!, )\S+ ){0,4}?)?(?:which|who|that) (?:(?!, )\S+ ){1,20}?, ")


_MONTHS = ("(?:january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|januar|jänner|februar|märz|mai|juni|juli|oktober|"
           "dezember)(?: \\.)?")
# The opening of a sentence up to a dateline's date and the dash or agency bracket after it.
_DATELINE = re.compile(rf"^ (?:\S+ ){{0,8}}?(?:\d{{1,2}} (?:\. )?)?{_MONTHS} (?:\d{{1,2}} (?:, )?)?(?:19|20)\d\d "
                       rf"(?:\( [^)]{{1,40}}\) )?(?:[–—:\-] (?:- )?|/ )")


def _background_scope(shadow: str, start: int, end: int) -> str:
    """Returns the part of the sentence a match belongs to, for the background cue: up to the
    breaks between statements around it, without relative clauses that do not hold the match."""
    left = 0
    for b in _STRONG_BREAK.finditer(shadow, 0, start):
        left = b.end() - 1
    nxt = _STRONG_BREAK.search(shadow, end)
    right = nxt.start() + 1 if nxt else len(shadow)
    tail = _PARTICIPLE_TAIL.search(shadow, end - 1, right)  # ", increasing its order ... signed in 2023"
    if tail:
        right = tail.start() + 1
    scope = shadow[left:right]
    if left == 0:
        # A dateline's date ("Ruhla, 30. November 2026 –", "LONDON, Dec. 1, 2026 --") is when the news is
        # told, not a past the news refers to.
        dateline = _DATELINE.match(scope)
        if dateline and dateline.end() <= start:
            scope = " " + scope[dateline.end():]
            left = dateline.end() - 1
    # (A match ends with a space and a relative clause starts with one: they touch, not overlap.)
    return _RELATIVE.sub(lambda r: r.group(0) if r.start() + left < end - 1 and start < r.end() + left else " , ",
                         scope)


def _clause_after(shadow: str, end: int) -> str:
    """Returns the text from the end of a match to the next clause break."""
    nxt = _CLAUSE_BREAK.search(shadow, end - 1)
    return " " + shadow[end:nxt.start() + 1 if nxt else len(shadow)] + " "


def _inner(m: re.Match[str]) -> str:
    """Returns the words of a match after its first role, the verb group blanked: what the
    frame let stand around the trigger ("E0 is exploring a sale of E1" -> "is exploring a sale of E1")."""
    spans = [m.span(g) for g in m.re.groupindex if m.group(g) and m.group(g)[:1] == "E" and g not in ("g", "g2")]
    if not spans:
        return " "
    start, end = min(e for _, e in spans), m.end()
    text = m.string[start:end]
    v = m.groupdict().get("v")
    if v and start <= m.start("v") and m.end("v") <= end:
        text = m.string[start:m.start("v")] + " " + m.string[m.end("v"):end]
    return " " + text + " "


# ", even as a county scrapped a separate award": what follows tells of something else.
_CONTRAST = re.compile(r" , (?:even as|even though|while|whereas|although|though) ")


def _before_contrast(shadow: str, end: int) -> str:
    """Returns the shadow from `end` up to a contrasting clause after it (or to its end)."""
    c = _CONTRAST.search(shadow, end - 1)
    return shadow[end:c.start() + 1] if c else shadow[end:]


def _status(sh: Shadow, m: re.Match[str], cues: Cues, family: str = "deal",
            groups: dict[str, str | None] | None = None, gap: str | None = None) -> tuple[str, bool]:
    """Returns the status of a hit from cues around it and the tense of its verb, and
    whether anything in the text said so (False: the default "announced").

    `groups`, `gap`: the match's groupdict() and `_gap`, when the caller has them already."""
    if groups is None:
        groups = m.groupdict()
    if gap is None:
        gap = _gap(m, groups)
    verb = " " + (groups.get("v") or "") + " "
    # A gap made of two parts of the sentence ("g" and "g2") is no part of it: always searched.
    joined_gap = bool(groups.get("g2"))
    # The clause and the words between the roles are cut out only when a cue needs them.
    memo: dict[str, str] = {}

    def clause() -> str:
        if "clause" not in memo:
            memo["clause"] = _own_clause(sh.shadow, m.start(), m.end())
        return memo["clause"]

    def inner() -> str:
        if "inner" not in memo:
            memo["inner"] = _inner(m)
        return memo["inner"]

    modal = bool(cues.modal.search(gap)) or _modal_before_verb(m, cues)
    past = bool(verb.strip()) and not modal and (bool(cues.past_verb.search(verb)) or _perfect(m, cues))
    own_completed = not modal and _anywhere(sh, cues.completed) and bool(
        cues.completed.search(gap) or cues.completed.search(inner()))
    for status, pat in cues.status:
        if _anywhere(sh, pat):
            scope = clause() if status in _CLAUSE_STATUSES else sh.shadow[:m.start()] + " " + _before_contrast(
                sh.shadow, m.end())
            # The trigger verb itself may be the cue ("considering similar plans", "abandons the Y
            # takeover"), and so may the words between the roles ("is exploring a sale of"), except
            # for cancelling a customer relationship: "terminates its contract" is a churn.
            found = pat.search(scope) or pat.search(gap) or (
                (status != "cancelled" or family == "deal") and (
                    pat.search(verb) or (status in ("considering", "cancelled") and pat.search(inner()))))
        else:
            found = joined_gap and pat.search(gap)
        if not found:
            continue
        if status == "reported" and cues.confirmed.search(sh.shadow):
            continue
        if status == "announced":
            # Completion in the event's own words or right after them beats a mere "announced"
            # ("X has taken a stake ..., completing a deal first announced in May").
            done = past or own_completed or (not modal and _anywhere(sh, cues.completed)
                                             and bool(cues.completed.search(_clause_after(sh.shadow, m.end()))))
            return ("completed" if done else "announced"), True
        return status, True
    if own_completed or (not modal and _anywhere(sh, cues.completed) and cues.completed.search(clause())):
        return "completed", True
    if past:
        return "completed", True
    return "announced", False


def _modal_before_verb(m: re.Match[str], cues: Cues) -> bool:
    """Returns whether one of the two words before the match's verb, inside the match, is a modal
    word: a frame that spells its subject and object around the verb ("X told Y it will cut") has
    no gap group to hold it."""
    if "v" not in m.re.groupindex or m.start("v") < 0:
        return False
    words = m.string[m.start():m.start("v")].split()[-2:]
    return bool(words) and bool(cues.modal.search(" " + " ".join(words) + " "))


def _perfect(m: re.Match[str], cues: Cues) -> bool:
    """Returns whether the match's verb is a perfect: an auxiliary before it ("hat ... verkauft") and no
    infinitive with "zu" ("hat beschlossen, ... zu verkaufen")."""
    if cues.perfect is None:
        return False
    before = m.string[m.start():m.start("v")]
    return bool(cues.perfect.search(f" {before} ")) and " zu " not in f" {before}{m.group('v')} "


def _signing(hit_status: tuple[str, bool], frame: Frame, subtype: str, cues: Cues, sh: Shadow,
             m: re.Match[str]) -> tuple[str, bool]:
    """Returns the status of a customer change that a contract starts: a past tense ("won",
    "awarded", "renewed and expanded") tells of the agreement, which is announced, unless
    the text says the work is done ("completed the rollout")."""
    status, explicit = hit_status
    if status != "completed" or frame.family != "customer_change" or subtype not in cues.signing_subtypes:
        return status, explicit
    clause = _own_clause(sh.shadow, m.start(), m.end())
    if cues.completed.search(clause):
        return status, explicit
    return "announced", True


def _pick_amount(sh: Shadow, m: re.Match[str], cues: Cues, family: str,
                 groups: dict[str, str | None] | None = None,
                 clause: tuple[int, int] | None = None) -> tuple[Money | None, int]:
    """Returns the amount a hit states and how firmly: 3 the frame's own, 2 a price cue, 1 same clause.

    `groups`, `clause`: the match's groupdict() and `_clause_span`, when the caller has them already."""
    own = (groups if groups is not None else m.groupdict()).get("m")
    # A customer's spend is meant per year; a deal's price is not "a share" or "in revenue".
    if own and (family == "spend" or cues.not_price_after is None or not cues.not_price_after.match(sh.shadow, m.end("m"))):
        return sh.amounts[int(own[1:])], 3
    if not sh.amounts:
        return None, 0  # no amount marker anywhere in the sentence
    left, right = clause or _clause_span(sh.shadow, m.start(), m.end())
    best: tuple[Money | None, int] = (None, 0)
    # ", which bought Tallis for $600m in 2021,": a relative clause that does not hold the match.
    aside = [(r.start(), r.end()) for r in _RELATIVE.finditer(sh.shadow, left, right)
             if not (r.start() < m.end() and m.start() < r.end())]
    for mm in _AMOUNT_MARK.finditer(sh.shadow[left:right]):
        pos = left + mm.start()
        if any(a <= pos < b for a, b in aside):
            continue
        before = sh.shadow[max(0, pos - 60):pos]
        if family == "customer_change" and cues.level_before is not None and cues.level_before.search(before):
            best = (sh.amounts[int(mm.group(1))], 2)  # "cut its spend with Y to $45m": the level it leaves
            continue
        if cues.not_price_before.search(before):
            continue
        if cues.not_price_after is not None and cues.not_price_after.match(sh.shadow, pos + len(mm.group(0)) - 1):
            continue
        strength = 2 if cues.price_before.search(before) else 1
        if strength > best[1]:
            best = (sh.amounts[int(mm.group(1))], strength)
    return best


_AMOUNT_MARK = re.compile(r"M(\d+) ")
_PERCENT_MARK = re.compile(r"P(\d+) ")


def _pick_percent(sh: Shadow, m: re.Match[str], groups: dict[str, str | None] | None = None) -> float | None:
    """Returns the stake percentage a hit states, from its own group or the match text.

    `groups`: the match's groupdict(), when the caller has it already."""
    own = (groups if groups is not None else m.groupdict()).get("p")
    if own:
        return sh.percents[int(own[1:])]
    if not sh.percents:
        return None  # no percentage marker anywhere in the sentence
    found = _PERCENT_MARK.findall(m.group(0))
    return sh.percents[int(found[-1])] if found else None


_MAX_STEM = 12
_DIGIT = re.compile(r"\d")
# Words as the stems see them: the shadow's tokens, plus the words inside names.
_WORD = re.compile(r"'s\b|’s\b|['’]|[\w][\w\-.&]*")


class FrameSelector:
    """The frames of one language indexed by their stems: `select(text)` returns the
    frames worth trying on a sentence, in their order.

    Bit i of a frame set stands for frame i; bit n + i for the second stem set
    (`also`) of frame i. A sentence is cut at whitespace, and the frame set of each
    chunk ("acquisition," "Meta's") is computed once and remembered, so a sentence
    costs a split and a few dictionary look-ups.
    """

    def __init__(self, frames: tuple[Frame, ...]) -> None:
        self.frames = frames
        n = len(frames)
        self._n = n
        self._bits: dict[str, int] = {}
        free = 0  # frames without stems are always tried
        for i, f in enumerate(frames):
            if not f.stems:
                free |= 1 << i
            if not f.also:
                free |= 1 << (n + i)
            for stem in f.stems:
                self._bits[stem[:_MAX_STEM]] = self._bits.get(stem[:_MAX_STEM], 0) | 1 << i
            for stem in f.also:
                self._bits[stem[:_MAX_STEM]] = self._bits.get(stem[:_MAX_STEM], 0) | 1 << (n + i)
        self._free = free
        self._mask = (1 << n) - 1
        # Frames that cannot match without an amount (a digit) or a percentage.
        self._need_m = sum(1 << i for i, f in enumerate(frames) if "M" in f.needs)
        self._need_p = sum(1 << i for i, f in enumerate(frames) if "P" in f.needs)
        self._chunks = _ChunkBits(self._chunk_bits)

    def _chunk_bits(self, chunk: str) -> int:
        """Returns the frame set of one whitespace-free chunk of lower-cased text."""
        bits = 0
        for word in _WORD.findall(chunk):
            for i in range(1, min(len(word), _MAX_STEM) + 1):
                bits |= self._bits.get(word[:i], 0)
        return bits

    def select(self, text: str) -> tuple[Frame, ...]:
        """Returns the frames whose trigger words occur in `text`."""
        low = text.lower()
        bits = reduce(or_, map(self._chunks.__getitem__, low.split()), self._free)
        bits &= (bits >> self._n) & self._mask
        if bits & self._need_m and not _DIGIT.search(text):
            bits &= ~self._need_m
        if bits & self._need_p and "%" not in text and "percent" not in low and "per cent" not in low \
                and "prozent" not in low and "pc" not in low:
            bits &= ~self._need_p
        out = []
        while bits:
            low = bits & -bits
            out.append(self.frames[low.bit_length() - 1])
            bits ^= low
        return tuple(out)


class _ChunkBits(dict):
    """A dict that computes a missing chunk's frame set on first use (bounded in size)."""

    def __init__(self, compute) -> None:
        super().__init__()
        self._compute = compute

    def __missing__(self, chunk: str) -> int:
        bits = self._compute(chunk)
        if len(self) < 200_000:  # a long-running process meets many words; memory stays bounded
            self[chunk] = bits
        return bits


_SELECTORS: dict[int, FrameSelector] = {}


def select_frames(text: str, frames: tuple[Frame, ...]) -> tuple[Frame, ...]:
    """Returns the frames of `frames` worth trying on the sentence `text` (see FrameSelector)."""
    sel = _SELECTORS.get(id(frames))
    if sel is None or sel.frames is not frames:
        sel = _SELECTORS[id(frames)] = FrameSelector(frames)
    return sel.select(text)


def match_sentence(sh: Shadow, index: int, frames: tuple[Frame, ...], cues: Cues) -> list[Hit]:
    """Returns the hits of `frames` in one sentence, one per (family, roles).

    Pass the frames `select_frames` picked for the sentence: stems are not checked here.
    """
    hits: list[Hit] = []
    seen: set[tuple] = set()
    n_entities = len(sh.entities)
    n_e = sh.shadow.count("E")  # company markers, and the "E" of each "PER"
    have = ("M" if sh.amounts else "") + ("P" if sh.percents else "")
    for frame in frames:
        if len(frame.roles) > n_entities + 1 or frame.min_e > n_e or (frame.needs and frame.needs not in have):
            continue
        for m in frame.pattern.finditer(sh.shadow):
            hit = _hit(sh, index, frame, m, cues)
            if hit is None:
                continue
            key = (frame.family, tuple(sorted(hit.roles.items())))
            # An earlier (more specific) frame already read this clause the same way.
            if key in seen or any(
                h.frame.family == frame.family and _conflicts(h.roles, hit.roles) for h in hits
            ):
                continue
            seen.add(key)
            hits.append(hit)
            for extra in _coordinated(sh, frame, m, hit):
                key = (frame.family, tuple(sorted(extra.roles.items())))
                if key not in seen:
                    seen.add(key)
                    hits.append(extra)
    # An amount one reading states as its own ("invest $75m in Y") is no other reading's price.
    owned = {id(h.amount) for h in hits if h.amount is not None and h.amount_strength >= 3}
    for h in hits:
        if h.amount is not None and h.amount_strength < 3 and id(h.amount) in owned:
            h.amount, h.amount_strength = None, 0
    return hits


# "X awarded the contracts to Y and Z", "X kauft Y und Z": companies joined to the object that ends a match
# take its role too (when the list ends there: "... to Y and Z said" opens a new clause).
_AND = re.compile(r" (?:,|and|und|sowie|as well as) (E\d+)(?= (?:[.,;:)]|and |und |sowie |for |in |from |to |as |at |on |"
                  r"with |under |für |an |von |bei |mit |zu |im |um |über |M\d|$))")


def _coordinated(sh: Shadow, frame: Frame, m: re.Match[str], hit: Hit) -> list[Hit]:
    """Returns copies of `hit` for the companies listed after the company that ends its match."""
    last = max(((m.end(g), g) for g in frame.roles if m.group(g) is not None), default=None)
    if last is None or last[0] != m.end() - 1 and sh.shadow[last[0]:m.end()].strip():
        return []
    role = frame.roles[last[1]]
    out: list[Hit] = []
    pos = last[0]
    while (more := _AND.match(sh.shadow, pos)) is not None:
        ent = sh.entity(more.group(1))
        pos = more.end(1)
        if ent is None or ent.name in hit.roles.values():
            break
        out.append(replace(hit, roles={**hit.roles, role: ent.name}, flags=set(hit.flags)))
    return out


def _conflicts(a: dict[str, str], b: dict[str, str]) -> bool:
    """Returns True when two readings give one company different roles, or one role two companies.

    "the acquisition of Y by X" read also as "(subject) ... acquisition of Y" must not
    yield a second deal for Y.
    """
    for role in ("target", "vendor"):
        if role in a and a.get(role) == b.get(role):
            return True
    inv_a = {v: k for k, v in a.items()}
    return any(inv_a.get(v) not in (None, k) for k, v in b.items())


# A company right after a preposition ("a round led by X, and agreed to buy Y") is
# an object, never the subject a frame opens with.
# "The city of Port Alder is ending its contract": a public body named after its place is a subject.
# So is the leader of a buying group: "A consortium led by X has completed the acquisition of Y".
_PLACE_OF = re.compile(r"(?:^| )(?:the )?(?:city|county|state|town|port|province|district|government|municipality|"
                       r"kingdom|republic|region|borough|village) of $|"
                       r"(?:consortium|investor group|group of investors|club) (?:led|headed|fronted) by $")
_PREP_BEFORE = re.compile(r" (?:by|from|with|of|to|in|at|for|on|than|von|mit|für|an|bei) $")


# How much less sure a hedged status makes a hit.
_HEDGE = {"reported": 0.1, "considering": 0.15, "denied": 0.2, "cancelled": 0.05}


def _hit(sh: Shadow, index: int, frame: Frame, m: re.Match[str], cues: Cues) -> Hit | None:
    """Returns the hit for one frame match, or None when it is no event (negated, musing, background)."""
    if m.group(0)[:1] == "E" and _PREP_BEFORE.search(sh.shadow, max(0, m.start() - 7), m.start()) and not \
            _PLACE_OF.search(sh.shadow, max(0, m.start() - 40), m.start()):
        return None
    roles: dict[str, str] = {}
    groups = m.groupdict()
    for group, role in frame.roles.items():
        ent = sh.entity(groups.get(group))
        if ent is not None:
            roles[role] = ent.name
    if len(set(roles.values())) < len(roles) or not roles:
        return None
    gap = _gap(m, groups)
    if cues.musing.search(" " + m.group(0) + " "):
        return None
    background = cues.background if frame.family == "deal" or cues.relationship_background is None \
        else cues.relationship_background
    if "no_background" not in frame.flags and _anywhere(sh, background) and \
            background.search(_background_scope(sh.shadow, m.start(), m.end())):
        return None
    status, explicit = _status(sh, m, cues, frame.family, groups, gap)
    if "weighing" in frame.flags and status in ("announced", "completed"):
        status, explicit = "considering", True  # "X is reviewing its contract with Y"
    negated = False
    if status != "denied" and cues.negation.search(gap):
        # "X said it was not in talks with Y", "X has no plans to drop Y": a denial of what another
        # sentence tells (merge keeps it only for such an event); other negations tell nothing.
        if "negation_denies" not in frame.flags and (cues.denial is None or not cues.denial.search(gap)):
            return None
        status, explicit, negated = "denied", True, True
    left, right = _clause_span(sh.shadow, m.start(), m.end())
    subtype = frame.subtype
    pct = _pick_percent(sh, m, groups) if frame.family == "deal" else None
    window = sh.shadow[left:right]
    flags = set(frame.flags)
    if pct is not None and cues.increment is not None and cues.increment.search(m.group(0)):
        flags.add("increment")
    if subtype == "stake" and (pct is not None and pct > 50 or (pct is None and cues.majority.search(m.group(0)))):
        subtype = "acquisition"
    if subtype == "investment" and _STAKE_WORD.search(m.group(0)):
        # "investing $2.5bn for a minority stake in Y": a stake (a majority one is control)
        subtype = "acquisition" if cues.majority.search(m.group(0)) else "stake"
    if frame.family == "customer_change" and subtype == "churn" and cues.partial.search(m.group(0)):
        subtype = "reduction"
    status, explicit = _signing((status, explicit), frame, subtype, cues, sh, m)
    amount, strength = _pick_amount(sh, m, cues, frame.family, groups, (left, right))
    hedge = _HEDGE.get(status, 0.0)
    return Hit(
        frame=frame, sentence=index, roles=roles, subtype=subtype, status=status,
        amount=amount, amount_strength=strength, stake_pct=pct,
        confidence=round(max(0.05, frame.strength - hedge), 2), evidence=sh.text, explicit=explicit,
        flags=flags | ({"window_pct"} if "P" in window else set()) | ({"negated"} if negated else set()),
    )


@dataclass(frozen=True)
class Anaphor:
    """A sentence that adds to an event told before it without naming its parties:
    "The transaction closed on Wednesday." (status), "The deal is worth $75m." (amount).

    `families` are the event families its noun can refer to ("the contract": a
    customer change; "the deal": either); `status` is the status it states, if any;
    an amount comes from the pattern's "m" group.
    """

    name: str
    families: tuple[str, ...]
    pattern: re.Pattern[str]
    status: str | None = None


_ANAPHOR_FRAME = Frame("anaphor", "anaphor", "", re.compile("(?!)"), {}, 0.0)


def match_anaphora(sh: Shadow, index: int, anaphora: tuple[Anaphor, ...], cues: Cues) -> list[Hit]:
    """Returns one hit per anaphor in the sentence: no roles, a status or an amount, and the
    families it may refer to (as flags); `merge_hits` attaches it to the event before it."""
    hits = []
    for a in anaphora:
        if a.status is None and not sh.amounts:
            continue  # it can only add an amount, and the sentence has none
        for m in a.pattern.finditer(sh.shadow):
            own = m.groupdict().get("m")
            amount = sh.amounts[int(own[1:])] if own else None
            if amount is None and a.status is None:
                continue
            hits.append(Hit(frame=_ANAPHOR_FRAME, sentence=index, roles={}, subtype="", status=a.status or "announced",
                            amount=amount, amount_strength=1 if amount else 0, confidence=0.0, evidence=sh.text,
                            explicit=a.status is not None, flags={"anaphor", *a.families}))
    if hits and _anywhere(sh, cues.background):
        return []  # "The deal, which closed in 2019, ..." tells of a past event
    return hits
