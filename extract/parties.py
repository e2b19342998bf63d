"""Company names: find candidate names in a sentence, normalise them, and link
the variants one article uses for one company.

    >>> normalize_name("the Meta Group")
    'Meta'
    >>> normalize_name("Alphabet Inc.")
    'Alphabet'
    >>> idx = NameIndex(["Scale AI", "Scale", "Meta Platforms Inc."])
    >>> idx.canonical("Scale"), idx.canonical("Meta Platforms")
    ('Scale AI', 'Meta Platforms')

Everything here is general knowledge about how English (and German) news names
companies: legal suffixes, capitalisation, possessives, person names with titles.
"""

from __future__ import annotations

import re
from typing import NamedTuple
from functools import lru_cache

__all__ = [
    "NameSpan", "NameIndex", "normalize_name", "same_party", "find_name_spans",
    "looks_like_person", "is_media", "NON_COMPANY",
]

# Trailing tokens that are legal form or group designators, not part of the plain name.
_LEGAL_SUFFIXES = frozenset(
    """
    inc incorporated corp corporation co ltd limited llc llp lp plc ag se gmbh kgaa kg
    sa s.a sas nv n.v bv b.v ab asa oy oyj spa s.p.a srl pte pty bhd tbk pvt sdn berhad ltda jsc pjsc
    group holdings holding
    """.split()
)
_SUFFIX_RE = re.compile(
    r"(?:[\s,]+(?:&\s*co\.?|(?:%s)\.?))+$" % "|".join(re.escape(s) for s in sorted(_LEGAL_SUFFIXES, key=len, reverse=True)),
    re.IGNORECASE,
)
_LEGAL_ABBREV = frozenset({"inc", "corp", "co", "ltd", "bros", "plc", "llc", "ag", "sa", "nv", "bv", "se"})
_LEADING_ARTICLE = re.compile(r"^(?:the|der|die|das)\s+", re.IGNORECASE)
# Legal forms written before the name: "PT Bank Mandiri" (Indonesia), "SIA Rīgas Satiksme" (Latvia), "UAB"
# (Lithuania), "OOO", "PJSC" (Russia, Ukraine).
_LEGAL_PREFIX = re.compile(r"^(?:PT|SIA|UAB|OOO|OAO|ZAO|PAO|PJSC|JSC)\s+(?=\S)")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


@lru_cache(maxsize=8192)
def normalize_name(name: str) -> str:
    """Returns the plain company name: no leading "the", possessive, or legal suffix.

    "the Meta Group" -> "Meta"; "Alphabet's" -> "Alphabet"; "Deutsche Telekom AG" -> "Deutsche Telekom".
    A name that is only a suffix word ("Group") is returned as is.
    """
    n = " ".join(name.split()).strip(" ,.;:\"'“”‘’()")
    n = _POSSESSIVE.sub("", n)
    n = _LEADING_ARTICLE.sub("", n)
    n = _LEGAL_PREFIX.sub("", n)
    stripped = _SUFFIX_RE.sub("", n).strip(" ,")
    return stripped or n


@lru_cache(maxsize=8192)
def _key(name: str) -> str:
    """Returns a comparison key: normalised, case-folded, punctuation-light ("U.S. Army" ~ "US Army")."""
    return re.sub(r"[\s\-]+", " ", normalize_name(name).casefold().replace(".", "")).strip()


def same_party(a: str | None, b: str | None) -> bool:
    """Returns True when two names denote the same company ("Scale" ~ "Scale AI Inc.").

    Equal after normalisation, or one is a whole-word prefix of the other.
    """
    if not a or not b:
        return a == b
    ka, kb = _key(a), _key(b)
    if ka == kb:
        return True
    short, long_ = sorted((ka, kb), key=len)
    return long_.startswith(short + " ")


