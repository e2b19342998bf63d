"""Company names in German news text.

German capitalises every noun, so a capitalised word says little: "Der Münchner
Technologiekonzern verkauft die Sparte Innomotics an KKR" has six capitalised
words and three names. This module finds names from the way German news
introduces them, over the whole article:

- after a descriptor noun ("der Finanzinvestor KKR", "des Chipherstellers Nvidia",
  "die Sparte Innomotics", "den US-Krebstherapiespezialisten Varian Medical Systems",
  "der Caterer Rheinmahl");
- before a legal suffix or a group word ("Infomatrix GmbH", "Waldner SE & Co. KGaA",
  "Raiffeisen Hohenlohe eG", "Voitl Holding", "Emil Frey Gruppe", "Bitwerk IT"), or with a last
  word that names a line of business ("Kramer Stanztechnik", "Planet A Ventures");
- as the first part of a hyphenated compound ("Healthineers-Chef", "Varian-Aktionäre");
- as an acronym ("KKR", "UBS"), spelled out before one ("Bundesagentur für Arbeit (BA)": the
  acronym then stands for the name), or a public body or institution named by kind and place
  ("Stadt Köln", "Stadtwerke Lindenau", "Volksbank Lahn-Dill", "Klinikum Lüneburg");
- bare at the start of a clause and followed by a verb ("Siemens hält ...",
  "wie Voltavia am Mittwoch bestätigte"), when the word does not look like a
  plural noun or is followed by a verb in the singular ("Südzucker hat"), and used bare
  once more, as a subject or after a preposition ("der Vertrag mit Pyur"); or bare after
  a preposition in two sentences ("an Techem"); a state or town as a subject twice
  ("Litauen hat ... bestellt").

A name is kept in the form it is written, not as the sentence inflects it ("der Deutschen
Bahn" -> "Deutsche Bahn", "des Landes Hessen" -> "Land Hessen").

Every later occurrence of a found name in the article is a mention; a name that
extends a found one ("Scale AI" after "Scale") is kept whole. Persons (after a
title such as "Chef", "Sprecherin", or "sagte X Y") and news outlets after
"Zeitung", "Nachrichtenagentur" are left out.

    >>> [[s.surface for s in row] for row in find_names_de(
    ...     ["Der Finanzinvestor KKR kauft die Sparte Innomotics.", "KKR zahlt 3 Mrd. Euro."])]
    [['KKR', 'Innomotics'], ['KKR']]
"""

from __future__ import annotations

import re

from extract.names_learned import learned_names
from extract.parties import UPPER, NameSpan, looks_like_person

__all__ = ["find_names_de", "DESCRIPTOR_HEADS", "is_descriptor"]

# Heads of nouns that describe a company, unit or public body ("Chiphersteller",
# "Finanzinvestor", "Sparte"), with their inflected forms. A German compound ends
# in its head, so "Medizintechnikkonzern" is a "konzern".
DESCRIPTOR_HEADS = (
    "konzern|hersteller|anbieter|unternehmen|investor|investoren|spezialist|dienstleister|versicherer|"
    "händler|zulieferer|konkurrent|konkurrentin|wettbewerber|rivale|tochter|start-up|startup|fonds|"
    "kapitalgeber|geldgeber|bank|betreiber|entwickler|discounter|versorger|projektierer|softwarehaus|"
    "bankhaus|autohaus|verlagshaus|modehaus|kaufhaus|auktionshaus|verlag|fintech|designer|partner|"
    "eigentümer|käufer|bieter|firma|autobauer|bauer|produzent|"
    "lieferant|dienst|ausrüster|riese|gigant|holding|sparte|einheit|tochtergesellschaft|marke|kette|"
    "logistiker|netzbetreiber|maschinenbauer|chipdesigner|assetmanager|vermögensverwalter|"
    "versicherungskonzern|staatsfonds|gruppe|institut|agentur|behörde|aufsicht|gewerkschaft|verband|"
    "kunde|kunden|auftraggeber|großkunde|lieferanten|mitbewerber|interessent|erwerber|zulieferin|"
    "fonds|beteiligungsgesellschaft|finanzinvestor|private-equity-haus|hedgefonds|kreditgeber|"
    "onlinehändler|versandhändler|einzelhändler|großhändler|dax-konzern|mittelständler|familienunternehmen|"
    # Trades whose noun names the kind of firm ("die Spedition Haller", "der Druckerei Hess"): the
    # -erei nouns of German trades (Brauerei, Druckerei, Reederei, Gießerei, Molkerei ...).
    "spedition|erei|"
    # Trades and kinds of firm named by what they do ("der Caterer Rheinmahl", "des Entsorgers Remondis",
    # "die Fluggesellschaft Condor", "dem Auftragsfertiger Biovalence").
    "hoster|caterer|entsorger|kocher|publisher|supermarkt|fluggesellschaft|airline|fluglinie|versender|"
    "verwahrer|makler|güterbahn|fertiger|verpfleger|röster|portal|carrier|reederei|"
    "krankenkasse|agentur|wohnungsgesellschaft|projektgesellschaft|betreibergesellschaft|"
    "investmentgesellschaft|verwaltungsgesellschaft|regionalgesellschaft|"
    "apotheke|verarbeiter|zusteller|maklerpool|vermarkter|ausstatter|werft|"
    # Austrian and Swiss words for retailers ("der Diskonter Hofer", "der Grossverteiler Migros").
    "diskonter|grossverteiler|detailhändler|vollsortimenter|"
    # Owners and units ("der Großaktionär Elbtal Capital", "der Geschäftsbereich Medizintechnik").
    "aktionär|bereich|division|segment|studio"
)
_DESC_RE = re.compile(rf"(?i)^[\w\-]*(?:{DESCRIPTOR_HEADS})(?:s|es|n|en|in|innen)?$")
# Descriptors after which a name is a news outlet or an authority, not a party.
_MEDIA_DESC = re.compile(
    r"(?i)^[\w\-]*(?:zeitung|magazin|nachrichtenagentur|presseagentur|branchendienst|fachdienst|blatt|sender|"
    r"wirtschaftsmagazin|nachrichtenmagazin|nachrichtenportal|newsportal|onlineportal|branchenportal|"
    r"newsletter|fachmagazin|fachzeitschrift)(?:s|es)?$"
)
# Words before a name that make it a person: titles, roles, "sagte".
_PERSON_BEFORE = re.compile(
    r"(?i)(?:^(?:herr|frau|sagte|sagt|schreibt|schrieb|betonte)$|(?:^|-)(?:ceo|cfo|cto|coo)$|(?:chef|chefin|"
    r"gründer|gründerin|managerin|manager|sprecher|sprecherin|vorstand|vorständin|vorsitzende[rn]?|"
    r"geschäftsführer|geschäftsführerin|"
    r"analyst|analystin|präsident|präsidentin|minister|ministerin|leiter|leiterin|partnerin|"
    r"professor|professorin|direktor|direktorin|nachfolger|nachfolgerin|chefvolkswirt)$)"
)
# Public bodies that are customers or buyers: the body word and the place form one name. So do the
# institutions German names by kind and place ("Volksbank Lahn-Dill", "Klinikum Lüneburg",
# "Zweckverband Abfallwirtschaft Westerwald").
_PUBLIC_BODY = re.compile(
    r"^(?:Stadt|Gemeinde|Landkreis(?:es)?|Kreis(?:es)?|Land(?:es)?|Freistaat(?:e?s)?|Stadtwerken?|Bezirk|Kanton|"
    r"Region|Zweckverband|Verkehrsverbund|Volksbank|Raiffeisenbank|Raiffeisen-Landesbank|Raiffeisen|Sparkasse|"
    r"Kreissparkasse|Stadtsparkasse|Klinikum|Uniklinik|Universitätsklinikum|Universitätsmedizin|Kantonsspital|"
    r"Kreiskrankenhaus|Messe)$")
