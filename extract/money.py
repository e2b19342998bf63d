"""Find money amounts in text: "$14.3bn", "14.3 billion US dollars", "€450m", "1,2 Mrd. €".

Number formats, scale words and currency names differ by language, so each
language is a `MoneyLocale`; the finder is built once per locale at import.

    >>> [(m.value, m.currency) for m in find_amounts("Meta paid $14.3bn for 49%.")]
    [(14300000000.0, 'USD')]
    >>> parse_amount("an undisclosed sum") is None
    True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

__all__ = ["Money", "MoneyLocale", "LOCALES", "find_amounts", "parse_amount", "is_undisclosed", "trie_alternation"]


class Money(NamedTuple):
    """An amount found in text: value in units (not millions), ISO currency or None, span."""

    value: float
    currency: str | None
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class MoneyLocale:
    """How one language writes numbers and money.

    `scales` and `currencies` map a lower-cased word or symbol to a multiplier or
    an ISO 4217 code; keys may contain regex-safe literal text only.
    """

    decimal: str
    thousands: str
    scales: dict[str, float]
    currencies: dict[str, str]
    undisclosed: str
    # After a number with a scale but no currency: a counted noun ("11 million customers").
    counted: str | None = None


_SYMBOLS = {
    "us$": "USD", "$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
    "¥": "JPY", "jpy": "JPY", "chf": "CHF", "c$": "CAD", "cad": "CAD", "a$": "AUD", "aud": "AUD",
    "hk$": "HKD", "hkd": "HKD", "s$": "SGD", "sgd": "SGD", "cny": "CNY", "rmb": "CNY", "inr": "INR",
    "₹": "INR", "sek": "SEK", "nok": "NOK", "dkk": "DKK", "krw": "KRW", "₩": "KRW", "brl": "BRL",
    "r$": "BRL", "nz$": "NZD", "nzd": "NZD", "pln": "PLN", "zar": "ZAR", "ils": "ILS", "rs": "INR", "rs.": "INR",
    "ksh": "KES", "kes": "KES", "sh": "KES", "₦": "NGN", "ngn": "NGN", "aed": "AED", "sar": "SAR", "egp": "EGP",
}

EN = MoneyLocale(
    decimal=".",
    thousands=",",
    scales={
        "trillion": 1e12, "tn": 1e12, "tr": 1e12, "billion": 1e9, "bn": 1e9, "b": 1e9, "bln": 1e9,
        "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6, "mio": 1e6, "thousand": 1e3, "k": 1e3,
        "crore": 1e7, "crores": 1e7, "cr": 1e7, "lakh": 1e5, "lakhs": 1e5,
    },
    currencies={
        **_SYMBOLS,
        "us dollars": "USD", "u.s. dollars": "USD", "dollars": "USD", "dollar": "USD",
        "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP", "pounds": "GBP", "pound": "GBP",
        "sterling": "GBP", "swiss francs": "CHF", "francs": "CHF", "yen": "JPY", "yuan": "CNY",
        "renminbi": "CNY", "rupees": "INR", "canadian dollars": "CAD",
        "australian dollars": "AUD", "hong kong dollars": "HKD", "singapore dollars": "SGD",
        "koruna": "CZK", "korunas": "CZK", "czech crowns": "CZK", "reais": "BRL", "zloty": "PLN", "zlotys": "PLN",
        "forint": "HUF", "rand": "ZAR", "swedish crowns": "SEK", "swedish kronor": "SEK", "kronor": "SEK",
        "norwegian crowns": "NOK", "norwegian kroner": "NOK", "danish crowns": "DKK", "danish kroner": "DKK",
        "ringgit": "MYR", "baht": "THB", "rupiah": "IDR", "dirhams": "AED", "riyals": "SAR", "shekels": "ILS",
        "nkr": "NOK", "skr": "SEK", "dkr": "DKK", "czk": "CZK", "huf": "HUF", "mxn": "MXN",
        "naira": "NGN", "kenyan shillings": "KES", "cedis": "GHS",
    },
    undisclosed=r"\b(?:an?\s+)?(?:undisclosed|unspecified|unknown|confidential)\s+(?:sum|amount|price|fee|figure)",
    counted=r"\s+(?:[a-z]+-)?(?!(?:as|is|was|has|its|this|his|plus|less|across|versus|thus|says)\b)"
            r"(?:[a-z]+s|people|tonnes|staff)\b",
)

DE = MoneyLocale(
    decimal=",",
    thousands=".",
    scales={
        "billionen": 1e12, "milliarden": 1e9, "milliarde": 1e9, "mrd.": 1e9, "mrd": 1e9,
        "millionen": 1e6, "million": 1e6, "mio.": 1e6, "mio": 1e6, "tausend": 1e3, "tsd.": 1e3,
    },
    currencies={
        **_SYMBOLS,
        "us-dollar": "USD", "us dollar": "USD", "dollar": "USD", "euro": "EUR", "pfund": "GBP",
        "britische pfund": "GBP", "schweizer franken": "CHF", "franken": "CHF", "yen": "JPY",
        "yuan": "CNY",
    },
    undisclosed=r"\b(?:eine[nm]?\s+)?(?:nicht\s+genannte[nm]?|ungenannte[nm]?|unbekannte[nm]?)\s+(?:summe|betrag|preis)",
)

LOCALES: dict[str, MoneyLocale] = {"en": EN, "de": DE}


def trie_alternation(words: dict[str, object]) -> str:
    """Returns a regex matching any of the keys, longest first ("us dollars" beats "dollars").

    Written as a trie ("dollar(?:s)?"): the pattern tries it at many positions, and a
    trie costs a test or two where a flat list of keys costs one test per key.
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w.lower():
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        # A key may end here: the longer keys are tried first, as in a longest-first list.
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