# Capitalised words that open sentences or name things other than companies.
NON_COMPANY = frozenset(
    """
    the a an this that these those there their its it he she they we i you our his her
    however according after before while when where what which who whom whose why how
    but and or nor yet so also meanwhile nevertheless moreover furthermore instead still
    earlier later today yesterday tomorrow tonight now then thus therefore both each every
    in on at by for from with without into onto over under of to as about against between
    during since until unlike despite among amid per via if unless although though because
    once some many most more several all any no not one two three four five six seven eight
    neither either whether none nobody total
    nine ten other another such here further overall
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec q1 q2 q3 q4 h1 h2 fy
    ceo cfo cto coo cio chief chairman chairwoman chair president founder co-founder cofounder
    director minister secretary senator governor mayor analyst analysts spokesperson
    spokesman spokeswoman mr mrs ms dr prof sir series round activist rival rivals
    company purchaser buyer issuer registrant borrower offeror bidder
    anyone anybody everyone everybody someone somebody professor fwd announcement announcements
    completion proposed notice termination disposal response
    exclusive breaking update updated opinion analysis
    investors analysts sources shares rumors rumours reports officials regulators customers
    developers employees people executives users experts critics observers insiders
    """.split()
)
# Places, nationalities and generic acronyms: not a company on their own, but part of
# names such as "US Steel" or "Bank of America".
_GENERIC = frozenset(
    """
    us u.s usa u.s.a uk u.k eu un america american americans europe european china chinese
    germany german japan japanese india indian france french britain british england english
    canada canadian korea korean south north east west taiwan taiwanese israel israeli
    russia russian italy italian spain spanish switzerland swiss netherlands dutch sweden
    swedish ireland irish australia australian brazil brazilian mexico singapore asia
    asian africa african texas california new york london berlin paris tokyo beijing
    silicon valley washington brussels munich frankfurt shanghai hong kong wall street
    ai ipo gpu gpus cpu api apis saas cloud ml llm llms esg ev evs r&d m&a pc pcs it tv
    mro cdmo cro oem oems odm 3pl mvno reit spac
    seed phase stage chapter section article part covid internet web 5g 4g 3g 6g 3d
    danish finnish norwegian swiss austrian belgian polish czech hungarian greek turkish
    portuguese saudi emirati qatari egyptian nigerian kenyan vietnamese thai indonesian
    malaysian filipino pakistani argentine chilean colombian peruvian scottish welsh
    nordic scandinavian latin arab gulf western eastern northern southern global
    bosnian croatian serbian slovenian slovak slovakian romanian bulgarian estonian latvian lithuanian
    ukrainian belarusian georgian armenian azerbaijani kazakh uzbek mongolian icelandic maltese cypriot
    luxembourgish albanian macedonian montenegrin moldovan iranian iraqi jordanian lebanese syrian omani
    kuwaiti bahraini yemeni moroccan tunisian algerian libyan ghanaian ethiopian tanzanian ugandan rwandan
    zambian angolan senegalese ivorian cameroonian mozambican namibian botswanan zimbabwean bangladeshi
    nepali nepalese burmese cambodian laotian singaporean bruneian venezuelan ecuadorian
    bolivian paraguayan uruguayan cuban jamaican guatemalan honduran salvadoran nicaraguan panamanian
    haitian trinidadian fijian
    alabama alaska arizona arkansas colorado connecticut delaware florida georgia hawaii idaho
    illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan
    minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania
    tennessee utah vermont virginia wisconsin wyoming ontario quebec alberta bavaria
    shareholders stockholders bondholders lawmakers
    portugal poland austria belgium denmark norway finland greece turkey egypt nigeria kenya
    vietnam thailand indonesia malaysia philippines pakistan argentina chile colombia peru
    scotland wales iceland ukraine romania czechia luxembourg qatar uae dubai emirates
    lisbon madrid rome milan amsterdam stockholm oslo copenhagen helsinki vienna zurich geneva
    dublin warsaw prague seoul mumbai delhi bangalore sydney melbourne toronto vancouver
    chicago boston seattle austin dallas houston atlanta miami denver
    queensland tasmania brisbane perth adelaide canberra auckland midwest midlands
    phoenix detroit pittsburgh cleveland minneapolis philadelphia baltimore montreal calgary ottawa
    manchester birmingham leeds glasgow edinburgh cardiff belfast bristol liverpool
    hamburg cologne stuttgart düsseldorf lyon marseille barcelona osaka shenzhen guangzhou
    jakarta bangkok manila johannesburg cairo nairobi lagos riyadh doha istanbul moscow kyiv
    monterrey guadalajara bogota lima santiago
    lithuanian latvian estonian romanian bulgarian croatian serbian slovak slovenian ukrainian
    belarusian armenian iranian iraqi syrian jordanian moroccan algerian tunisian ethiopian ghanaian
    tanzanian ugandan angolan namibian zambian zimbabwean bolivian ecuadorian venezuelan uruguayan
    paraguayan cuban jamaican mexican icelandic catalan basque flemish andalusian tuscan sicilian
    bavarian saxon texan californian victorian tasmanian kazakh uzbek mongolian nepali bangladeshi
    cambodian singaporean kuwaiti omani bahraini yemeni afghan lankan baltic balkan iberian alpine
    caribbean mediterranean pacific atlantic arctic highland highlands
    """.split()
) | {"new york", "hong kong", "wall street", "silicon valley", "south korea", "united states",
     "united kingdom", "european union", "middle east", "latin america", "san francisco",
     "north carolina", "south carolina", "north dakota", "south dakota", "new jersey", "new mexico",
     "new hampshire", "rhode island", "west virginia", "new south wales", "los angeles",
     "saudi arabia", "new zealand", "south africa", "north america", "south america"}