_PLACE_ADJ = re.compile(r"(?:er|ische[nmrs]?)$")
# A hyphenated tail that names the company itself, not a unit or person of it.
_SELF_TAIL = re.compile(r"(?:gruppe|konzern|konzerns|holding|unternehmensgruppe|firmengruppe)", re.I)
_NAME_NEXT = re.compile(rf" [{UPPER}]")
_HYPHEN_TAIL = re.compile(r"-([\w\-]+)")
_NAME_TAIL = re.compile(r"(?i)^(?:[\w\-]*(?:holding|gruppe)|holdings|group|partner|partners|bank|studios|IT)$")
# Institutions that are parties in their own right (general knowledge of German public life).
# "die Bundesregierung" is the state as a party: "der Bund".
ALIASES = {"Bundesregierung": "Bund"}
_INSTITUTIONS = frozenset(
    "Bund Bundeswehr Bundesregierung Bundesagentur Bundesbank Bundesnetzagentur Bundeskartellamt "
    "Bundesamt Bundesländer Europäische".split()
)
# Capitalised words that are not names: articles, pronouns, conjunctions, adverbs,
# prepositions (all capitalised at a sentence start), months, weekdays, seasons.
_FUNCTION = frozenset(
    """
    der die das den dem des ein eine einer eines einem einen kein keine keinen im am zum zur vom beim ins
    bei mit nach von für auf aus in an um über unter vor seit bis wie laut auch zudem damit dabei doch aber
    und oder es er sie man wir ich ihr dies diese dieser dieses diesen dass wenn weil als ob nun noch
    bereits erst zuletzt bislang zuvor demnach zugleich außerdem inzwischen derzeit künftig mehrere viele
    alle beide beiden ganz neben gemeinsam statt rund erst ende anfang mitte so da dort hier jetzt heute
    gestern morgen schon nur mehr weniger einige manche jede jeder jedes jeden sein seine seiner seinem
    dutzend dutzende hunderte hunderten tausende tausenden
    seinen ihre ihrer ihrem ihren unser unsere wer was wo wann warum welche welcher welches zwar trotz
    wegen während gegen ohne durch bisher dann deshalb daher dafür dagegen darauf danach allerdings jedoch
    dennoch vielmehr immerhin etwa knapp gut fast eher wohl kaum sogar hingegen wiederum ebenfalls
    insgesamt nachdem obwohl sofern soweit falls wonach mittlerweile vorerst gleichzeitig zunächst
    montag dienstag mittwoch donnerstag freitag samstag sonntag sonntagabend montagabend dienstagabend
    mittwochabend donnerstagabend freitagabend januar februar märz april mai juni juli august september
    oktober november dezember frühjahr sommer herbst winter jahr jahres quartal halbjahr woche wochen
    monat monate monaten tag tage tagen uhr prozent euro dollar franken pfund milliarden millionen
    mrd mio ki it us usa eu uk un nato tv cloud ceo cfo cto ipo dax mdax sdax tecdax esg ok the a an of and
    """.split()
)
# Places: not a company on their own, but part of names ("Stadt Köln", "Ostsee Power").
_PLACES = frozenset(
    """
    deutschland europa österreich schweiz frankreich italien spanien großbritannien england china japan
    indien russland ukraine polen serbien ungarn schweden norwegen dänemark finnland niederlande belgien
    litauen lettland estland slowakei slowenien kroatien rumänien bulgarien griechenland portugal irland
    türkei liechtenstein
    luxemburg tschechien korea südkorea taiwan israel kanada brasilien mexiko australien singapur
    amerika asien afrika nordamerika südamerika usa berlin münchen hamburg köln frankfurt stuttgart
    düsseldorf dortmund essen leipzig dresden hannover nürnberg bremen bonn mannheim karlsruhe
    wiesbaden mainz potsdam kiel rostock freiburg heidelberg darmstadt ulm augsburg regensburg
    wien zürich genf basel bern luzern linz graz salzburg london paris rom madrid mailand amsterdam
    brüssel stockholm oslo kopenhagen helsinki warschau prag budapest tokio peking shanghai
    washington boston kalifornien texas bayern sachsen hessen thüringen brandenburg niedersachsen
    nordrhein-westfalen baden-württemberg rheinland-pfalz saarland schleswig-holstein
    mecklenburg-vorpommern sachsen-anhalt abu dhabi dubai katar ostschweiz westschweiz tessin
    silicon valley wall street
    """.split()
)
# Endings of plural and abstract nouns: a bare sentence-initial word with one of them
# is a noun ("Analysten sprachen", "Gründe nannte"), not a company.
_NOUNISH_END = re.compile(
    r"(?:en|er|ern|e|ung|ungen|heit|keit|schaft|tion|tionen|tät|ismus|nis|nisse|ment|ik|ur|enz|anz|"
    r"ei|tum|ling|chen|lein|ie|ien|ist|isten|grund|punkt|schlag|kauf|wert|markt|plan|weg|zug|stand|"
    r"geschäft|mittel|är)$"
)
_ABSTRACT_END = re.compile(r"(?:ung|heit|keit|schaft|tion|tät|ismus|nis|enz|anz|ment|verfahren)$")
# After a descriptor: a word ending in "-tion" there is a firm's name ("der Softwarehersteller
# Univention"), as a descriptor is not followed by an action noun without article.
_UNIT_ABSTRACT_END = re.compile(r"(?:ung|heit|keit|schaft|tät|ismus|nis|enz|anz|ment|verfahren)$")
# Words that follow a company name as the start of a compound ("Varian-Aktionäre").
_COMPOUND_TAIL = re.compile(
    r"(?i)^(?:chef|chefin|aktie|aktien|aktionäre|sprecher|sprecherin|gründer|gründerin|mitgründer|"
    r"mitgründerin|tochter|konzern|vorstand|vorstandschef|vorstandschefin|finanzchef|finanzchefin|"
    r"eigentümer|spitze|übernahme|software|plattform|partnerin|partner|manager|managerin|kunde|kunden|"
    r"papiere|kurs|gruppe|führung|deal|geschäft|sparte|angebot|einstieg|beteiligung|chefs)$"
)
# Prepositions that take a company without an article ("an Steinfeld Technik", "von Ardor Glas").
_BARE_PREPS = frozenset("an von bei mit für durch über".split())
_LEGAL = re.compile(r"^(?:&|AG|SE|GmbH|KGaA|KG|OHG|eG|Inc\.?|Ltd\.?|LLC|plc|SA|NV|BV|AB|AS|ASA|Corp\.?|Corporation|"
                    r"Co\.?|mbH|& Co\.?|[A-Z]\.(?:[A-Za-z]\.)+)$")