@dataclass(frozen=True)
class _Compiled:
    locale: MoneyLocale
    pattern: re.Pattern[str]
    undisclosed: re.Pattern[str]
    lookback: int  # the longest currency written before a number, plus a space
    counted: re.Pattern[str] | None
    # A currency and the optional space that end right before a number, matched on the
    # reversed text before it: one anchored match instead of a search over the window.
    pre_reversed: re.Pattern[str]


def _compile(locale: MoneyLocale) -> _Compiled:
    """Builds the amount regex for one locale: [currency] number [scale] [currency]."""
    d, t = re.escape(locale.decimal), re.escape(locale.thousands)
    number = rf"\d{{1,3}}(?:{t}\d{{3}})+(?:{d}\d+)?|\d+(?:{d}\d+)?"
    cur = trie_alternation(locale.currencies)
    scale = trie_alternation(locale.scales)
    # A word-like currency or scale must end at a word boundary ("m" of "min" is not a million).
    pattern = re.compile(
        rf"""(?<![\w$€£¥])
        (?:(?P<pre>{cur})\s?)?
        (?P<num>{number})
        (?:\s?-?\s?(?P<scale>{scale})(?![\w-]))?
        (?:\s?(?P<post>{cur})(?![\w-]))?""",
        re.IGNORECASE | re.VERBOSE,
    )
    lookback = max(len(c) for c in locale.currencies) + 1
    counted = re.compile(locale.counted) if locale.counted else None
    pre_reversed = re.compile(rf"\s?{trie_alternation({c[::-1]: None for c in locale.currencies})}", re.IGNORECASE)
    return _Compiled(locale, pattern, re.compile(locale.undisclosed, re.IGNORECASE), lookback, counted, pre_reversed)


_COMPILED = {lang: _compile(loc) for lang, loc in LOCALES.items()}
_DIGIT = re.compile(r"\d")
_DIGITS = re.compile(r"\d+")


def _matches(comp: _Compiled, text: str) -> list[re.Match[str]]:
    """Returns what `comp.pattern.finditer(text)` returns, trying the pattern only near digits.

    Every amount has a digit no further than `comp.lookback` characters from its start,
    so the pattern is searched in a short window before and after each number instead
    of at every position of the sentence (where its currency alternation is costly).
    """
    out: list[re.Match[str]] = []
    pos = 0
    while True:
        d = _DIGITS.search(text, pos)
        if d is None:
            return out
        # A match that holds this number starts at most `lookback` characters before it;
        # one that does not hold it starts after it and is found from the next number.
        # Searching with the text cut after this number's digits finds the same start
        # (a cut match is still a match), and the match is then taken in full.
        ds = d.start()
        lo = max(pos, ds - comp.lookback)
        if comp.pre_reversed.match(text[lo:ds][::-1]):
            m = comp.pattern.search(text, lo, d.end())
            if m is not None:
                m = comp.pattern.match(text, m.start())
        else:
            # No currency ends right before the number: a match can only start at it (and
            # one exists in full text exactly when one exists cut after the digits).
            m = comp.pattern.match(text, ds)
        if m is None:
            pos = d.end()
            continue
        out.append(m)
        pos = m.end()


def _to_float(num: str, locale: MoneyLocale) -> float:
    """Returns the number written in `num` under the locale's separators."""
    return float(num.replace(locale.thousands, "").replace(locale.decimal, "."))


def find_amounts(text: str, language: str = "en") -> list[Money]:
    """Returns the money amounts in `text`, in order.

    A number counts as money when a currency is attached, or when a scale word
    is ("14.3 billion": currency None). Plain numbers, years and percentages are not money.
    """
    if not _DIGIT.search(text):
        return []
    comp = _COMPILED.get(language, _COMPILED["en"])
    out: list[Money] = []
    for m in _matches(comp, text):
        pre, post, scale = m.group("pre"), m.group("post"), m.group("scale")
        if not (pre or post or scale):
            continue
        # Bare "m"/"b"/"k" after a number without currency is too ambiguous ("5G", "3m tall").
        if scale and not (pre or post) and len(scale.rstrip(".")) <= 2:
            continue
        end = m.end()
        if not (pre or post) and comp.counted is not None and comp.counted.match(text, end):
            continue  # "11 million customers" counts customers
        if text[end:end + 1] == "%" or text[end:end + 8].lower().startswith((" percent", " per cent", " prozent")):
            continue
        currency = comp.locale.currencies.get((pre or post or "").lower())
        mult = comp.locale.scales.get(scale.lower(), 1.0) if scale else 1.0
        value = _to_float(m.group("num"), comp.locale) * mult
        out.append(Money(round(value, 2), currency, m.start(), end, m.group(0)))
    return out


def is_undisclosed(text: str, language: str = "en") -> bool:
    """Returns True when `text` says the amount was not disclosed ("an undisclosed sum")."""
    comp = _COMPILED.get(language, _COMPILED["en"])
    return bool(comp.undisclosed.search(text))


def parse_amount(text: str, language: str = "en") -> Money | None:
    """Returns the first amount in `text`, or None (also for "an undisclosed sum").

    >>> parse_amount("14.3 billion").value
    14300000000.0
    """
    found = find_amounts(text, language)
    return found[0] if found else None