_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Herr|Frau)\.?\s+$")
_PERSON_TITLES = re.compile(
    r"(?:\b(?:ceo|cfo|cto|coo|chief(?:\s+\w+){0,2}|chairman|chairwoman|chair|president|founder|"
    r"co-founder|cofounder|director|head|minister|secretary|senator|analyst|spokes(?:person|man|woman)|"
    r"mr\.?|mrs\.?|ms\.?|dr\.?|prof\.?|investor|billionaire|executive|boss|partner|lawyer|"
    r"vice\s+president|managing\s+director|general\s+manager)\s*,?\s*)$",
    re.IGNORECASE,
)
# A word of every title _PERSON_TITLES knows: without one, no need to run it.
_TITLE_KEYS = ("ceo", "cfo", "cto", "coo", "chief", "chair", "president", "founder", "director", "head",
               "minister", "secretary", "senator", "analyst", "spokes", "mr", "ms", "dr", "prof", "investor",
               "billionaire", "executive", "boss", "partner", "lawyer", "manager")
# The keys as one pattern: one scan of the window instead of a substring test per key.
_TITLE_KEY_RE = re.compile("|".join(_TITLE_KEYS))
_PERSON_APPOSITION = re.compile(
    r"^\s*,\s*(?:the|its|a|an|who|whose|\w+'s)?\s*(?:[\w\-]+\s+){0,3}?"
    r"(?:ceo|cfo|cto|coo|chief|chairman|chairwoman|president|founder|co-founder|cofounder|head|"
    r"director|analyst|spokes\w+|minister|secretary|professor|partner|investor|is|was|said|told|who)\b",
    re.IGNORECASE,
)
# Common given names: a general list, enough to tell "Mark Zuckerberg" from "Scale AI".
_GIVEN_NAMES = frozenset(
    """
    adam alan alex alexander alexandr alice amy andrea andrew andy angela anna anne anthony
    arvind ben benjamin bill bob brad brian carl carlos charles chris christian christine
    christopher claire daniel dara david dennis diane doug elon emily emma eric frank gary
    george greg hans helen henry ian jack jacob james jamie jane jason jeff jeffrey jennifer
    jensen jessica jim joe john jon jonathan jose joseph josh julia karen kevin larry laura
    lisa marc marco maria mark martin mary matt matthew michael mike nancy nick nicole oliver
    pat patrick paul peter phil philip rachel richard rob robert ryan sam sarah satya scott
    sean sergey steve steven sundar susan thomas tim todd tom tony victoria william
    klaus stefan thomas wolfgang jürgen michael markus christian andreas frank sabine ulrich
    aaron abigail adrian aidan alberto alejandro alexandra alexis alfred ali alicia allison amanda amber
    ana andre andrea angel angelica anita antonio ariana arthur ashley audrey austin barbara beatriz becky
    bernard bernd bernie beth betty beverly billy blake bonnie brandon brenda brett bruce bryan caitlin
    cameron camila carina carla carmen carol caroline carolyn carrie catherine cathy charlotte chelsea cheryl
    christina christy cindy claudia colin connie courtney craig crystal cynthia dale dana danielle
    darren dave dawn debbie deborah debra denise derek diana diego dina dominic donald donna dorothy
    douglas dylan eddie edward eileen elaine eleanor elena elizabeth ellen emilio emma enrique erica erin
    ernesto esther ethan eugene eva evan evelyn fatima felipe fernando fiona florian francesca francis
    francisco franz gabriel gabriela gavin gerald gina giovanni giulia glen gloria gordon grace gregory
    gustavo hannah harold heather heidi hector heinz helmut holly howard hugh isabel
    isabella ivan jacqueline jake janet janice javier jenna jenny jeremy jerry jesse jesus jill joan
    joanna joel johanna johannes jorge josefina joshua joy joyce juan judith judy julian juliana
    julie justin kai karin karl katherine kathleen kathryn kathy katie katrin keith ken kenneth
    kerry kimberly kirk kristen kristin kyle lauren leah lena leo leon leonardo lily linda lindsay
    lorenzo lori louis lucia lucy luis luisa lukas luke lynn madison manuel marcus margaret maria
    mariana marie marina mario marion marisa marjorie marlene marta martha martina marvin mateo matthias
    maureen maximilian maya megan melanie melissa mia micha michelle miguel miriam molly monica monika
    natalie nathan neil nina noah norbert norman olga olivia oscar pablo pamela patricia paula
    pedro peggy penelope petra philippe rafael ralf ramon randy raquel raymond rebecca regina
    renate rene ricardo rick rita roberto robin roger roland ronald rosa rose roy ruth sabrina sally
    samantha samuel sandra sara sebastian sergio shannon sharon shawn sheila shirley silvia simon simone
    sofia sonia sophia sophie stacy stanley stephanie stephen stuart sue susanne sven sylvia tamara tanja
    tara teresa terry theresa tiffany timothy tina tobias travis troy ursula valerie vanessa vera veronica
    vicki vincent virginia walter wendy werner wilhelm yolanda yvonne zachary zoe
    """.split()
)
_MEDIA = frozenset(
    """
    reuters bloomberg cnbc axios techcrunch nikkei afp dpa ap heise semafor politico
    handelsblatt bild spiegel faz wsj ft cnn bbc
    """.split()
) | {
    "wall street journal", "financial times", "new york times", "the information",
    "the verge", "business insider", "washington post", "associated press", "der spiegel",
    "the wall street journal", "the new york times", "the financial times",
    # press-release wires ("CHICAGO--(BUSINESS WIRE)--")
    "business wire", "businesswire", "pr newswire", "prnewswire", "globe newswire", "globenewswire",
    "accesswire", "marketwire", "cision",
}