# One capitalised token: "Siemens", "T-Systems", "Mercedes-Benz", "SoftBank", "1&1", "eBay".
_CAP = rf"(?:Gebr\.|[{UPPER}][\w&\-]*(?:/[{UPPER}][\w&\-]*)?|[a-z]{{1,3}}[A-Z][\w&\-]*|\d+&\d+)"
# A run of them, joined by "&" or "+" ("Knettenbrech + Gurdulic"), or "und" after a hyphen ("Spar- und
# Leihkasse Wynental"), with legal forms ("eG", "B.V.", "S.A.").
_RUN = re.compile(rf"{_CAP}(?:(?: | & | \+ | und (?=[A-Z][\w\-]* (?:AG|SE|GmbH))|(?<=-) und )"
                  rf"(?:[A-Z]\.(?:[A-Za-z]\.)+|{_CAP}|Co\.|eG(?![\w\-])))*")
_WORD_BEFORE = re.compile(r"([\w\-äöüß]+)\s*$")
_VERBISH_AFTER = re.compile(r"^\s*(?:[a-zäöüß]|,|\()")


def is_descriptor(word: str) -> bool:
    """Returns True for a noun that describes a company ("Chipherstellers", "Finanzinvestor")."""
    return bool(_DESC_RE.match(word))


def _tokens(run: str, start: int) -> list[tuple[int, int, str]]:
    """Returns (start, end, text) of the space-separated tokens of a capitalised run."""
    return [(start + m.start(), start + m.end(), m.group(0)) for m in re.finditer(r"\S+", run)]


def _is_abstract(word: str, ends: re.Pattern[str] = _ABSTRACT_END) -> bool:
    """Returns True for an abstract noun ("Insolvenz", "Förderung"); short, hyphenated or camel-case words
    ("HeidelbergCement") are names."""
    camel = not word[1:].islower() and not word[1:].isupper()
    return "-" not in word and len(word) >= 8 and not camel and bool(ends.search(word.lower()))


def _is_alias_word(word: str) -> bool:
    """Returns True when the first word of a name can stand for the whole ("Hanseon", not "Deutsche")."""
    low = word.lower()
    return (len(word) >= 4 and low not in _FUNCTION and low not in _PLACES and not _PUBLIC_BODY.match(word)
            and not is_descriptor(word) and not re.search(r"(?:e|en|er|es|em)$", low))


_CAP_AFTER = re.compile(r" [A-ZÄÖÜ]")


def _surname_aliases(names: set[str], texts: list[str]) -> set[str]:
    """Returns the first words in -er of multi-word `names` that stand alone in `texts` (see _seed_names)."""
    out = set()
    for n in names:
        word, _, rest = n.partition(" ")
        low = word.lower()
        if not rest or not low.endswith("er") or len(word) < 5 or low in _FUNCTION or low in _PLACES \
                or _PUBLIC_BODY.match(word) or is_descriptor(word) or _is_place_adjective(word):
            continue
        nxt = rest.split()[0]
        after = [t[m.end():m.end() + 1 + len(nxt)] for t in texts
                 for m in re.finditer(rf"(?<![\w\-]){re.escape(word)}(?![\w\-])", t)]
        followed = [a for a in after if _CAP_AFTER.match(a)]
        if len(followed) < len(after) and all(a == " " + nxt for a in followed):
            out.add(word)
    return out


def _is_function(tok: str) -> bool:
    return tok.lower().strip(".") in _FUNCTION


def _split_candidates(sentence: str) -> list[tuple[list[tuple[int, int, str]], str]]:
    """Returns the capitalised runs of a sentence as token lists, with the word before each.

    Function words inside a run split it; a descriptor or a person title inside a run
    splits it too, and is kept as the "word before" of the part after it.
    """
    out = []
    for m in _RUN.finditer(sentence):
        wb = _WORD_BEFORE.search(sentence[:m.start()])
        before = wb.group(1) if wb else ""
        cur: list[tuple[int, int, str]] = []
        toks = _tokens(m.group(0), m.start())
        for i, (s, e, tok) in enumerate(toks):
            bare = tok.rstrip(".,")
            if bare == "und" and cur and cur[-1][2].endswith("-"):
                cur.append((s, e, tok))  # "Spar- und Leihkasse Wynental"
                continue
            if _is_function(bare) and not cur:
                before = bare
                continue
            nxt = toks[i + 1][2] if i + 1 < len(toks) else ""
            if (cur and _NAME_TAIL.match(bare) and not _PLACE_ADJ.search(cur[-1][2])) or (
                    _NAME_TAIL.match(bare) and _NAME_TAIL.match(nxt)) or (
                    not cur and i + 1 < len(toks) and _PUBLIC_BODY.match(bare)):
                cur.append((s, e, tok))
                continue
            if not cur and i + 1 == len(toks) and "-" not in bare and is_descriptor(bare) and is_descriptor(before) \
                    and before[:1].isupper() and not re.search(r"(?:n|s)$", bare):
                cur.append((s, e, tok))  # "der Technologieinvestor Softbank": a name that ends like a descriptor
                continue
            if _is_function(bare) or is_descriptor(bare) or _MEDIA_DESC.match(bare) or _PERSON_BEFORE.search(bare):
                if cur:
                    out.append((cur, before))
                cur = []
                before = bare
                continue
            cur.append((s, e, tok))
        if cur:
            out.append((cur, before))
    return out


def _is_place_adjective(word: str) -> bool:
    """Returns True for an adjective made of a place name ("Salzburger", "Kölner", "Berliner")."""
    low = word.lower()
    return low.endswith("er") and (low[:-2] in _PLACES or low[:-3] in _PLACES or low[:-2] + "en" in _PLACES)


def _is_place(word: str) -> bool:
    """Returns True for a place, also in the genitive ("Deutschlands", "Japans")."""
    low = word.lower()
    return low in _PLACES or (low.endswith("s") and low[:-1] in _PLACES)


def _is_place_only(words: list[str]) -> bool:
    return all(_is_place(w) or w.lower() in _FUNCTION for w in words)


_ARTICLE_OR_ADJ = re.compile(r"(?i)^(?:der|die|das|den|dem|des|ein|eine[nmrs]?|seine[nmrs]?|ihre[nmrs]?|"
                             r"[a-zäöüß]+(?:e|en|er|es|em))$")
# Words after which a bare name opens a clause (finite verbs, conjunctions of reported speech).
_CLAUSE_OPENERS = frozenset(
    "wie dass sagte hat will soll wird ist bestätigte teilte nachdem weil ob wonach kündigte hatte haben "
    "habe sei wolle könnte dürfte zahlte zahlt kauft übernimmt erwirbt verkauft steigerte meldete gab".split()
)
_HYPHEN_WORD = re.compile(rf"(?<![\w\-])((?:[{UPPER}][\w&]*|[a-z]{{1,3}}[A-Z]\w*)(?:-[{UPPER}][\w&]*)*)-([{UPPER}][\w]*)")


# After a name that follows a preposition: a verb, a comma or the sentence's end, not another noun.
_OBJECT_AFTER = re.compile(r"^\s*(?:[a-zäöüß]|[,;:.!?)]|$)")
# A finite verb in the singular right after a subject: "hat", "will", "bestätigte", "gewinnt" (not
# "haben", "bestätigten").
_SINGULAR_VERB = re.compile(
    r"^\s+(?:hat|hatte|ist|war|will|wollte|wird|wurde|soll|sollte|kann|konnte|muss|musste|darf|sei|habe|"
    r"wolle|werde|könne|bleibt|blieb|gab|kam|nahm|fiel|lag|stieg|sank|fuhr|hielt|ging|zog|"
    r"(?!nicht\b|erst\b|jetzt\b|meist\b)[a-zäöüß]{2,}(?:t|te))\b"
)
# Nouns that follow a preposition without article in set phrases ("mit Blick auf", "bei Bedarf"), and
# mass nouns that go without article.
_PHRASE_NOUNS = frozenset(
    """
    teil blick hilfe sitz bedarf ausnahme bord wirkung seiten bedeutung vorteil abstand beginn recht erfolg
    interesse zukunft hochdruck nachdruck verspätung geld strom gas wasser software personal kapital zeit
    platz druck kritik anfrage angabe angaben auskunft sicht grundlage basis höhe abschluss zustimmung
    vertrag verträge auftrag aufträge umsatz gewinn verlust kunde partner rang stand anteil anteilen
    zucker kupfer silber pfeffer dünger futter leder pulver papier salz malz mehl öl holz stahl technologie
    rohware ware energie kohle milch fleisch getreide nachfrage konkurrenz
    """.split()
)