class NameSpan(NamedTuple):
    """A capitalised name found in a sentence, with its character span in the sentence."""

    start: int
    end: int
    surface: str
    possessive: bool
    initial: bool  # starts the sentence, so capitalisation says nothing


# The capitals a name may start with: Latin letters with their accents ("Ørsted", "Škoda", "Élan").
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
# One token of a name: "Scale", "OpenAI", "eBay", "3M", "AT&T", "Amazon.com", "Mercedes-Benz" (tokens
# joined by "+" without spaces are one name: "Landis+Gyr").
_TOKEN = rf"(?:(?:[A-Z]\.){{2,}}|[{UPPER}][\w&\-]*(?:\.[A-Za-z]+)*|[a-z]{{1,3}}[A-Z][\w&\-]*|\d+[A-Za-z][\w&\-]*)"
# Tokens that look like names but are amounts or currency codes ("1bn", "USD").
_NOT_NAME_TOKEN = re.compile(
    r"\d+(?:[.,]\d+)?(?:bn|b|m|mn|mln|k|tn|tr|g|d|x|st|nd|rd|th|s)?|"
    # A measure: "5GiB", "50MB", "2.4GHz", "100Mbps", "12V", "3kWh".
    r"\d+(?:[.,]\d+)?(?i:[kmgtp]i?b|[kmgtp]bps|[kmg]?hz|[kmg]?wh?|v|mah)|"
    r"(?i:usd|eur|gbp|chf|jpy|cny|cad|aud|hkd|sgd|inr|sek|nok|dkk|krw|brl|nzd|pln|zar|ils|rmb|kes|ngn|aed|sar|egp)|"
    # A currency prefix glued to a number: "Sh4.2 billion", "KSh500m", "Rs2,000 crore".
    r"(?:K?Sh|Rs)\d+|"
    r"\S+-(?:based|owned|backed|listed|led|born|headquartered|registered|made|run|controlled|focused)|"
    # A product or model code: "VT-204", "A320", "F-35" (a company name with digits starts with them: "3M").
    r"[A-Z]{1,4}-?\d+[A-Za-z]?"
)
# Lower-case words inside a name: "Bank of America", "Banco do Brasil", "Aerolíneas del Sur", "Caisse des Dépôts".
_PARTICLE = rf"\s+(?:of|de|del|della|di|do|da|dos|das|du|des|van|van der|van den|von|de la)\s+(?=[{UPPER}])"
# The lookahead only lets the scan skip quickly over positions where no name can start.
_NAME_RE = re.compile(
    rf"(?<![^\W\d_])(?=[{UPPER}\d]|[a-z]{{1,3}}[A-Z]){_TOKEN}(?:(?:\s+|\s*&\s*|\+(?=[A-Z])|{_PARTICLE}){_TOKEN})*"
    rf"(?P<poss>'s|’s|')?"
)
# Without a lower-case letter before a capital ("eBay", "xAI") anywhere in a sentence, the
# same names are found by a pattern that starts with a capital or digit, which scans faster.
# (The capital is looked for first, and the letter before it checked behind: capitals are rare
# in a sentence, lower-case letters are nearly every character.)
_CAMEL = re.compile(r"[A-Z](?<=[a-z][A-Z])")
_TOKEN_UPPER = rf"(?:(?:[A-Z]\.){{2,}}|[{UPPER}][\w&\-]*(?:\.[A-Za-z]+)*|\d+[A-Za-z][\w&\-]*)"
# The first token is _TOKEN_UPPER with its first character taken first and each alternative
# then checking it by a lookbehind: a pattern that opens with a character class lets the
# scan jump to the next capital or digit, where a lookahead is tried at every position.
_FIRST_TOKEN_UPPER = (rf"[{UPPER}\d](?:(?<=[A-Z])\.(?:[A-Z]\.)+|(?<=[{UPPER}])[\w&\-]*(?:\.[A-Za-z]+)*|"
                      r"(?<=\d)\d*[A-Za-z][\w&\-]*)")