# Last words of firm names that say the line of business ("Kramer Stanztechnik", "Bitwerk IT",
# "Haldenwang Kunststofftechnik", "Tessmer Kontraktlogistik", "Weyland Halbleiter").
_BRANCH_WORD = re.compile(
    r"(?:technik|logistik|elektronik|chemie|pharma|antriebe|verpackungen|halbleiter|maschinenbau|metallbau|"
    r"stahlbau|anlagenbau|werkzeugbau|software|systeme|immobilien|beteiligungen|IT|Systems|Solutions?|"
    r"Technologies|Software|Energy|Medical|Robotics|Games|Ventures|Capital|Logistics|Pharma|Therapeutics|"
    r"Digital|Consulting|Services|Service|Mobility|Media|Energie|Solar|Automotive|Aerospace)$"
)
# English business terms German writes capitalised, which name no firm ("ein Joint Venture").
_LOAN_PHRASES = frozenset({"joint venture", "joint ventures", "private equity", "venture capital", "due diligence",
                           "cash flow", "private credit", "asset management", "investment banking", "real estate"})


def _compound_leads(text: str) -> set[str]:
    """Returns names used as the first part of a company compound ("Varian-Aktionäre" -> "Varian")."""
    out = set()
    for m in _HYPHEN_WORD.finditer(text):
        lead, tail = m.group(1), m.group(2)
        if not _COMPOUND_TAIL.match(tail):
            continue
        parts = [p for p in lead.split("-") if p.lower() not in ("ex", "us", "eu")]
        if not parts or any(p.lower() in _FUNCTION or p.lower() in _PLACES for p in parts) or is_descriptor(parts[-1]):
            continue
        out.add(" ".join(parts))
    return out


_ACRONYM_DEF = re.compile(r"\s\(([A-ZÄÖÜ][A-ZÄÖÜa-z]{0,2}[A-ZÄÖÜ][A-ZÄÖÜ]{0,4})\)")
_NAME_WORD = re.compile(r"[\w&\-/.]+")
_INNER_WORDS = frozenset("für der des und von &".split())


def _initials(words: list[str]) -> str:
    """Returns the capital letters that start the words and their hyphenated parts ("Rhein-Main-Verkehrsverbund"
    -> "RMV"), a part all in capitals whole ("Verkehrs-AG" -> "VAG"); the inner words of a name ("für") have none."""
    out = ""
    for w in words:
        for part in re.split(r"[\-/]", w):
            if part.isupper() and len(part) > 1:
                out += part
            elif part[:1].isupper():
                out += part[0]
    return out


def _spelled_out(text: str, end: int, acronym: str) -> str | None:
    """Returns the name written before an acronym in brackets, when its initials spell it
    ("die Bundesagentur für Arbeit (BA)" -> "Bundesagentur für Arbeit")."""
    words = _NAME_WORD.findall(text[max(0, end - 120):end])[-7:]
    for k in range(1, len(words) + 1):
        cand = words[-k:]
        first = cand[0]
        if not first[:1].isupper() or first.lower() in _FUNCTION or first.lower() in _INNER_WORDS:
            continue
        if any(not (w[:1].isupper() or w in _INNER_WORDS) for w in cand):
            return None
        inner = [w for w in cand if w not in _INNER_WORDS]
        if _initials(inner) == acronym or (len(inner) > 1 and _abbreviates(acronym.lower(), [w.lower() for w in inner])):
            return " ".join(cand)
    return None


def _abbreviates(acronym: str, words: list[str]) -> bool:
    """Returns True when an acronym takes each word's first letter and, after it, more letters of
    that word in order ("öbb" of "österreichische bundesbahnen", "sbb" of "schweizerische bundesbahnen")."""
    if not words:
        return not acronym
    word = words[0]
    if not acronym or acronym[0] != word[0]:
        return False
    # The first k letters of the acronym come from this word (its initial, then letters in order).
    pos = 0
    for k in range(1, len(acronym) + 1):
        if k > 1:
            pos = word.find(acronym[k - 1], pos + 1)
            if pos < 0:
                break
        if _abbreviates(acronym[k:], words[1:]):
            return True
    return False


def _acronyms(texts: list[str]) -> dict[str, str]:
    """Returns the acronyms an article defines in brackets, with the names they stand for."""
    out: dict[str, str] = {}
    for text in texts:
        if "(" not in text:
            continue
        for m in _ACRONYM_DEF.finditer(text):
            full = _spelled_out(text, m.start(), m.group(1))
            if full:
                out.setdefault(m.group(1), full)
    return out


# A public body named by kind and remit: "Bundesagentur für Arbeit", "Landesamt für Steuern",
# "Ministerium für Wirtschaft und Energie".
_BODY_FOR = re.compile(r"\b[A-ZÄÖÜ]\w*(?:agentur|amt|anstalt|ministerium|institut|zentrale|behörde|kammer)"
                       r" für [A-ZÄÖÜ][\w\-]*(?:(?:, | und )[A-ZÄÖÜ][\w\-]*)*")