_NAME_RE_UPPER = re.compile(
    rf"{_FIRST_TOKEN_UPPER}(?:(?:\s+|\s*&\s*|\+(?=[A-Z])|{_PARTICLE}){_TOKEN_UPPER})*(?P<poss>'s|’s|')?"
)


_WORD_RUN = re.compile(r"\S+")
_INITIAL = re.compile(r"[A-Z]\.?")
_LEAD_NONWORD = re.compile(r"\W*")


_PLACE_SUFFIX = re.compile(r"-(?:based|headquartered|registered|born)$")


@lru_cache(maxsize=16384)
def _breaks_name(token: str) -> bool:
    """Returns True when a token of a capitalised run cannot be part of a company name
    (a title or function word, an amount, "US-based"); "of" and "&" are decided by position."""
    bare = token.strip("'’").rstrip(".")
    low = bare.lower()
    return (low in NON_COMPANY and low not in ("of", "&")) or bool(_NOT_NAME_TOKEN.fullmatch(bare))


def _split_on_non_company(surface: str, offset: int) -> list[tuple[int, int]]:
    """Returns sub-spans of a capitalised run, cut at title and function words.

    "Meta CEO Mark Zuckerberg" -> "Meta", "Mark Zuckerberg"; "This week" -> nothing.
    """
    if " " not in surface and "\n" not in surface and "\t" not in surface:
        # Most runs are one word: no cutting, only the verdict on that word.
        bare = surface.strip("'’").lower().rstrip(".")
        if _breaks_name(surface) or bare in ("of", "&"):
            return []
        return [(offset, offset + len(surface))]
    spans: list[tuple[int, int]] = []
    cur: tuple[int, int] | None = None
    for m in _WORD_RUN.finditer(surface):
        tok = m.group(0)
        if _breaks_name(tok) or (cur is None and tok.strip("'’").lower().rstrip(".") == "of"):
            # "a Green Bay-based maker": the words before "-based" name the place, not a company.
            if cur and not _PLACE_SUFFIX.search(tok):
                spans.append(cur)
            cur = None
            continue
        s, e = offset + m.start(), offset + m.end()
        cur = (cur[0], e) if cur else (s, e)
    if cur:
        spans.append(cur)
    # A trailing "of" or "&" is not part of a name.
    out = []
    for s, e in spans:
        words = surface[s - offset:e - offset].split()
        while words and words[-1].lower() in ("of", "&"):
            words.pop()
        if words:
            out.append((s, s + len(" ".join(words))))
    return out


# Words before a company's name that a capitalised run takes in with it.
_LEAD_OF = re.compile(r"(?:(?:Board|Directors|Shareholders|Acquisition|Sale|Purchase|Merger|Takeover)\s+of\s+)+|"
                      r"(?:EXCLUSIVE|BREAKING|REFILE|CORRECTED|UPDATED?)-(?=\w)")


@lru_cache(maxsize=16384)
def _name_parts(body: str) -> tuple[tuple[int, int, bool], ...]:
    """Returns (start, end, legal_abbrev) of the company-name candidates in one capitalised
    run, relative to it; `legal_abbrev` when the name ends in "Inc", "Corp" and the like.

    A pure function of the run: an article names the same companies again and again.
    """
    if len(body) < 12 and body.lower() in NON_COMPANY:
        return ()  # a lone capitalised function word ("The", "However")
    out = []
    for s, e in _split_on_non_company(body, 0):
        surface = body[s:e].rstrip(".")
        low = surface.lower()
        if not surface or low in NON_COMPANY or low in _GENERIC or _INITIAL.fullmatch(surface):
            continue
        if " " not in low and len(low) > 6 and low.endswith("ese"):
            continue  # a nationality ("Bhutanese conglomerate Tashi Group")
        if low in _LEGAL_SUFFIXES:
            continue  # "Holdings Co., Ltd.": the suffix after the comma is no second company
        # "Portuguese AI", "US Midwest": generic words only make no company name.
        if all(w.strip(".") in _GENERIC or w in NON_COMPANY for w in low.replace("-", " ").split()):
            continue
        lead = _LEAD_OF.match(surface)
        if lead:
            # "the Board of Directors of Temasek Holdings", "EXCLUSIVE-Drayfield": the company follows
            if lead.end() == len(surface):
                continue
            s += lead.end()
        out.append((s, e, surface.rsplit(" ", 1)[-1].lower() in _LEGAL_ABBREV))
    return tuple(out)


# Makes a NameSpan from all its fields at C speed: the NamedTuple's own __new__ is Python code,
# and a name span is made for every capitalised name of every sentence.
_tuple_new = tuple.__new__


# Last words of a body's name that "for" continues: "Transport for London", "Centre for Ageing Better".
_FOR_HEADS = frozenset("transport department ministry office secretary commission centre center institute "
                       "agency council society foundation fund alliance coalition partnership association "
                       "board authority".split())


def find_name_spans(sentence: str) -> list[NameSpan]:
    """Returns candidate company names in one sentence, in order.

    Capitalised runs minus function words, months, places, titles; a possessive
    "'s" is noted, not kept. Person names are still included: see `looks_like_person`.
    """
    out: list[NameSpan] = []
    # (Most sentences open with a word character: "\W*" matches nothing there. str.isalnum and "_"
    # are what "\w" matches.)
    lead = sentence[:1]
    first_word = 0 if lead.isalnum() or lead == "_" else _LEAD_NONWORD.match(sentence).end()
    for m in (_NAME_RE if _CAMEL.search(sentence) else _NAME_RE_UPPER).finditer(sentence):
        parts = _run_names(m.group(0))
        if not parts:
            run = m.group(0)
            if out and run.rstrip(".").lower() in _LEGAL_SUFFIXES and sentence[out[-1].end:m.start()] in (", ", ","):
                # "Greyhawk Outdoor Brands, Inc.": the suffix after the comma belongs to the name before it
                last = out[-1]
                end = m.end() + (sentence[m.end():m.end() + 1] == "." and not run.endswith("."))
                out[-1] = _tuple_new(NameSpan, (last.start, end, sentence[last.start:end], last.possessive, last.initial))
            continue
        ms = m.start()
        for rs, rend, legal, poss in parts:
            s, end = ms + rs, ms + rend
            if legal and sentence[end:end + 1] == ".":
                end += 1  # "Pylon Towers Inc." keeps its full stop, which ends no clause
            model = _MODEL_TAIL.search(sentence, s, end)
            if model and model.start() > s:
                end = model.start()  # "Airbus A350-900s", "Scania R-series": the maker, not its model
            mod = _MODIFIER_FIRST.match(sentence, s, end)
            if mod:
                # "Ofwat-regulated Severnside Water", "an Ocado-rival contract": a compound modifier
                # describes the name after it, and is no name of its own.
                if mod.end() >= end:
                    continue
                s = mod.end()
            if out and sentence[out[-1].end:s] == " for " and not out[-1].possessive and (
                    out[-1].surface.rsplit(" ", 1)[-1].lower() in _FOR_HEADS):
                # "Transport for London", "Department for Education": one public body
                s = out.pop().start
            out.append(_tuple_new(NameSpan, (s, end, sentence[s:end], poss, s <= first_word)))
    return out