def _seed_names(texts: list[str]) -> tuple[set[str], set[str]]:
    """Returns (company names, person and outlet words) that the article introduces."""
    names: set[str] = {m.group(0) for t in texts if " für " in t for m in _BODY_FOR.finditer(t)}
    # Names introduced as companies (by a descriptor, a legal form, a kind of firm): a person of the
    # same surname ("Inhaber Ralf Bredemeyer" of "Bredemeyer") does not unmake them.
    strong: set[str] = set()
    blocked: set[str] = set()
    bare_counts: dict[str, int] = {}
    object_counts: dict[str, int] = {}
    sentence_objects: dict[str, int] = {}
    headline_counts: dict[str, int] = {}
    multi_counts: dict[str, int] = {}
    for text in texts:
        names |= _compound_leads(text)
        first = re.match(r"[\W]*", text).end()
        # A headline drops articles ("Großaktionär steigt ein"); a sentence ends in a stop.
        is_sentence = text.rstrip()[-1:] in tuple('.!?"“”»«')
        for toks, before in _split_candidates(text):
            words = [t for _, _, t in toks]
            # Legal suffixes end a name; the name is what comes before them.
            legal = False
            while len(words) > 1 and _LEGAL.match(words[-1]):
                words = words[:-1]
                legal = True
            # "Salzburger Alpenbau Holding": a place adjective before a name is no part of it.
            lead = 0
            if len(words) > 2 and _is_place_adjective(words[0]) and words[1] not in ("&", "+"):
                words, lead = words[1:], 1
            elif len(words) > 1 and words[0].endswith("s") and _is_place(words[0]) and words[1] not in ("&", "+"):
                words, lead = words[1:], 1  # "Japans Hoshino Seiki": the country's, not part of the name
            surface = " ".join(words)
            start, end = toks[lead][0], toks[lead + len(words) - 1][1]
            after = text[toks[-1][1]:]
            if _PERSON_BEFORE.search(before):
                blocked.update(words)
                continue
            quoted = text[max(0, start - 1):start] in ("„", '"', "»") and text[end:end + 1] in ("“", '"', "«")
            if _MEDIA_DESC.match(before) or quoted:
                blocked.add(surface)
                continue
            # A group word ends a name ("Orbenau Gruppe", "Feldquist Holding") as a legal form does.
            if legal or (len(words) > 1 and _NAME_TAIL.match(words[-1])) or (
                    is_descriptor(before) and not _is_abstract(words[-1], _UNIT_ABSTRACT_END)
                    and not _is_place_only(words)):
                names.add(surface)
                strong.add(surface)
                continue
            if len(words) in (2, 3) and looks_like_person(text, NameSpan(start, end, surface, False, initial=False)):
                blocked.update(words)
                continue
            if _PUBLIC_BODY.match(words[0]) and len(words) >= 2 and not _is_abstract(words[-1]):
                names.add(surface)
                continue
            if _is_place_only(words):
                # "Litauen hat ... bestellt", "Kiel setzte bislang auf ...": a state or town as the subject
                # of a verb acts as a party (a dateline's place is followed by a bracket, comma or full stop).
                if len(words) == 1 and (start <= first or not before) and re.match(r"\s+[a-zäöüß]", after):
                    bare_counts[surface] = bare_counts.get(surface, 0) + 1
                continue
            if len(words) in (2, 3) and not any(_NOUNISH_END.search(w.lower()) and _is_abstract(w) for w in words) \
                    and surface.lower() not in _LOAN_PHRASES:
                multi_counts[surface] = multi_counts.get(surface, 0) + 1
                # Two capitalised words right after a preposition without article ("den Auftrag an
                # Steinfeld Technik vergeben", "von Ardor Glas"): a common noun there would take an
                # article or be lower-case as an adjective, so the run is a proper name.
                if (len(words) == 2 and before.lower() in _BARE_PREPS and not start <= first
                        and not any(w.lower() in _FUNCTION for w in words)
                        and not re.search(r"(?:e|en|er|es|em)$", words[0].lower())):
                    multi_counts[surface] += 1
                # "die Bitwerk IT", "an Kramer Stanztechnik": a last word naming a line of business
                # makes the run a firm's name the first time ("Stanztechnik" alone is lower-case prose).
                if _BRANCH_WORD.search(words[-1]) and not is_descriptor(words[0]) and not _is_abstract(words[0]) \
                        and words[0].lower() not in _PHRASE_NOUNS and not _is_place_adjective(words[0]) \
                        and words[0].lower() not in _PLACES \
                        and not (start <= first and re.search(r"(?:e|en|es|em)$", words[0])):
                    strong.add(surface)
                    names.add(surface)
            if len(words) == 1 and words[0] in _INSTITUTIONS:
                names.add(surface)
                continue
            # (a dateline's town in capitals, "JENA (dpa-AFX) -", is no acronym)
            if re.fullmatch(r"[A-ZÄÖÜ]{2,5}|[A-Z][a-z]?[A-Z]{1,4}", surface) and surface.lower() not in _FUNCTION \
                    and not (start <= first and re.match(r"\s*[(,]", after)):
                names.add(surface)
                continue
            # Bare subject: no article or adjective before, a verb or comma after.
            initial = start <= first or not before
            tail = words[-1].rsplit("-", 1)[-1]
            if len(words) == 1 and not initial and before.lower() in _BARE_PREPS and _OBJECT_AFTER.match(after) \
                    and words[0].lower() not in _PHRASE_NOUNS and not tail.endswith("s") \
                    and not (_NOUNISH_END.search(tail.lower()) and not re.search(r"(?<![e])e$", tail)):
                # "der Vertrag mit Pyur läuft": a name after a preposition, no article; it backs a bare subject.
                object_counts[surface] = object_counts.get(surface, 0) + 1
                if is_sentence and not re.search(r"(?:e|n)$", tail):
                    sentence_objects[surface] = sentence_objects.get(surface, 0) + 1
                continue
            if not initial and (_ARTICLE_OR_ADJ.match(before) or before.lower() not in _CLAUSE_OPENERS):
                continue
            if not _VERBISH_AFTER.match(after) or _COMPOUND_TAIL.match(tail) or words[0].lower() in _PHRASE_NOUNS:
                continue
            # A plural or abstract noun opens sentences too ("Analysten sprachen"); a name
            # ending like one must be used bare twice ("Google wollte ...", "will Google ...").
            # A singular verb after it rules the plural out ("Südzucker hat", "Volkswagen bleibt"; but
            # "Anleger haben"): a singular noun takes an article, so the bare word is a name.
            if _NOUNISH_END.search(tail.lower()) and (len(words) > 1 or not re.search(r"(?<![e])e$", tail)):
                if len(words) == 1 and start <= first and not _is_abstract(tail) and _SINGULAR_VERB.match(after):
                    # (a headline drops articles, "Großaktionär steigt ein": there it only backs other uses)
                    counts = bare_counts if is_sentence else headline_counts
                    counts[surface] = counts.get(surface, 0) + 1
                continue
            if len(words) == 1:
                bare_counts[surface] = bare_counts.get(surface, 0) + 1
            else:
                names.add(surface)
    # A word used bare as a subject, and again bare as a subject or after a preposition, is a name.
    names |= {w for w, n in bare_counts.items() if n + object_counts.get(w, 0) + headline_counts.get(w, 0) >= 2}
    # Used bare after prepositions twice in sentences ("den Auftrag an Techem vergeben", "Techem" is no
    # mass noun or plural): a name. (A headline drops articles: "Fusionsgespräche mit Weserbank".)
    names |= {w for w, n in sentence_objects.items() if n >= 2}
    # German writes two capitalised words in a row only for proper names: a run used twice
    # ("der Credit Suisse", "die Rheinland Versicherungen") is a name.
    names |= {r for r, n in multi_counts.items() if n >= 2 and not set(r.split()) & blocked}
    # The first word of a multi-word name names the company too ("Hanseon" for "Hanseon Energy").
    names |= {n.split()[0] for n in names if " " in n and _is_alias_word(n.split()[0])}
    # So does a surname in -er ("Haller" for "Haller Präzisionstechnik") when the article uses it alone
    # and never before another capitalised word ("die Münchner Versicherung", "Berater Y": a modifier).
    names |= {w for w in _surname_aliases(names, texts) if w not in blocked}
    # "Münchner Transwerk": a place adjective before a name the article also uses alone; "die Paderborner
    # Meterix Solutions" with "Meterix" alone elsewhere: the name is "Meterix Solutions".
    for n in [n for n in names if " " in n and n.split()[0].endswith("er") and n.split()[0][:1].isupper()]:
        rest = n.split(" ", 1)[1]
        if rest in names:
            names.discard(n)
        elif " " in rest and rest.split()[0] in names and rest.split()[0] not in blocked:
            names.discard(n)
            names.add(rest)
    # A surname that is also the first word of a company name ("Hollmann & Söhne") stays a name.
    firsts = {n.split()[0] for n in names if " " in n}
    names = {n for n in names if not (set(n.split()) <= blocked and n not in firsts and n not in strong)}
    return names, blocked