# Model names after a maker's name: "A350-900s", "A321neo", "R-series", "737".
_MODEL_TAIL = re.compile(r"(?: (?:[A-Z]{1,3}-?\d[\w\-]*|[A-Z]-series|\d[\w\-]*))+$")
# A first word "X-lowercase" ("Temasek-backed", "AWS-certified", "Ocado-rival") and its space.
_MODIFIER_FIRST = re.compile(r"[A-Z][\w.&]*-[a-z][a-z\-]*(?: |$)")


@lru_cache(maxsize=16384)
def _run_names(run: str) -> tuple[tuple[int, int, bool, bool], ...]:
    """Returns (start, end, legal_abbrev, possessive) of the names in one match of the name
    pattern, relative to it: `_name_parts` of its body, trailing full stops cut, and whether
    the name carries the run's possessive ("Meta's"). A pure function of the run text."""
    # Name tokens and their joiners hold no apostrophe: one at the end is the possessive group.
    cut = 2 if run.endswith(("'s", "’s")) else 1 if run.endswith("'") else 0
    body = run[:len(run) - cut]
    return tuple((rs, rs + len(body[rs:re_].rstrip(".")), legal, bool(cut) and re_ == len(body))
                 for rs, re_, legal in _name_parts(body))


# Last words that name a publication ("Port Technology Weekly", "Lakeside Gazette").
_MEDIA_LAST = frozenset("weekly daily gazette herald tribune journal times magazine newsletter chronicle newswire".split())


@lru_cache(maxsize=16384)
def is_media(name: str) -> bool:
    """Returns True for news outlets, which are sources of a report, not parties."""
    key = name.casefold()
    return key in _MEDIA or normalize_name(name).casefold() in _MEDIA or (
        " " in key and key.rsplit(" ", 1)[1] in _MEDIA_LAST)


def looks_like_person(sentence: str, span: NameSpan) -> bool:
    """Returns True when the name in `span` reads as a person's name.

    Evidence: a title before it ("CEO Mark Zuckerberg"), an apposition after it
    ("Alexandr Wang, founder and CEO of Scale"), or a common given name first.
    """
    verdict, titled, two_words = _person_shape(span.surface)
    if verdict is False and " " not in span.surface and _HONORIFIC.search(sentence, max(0, span.start - 6), span.start):
        return True  # "Mr. Cueto", "Dr Halvorsen": an honorific makes a single word a person's
    if verdict is not None:
        return verdict
    window = sentence[max(0, span.start - 40):span.start]
    if _TITLE_KEY_RE.search(window.lower()) and _PERSON_TITLES.search(window):
        return titled
    if two_words:
        rest = sentence[span.end:span.end + 60]
        if not rest.lstrip().startswith(","):
            return False  # the apposition opens with a comma (its "\s*" skips what lstrip does)
        after = _PERSON_APPOSITION.match(rest)
        return bool(after) and not after.group(0).lower().rstrip().endswith(("is", "was", "said", "told"))
    return False


# Last words that make a name a company's, whatever comes before them.
_ORG_WORDS = frozenset("""
    capital partners ventures group holdings bank fund funds investments investment management advisors
    advisers associates industries systems foods technologies technology labs laboratories networks
    media energy pharma pharmaceuticals therapeutics biosciences bioscience logistics airlines airways
    motors insurance securities solutions services software semiconductor semiconductors robotics
    analytics health healthcare resources mining metals steel chemicals materials corporation company
    """.split())