_NAME_ADJECTIVE = re.compile(r"(?<![\w\-])([A-ZÄÖÜ]\w*sche[n]?) $")
# "die Molkerei Ammerland", "bei der Spedition Wörle": a trade's establishment noun right after an article or
# a preposition, before a one-word name, is the firm's name with it (as its sign and register write it); after
# an adjective it describes the firm ("die Hamburger Reederei Nordkap", "die sächsische Spedition X"). The
# trades are those whose firms the blind-labelled German files name with the noun more often than without it
# in this place (Molkerei 16 to 3, Brauerei 8 to 5, Spedition 6 to 2, Schreinerei 3 to 0, ...); a "Reederei"
# or "Druckerei" is named without it ("die Reederei Hapag-Lloyd" is Hapag-Lloyd: 0 to 7).
_TRADE_NAME = re.compile(
    r"(?:(?<![\w\-])(?:[Dd](?:er|ie|en|em|es)|[Vv]on|[Vv]om|[Bb]ei|[Bb]eim|[Mm]it|[Aa]n|[Ff]ür|[Zz]ur|[Üü]ber|"
    r"[Dd]urch|[Aa]us) |(?:^|[(„\"–:])\s*)((?:Privat|Kloster)?(?:Molkerei|Brauerei|Bäckerei|Schreinerei|Mälzerei|"
    r"Sennerei)|Spedition) $")
_INFLECTED_FIRST = re.compile(r"^(?:([A-ZÄÖÜ]\w*sche)n|(Stadtwerke)n|(Land|Landkreis|Kreis)es|(Freistaat)e?s)(?= )")


def _base_form(name: str) -> str:
    """Returns a name with its first word as the name is written, not as the sentence inflects it
    ("der Deutschen Bahn" -> "Deutsche Bahn", "den Stadtwerken Lübeck" -> "Stadtwerke Lübeck",
    "des Landes Hessen" -> "Land Hessen")."""
    return _INFLECTED_FIRST.sub(lambda m: next(g for g in m.groups() if g), name)


def _only_as_place(name: str, texts: list[str]) -> bool:
    """Returns True when every use of `name` is after "aus", "in", "nach", after a firm's legal form and a comma
    ("OptoLux GmbH, Jena,") or part of a dateline."""
    uses = [(t, m) for t in texts for m in re.finditer(rf"(?<![\w\-]){re.escape(name)}(?![\w\-])", t)]
    return bool(uses) and all(
        re.search(r"(?:(?:^|\s)(?:aus|in|nach|/)|(?:AG|SE|GmbH|KG|eG|mbH|Inc\.?|Ltd\.?),)\s$", t[max(0, m.start() - 7):m.start()])
        or re.match(r"\s*(?:/|,\s*\d|\(\w)", t[m.end():m.end() + 6]) for t, m in uses)


def find_names_de(texts: list[str]) -> list[list[NameSpan]]:
    """Returns the company-name spans of each text (sentences of one article), in order."""
    names, blocked = _seed_names(texts)
    # The runs the rules leave undecided, as the trained name model reads them (extract/names_learned.py).
    # (A public body's word alone, "die Stadtwerke", names no one body; a name the rules took, with its
    # legal form, is that name; "X-Plattform" is X's thing.)
    for n in learned_names(texts, names | blocked, _split_candidates):
        words = n.split()
        # The rules' own refusals hold for the model too: a set phrase's noun ("Blick nach vorn", "mit Blick
        # auf") and a place adjective before a line of business ("die Bremer Raumfahrttechnik") name no firm.
        if n.lower() in _PHRASE_NOUNS or (len(words) == 2 and _is_place_adjective(words[0])
                                          and _BRANCH_WORD.search(words[-1])):
            continue
        while len(words) > 1 and _LEGAL.match(words[-1]):
            words.pop()
        if not (_PUBLIC_BODY.match(n) or " ".join(words) in names or _COMPOUND_TAIL.match(n.rsplit("-", 1)[-1])
                or any(f"{n} (" in t for t in texts)):  # (a name before its acronym is the rules' to decide)
            names.add(n)
    # A one-word name the article only writes after "aus", "in", "nach", after an address's comma or in a
    # dateline ("OptoLux aus Jena", "die OptoLux GmbH, Jena,", "Schaffhausen / Jena, 20. Januar") is a town.
    names = {n for n in names if " " in n or not _only_as_place(n, texts)}
    # "Thurgauer Regiobank", "Wiener Linien": a place adjective found alone is the start of a name when
    # the article always writes it with the same noun after it (and no name after that noun: "der
    # Berner Cybersecurity-Firma Grimsel" describes Grimsel).
    for n in [n for n in names if n.endswith("er") and " " not in n]:
        follows = {m.group(1) for t in texts
                   for m in re.finditer(rf"(?<![\w\-]){re.escape(n)}(?: ([A-ZÄÖÜ][a-zäöüß]+)(?![\w\-]| [A-ZÄÖÜ]))?", t)}
        if len(follows) == 1 and None not in follows:
            names.discard(n)
            names.add(f"{n} {follows.pop()}")
    # "die Qatar Investment Authority (QIA)": the spelled-out name is a name, and the acronym stands for it.
    acronyms = _acronyms(texts)
    names |= set(acronyms.values())
    if not names:
        return [[] for _ in texts]

    # Longest names first, so "Scale AI" wins over "Scale"; a name matches as a whole
    # word or as the first part of a hyphenated compound ("Varian-Aktionäre").
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    legal = r"SE & Co\. KGaA|GmbH & Co\. KG|AG|SE|GmbH|KGaA|Inc\."
    pattern = re.compile(rf"(?<![\w\-])(?:{alts})(?:\s+(?:{legal}))?(?![\w])")
    # "der Deutschen Telekom": a capitalised "-sche" adjective before a name is part of it (German writes
    # adjectives in lower case unless they belong to a name), and the article's bare "Telekom" stands for it.
    longer: dict[str, str] = {}
    matches = [list(pattern.finditer(text)) for text in texts]
    # "die Freudenberg-Gruppe", "der Siemens-Konzern" name the company itself, unless the article puts such a
    # compound before another name: "der Facebook-Konzern Meta" describes Meta, in the headline too.
    describing = {m.group(0) for text, found in zip(texts, matches) for m in found
                  if (t := _HYPHEN_TAIL.match(text, m.end())) and _SELF_TAIL.fullmatch(t.group(1))
                  and _NAME_NEXT.match(text, t.end())}
    for text, found in zip(texts, matches):
        for m in found:
            if " " in m.group(0).strip():
                continue
            adj = _NAME_ADJECTIVE.search(text, max(0, m.start() - 40), m.start()) or \
                _TRADE_NAME.search(text, max(0, m.start() - 40), m.start())
            if adj:
                longer.setdefault(m.group(0), _base_form(f"{adj.group(1)} {m.group(0)}"))
    out: list[list[NameSpan]] = []
    for text, found in zip(texts, matches):
        row: list[NameSpan] = []
        for m in found:
            end = m.end()
            tail = _HYPHEN_TAIL.match(text, end)
            if tail and _SELF_TAIL.fullmatch(tail.group(1)) and m.group(0) not in describing:
                end = tail.end()  # "die Freudenberg-Gruppe", "der Siemens-Konzern": the company itself
            elif tail and is_descriptor(tail.group(1)):
                continue  # "die Siemens-Tochter", "der Varian-Chef": another party or a person
            prev = _WORD_BEFORE.search(text, 0, m.start())
            if prev and prev.group(1) in blocked and prev.group(1)[:1].isupper() and m.group(0) in blocked:
                continue  # "Inhaber Ralf Bredemeyer": the person, not the firm "Bredemeyer"
            surface = m.group(0)
            if surface in acronyms and text[m.start() - 1:m.start()] == "(":
                continue  # "(QIA)" after the name it stands for
            name = ALIASES.get(surface) or longer.get(surface) or _base_form(acronyms.get(surface, surface))
            start = m.start()
            adj = (_NAME_ADJECTIVE.search(text, max(0, start - 40), start)
                   or _TRADE_NAME.search(text, max(0, start - 40), start)) if surface in longer else None
            if adj:
                start = adj.start(1)
            row.append(NameSpan(start, end, name, False, False))
        out.append(row)
    return out