@lru_cache(maxsize=16384)
def _person_shape(surface: str) -> tuple[bool | None, bool, bool]:
    """Returns what the words of a name alone say of it being a person's: (verdict or None when
    the sentence must tell, whether a title before it makes it a person's, whether it is two
    capitalised words that an apposition after it can make a person's). A pure function of the name."""
    words = surface.split()
    if len(words) >= 2 and (words[-1].lower() in _ORG_WORDS or words[-1].rstrip(".").lower() in _LEGAL_SUFFIXES):
        return False, False, False  # "Kestrel Capital", "Robert Bosch GmbH": a company's kind or legal form ends it
    given = bool(words) and words[0].lower() in _GIVEN_NAMES
    if len(words) >= 2 and given:
        return True, True, False
    if len(words) == 1:
        # "CEO Nadella" aside, one word that is no given name is not read as a person; a given name
        # alone is one ("Sandra said she and ...").
        return given, given, False
    two = len(words) == 2 and all(w[:1].isupper() and w[1:].islower() for w in words)
    return None, len(words) >= 2 or given, two


def _abbreviates(short: str, full: str) -> bool:
    """Returns True when the key `short` shortens some words of the longer key `full`, word for
    word, each to a start of at least four letters ("merrow pharma" / "merrow pharmaceuticals")."""
    a, b = short.split(), full.split()
    return len(a) == len(b) and short != full and all(
        x == y or (len(x) >= 4 and y.startswith(x)) for x, y in zip(a, b))


class NameIndex:
    """The company names of one article, linked to the fullest variant the article uses.

    A shorter name that is a whole-word prefix of exactly one longer name is an
    alias of it ("Scale" -> "Scale AI"); legal suffixes and "the" never count.
    """

    def __init__(self, names: list[str], units: set[str] = frozenset()) -> None:
        # In article order (not a set's): variants that share a key ("ZEPHYRA", "Zephyra") resolve
        # to the last one, the same on every run whatever the hash seed.
        keys = {p: _key(p) for p in dict.fromkeys(map(normalize_name, dict.fromkeys(names))) if p}
        # A longer variant shares the first word: comparing within those groups only
        # keeps this linear in the number of names rather than quadratic.
        firsts = [(name, k, k.partition(" ")[0]) for name, k in keys.items()]
        by_first: dict[str, list[str]] = {}
        for name, _k, first in firsts:
            by_first.setdefault(first, []).append(name)
        self._canon: dict[str, str] = {}
        for name, k, first in firsts:
            group = by_first[first]
            if len(group) == 1:
                self._canon[k] = name  # no other name shares its first word: none extends it
                continue
            longer = [o for o in group if keys[o].startswith(k + " ")]
            # The fullest variant that extends this one; ambiguous prefixes stay themselves.
            heads = {o for o in longer if not any(keys[p].startswith(keys[o] + " ") for p in longer)}
            if not heads:
                # A headline's short form: "Merrow Pharma" for "Merrow Pharmaceuticals".
                heads = {o for o in group if _abbreviates(k, keys[o])}
            # (A unit of the company, "Telvia Towers" of "Telvia", is no fuller name of it.)
            self._canon[k] = heads.pop() if len(heads) == 1 and not heads <= units else name
        # "AWS" for "Amazon Web Services": an all-capitals name that spells the initials of one other.
        acronyms = [(name, k) for name, k in keys.items() if name.isupper() and 2 <= len(name) <= 5]
        if acronyms:
            wanted = {name for name, _k in acronyms}  # only these initials are looked up
            by_initials: dict[str, list[str]] = {}
            for o in keys:
                if " " not in o:
                    continue
                words = o.split()
                if 2 <= len(words) <= 5:
                    initials = "".join(w[0] for w in words)
                    if initials in wanted:
                        by_initials.setdefault(initials, []).append(o)
            for name, k in acronyms:
                full = by_initials.get(name, [])
                if self._canon[k] == name and len(full) == 1:
                    self._canon[k] = full[0]

    def canonical(self, name: str) -> str:
        """Returns the article's fullest variant of `name` (the plain name if unknown)."""
        plain = normalize_name(name)
        return self._canon.get(_key(plain), plain)

    def names(self) -> set[str]:
        """Returns the canonical names."""
        return set(self._canon.values())
