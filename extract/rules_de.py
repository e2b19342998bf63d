"""German frames: how German news states deals and customer changes.

Same engine and shadow as English (`extract.frames`): E-markers are companies, M
amounts, P percentages; words are lower-cased. German puts the finite verb
second and the rest of the verb last ("Meta hat 49 Prozent an Scale AI
erworben", "Google will die Zusammenarbeit mit Scale AI beenden"), and splits
verbs ("steigt ... bei X ein", "fährt ... zurück"), so most frames come twice:
verb second with the object after it, and auxiliary/modal second with the
participle or infinitive at the end of the clause.

Slots used below:
  S(x)   a company in subject position and the words up to the verb (group "g")
  O(x)   a company in object position, after articles, adjectives and a descriptor
         noun ("den US-Krebstherapiespezialisten Varian", "des Chipherstellers Nvidia")
  OV(x)  a vendor, also as the owner of a product ("die Datenplattform des US-Anbieters
         Cloudstack", "die Planwerk-Software")
"""

from __future__ import annotations

import re

from extract.frames import Anaphor, Cues, Frame, Hit
from extract.mentions import Grammar
from extract.names_de import DESCRIPTOR_HEADS, find_names_de
from extract.parties import UPPER

__all__ = ["FRAMES", "CUES", "GRAMMAR", "LANGUAGE", "ANAPHORA", "ANAPHOR_HINT", "ANAPHOR_AMOUNT_HINT", "refine_hits",
           "subject_first"]

LANGUAGE = "de"

# Words between a subject and its verb: no other company, person, outlet, clause break
# or relative clause (", der ...").
_GAP = (r"(?P<g>(?:(?!E\d+ |PER |SRC |; |: |, (?:der|die|das|dem|den|deren|dessen|wonach|weil|nachdem|"
        r"während|um|sondern|aber) |und (?:\S+ ){0,3}?E\d)\S+ ){0,12}?)")
_PREPS = ("mit", "von", "vom", "bei", "beim", "an", "am", "für", "zu", "zum", "zur", "aus", "auf", "in", "im",
          "über", "gegen", "durch", "als", "statt", "des", "der")
_NOT_AFTER_PREP = "".join(f"(?<! {p} )" for p in _PREPS)


# "Der Siemens-Konzern hat ...": "der" before a subject that opens a sentence or clause (elsewhere
# "der X" is a genitive or dative).
_OPENING_DER = r"(?<=^ der )|(?<=[:)\]–] der )"


def _subject(name: str) -> str:
    return rf"(?P<{name}>E\d+) (?:\( \S+ \) )?(?:, (?:\S+ ){{1,12}}?, )?{_GAP}"


def S(name: str) -> str:
    """Returns the subject slot for role group `name`: the company and the gap after it."""
    return rf"(?:{_OPENING_DER}|{_NOT_AFTER_PREP}){_subject(name)}"


def SC(name: str) -> str:
    """Returns the subject slot of a customer change: as `S`, but not a company named inside a
    compound ("ihrer SAP-Landschaft") or after a possessive ("seiner Siemens-Anteile"), and also a
    company after the article that opens a sentence or clause ("Der Landkreis X hat ...": a subject,
    where "der X" elsewhere is a genitive or dative)."""
    body = _subject(name).replace(rf"(?P<{name}>E\d+) ", rf"(?P<{name}>E\d+) (?!- )", 1)
    return (rf"(?<! seiner )(?<! seines )(?<! ihrer )(?<! ihres )(?<! seine )(?<! ihre )(?<! dem )(?<! den )"
            rf"(?:{_OPENING_DER}|{_NOT_AFTER_PREP}){body}")


# Words that may stand before an object company: articles, possessives, inflected
# adjectives, place adjectives, and a descriptor noun.
_DESC = rf"\S*(?:{DESCRIPTOR_HEADS})(?:s|es|n|en|in)?"
_VERBS_NOT_ADJ = (r"(?!(?:will|wolle|wollte|soll|solle|sollte|sollten|wird|werde|würde|hat|habe|hatte|ist|sei|"
                  r"könnte|dürfte|müsste|möchte|plane|beende|kündige|nutze|setze|zahle|erwäge|prüfe|wäre) )")
_OBJ_FILLER = (
    rf"(?:{_VERBS_NOT_ADJ}(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|seine[nmrs]?|ihre[nmrs]?|sein|ihr|"
    rf"bisherigen?|\S+(?:e|en|er|es|em)|{_DESC}|(?!bereits |nichts |stets |etwas |anteils )[a-zäöüß-]{{4,}}s|us-\S+|"
    # the first half of a coordinated compound: "des Kies- und Sandproduzenten X"
    rf"[a-zäöüß]+ - (?:und|oder)) ){{0,5}}?"
)


def O(name: str) -> str:
    """Returns the object slot: a company after articles, adjectives, a descriptor."""
    return rf"{_OBJ_FILLER}(?P<{name}>E\d+)"


def OV(name: str) -> str:
    """Returns the vendor slot: the company, or the owner of a product ("die Software des Anbieters X")."""
    return (rf"(?:(?:die |den |das |dem |der |sein\S* |ihr\S* )?(?:\S+ ){{0,4}}?(?:des |der |von |vom ))?"
            rf"{_OBJ_FILLER}(?P<{name}>E\d+)(?: - \S+)?")


def _f(name: str, family: str, subtype: str, pattern: str, roles: dict[str, str],
       strength: float = 0.8, *flags: str) -> Frame:
    """Returns a compiled frame."""
    return Frame(name, family, subtype, re.compile(pattern), roles, strength, frozenset(flags))


# Verbs: (?P<v>...) captures the trigger; participles and simple past read as done.
ACQ_V2 = (r"(?P<v>übernimmt|übernahm|übernehmen|übernahmen|kauft|kaufte|kaufen|kauften|erwirbt|erwarb|erwerben|"
          r"schluckt|schluckte|schlucken|akquiriert|akquirierte)")
ACQ_END = (r"(?P<v>übernommen|übernehmen|gekauft|kaufen|erworben|erwerben|geschluckt|schlucken|akquiriert|"
           r"akquirieren|zu übernehmen|zu kaufen|zu erwerben)")
AUX = (r"(?:hat|haben|hatte|hatten|habe|will|wollen|wolle|wollte|soll|sollen|solle|sollte|wird|werden|würde|"
       r"plant|plane|planen|möchte|könnte|dürfte|ist|sind|war|waren|sei|erwägt|prüft|prüfen|beabsichtigt)")
ACQ_NOUN = r"(?:übernahme|kauf|erwerb|zukauf|akquisition|komplettübernahme|mehrheitsübernahme|kaufs|erwerbs)"
STAKE_NOUN = (r"(?:einstieg|beteiligung|minderheitsbeteiligung|mehrheitsbeteiligung|anteil|anteile|"
              r"aktienpaket|sperrminorität|beteiligungen)")
UNIT = (r"\S*(?:sparte|geschäft|geschäfts|tochter|tochtergesellschaft|beteiligung|anteile|anteil|einheit|"
        r"division|bereich|aktivitäten|marke|marken|unternehmensteil|werk|werke|sparten)")
SELL_V2 = (r"(?P<v>verkauft|verkaufte|verkaufen|verkauften|veräußert|veräußerte|veräußern|veräußerten|gibt|gab|geben|"
           r"gaben|reicht|reichte|reichen|reichten)")
SALE_N = r"(?:verkauf|verkaufs|veräußerung|abgabe)"
# "den Verkauf ihrer Sparte Y an Z": the sale noun, the unit or company sold, its buyer.
_SALE_NOUN_TO = (rf"{SALE_N} (?:eines teils )?(?:ihrer|seiner|ihres|seines|der|des|von) (?:(?!E\d)\S+ ){{0,4}}?(?P<t>E\d+) "
                 rf"(?:(?!E\d)\S+ ){{0,6}}?an {O('a')}")
SELL_END = r"(?P<v>verkauft|verkaufen|veräußert|veräußern|abgegeben|abgeben|zu verkaufen|zu veräußern|abzugeben)"
# A subject followed by a sale verb before the stake noun: the stake is sold, not taken.
_S_NO_SALE = S("a").replace(r"(?P<a>E\d+) ", r"(?P<a>E\d+) (?!(?:(?!E\d)\S+ ){0,8}?(?:verkauf|veräußer|gibt |gab |trennt|"
                            r"abgegeben|abgeben|abzugeben)\S* )", 1)
JV = r"(?:gemeinschaftsunternehmen|joint venture|joint-venture|jv|gemeinsame(?:s|n)? \S*(?:tochter|gesellschaft|firma))"
MERGE_N = r"(?:fusion|zusammenschluss|verschmelzung|zusammenlegung)"
# Words that make an exit an investor's, not a customer's ("steigt mit 20 Prozent bei Y aus").
_STAKE_WORD = r"P\d|E\d|\S*(?:anteil|beteiligung|aktie|aktien|investor|investoren)\S* "
# (also compounds, "der Bunkervertrag", "den Fertigungsvertrag"; not a purchase, employment or wage contract)
REL_N = (r"(?!(?:kauf|arbeits|tarif|miet|pacht|koalitions|staats|gesellschafter|fusions|übernahme|beherrschungs|"
         r"ausbildungs|spieler|leih)vertr)\S*?(?:vertrag|verträge|vertrags|zusammenarbeit|geschäftsbeziehung|kooperation|partnerschaft|"
         r"kundenbeziehung|vereinbarung|rahmenvertrag|liefervertrag|dienstleistungsvertrag|geschäftsbeziehungen)")
END_V = (r"(?P<v>beenden|beendet|kündigen|gekündigt|storniert|stornieren|zu stornieren|auslaufen lassen|aufkündigen|aufgekündigt|auflösen|aufgelöst|"
         r"nicht verlängern|nicht verlängert|zu beenden|zu kündigen)")
SPEND_N = (r"\S*(?:ausgaben|budget|volumen|bestellungen|bestellung|aufträge|auftrag|nutzung|lizenzen|einkäufe|"
           r"abnahme|abnahmemengen|geschäft|zukäufe|order|orders|abrufe|abruf|umfang|mengen?|bezug|bezüge|"
           r"bezugsmengen)")
REDUCE_V2 = (r"(?P<v>fährt|fuhr|fahren|fuhren|senkt|senkte|senken|senkten|kürzt|kürzte|kürzen|kürzten|reduziert|reduzierte|"
             r"reduzieren|reduzierten|verringert|verringerte|verringern|verringerten|halbiert|halbierte|halbieren|halbierten)")
REDUCE_END = (r"(?P<v>zurückfahren|zurückgefahren|zurückzufahren|senken|gesenkt|zu senken|kürzen|gekürzt|zu kürzen|"
              r"reduzieren|reduziert|zu reduzieren|verringern|verringert|zu verringern|halbieren|halbiert|"
              r"herunterfahren|zurück)")
EXPAND_END = (r"(?P<v>verlängert und erweitert|erweitert|ausgeweitet|aufgestockt|aufstocken|aufzustocken|ausbauen|"
              r"ausgebaut|erweitern|zu erweitern|verdoppeln|verdoppelt|erhöhen|erhöht)")
EXPAND_V2 = (r"(?P<v>erweitert|erweitern|erweiterte|erweiterten|verlängert und erweitert|verlängern und erweitern|stockt|"
             r"stocken|verdoppelt|verdoppeln|weitet|weiten|baut|bauen)")
WIN_V2 = (r"(?P<v>erhält|erhielt|erhielten|bekommt|bekam|bekommen|bekamen|gewinnt|gewann|gewinnen|gewannen|sichert sich|"
          r"sicherte sich|sichern sich|holt|holte|holen|holten|erhalten)")
ORDER_N = r"\S*(?:auftrag|vertrag|zuschlag|großauftrag|order|rahmenvertrag)"
_AWARD_N = r"\S*(?:zuschlag|auftrag|aufträge|betrieb|lizenz|vertrag|lose?|los)\S*"
# Prepositions that name a supplier: "von Y beziehen", "über Y abwickeln", "mit Y verschicken".
_VIA = r"(?:von|vom|bei|beim|über|mit|aus)"
# Verbs whose object is bought or run by a supplier, as infinitives and participles at a clause's end.
_SUPPLY_INF = (r"beziehen|bezogen|zu beziehen|nutzen|genutzt|zu nutzen|einsetzen|eingesetzt|verwenden|kaufen|einkaufen|"
               r"bestellen|ordern|abnehmen|abrufen|zu bestellen|beauftragen|"
               r"zu kaufen|abwickeln|abgewickelt|versorgen lassen|beliefern lassen|liefern lassen|betreiben lassen|"
               r"abfertigen|abfertigen lassen|betreuen lassen|verschicken|versenden|transportieren|drucken|bauen lassen")
# Work done for a customer: "von Y betreuen/betreiben/reinigen lassen" (the verb before "lässt"'s end).
_SERVICE_INF = (r"(?P<v2>betreuen|betreiben|reinigen|warten|abfertigen|versorgen|beliefern|bewachen|fahren|"
                r"transportieren|drucken|entwickeln|bauen|fertigen|produzieren|liefern|verpflegen|entsorgen|prüfen)")
_SUPPLY_DEAL = (r"(?:\S*(?:liefervertrag|liefervertrags|lieferabkommen|abnahmevertrag|bezugsvertrag|rahmenvertrag|"
                r"dienstleistungsvertrag|wartungsvertrag|\S+jahresvertrag|ppa)|power purchase agreement)")
_SIGN = r"unterzeichnet|unterschrieben|geschlossen|abgeschlossen|vereinbart|unterzeichnen|abschließen|zu unterzeichnen"
_SUPPLIER_N = r"\S*(?:lieferanten|lieferant|zulieferer|partner|dienstleister|anbieter|ausrüster|hersteller)"
# The clause that names the new supplier after "und": "vergibt ... an Z", "setzt künftig auf Z", "lässt ... von Z betreiben".
_PICK_CLAUSE = (r"(?:\S+ )?(?:vergibt|vergab|setzt|setzte|lässt|ließ|bezieht|bezog|wechselt|wechselte) "
                r"(?:(?!E\d|nicht )\S+ ){0,10}?(?:an|auf|von|vom|zu|zum|zur|bei|beim) ")
# "beteiligt sich der Fonds X mit {size} an Y": the verb first, then its subject (a sum or a share as {size}).
_PARTICIPATES_V1 = (r"(?:^ |[.:;] )(?:(?!E\d)\S+ ){{0,4}}?(?P<v>beteiligt|beteiligte|beteiligen) sich "
                    r"(?:(?!E\d)\S+ ){{0,3}}?(?P<a>E\d+) (?:(?!E\d)\S+ ){{0,4}}?mit (?:\S+ )?{size} (?:\S+ ){{0,2}}?"
                    r"(?:an|am|bei|beim) " + O("t").replace("{", "{{").replace("}", "}}"))
_PAIR_MOD = (rf"(?:(?!(?:haben|hatten|sind|waren|werden|wurden|wollen|wollten|sollen|sollten|können|könnten|dürften) )"
             rf"(?:der|die|das|dem|den|des|\S+(?:e|en|er|es|em)|{_DESC}) ){{0,4}}")

FRAMES: tuple[Frame, ...] = (
    # --- deals -------------------------------------------------------------------
    # "Y wird von X übernommen", "Y ist von der X AG übernommen worden"
    _f("acq_passive", "deal", "acquisition",
       rf"{S('t')}(?P<g2>(?:wird|wurde|werden|wurden|ist|sind|war|soll|sollen|würde|könnte|sei) (?:\S+ ){{0,4}}?"
       rf"(?:von|vom|durch) {O('a')} (?:\S+ ){{0,6}}?)(?P<v>übernommen|gekauft|erworben|geschluckt|akquiriert)",
       {"a": "acquirer", "t": "target"}, 0.85),
    # Stakes: "X hat 49 Prozent der Anteile an Y erworben", "X will zehn Prozent an Y übernehmen"
    _f("stake_pct_end", "deal", "stake",
       rf"{S('a')}(?P<p>P\d+) (?:\S+ ){{0,3}}?(?:an|am|bei|beim|von|vom|der|des) {O('t')} "
       rf"(?P<g2>(?:\S+ ){{0,6}}?){ACQ_END}",
       {"a": "acquirer", "t": "target"}, 0.85),
    _f("stake_pct_v2", "deal", "stake",
       rf"{S('a')}{ACQ_V2} (?:\S+ ){{0,3}}?(?P<p>P\d+) (?:\S+ ){{0,3}}?(?:an|am|bei|beim|von|vom|der|des) {O('t')}",
       {"a": "acquirer", "t": "target"}, 0.85),
    # "X steigt mit 49 Prozent bei Y ein", "X kauft sich bei Y ein", "X ist bei Y eingestiegen"
    _f("stake_einsteigen", "deal", "stake",
       rf"{S('a')}(?P<v>steigt|stieg|steigen|kauft sich|kaufte sich|kaufen sich) (?:\S+ ){{0,6}}?(?:bei|beim) "
       rf"{O('t')} (?:\S+ ){{0,6}}?ein ",
       {"a": "acquirer", "t": "target"}, 0.85),
    _f("stake_eingestiegen", "deal", "stake",
       rf"{S('a')}(?:bei|beim) {O('t')} (?P<g2>(?:\S+ ){{0,4}}?)(?P<v>eingestiegen|einsteigen|einzusteigen)",
       {"a": "acquirer", "t": "target"}, 0.8),
    # "X erwirbt eine Minderheitsbeteiligung an Y", "X erwägt einen Einstieg bei Y"
    # (not "X verkauft seine Beteiligung an Y": a sale, read by sell_to)
    _f("stake_noun", "deal", "stake",
       rf"{_S_NO_SALE}{STAKE_NOUN} (?:(?!E\d)\S+ ){{0,4}}?(?:an|am|bei|beim|in|von) {O('t')}"
       rf"(?! an (?:\S+ ){{0,5}}?(?:verkauf|veräußer|abgegeben|abzugeben))",
       {"a": "acquirer", "t": "target"}, 0.75),
    # "X übernimmt von der Y-Gruppe deren Sparte Z"
    _f("acq_from_seller", "deal", "acquisition",
       rf"{S('a')}{ACQ_V2} (?:\S+ ){{0,2}}?(?:von|vom) {O('s')} (?:deren|dessen|die|das|den|ihre|seine) (?:\S+ ){{0,2}}?"
       rf"(?P<t>E\d+)",
       {"a": "acquirer", "t": "target", "s": "seller"}, 0.85),
    # Offers to every shareholder: "X kündigt ein Übernahmeangebot für sämtliche Aktien von Y an",
    # "X beabsichtigt, über die Z BidCo allen Aktionären der Y ein Übernahmeangebot zu unterbreiten"
    _f("offer_for_shares", "deal", "acquisition",
       rf"{S('a')}(?:\S+ ){{0,4}}?\S*angebot (?:\S+ ){{0,2}}?für (?:sämtliche|alle|die) (?:\S+ )?(?:aktien|anteile) "
       rf"(?:der|des|von) {O('t')}",
       {"a": "acquirer", "t": "target"}, 0.8),
    _f("offer_to_holders", "deal", "acquisition",
       rf"{S('a')}(?:\S+ ){{0,8}}?(?:aktionären|anteilseignern) (?:der|des|von) {O('t')} (?:\S+ ){{0,4}}?"
       rf"\S*(?:übernahmeangebot|kaufangebot|erwerbsangebot)",
       {"a": "acquirer", "t": "target"}, 0.8),
    # "X übernimmt den US-Spezialisten Y für 16,4 Milliarden Dollar (vom Investor Z)"
    _f("acq_v2", "deal", "acquisition",
       rf"{S('a')}{ACQ_V2} {_NOT_AFTER_PREP}{O('t')} (?!- )(?:(?:\S+ ){{0,8}}?(?:von|vom) {O('s')})?",
       {"a": "acquirer", "t": "target", "s": "seller"}, 0.85),
    # "X hat Y übernommen", "X will Y kaufen", "X plant, Y zu übernehmen"
    _f("acq_end", "deal", "acquisition",
       rf"{S('a')}{_NOT_AFTER_PREP}{O('t')} (?!- )(?P<g2>(?:\S+ ){{0,8}}?){ACQ_END} (?!worden|werden)",
       {"a": "acquirer", "t": "target"}, 0.8),
    # "X hat die Übernahme der Y abgeschlossen", "X erwägt den Kauf des Herstellers Y"
    # (not "X hat die Übernahme von Y durch Z untersagt": acq_noun_by)
    _f("acq_noun", "deal", "acquisition",
       rf"{S('a')}(?:die |den |der |das |eine |einen )?(?:\S+ )?{ACQ_NOUN} "
       rf"(?:der |des |von |vom )?{O('t')}(?! (?:\S+ ){{0,3}}?durch E\d)",
       {"a": "acquirer", "t": "target"}, 0.75),
    # "die Übernahme von Y durch X"
    _f("acq_noun_by", "deal", "acquisition",
       rf"{ACQ_NOUN} (?:der |des |von |vom )?{O('t')} (?:\S+ ){{0,3}}?durch {O('a')}",
       {"a": "acquirer", "t": "target"}, 0.75),
    # Talks: "X führt Gespräche mit Y über eine Übernahme" (X would buy); "Y befindet sich in Gesprächen
    # mit X über ein Übernahmeangebot für sämtliche Aktien der Gesellschaft" (Y would be bought)
    _f("talks_takeover", "deal", "acquisition",
       rf"{S('a')}(?:(?!E\d)\S+ ){{0,6}}?(?:gespräche|verhandlungen|verhandelt|verhandeln|spricht|sprechen) "
       rf"(?:(?!E\d)\S+ ){{0,3}}?mit {O('t')} (?:(?!E\d)\S+ ){{0,3}}?über (?:eine|die|einen|den) "
       rf"(?:mögliche[n]? |komplette[n]? |vollständige[n]? )?(?:übernahme|kauf|erwerb)(?= [.,;:]| $| und )",
       {"a": "acquirer", "t": "target"}, 0.75),
    _f("talks_offer_self", "deal", "acquisition",
       rf"{S('t')}(?:(?!E\d)\S+ ){{0,6}}?(?:gespräche|gesprächen|verhandlungen) (?:(?!E\d)\S+ ){{0,3}}?mit "
       rf"{O('a')} (?:, (?:\S+ ){{1,6}}?, |, (?:inc|ltd|llc|corp|plc|s\.a|n\.v) (?:\. )?)?(?:(?!E\d)\S+ ){{0,4}}?"
       rf"über (?:ein|eine|einen) (?:(?!E\d)\S+ ){{0,3}}?\S*(?:übernahmeangebot|kaufangebot|erwerbsangebot) "
       rf"(?:(?!E\d)\S+ ){{0,4}}?(?:(?:der|des) (?:gesellschaft|unternehmens|konzerns)|E\d+)",
       {"a": "acquirer", "t": "target"}, 0.8),
    # Reports of a sale the target answers: "Y hat einen Bericht über einen Verkauf an X zurückgewiesen",
    # "Y weist Spekulationen über eine Übernahme durch X zurück" (the status cue reads the denial)
    _f("sale_report", "deal", "acquisition",
       rf"{S('t')}(?:(?!E\d)\S+ ){{0,3}}?(?:\S*bericht\S*|spekulationen|gerüchte|meldungen) "
       rf"(?:(?!E\d)\S+ ){{0,2}}?über "
       rf"(?:(?!E\d)\S+ ){{0,3}}?(?:verkauf an|übernahme durch|kauf durch) {O('a')}",
       {"a": "acquirer", "t": "target"}, 0.75),
    _f("merger_report", "deal", "merger",
       rf"{S('a')}(?:(?!E\d)\S+ ){{0,3}}?(?:\S*bericht\S*|spekulationen|gerüchte|meldungen) "
       rf"(?:(?!E\d)\S+ ){{0,2}}?über "
       rf"(?:(?!E\d)\S+ ){{0,2}}?(?:fusion|fusionsgespräche|fusionspläne|zusammenschluss) mit {O('t')}",
       {"a": "acquirer", "t": "target"}, 0.75),
    # "Y steht (laut Insidern) vor dem Verkauf an X", "Y steht vor der Übernahme durch X"
    _f("faces_sale", "deal", "acquisition",
       rf"{S('t')}(?P<v>steht|stehe|stünde|stand) (?:(?!E\d)\S+ ){{0,8}}?vor (?:dem|der|einem|einer) (?:\S+ )?"
       rf"(?:verkauf an|übernahme durch) {O('a')}",
       {"a": "acquirer", "t": "target"}, 0.75),
    # "X übernimmt die Mehrheit am Y", "X hat die Kontrolle über Y übernommen"
    _f("acq_majority", "deal", "acquisition",
       rf"{S('a')}{ACQ_V2} (?:die |eine )?(?:\S+ )?(?:mehrheit|kontrolle) (?:an|am|bei|beim|der|des|über) {O('t')}",
       {"a": "acquirer", "t": "target"}, 0.8),
    _f("acq_majority_end", "deal", "acquisition",
       rf"{S('a')}(?:die |eine )?(?:\S+ )?(?:mehrheit|kontrolle) (?:an|am|bei|beim|der|des|über) {O('t')} "
       rf"(?P<g2>(?:(?!E\d)\S+ ){{0,6}}?){ACQ_END}",
       {"a": "acquirer", "t": "target"}, 0.8),
    # Headlines: "Nvidia verzichtet auf Arm-Übernahme"
    _f("acq_compound", "deal", "acquisition",
       rf"{S('a')}(?P<t>E\d+) - (?:übernahme|kauf|deal|akquisition)",
       {"a": "acquirer", "t": "target"}, 0.7),
    # "Y gehört jetzt zu X", "Seit Montag gehört die Bank zur X"
    _f("belongs_to", "deal", "acquisition",
       rf"(?P<t>E\d+) (?:\S+ ){{0,2}}?(?P<v>gehört) (?:jetzt |nun |künftig |ab sofort |seit \S+ |"
       rf"seit (?!jahren|jahrzehnten|langem|längerem)(?:(?!E\d)\S+ ){{2,4}}?(?=zu))*(?:zu|zur|zum) {O('a')}",
       {"a": "acquirer", "t": "target"}, 0.75, "done"),
    # "Die Seilerei Y geht an die französische X", "Y ging an den Finanzinvestor X"
    _f("goes_to", "deal", "acquisition",
       rf"{S('t')}(?P<v>geht|ging) (?:(?!E\d)\S+ ){{0,3}}?an {O('a')}(?= [.,;:]| und | $| für | zum | zu )",
       {"a": "acquirer", "t": "target"}, 0.7),
    _f("belongs_to_inv", "deal", "acquisition",
       rf"(?P<v>gehört) (?:\S+ ){{0,3}}?(?P<t>E\d+) (?:\S+ ){{0,4}}?(?:zu|zur|zum) {O('a')}",
       {"a": "acquirer", "t": "target"}, 0.7, "done"),
    # Mergers: "X und Y fusionieren", "X und Y haben ihren Zusammenschluss abgeschlossen"
    _f("merger_pair", "deal", "merger",
       rf"(?P<a>E\d+) (?:und|&) {_PAIR_MOD}(?P<t>E\d+) {_GAP}(?:(?P<v>fusionieren|fusionierten|fusioniert|"
       rf"verschmelzen|verschmolzen|schließen sich zusammen)|(?:\S+ ){{0,4}}?{MERGE_N})",
       {"a": "acquirer", "t": "target"}, 0.85),
    _f("merger_with", "deal", "merger",
       rf"{S('a')}(?P<v>fusioniert|fusionierte|verschmilzt|fusionieren) (?:\S+ ){{0,3}}?mit {O('t')}",
       {"a": "acquirer", "t": "target"}, 0.8),
    _f("merger_noun", "deal", "merger",
       rf"{MERGE_N} (?:von|zwischen|der|des) {O('a')} (?:und|mit) {O('t')}",
       {"a": "acquirer", "t": "target"}, 0.75),
    # Joint ventures: "X und Y gründen ein Gemeinschaftsunternehmen", "X gründet mit Y ein Joint Venture"
    _f("jv_pair", "deal", "joint_venture",
       rf"(?P<a>E\d+) (?:und|&) {_PAIR_MOD}(?P<t>E\d+) {_GAP}(?:\S+ ){{0,8}}?{JV}",
       {"a": "acquirer", "t": "target"}, 0.8),
    # "X und Y haben die Z GmbH gegründet, an der beide jeweils 50 Prozent halten"
    _f("jv_founded", "deal", "joint_venture",
       rf"(?P<a>E\d+) (?:und|&) {_PAIR_MOD}(?P<t>E\d+) (?P<g>(?:(?!; |: )\S+ ){{0,8}}?)(?P<v>gründen|gründeten|gegründet) "
       rf"(?:\S+ ){{0,8}}?"
       rf"(?:(?:jeweils|je) (?:\S+ )?P\d+|zu gleichen teilen|(?:jeweils |je )zur hälfte)",
       {"a": "acquirer", "t": "target"}, 0.75),
    _f("jv_with", "deal", "joint_venture",
       rf"{S('a')}mit {O('t')} (?:\S+ ){{0,6}}?{JV}",
       {"a": "acquirer", "t": "target"}, 0.8),
    _f("jv_noun", "deal", "joint_venture",
       rf"{JV} (?:von|zwischen|der|des) {O('a')} (?:und|mit) {O('t')}",
       {"a": "acquirer", "t": "target"}, 0.75),
    # "X hat den Verkauf ihrer Lichtsparte Y an Z abgeschlossen", "X verhandelt über den Verkauf seiner Sparte Y an Z"
    _f("sale_noun_to", "deal", "divestiture", S("s") + _SALE_NOUN_TO, {"s": "seller", "t": "target", "a": "acquirer"}, 0.8),
    _f("sale_noun_to_bare", "deal", "divestiture", _SALE_NOUN_TO, {"t": "target", "a": "acquirer"}, 0.75),
    # "X hat mit Y einen Vertrag über den Verkauf des Geschäftsbereichs Z unterzeichnet", "X führt mit Y
    # Verhandlungen über den Verkauf ihrer Tochter Z"
    _f("sale_talks_with", "deal", "divestiture",
       rf"{S('s')}mit {O('a')} (?:(?!E\d)\S+ ){{0,4}}?über (?:den|einen|die) (?:(?!E\d)\S+ )?{SALE_N} "
       rf"(?:seiner|ihrer|seines|ihres|des|der|von) (?:(?!E\d)\S+ ){{0,3}}?(?P<t>E\d+)",
       {"s": "seller", "t": "target", "a": "acquirer"}, 0.8),
    # A sale without its buyer: "X prüft einen Verkauf der Zahnarztkette Y", "X hat den Verkauf seiner Tochter Y
    # abgeschlossen" (with its buyer: sale_noun_to)
    _f("sale_noun_of", "deal", "divestiture",
       rf"{S('s')}{SALE_N} (?:seiner|ihrer|seines|ihres|des|der|von) (?:(?!E\d)\S+ ){{0,4}}?(?P<t>E\d+) "
       rf"(?!- |(?:(?!E\d)\S+ ){{0,6}}?an E\d)",
       {"s": "seller", "t": "target"}, 0.7),
    # Divestitures: "X verkauft die Sparte Y für 3,5 Mrd. Euro an Z", "X soll die Sparte an Z verkauft haben"
    _f("sell_to", "deal", "divestiture",
       rf"{S('s')}{SELL_V2} (?:(?:(?!E\d)\S+ ){{0,8}}?(?P<t>E\d+) )?(?:\S+ ){{0,8}}?an {O('a')}",
       {"s": "seller", "t": "target", "a": "acquirer"}, 0.85, "unit_or_target"),
    # "X hat ihre Tochter Y an Z verkauft"
    _f("sell_named_to_end", "deal", "divestiture",
       rf"{S('s')}(?:(?!E\d)\S+ ){{0,4}}?(?P<t>E\d+) (?:, (?:(?!E\d)\S+ ){{1,8}}?, )?an {O('a')} "
       rf"(?P<g2>(?:\S+ ){{0,2}}?){SELL_END}",
       {"s": "seller", "t": "target", "a": "acquirer"}, 0.85),
    _f("sell_to_end", "deal", "divestiture",
       rf"{S('s')}an {O('a')} (?P<g2>(?:\S+ ){{0,2}}?){SELL_END}",
       {"s": "seller", "a": "acquirer"}, 0.8, "unit_or_target"),
    # "Die Sparte Y geht an Z", "Y wird an Z verkauft"
    _f("unit_goes_to", "deal", "divestiture",
       rf"(?P<t>E\d+) (?:\S+ ){{0,8}}?(?P<v>geht|ging|gehen|wechselt) (?:\S+ ){{0,3}}?an {O('a')}",
       {"t": "target", "a": "acquirer"}, 0.75),
    _f("sold_passive", "deal", "divestiture",
       rf"(?P<t>E\d+) (?:wird|wurde|soll|ist) (?:\S+ ){{0,6}}?an {O('a')} (?:\S+ ){{0,2}}?(?P<v>verkauft|veräußert|abgegeben)",
       {"t": "target", "a": "acquirer"}, 0.8),
    # "Die Gesellschafter der Y haben ihr Unternehmen an X verkauft": owners (people) sell the firm
    _f("owners_sold", "deal", "acquisition",
       rf"(?:gesellschafter|eigentümer|inhaber|gründer|eigner|aktionäre) (?:der|des|von) {O('t')} (?:(?!E\d)\S+ ){{0,3}}?"
       rf"(?:ihr|ihre|sein|seine|das|die) (?:\S+ )?(?:unternehmen|firma|anteile|gesellschaft|betrieb) "
       rf"(?:(?!E\d)\S+ ){{0,4}}?an {O('a')} (?:(?!E\d)\S+ ){{0,3}}?(?P<v>verkauft|veräußert|abgegeben|übergeben)",
       {"a": "acquirer", "t": "target"}, 0.75),
    # "X trennt sich von seinem Geschäft mit ...", "kündigte X an, sich von seiner Sparte zu trennen"
    _f("part_with_unit", "deal", "divestiture",
       rf"{S('s')}sich (?:\S+ ){{0,2}}?von (?:seine[mnr]?|ihre[mnr]?|der|dem|den|des) "
       rf"(?:\S+ ){{0,2}}?{UNIT} (?:(?:\S+ ){{0,3}}?(?P<t>E\d+) )?",
       {"s": "seller", "t": "target"}, 0.7),
    # Funding: "Y sammelt 300 Millionen Euro ein, angeführt von X", "Y hat eine Runde über M abgeschlossen"
    _f("round_led", "deal", "investment",
       rf"{S('t')}(?P<v>sammelt|sammelte|sammeln|holt|holte|erhält|erhielt|bekommt|bekam) (?:\S+ ){{0,3}}?"
       rf"(?P<m>M\d+) (?:\S+ ){{0,10}}?(?:angeführt|geführt|angeleitet) (?:\S+ )?von {O('a')}",
       {"a": "acquirer", "t": "target"}, 0.85),
    # "Y hat eine Finanzierungsrunde über M abgeschlossen, die von X angeführt wird"
    _f("round_led_which", "deal", "investment",
       rf"{S('t')}(?:(?!E\d)\S+ ){{0,4}}?(?:\S*finanzierungsrunde|\S*-runde|finanzierung) (?:(?!E\d)\S+ ){{0,8}}?, "
       rf"(?:die|der) (?:\S+ )?(?:von|vom) {O('a')} (?:\S+ ){{0,2}}?(?P<v>angeführt|geführt|angeleitet)",
       {"a": "acquirer", "t": "target"}, 0.8),
    _f("round_v2", "deal", "investment",
       rf"{S('t')}(?P<v>sammelt|sammelte|sammeln|holt|holte) (?:\S+ ){{0,4}}?(?P<m>M\d+) (?:\S+ ){{0,8}}?ein ",
       {"t": "target"}, 0.8),
    _f("round_end", "deal", "investment",
       rf"{S('t')}(?:\S*finanzierungsrunde|\S*-runde|\S*runde|finanzierung|kapitalspritze) "
       rf"(?:\S+ ){{0,3}}?(?:(?:über|von|in höhe von) (?:\S+ )?)?(?P<m>M\d+) (?:\S+ ){{0,3}}?"
       rf"(?P<v>abgeschlossen|eingesammelt|erhalten|eingeworben)",
       {"t": "target"}, 0.8),
    # "Y hat von Investoren 45 Millionen Euro eingesammelt"
    _f("round_collected", "deal", "investment",
       rf"{S('t')}(?:\S+ ){{0,6}}?(?P<m>M\d+) (?:\S+ ){{0,4}}?(?P<v>eingesammelt|eingeworben)",
       {"t": "target"}, 0.7),
    # "Y hat eine Series-A-Finanzierung abgeschlossen" (no amount told)
    _f("round_closed", "deal", "investment",
       rf"{S('t')}(?:eine |die |seine |ihre )(?:\S+ )?(?:\S*finanzierungsrunde|series-\S+|serie-\S+|\S+-runde|"
       rf"seed-finanzierung|wachstumsfinanzierung) (?P<v>abgeschlossen)",
       {"t": "target"}, 0.7),
    _f("round_for", "deal", "investment",
       rf"(?:\S*finanzierungsrunde|kapitalspritze) (?:\S+ ){{0,3}}?(?:für|von|bei) {O('t')}",
       {"t": "target"}, 0.7),
    # "Angeführt wurde die Runde von X", "Der als Leadinvestor vorgesehene Fonds X": the investor of
    # the round told just before (joined by `refine_hits`).
    _f("round_lead_only", "deal", "investment",
       rf"(?:angeführt|geführt|angeleitet) (?:wurde |wird )?(?:die |der )?(?:\S*runde |finanzierung )?(?:von|vom) {O('a')}",
       {"a": "acquirer"}, 0.7, "lead_only"),
    # "X führte die Runde an", "Die Runde führte X an"
    _f("round_led_by", "deal", "investment",
       rf"{S('a')}(?:führte|führt|führten|führen) (?:die |diese |der )?(?:\S*runde|\S*finanzierung) an ",
       {"a": "acquirer"}, 0.7, "lead_only"),
    _f("round_led_by_v2", "deal", "investment",
       rf"(?:die |diese )(?:\S*runde|\S*finanzierung) (?:führte|führt|führten|führen) {O('a')} (?:\S+ ){{0,4}}?an ",
       {"a": "acquirer"}, 0.7, "lead_only"),
    _f("lead_investor", "deal", "investment",
       rf"(?:leadinvestor|lead-investor|hauptinvestor|ankerinvestor) (?:\S+ ){{0,3}}?{O('a')}",
       {"a": "acquirer"}, 0.7, "lead_only"),
    # "X will in das Start-up Y investieren", "X investiert 100 Millionen Euro in Y"
    _f("invest_end", "deal", "investment",
       rf"{S('a')}(?:(?P<m>M\d+) )?(?:\S+ ){{0,2}}?in {O('t')} (?:\S+ ){{0,3}}?"
       rf"(?P<v>investieren|investiert|stecken|gesteckt|zu investieren|zu stecken|pumpen)",
       {"a": "acquirer", "t": "target"}, 0.8),
    _f("invest_v2", "deal", "investment",
       rf"{S('a')}(?P<v>investiert|investierte|steckt|steckte|pumpt|pumpte) (?:\S+ ){{0,3}}?(?:(?P<m>M\d+) )?"
       rf"(?:\S+ ){{0,3}}?in {O('t')}",
       {"a": "acquirer", "t": "target"}, 0.8),
    # "X zahlt für Y 1,25 Milliarden Euro": the price of a deal told elsewhere
    # Who sells, told on its own ("Verkäufer ist der Finanzinvestor X", "Y gehört derzeit dem Investor X", "Die
    # Anteile stammen vom Investor X"): the seller of the deal told nearby (events.py joins them).
    _f("seller_is", "seller", "seller",
       rf"(?:^ |[.:;] )(?P<v>verkäufer|verkäuferin|verkäufer sind) (?:ist|sind|war|waren|wird|werden) "
       rf"(?:(?!E\d)\S+ ){{0,8}}?(?P<s>E\d+)",
       {"s": "seller"}, 0.6, "no_background"),
    _f("owned_until_now", "seller", "seller",
       rf"{S('t')}(?P<v>gehört|gehörte|gehören) (?:(?:derzeit|bislang|bisher|noch|aktuell|mehrheitlich|vollständig|"
       rf"zu P\d+) )+(?:\S+ ){{0,3}}?{O('s')}",
       {"t": "target", "s": "seller"}, 0.6, "no_background"),
    _f("shares_come_from", "seller", "seller",
       rf"(?:anteile|aktien|aktienpaket|beteiligung|paket) (?:\S+ ){{0,3}}?(?P<v>stammen|stammt|stammten|kommen|kommt) "
       rf"(?:\S+ ){{0,2}}?(?:von|vom) {O('s')}",
       {"s": "seller"}, 0.6, "no_background"),
    _f("price_paid", "price", "price",
       rf"{S('a')}(?P<v>zahlt|zahlte|zahlen|bezahlt|bezahlte) (?:\S+ ){{0,3}}?für (?:(?P<p>P\d+) (?:\S+ )?|{O('t')} )"
       rf"(?:\S+ ){{0,6}}?(?P<m>M\d+)",
       {"a": "acquirer", "t": "target"}, 0.5, "no_background"),
    _f("price_paid_inv", "price", "price",
       rf"für (?:(?P<p>P\d+) (?:\S+ )?|{O('t')} )(?:\S+ ){{0,3}}?(?P<v>zahlt|zahlte|zahlen) (?P<a>E\d+) (?:\S+ ){{0,2}}?(?P<m>M\d+)",
       {"a": "acquirer", "t": "target"}, 0.5, "no_background"),
    # --- customer changes ----------------------------------------------------------
    # One switch told in two joined clauses: "X löst seinen Dienstleister Y ab und vergibt den Betrieb an Z",
    # "X hat den Vertrag mit Y gekündigt und setzt künftig auf Z", "X kündigt den Vertrag mit Y und lässt ... von Z betreiben"
    _f("drop_and_pick", "customer_change", "churn",
       rf"{SC('c')}(?:\S+ ){{0,6}}?{OV('vd')} (?:(?!E\d)\S+ ){{0,8}}?"
       rf"(?P<v>ab|gekündigt|beendet|aufgekündigt|aufgelöst|ausgelistet) und {_PICK_CLAUSE}{OV('k')}",
       {"c": "customer", "vd": "vendor", "k": "competitor"}, 0.8),
    _f("drop_and_pick_v2", "customer_change", "churn",
       rf"{SC('c')}(?P<v>kündigt|kündigte|beendet|beendete) (?:\S+ ){{0,4}}?{REL_N}\S* (?:mit|bei|beim) {OV('vd')} "
       rf"(?:(?!E\d)\S+ ){{0,4}}?und {_PICK_CLAUSE}{OV('k')}",
       {"c": "customer", "vd": "vendor", "k": "competitor"}, 0.8),
    # "X setzt künftig auf Z statt auf Y"
    _f("instead_of", "customer_change", "churn",
       rf"{SC('c')}(?P<v>setzt|setzte|setzen|vertraut|baut) (?:\S+ ){{0,4}}?auf {OV('k')} (?:\S+ ){{0,4}}?statt "
       rf"(?:wie bisher )?auf {OV('vd')}",
       {"c": "customer", "vd": "vendor", "k": "competitor"}, 0.85),
    # "Statt wie bisher auf die Software des Anbieters Y zu setzen, prüft X einen Umstieg auf Z"
    _f("instead_of_fronted", "customer_change", "churn",
       rf"statt (?:wie bisher )?(?:auf )?{OV('vd')} (?:\S+ ){{0,3}}?zu (?:setzen|nutzen|verwenden) , "
       rf"(?:\S+ ){{0,2}}?(?P<c>E\d+) (?P<g>(?:\S+ ){{0,4}}?)(?:\S+ ){{0,3}}?(?:auf|zu|zum) {OV('k')}",
       {"c": "customer", "vd": "vendor", "k": "competitor"}, 0.8),
    # "X prüft einen Wechsel von Y zu Z", "X wechselt von Y zu Z"
    _f("switch_from_to", "customer_change", "churn",
       rf"{SC('c')}(?P<v>wechsel|wechselt|wechseln|umstieg|umstellung|migration|steigt um|stiegen um|umsteigen) "
       rf"(?:\S+ ){{0,8}}?(?:von|vom) {OV('vd')} (?:\S+ ){{0,3}}?(?:zu|zum|zur|auf) {OV('k')}",
       {"c": "customer", "vd": "vendor", "k": "competitor"}, 0.85),
    # "X kündigt den Vertrag mit Y", "X will die Zusammenarbeit mit Y beenden"
    _f("end_contract_v2", "customer_change", "churn",
       rf"{SC('c')}(?P<v>kündigt|kündigte|kündigen|beendet|beendete|beenden|löst|löste) (?:\S+ ){{0,4}}?"
       rf"(?:den |die |das |seine[nmr]? |ihre[nmr]? )?(?:\S+ ){{0,2}}?{REL_N}\S* mit {OV('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.85),
    _f("end_contract_end", "customer_change", "churn",
       rf"{SC('c')}(?:den |die |das |seine[nmr]? |ihre[nmr]? )?(?:\S+ ){{0,2}}?(?:{REL_N}|{SPEND_N})\S* "
       rf"(?:\S+ ){{0,6}}?(?:mit|bei|beim) {OV('vd')} (?P<g2>(?:\S+ ){{0,10}}?){END_V}",
       {"c": "customer", "vd": "vendor"}, 0.85),
    # "X will die Abfüllung seines Impfstoffs bei Y beenden": work done at a vendor ends
    _f("end_work_at", "customer_change", "churn",
       rf"{SC('c')}(?:die |den |das |seine[nmrs]? |ihre[nmrs]? )(?:(?!E\d)\S+ ){{0,4}}?(?:bei|beim) {OV('vd')} "
       rf"(?P<g2>(?:(?!E\d)\S+ ){{0,4}}?){END_V}",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "X will sich von Y trennen", "X trennt sich von Dienstleister Y"
    _f("part_with_vendor", "customer_change", "churn",
       rf"{SC('c')}sich (?:(?!E\d|von )\S+ |(?:am|im|in|bei|beim) E\d+ (?:- \S+ )?){{0,8}}?von {O('vd')} "
       rf"(?P<g2>(?:\S+ ){{0,4}}?)(?P<v>trennen|getrennt|zu trennen)",
       {"c": "customer", "vd": "vendor"}, 0.8),
    _f("part_with_vendor_v2", "customer_change", "churn",
       rf"{SC('c')}(?P<v>trennt|trennte) sich (?:\S+ ){{0,2}}?von {O('vd')} (?!(?:\S+ ){{0,1}}?{UNIT})",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # "Abkehr von Y", "zieht sich als Kunde von Y zurück"
    _f("turn_away", "customer_change", "churn",
       rf"{SC('c')}(?:abkehr|abschied|trennung) (?:\S+ ){{0,2}}?(?:von|vom) {OV('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.75),
    _f("withdraw_from", "customer_change", "churn",
       rf"{SC('c')}(?P<v>zieht|zog) sich (?:\S+ ){{0,4}}?(?:von|bei|beim|aus) {OV('vd')} (?:\S+ ){{0,3}}?zurück",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # Separable verbs: "X steigt beim Dienstleister Y aus", "X ist bei Y ausgestiegen" (a customer
    # leaving; an investor's exit names a stake or a percentage, which these frames refuse).
    _f("exit_from", "customer_change", "churn",
       rf"{SC('c')}(?P<v>steigt|stieg|steigen|stiegen) (?:(?!{_STAKE_WORD})\S+ ){{0,5}}?(?:bei|beim) {OV('vd')} "
       rf"(?:(?!{_STAKE_WORD})\S+ ){{0,6}}?aus(?= [.,;:]| und | oder |$)",
       {"c": "customer", "vd": "vendor"}, 0.75),
    _f("exit_from_end", "customer_change", "churn",
       rf"{SC('c')}(?:bei|beim) {OV('vd')} (?P<g2>(?:(?!{_STAKE_WORD})\S+ ){{0,4}}?)"
       rf"(?P<v>ausgestiegen|aussteigen|auszusteigen)",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "X stellt seine Flaschen von Y auf Z um", "X will von Y auf Z umstellen"
    _f("switch_um", "customer_change", "churn",
       rf"{SC('c')}(?P<v>stellt|stellte|stellen|stellten) (?:\S+ ){{0,6}}?von {OV('vd')} (?:\S+ ){{0,4}}?auf {OV('k')} "
       rf"(?:\S+ ){{0,4}}?um(?= [.,;:]| und |$)",
       {"c": "customer", "vd": "vendor", "k": "competitor"}, 0.85),
    _f("switch_um_end", "customer_change", "churn",
       rf"{SC('c')}(?:\S+ ){{0,6}}?von {OV('vd')} (?:\S+ ){{0,4}}?auf {OV('k')} (?P<g2>(?:\S+ ){{0,3}}?)"
       rf"(?P<v>umstellen|umgestellt|umzustellen|umsteigen|umgestiegen|umzusteigen|wechseln|gewechselt|zu wechseln)",
       {"c": "customer", "vd": "vendor", "k": "competitor"}, 0.8),
    # The new supplier alone: "X stellt ihr Kernbankensystem auf die Software von Z um", "X wird ihre
    # Personalverwaltung auf Z umstellen" (a switch with its old supplier named is read above).
    _f("move_to_um", "customer_change", "new_customer",
       rf"{SC('c')}(?P<v>stellt|stellte|stellen|stellten|steigt|stieg|steigen|stiegen) (?:(?!von |vom |E\d)\S+ ){{0,10}}?"
       rf"auf {OV('vd')} (?:(?!E\d)\S+ ){{0,4}}?um(?= [.,;:]| und |$)",
       {"c": "customer", "vd": "vendor"}, 0.75),
    _f("move_to_um_end", "customer_change", "new_customer",
       rf"{SC('c')}(?:(?!von |vom |E\d)\S+ ){{0,12}}?auf {OV('vd')} (?P<g2>(?:(?!E\d)\S+ ){{0,4}}?)"
       rf"(?P<v>umstellen|umgestellt|umzustellen|umsteigen|umgestiegen|umzusteigen)",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "Damit endet die Zusammenarbeit von X mit Y"
    _f("ends_of_with", "customer_change", "churn",
       rf"(?P<v>endet|endete|enden|läuft|lief) (?:(?!E\d)\S+ ){{0,3}}?{REL_N}\S* (?:von|des|der) (?P<c>E\d+) "
       rf"(?:mit|bei) {OV('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "X löst ihr Abrechnungssystem von Y ab", "X will die Software des Anbieters Y ablösen"
    _f("replace_ab", "customer_change", "churn",
       rf"{SC('c')}(?P<v>löst|löste|lösen|lösten) (?:(?!E\d)\S+ ){{0,6}}?(?:von|vom|des|der) {OV('vd')} "
       rf"(?:(?!E\d)\S+ ){{0,6}}?ab(?= [.,;:]| und | $)",
       {"c": "customer", "vd": "vendor"}, 0.75),
    _f("replace_ab_end", "customer_change", "churn",
       rf"{SC('c')}(?:(?!E\d)\S+ ){{0,6}}?(?:von|vom|des|der) {OV('vd')} (?P<g2>(?:(?!E\d)\S+ ){{0,6}}?)"
       rf"(?P<v>ablösen|abgelöst|abzulösen)",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "X ersetzt die Kassen seines bisherigen Lieferanten Y"
    _f("replace_supplier", "customer_change", "churn",
       rf"{SC('c')}(?P<v>ersetzt|ersetzte|ersetzen|ersetzten|tauscht|tauschte) (?:(?!E\d)\S+ ){{0,8}}?"
       rf"(?:des|seines|ihres|der|ihrer|seiner) bisherigen \S*(?:lieferanten|anbieters|dienstleisters|herstellers|"
       rf"partners|lieferantin) {O('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # "X zieht zwei Dienste vom Terminal Y ab", "X hat seine Logistik vom bisherigen Dienstleister Y abgezogen"
    _f("pull_from", "customer_change", "churn",
       rf"{SC('c')}(?P<v>zieht|zog|ziehen|zogen) (?:(?!E\d|{_STAKE_WORD})\S+ ){{0,8}}?(?:von|vom|bei|beim) {OV('vd')} "
       rf"(?:(?!E\d)\S+ ){{0,4}}?ab(?= [.,;:]| und | $)",
       {"c": "customer", "vd": "vendor"}, 0.75),
    _f("pull_from_end", "customer_change", "churn",
       rf"{SC('c')}(?:(?!E\d|{_STAKE_WORD})\S+ ){{0,8}}?(?:von|vom|bei|beim) {OV('vd')} (?P<g2>(?:(?!E\d)\S+ ){{0,4}}?)"
       rf"(?P<v>abgezogen|abziehen|abzuziehen)",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # A service taken over for a customer: "Y übernimmt künftig die E-Commerce-Logistik für X"
    _f("take_over_service_for", "customer_change", "new_customer",
       rf"{SC('vd')}(?P<v>übernimmt|übernahm|übernehmen|übernahmen) (?:(?!E\d)\S+ ){{0,3}}?(?:die|den|das) "
       rf"(?:(?!E\d)\S+ ){{0,2}}?\S*(?:logistik|betrieb|wartung|reinigung|versorgung|belieferung|abrechnung|"
       rf"entsorgung|bewachung|verpflegung|transporte|zustellung|instandhaltung) (?:(?!E\d)\S+ ){{0,4}}?für {O('c')}",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "Wie X bestätigte, endet die Zusammenarbeit mit Y zum 31. März": the one who confirms is the customer
    _f("ends_as_confirmed", "customer_change", "churn",
       rf"(?:^ |, )wie (?:der |die |das )?(?:(?!E\d)\S+ )?(?P<c>E\d+) (?:(?!E\d)\S+ ){{0,5}}?(?:bestätigte|mitteilte|ankündigte|erklärte|sagte|bekanntgab) , "
       rf"(?P<v>endet|endete|enden|läuft|lief) (?:\S+ ){{0,3}}?{REL_N}\S* (?:mit|bei) {OV('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # The supplier tells of the end: "X werde ihren Vertrag ... nicht verlängern, teilte Y mit", "X hat Y
    # mitgeteilt, dass sie den Liefervertrag ... kündigt"
    _f("end_told_by_vendor", "customer_change", "churn",
       rf"{SC('c')}(?:(?!E\d)\S+ ){{0,3}}?(?:seinen|ihren|den|die|seine|ihre) (?:(?!E\d)\S+ ){{0,2}}?{REL_N}\S* "
       rf"(?:(?!E\d)\S+ ){{0,12}}?{END_V} , (?:teilte|sagte|bestätigte|meldete|erklärte) (?:der |die |das )?(?:(?!E\d)\S+ )?(?P<vd>E\d+)",
       {"c": "customer", "vd": "vendor"}, 0.75),
    _f("end_told_to_vendor", "customer_change", "churn",
       rf"{SC('c')}(?:hat|habe|hatte) (?:der |dem |den )?(?P<vd>E\d+) (?:(?!E\d)\S+ ){{0,3}}?mitgeteilt , dass "
       rf"(?:sie|er|es|E\d+) (?:(?!E\d)\S+ ){{0,3}}?{REL_N}\S* (?:(?!E\d)\S+ ){{0,12}}?"
       rf"(?:kündigt|kündige|beendet|beende|nicht verlängert|nicht verlängern werde|nicht verlängern wird)",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "X hat seine Bestellungen bei Y eingestellt" (stopped buying)
    _f("stop_orders", "customer_change", "churn",
       rf"{SC('c')}(?:(?!E\d)\S+ ){{0,4}}?(?:seine|ihre|die) (?:\S+ )?(?:{SPEND_N}|belieferung|lieferungen) "
       rf"(?:bei|beim|von|vom|an|durch) {OV('vd')} "
       rf"(?P<g2>(?:(?!E\d)\S+ ){{0,5}}?)(?P<v>eingestellt|einstellen|gestoppt|stoppen)",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # "Y hat von X den Zuschlag für ... erhalten"
    _f("win_order_from_end", "customer_change", "new_customer",
       rf"{SC('vd')}(?:(?!E\d)\S+ ){{0,3}}?(?:von|vom) {O('c')} (?:, (?:\S+ ){{1,8}}?, )?(?:(?!E\d)\S+ ){{0,3}}?"
       rf"{ORDER_N} (?:(?!E\d)\S+ ){{0,14}}?(?P<v>erhalten|bekommen|gewonnen)",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # "X beteiligt sich mit zwölf Prozent an Y"
    _f("stake_participates", "deal", "stake",
       rf"{S('a')}(?P<v>beteiligt|beteiligte|beteiligen) sich (?:(?!E\d)\S+ ){{0,4}}?mit (?:\S+ )?(?P<p>P\d+) "
       rf"(?:\S+ ){{0,2}}?(?:an|am|bei|beim) {O('t')}",
       {"a": "acquirer", "t": "target"}, 0.85),
    # The subject after the verb, a sum or a share: "Parallel dazu beteiligt sich der Fonds X mit 10 Millionen
    # Euro an Y", "Seit Mai beteiligt sich X mit 30 Prozent an Y"
    _f("invest_participates_v1", "deal", "investment", _PARTICIPATES_V1.format(size=r"(?P<m>M\d+)"),
       {"a": "acquirer", "t": "target"}, 0.8),
    _f("stake_participates_v1", "deal", "stake", _PARTICIPATES_V1.format(size=r"(?P<p>P\d+)"),
       {"a": "acquirer", "t": "target"}, 0.85),
    # "X bestätigte Gespräche mit dem Zulieferer Y über einen Einstieg mit 19,9 Prozent": Y would enter X
    _f("talks_entry_with", "deal", "stake",
       rf"{S('t')}(?:gespräche|gesprächen|verhandlungen|verhandelt|verhandle) (?:\S+ )?mit {O('a')} "
       rf"(?:(?!E\d)\S+ ){{0,3}}?über (?:einen|den|eine|die) (?:\S+ )?"
       rf"(?:einstieg|minderheitsbeteiligung|beteiligung)\b",
       {"a": "acquirer", "t": "target"}, 0.7),
    # "X hat sich mit 25 Prozent an Y beteiligt"
    _f("stake_participated", "deal", "stake",
       rf"{S('a')}sich (?:(?!E\d)\S+ ){{0,4}}?mit (?:\S+ )?(?P<p>P\d+) (?:\S+ ){{0,2}}?(?:an|am|bei|beim) {O('t')} "
       rf"(?:\S+ ){{0,2}}?(?P<v>beteiligt)",
       {"a": "acquirer", "t": "target"}, 0.85),
    # "X bestellt bei Y weitere 2.000 Geräte", "X hat bei Y zusätzliche Züge bestellt": more of a supply
    _f("order_more", "customer_change", "expansion",
       rf"{SC('c')}(?P<v>bestellt|bestellte|bestellen|bestellten|ordert|orderte|ordern) (?:\S+ ){{0,3}}?(?:bei|beim) "
       rf"{O('vd')} (?:\S+ ){{0,2}}?"
       rf"(?:weitere|zusätzliche|nochmals|erneut)",
       {"c": "customer", "vd": "vendor"}, 0.8),
    _f("order_more_end", "customer_change", "expansion",
       rf"{SC('c')}(?:bei|beim) {O('vd')} (?:(?!E\d)\S+ ){{0,4}}?(?:weitere|zusätzliche|nochmals|erneut) "
       rf"(?P<g2>(?:\S+ ){{0,8}}?)(?P<v>bestellt|geordert|bestellen|zu bestellen)",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # "X setzt künftig auf die Software von Y", "X hat entschieden, künftig auf Y zu setzen"
    _f("rely_on_now", "customer_change", "new_customer",
       rf"{SC('c')}(?P<v>setzt|setzte|setzen) (?:(?!nicht |kein\S* |statt |weiter |weiterhin )\S+ ){{0,3}}?"
       rf"(?:künftig|nun|fortan|ab sofort|jetzt|neu) (?:\S+ ){{0,2}}?auf {OV('vd')} (?!(?:\S+ ){{0,4}}?statt )",
       {"c": "customer", "vd": "vendor"}, 0.75),
    _f("rely_on_now_end", "customer_change", "new_customer",
       rf"{SC('c')}(?:(?!nicht |kein\S* |statt |E\d)\S+ ){{0,6}}?(?:künftig|nun|fortan|ab sofort|jetzt) (?:\S+ ){{0,2}}?"
       rf"auf {OV('vd')} (?P<g2>(?:\S+ ){{0,2}}?)(?P<v>zu setzen|setzen|gesetzt)",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # Noun forms: "X denkt über ein Ende seines Vertrags mit Y nach", "X nimmt die Kündigung des Vertrags mit Y zurück"
    _f("end_noun", "customer_change", "churn",
       rf"{SC('c')}(?:\S+ ){{0,6}}?(?:ende|kündigung|beendigung|auflösung|nichtverlängerung) (?:\S+ ){{0,3}}?"
       rf"\S*{REL_N}\S* (?:mit|bei|beim) {OV('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "X bestellt weniger bei Y", "X lässt nur noch in geringerem Umfang bei Y drucken"
    _f("less_from", "customer_change", "reduction",
       rf"{SC('c')}(?:\S+ ){{0,6}}?(?:weniger|kaum noch|in (?:geringerem|kleinerem|reduziertem|begrenztem) umfang) "
       rf"(?:\S+ ){{0,2}}?(?:bei|beim|von|vom) {OV('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # "X kehrt dem Anbieter Y den Rücken", "X verzichtet künftig auf Y", "X wendet sich von Y ab"
    _f("turn_back", "customer_change", "churn",
       rf"{SC('c')}(?P<v>kehrt|kehrte|kehren|kehrten) {OV('vd')} (?:\S+ ){{0,3}}?den rücken",
       {"c": "customer", "vd": "vendor"}, 0.8),
    _f("turn_back_end", "customer_change", "churn",
       rf"{SC('c')}{OV('vd')} (?P<g2>(?:\S+ ){{0,3}}?)den rücken (?P<v>kehren|gekehrt|zu kehren)",
       {"c": "customer", "vd": "vendor"}, 0.8),
    _f("do_without", "customer_change", "churn",
       rf"{SC('c')}(?P<v>verzichtet|verzichtete|verzichten) (?:\S+ ){{0,3}}?auf (?:die (?:\S+ )?(?:dienste|produkte|"
       rf"software|technik|lieferungen|leistungen) (?:von |vom |des |der ))?{O('vd')} (?!- )",
       {"c": "customer", "vd": "vendor"}, 0.75),
    _f("turn_away_v2", "customer_change", "churn",
       rf"{SC('c')}(?P<v>wendet|wandte|wendete|wenden) sich (?:\S+ ){{0,3}}?(?:von|vom) {OV('vd')} (?:\S+ ){{0,4}}?ab(?= [.,;:]| und |$)",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # "X verlängert den Vertrag mit Y nicht", "X lässt den Vertrag mit Y auslaufen"
    _f("not_renew_v2", "customer_change", "churn",
       rf"{SC('c')}(?P<v>verlängert|verlängerte|verlängern) (?:den |die |das |seine[nmr]? |ihre[nmr]? )?(?:\S+ ){{0,2}}?"
       rf"{REL_N}\S* (?:mit|bei|beim) {OV('vd')} (?:\S+ ){{0,3}}?nicht",
       {"c": "customer", "vd": "vendor"}, 0.8),
    _f("let_expire", "customer_change", "churn",
       rf"{SC('c')}(?P<v>lässt|ließ|lassen) (?:den |die |das |seine[nmr]? |ihre[nmr]? )?(?:\S+ ){{0,2}}?"
       rf"{REL_N}\S* (?:mit|bei|beim) {OV('vd')} (?:\S+ ){{0,3}}?auslaufen",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # "Y verliert den Großkunden X", "Y verliert mit X einen wichtigen Kunden"
    _f("lost_customer_desc", "customer_change", "churn",
       rf"{SC('vd')}(?P<v>verliert|verlor|verloren) (?:den |seinen |ihren |einen )?(?:\S+ )?"
       rf"\S*(?:kunden|auftraggeber|abnehmer) {O('c')}",
       {"c": "customer", "vd": "vendor"}, 0.8),
    _f("lost_with", "customer_change", "churn",
       rf"{SC('vd')}(?P<v>verliert|verlor|verloren) mit {O('c')} (?:einen |seinen |ihren )(?:\S+ ){{0,2}}?"
       rf"\S*(?:kunden|auftraggeber|abnehmer)",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # "Y hat X als neuen Kunden gewonnen", "Y gewinnt den Großkunden X"
    _f("win_customer_end", "customer_change", "new_customer",
       rf"{SC('vd')}(?:(?!E\d)\S+ ){{0,6}}?{O('c')} (?:(?!E\d)\S+ ){{0,8}}?als (?:\S+ )?\S*(?:kunden|auftraggeber|abnehmer) (?P<g2>(?:\S+ ){{0,2}}?)"
       rf"(?P<v>gewonnen|gewinnen|zu gewinnen|hinzugewonnen)",
       {"c": "customer", "vd": "vendor"}, 0.85),
    _f("win_customer_desc", "customer_change", "new_customer",
       rf"{SC('vd')}(?P<v>gewinnt|gewann|gewinnen) (?:den |einen |mit )?(?:\S+ )?\S*(?:kunden|auftraggeber|abnehmer) {O('c')}",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # "X wolle den Kundenservice zum Konkurrenten Z verlagern": the competitor of a change told elsewhere
    _f("move_to", "customer_change", "churn",
       rf"{SC('c')}(?:zu|zum|zur|auf) {O('k')} (?:\S+ ){{0,2}}?(?P<v>verlagern|verlagert|wechseln|"
       rf"umstellen|umziehen)",
       {"c": "customer", "k": "competitor"}, 0.5),
    # "X wickelt die Kartenzahlungen künftig über den Anbieter Y ab" (the separable verb of "abwickeln")
    _f("handle_via", "customer_change", "new_customer",
       rf"{SC('c')}(?P<v>wickelt|wickelte|wickeln) (?:(?!E\d)\S+ ){{0,12}}?(?:über|mit|bei) {OV('vd')} "
       rf"(?:(?!E\d)\S+ ){{0,3}}?ab(?= [.,;]| und | $)",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # Reductions: "X fährt seine Ausgaben bei Y zurück", "X prüft, seine Ausgaben für Y zu senken"
    _f("reduce_v2", "customer_change", "reduction",
       rf"{SC('c')}{REDUCE_V2} (?:seine |ihre |die |den |das )?(?:\S+ ){{0,2}}?{SPEND_N} (?:\S+ ){{0,3}}?"
       rf"(?:bei|beim|für|an|mit|von|der|des) {OV('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.85),
    _f("reduce_end", "customer_change", "reduction",
       rf"{SC('c')}(?:seine |ihre |die |den |das )?(?:\S+ ){{0,2}}?{SPEND_N} (?:\S+ ){{0,3}}?"
       rf"(?:bei|beim|für|an|mit|von) {OV('vd')} (?P<g2>(?:\S+ ){{0,12}}?){REDUCE_END}",
       {"c": "customer", "vd": "vendor"}, 0.85),
    # "X will die Plattform von Y nur noch in geringerem Umfang nutzen"
    _f("use_less", "customer_change", "reduction",
       rf"{SC('c')}{OV('vd')} (?P<g2>(?:\S+ ){{0,4}}?)(?:nur noch |weiter |künftig )*"
       rf"(?:in (?:geringerem|kleinerem|reduziertem|begrenztem) umfang|eingeschränkt|weniger|reduziert) "
       rf"(?:\S+ ){{0,2}}?(?P<v>nutzen|einsetzen|beziehen|nutzt|verwenden)",
       {"c": "customer", "vd": "vendor"}, 0.85, "continuing"),
    # Expansion: "X hat seinen Vertrag mit Y verlängert und erweitert", "X will die Bestellungen bei Y aufstocken"
    _f("expand_end", "customer_change", "expansion",
       rf"{SC('c')}(?:{REL_N}|{SPEND_N})\S* (?:\S+ ){{0,6}}?(?:mit |bei |beim |von |über |der |des )"
       rf"(?:\S+ ){{0,3}}?{OV('vd')} (?P<g2>(?:\S+ ){{0,12}}?){EXPAND_END}",
       {"c": "customer", "vd": "vendor"}, 0.8),
    _f("expand_v2", "customer_change", "expansion",
       rf"{SC('c')}{EXPAND_V2} (?:seine[nmr]? |ihre[nmr]? |den |die )?(?:\S+ ){{0,3}}?(?:{REL_N}|{SPEND_N})\S* "
       rf"(?:\S+ ){{0,4}}?(?:mit|bei|beim|von) {OV('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # New customers: "Y erhält einen Auftrag von X", "Y gewinnt X als Kunden", "X beauftragt Y"
    _f("win_order", "customer_change", "new_customer",
       rf"{SC('vd')}{WIN_V2} (?:\S+ ){{0,3}}?{ORDER_N} (?:\S+ ){{0,3}}?(?:von|vom|der|des|bei|beim) {O('c')}",
       {"c": "customer", "vd": "vendor"}, 0.8),
    _f("win_customer", "customer_change", "new_customer",
       rf"{SC('vd')}(?P<v>gewinnt|gewann|gewonnen|gewinnen|hinzugewonnen) {O('c')} als (?:\S+ )?kunden",
       {"c": "customer", "vd": "vendor"}, 0.85),
    _f("commission", "customer_change", "new_customer",
       rf"{SC('c')}(?:hat|haben|hatte|hatten) (?:\S+ ){{0,2}}?{O('vd')} (?:(?!E\d)\S+ ){{0,10}}?(?:mit (?:\S+ ){{0,24}}?)?"
       rf"(?P<v>beauftragt|betraut)",
       {"c": "customer", "vd": "vendor"}, 0.85),
    _f("commission_v2", "customer_change", "new_customer",
       rf"{SC('c')}(?P<v>beauftragt|beauftragte) {O('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.85),
    _f("award_to", "customer_change", "new_customer",
       rf"{SC('c')}(?P<v>vergibt|vergab|vergeben|vergabe) (?:\S+ ){{0,8}}?an {O('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # "X hat den Auftrag an Y vergeben", "X erteilt Y den Zuschlag", "X bestellt bei Y", "X entscheidet sich für Y"
    _f("award_to_end", "customer_change", "new_customer",
       rf"{SC('c')}{ORDER_N} (?:\S+ ){{0,6}}?an {O('vd')} (?P<g2>(?:\S+ ){{0,3}}?)(?P<v>vergeben|erteilt)",
       {"c": "customer", "vd": "vendor"}, 0.8),
    _f("grant_award", "customer_change", "new_customer",
       rf"{SC('c')}(?P<v>erteilt|erteilte) {O('vd')} (?:den |einen )?(?:\S+ )?(?:zuschlag|auftrag)",
       {"c": "customer", "vd": "vendor"}, 0.8),
    _f("order_from", "customer_change", "new_customer",
       rf"{SC('c')}(?P<v>bestellt|bestellte|bestellen|bestellten|ordert|orderte|ordern) (?:\S+ ){{0,6}}?"
       rf"(?:bei|beim) {O('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.7),
    _f("choose_vendor", "customer_change", "new_customer",
       rf"{SC('c')}(?P<v>entscheidet|entschied|entschieden) sich (?:\S+ ){{0,3}}?für {OV('vd')} (?!- )",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "Y verliert X als Kunden", "Y verliert den Auftrag der X"
    _f("lost_customer", "customer_change", "churn",
       rf"{SC('vd')}(?P<v>verliert|verlor|verloren) {O('c')} als (?:\S+ )?(?:kunden|auftraggeber|großkunden|abnehmer)",
       {"c": "customer", "vd": "vendor"}, 0.85),
    # "Y hat den Modehändler X als Kunden verloren"
    _f("lost_customer_end", "customer_change", "churn",
       rf"{SC('vd')}{O('c')} als (?:\S+ )?(?:kunden|auftraggeber|großkunden|abnehmer) (?:\S+ )?(?P<v>verloren)",
       {"c": "customer", "vd": "vendor"}, 0.8),
    _f("lost_order", "customer_change", "churn",
       rf"{SC('vd')}(?P<v>verliert|verlor|verloren) (?:den |einen |seinen |ihren )?(?:\S+ ){{0,2}}?{ORDER_N} "
       rf"(?:\S+ ){{0,3}}?(?:von|vom|der|des|bei|beim|mit) {O('c')}",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # "X ersetzt den Anbieter Y durch Z"
    _f("replace_by", "customer_change", "churn",
       rf"{SC('c')}(?P<v>ersetzt|ersetzte|ersetzen) {OV('vd')} (?:\S+ ){{0,4}}?durch {OV('k')}",
       {"c": "customer", "vd": "vendor", "k": "competitor"}, 0.8),
    # "X wird die Plattform von Y ab dem kommenden Jahr nutzen", "X will die Y-Software künftig einsetzen"
    _f("will_use", "customer_change", "new_customer",
       rf"{SC('c')}(?:wird|will|soll|werden|wollen|plant) (?:\S+ ){{0,2}}?{OV('vd')} (?:(?!nicht |kein)\S+ ){{0,8}}?"
       rf"(?:künftig|ab|einführen|erstmals) (?:(?!nicht |kein)\S+ ){{0,8}}?(?P<v>nutzen|einsetzen|einführen|verwenden)",
       {"c": "customer", "vd": "vendor"}, 0.7),
    # "Y verliert seinen größten Kunden: X bezieht ..." / "Y verliert einen wichtigen Auftrag: X hat ...", with the
    # supplier the customer moves to when the clause names one ("... bezieht Strom ab 2027 vom Anbieter Z")
    _f("lost_customer_colon", "customer_change", "churn",
       rf"{SC('vd')}(?P<v>verliert|verlor|verloren|verlieren) (?:\S+ ){{0,3}}?(?:\S*kunden|\S*auftrag|auftraggeber|abnehmer) : "
       rf"(?:\S+ ){{0,3}}?(?P<c>E\d+) (?!übernimmt |übernahm |kauft E\d|erwirbt |schluckt )"
       rf"(?:(?:(?!E\d|nicht )\S+ ){{0,10}}?(?:von|vom|bei|beim|zu|zum|zur|auf) {OV('k')})?",
       {"c": "customer", "vd": "vendor", "k": "competitor"}, 0.75),
    # --- more customer changes: each kind as a word family, verb second and verb last ---
    # "X bezieht die Zellen nicht mehr von Y, sondern von Z", "X lässt nicht mehr von Y abfertigen, sondern von Z"
    _f("not_anymore_but", "customer_change", "churn",
       rf"{SC('c')}(?:(?:am|im|in|aus|nach) E\d+ |(?!sondern |E\d)\S+ ){{0,20}}?nicht mehr (?:\S+ ){{0,3}}?{_VIA} {OV('vd')} "
       rf"(?:(?!sondern )\S+ ){{0,5}}?, sondern (?:\S+ ){{0,3}}?{_VIA} {OV('k')}",
       {"c": "customer", "vd": "vendor", "k": "competitor"}, 0.85),
    # The subject after the verb: "Seit Mai bezieht X seine Flaschen nicht mehr von Y, sondern von Z"
    _f("not_anymore_but_v1", "customer_change", "churn",
       rf"(?:^ |[.:;] )(?:(?!E\d)\S+ ){{1,5}}?(?:bezieht|bezog|kauft|kaufte|lässt|ließ|bestellt|bestellte|ordert) "
       rf"(?:der |die |das )?(?P<c>E\d+) (?:(?!sondern |E\d)\S+ ){{0,12}}?nicht mehr (?:\S+ ){{0,3}}?{_VIA} {OV('vd')} "
       rf"(?:(?!sondern )\S+ ){{0,5}}?, sondern (?:\S+ ){{0,3}}?{_VIA} {OV('k')}",
       {"c": "customer", "vd": "vendor", "k": "competitor"}, 0.85),
    # "X will Y nicht mehr nutzen", "X prüft, die Software nicht mehr vom Anbieter Y zu beziehen"
    _f("not_anymore", "customer_change", "churn",
       rf"{SC('c')}(?:(?!sondern |E\d)\S+ ){{0,20}}?nicht mehr (?:\S+ ){{0,3}}?(?:{_VIA} )?{OV('vd')} "
       rf"(?:\S+ ){{0,4}}?(?P<v>{_SUPPLY_INF})(?= [.,;:]| und |$)",
       {"c": "customer", "vd": "vendor"}, 0.75),
    _f("not_anymore_obj", "customer_change", "churn",
       rf"{SC('c')}(?:(?!E\d)\S+ ){{0,4}}?{OV('vd')} (?:(?!E\d)\S+ ){{0,6}}?nicht mehr (?:\S+ ){{0,3}}?"
       rf"(?P<v>{_SUPPLY_INF})(?= [.,;:]| und |$)",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "X kauft nicht mehr beim bisherigen Lieferanten, sondern beim Hersteller Z" (the old supplier unnamed)
    _f("not_anymore_but_new", "customer_change", "new_customer",
       rf"{SC('c')}(?:(?!sondern |E\d)\S+ ){{0,20}}?nicht mehr (?:(?!sondern |E\d)\S+ ){{0,8}}?, sondern (?:\S+ ){{0,3}}?"
       rf"{_VIA} {OV('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "Ab Februar verschickt X seine Pakete mit Y", "Künftig bezieht X den Strom von Y"
    _f("supply_from_now_inv", "customer_change", "new_customer",
       rf"(?:künftig|ab \S+|fortan|seit \S+) (?P<v>bezieht|verschickt|versendet|kauft|transportiert) {O('c')} "
       rf"(?:(?!nicht |kein\S* |sondern |weiter |weiterhin |E\d)\S+ ){{0,8}}?(?:von|vom|bei|beim|mit|über) {OV('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.7),
    # "X ruft bei Y deutlich weniger Teile ab als geplant"
    _f("call_off_less", "customer_change", "reduction",
       rf"{SC('c')}(?P<v>ruft|rief|rufen) (?:bei|beim) {O('vd')} (?:(?!E\d)\S+ ){{0,2}}?weniger (?:\S+ ){{0,8}}?ab(?= [.,;:]| als | und |$)",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "X bezieht Strom ab 2027 vom Anbieter Y", "X lässt seine Schulen künftig von Y betreuen"
    _f("supply_from_now", "customer_change", "new_customer",
       rf"{SC('c')}(?P<v>bezieht|bezog|beziehen|kauft|kaufen) (?:(?!nicht |kein\S* |weiter |weiterhin |sondern )\S+ ){{0,6}}?"
       rf"(?:künftig|ab|inzwischen|nun|fortan|neuerdings) (?:(?!nicht |kein\S* |sondern )\S+ ){{0,5}}?"
       rf"(?:von|vom|bei|beim) {OV('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.75),
    _f("will_source_from", "customer_change", "new_customer",
       rf"{SC('c')}(?:wird|werden|will|wollen|soll|sollen) (?:(?!nicht |kein\S* |weiter\S* |auch |sondern |E\d)\S+ ){{0,8}}?"
       rf"(?:von|vom|bei|beim) {OV('vd')} (?:(?!E\d)\S+ ){{0,3}}?(?P<v>beziehen|einkaufen|kaufen)",
       {"c": "customer", "vd": "vendor"}, 0.7),
    # "Y wird neuer Hauptlieferant der X", "Y wird Lieferant von X"
    _f("becomes_supplier", "customer_change", "new_customer",
       rf"{SC('vd')}(?P<v>wird|werden|wurde|wurden|ist nun|ist jetzt|soll) (?:\S+ ){{0,2}}?(?:neue[rn]? |alleinige[rn]? |exklusive[rn]? )?"
       rf"\S*(?:lieferant|zulieferer|ausrüster|dienstleister|logistikpartner|partner|versorger|anbieter) "
       rf"(?:(?!E\d)\S+ ){{0,3}}?(?:der|des|von|vom|für) {O('c')}",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "Y liefert künftig Kartons an X", "Y beliefert X ab 2026 mit ...", "Y soll X ab 2026 mit ... beliefern"
    _f("supply_from_now_to", "customer_change", "new_customer",
       rf"{SC('vd')}(?P<v>liefert|liefern|lieferte) (?:(?!nicht |kein\S* |weiter\S* |E\d)\S+ ){{0,3}}?"
       rf"(?:künftig|fortan|erstmals|ab) (?:(?!E\d)\S+ ){{0,6}}?an {O('c')}",
       {"c": "customer", "vd": "vendor"}, 0.7),
    _f("deliver_to_from_now", "customer_change", "new_customer",
       rf"{SC('vd')}(?P<v>beliefert|beliefern|belieferte) {O('c')} (?:(?!nicht |kein\S* |weiter\S* |E\d|seit )\S+ ){{0,3}}?"
       rf"(?:künftig|fortan|erstmals|ab) ",
       {"c": "customer", "vd": "vendor"}, 0.7),
    _f("deliver_to_from_now_end", "customer_change", "new_customer",
       rf"{SC('vd')}(?:soll|sollen|wird|werden|will|wollen) {O('c')} (?:(?!nicht |kein\S* |weiter\S* |E\d)\S+ ){{0,3}}?"
       rf"(?:künftig|fortan|erstmals|ab) (?:(?!E\d)\S+ ){{0,6}}?(?P<v>beliefern|versorgen|ausstatten)",
       {"c": "customer", "vd": "vendor"}, 0.7),
    _f("have_done_by", "customer_change", "new_customer",
       rf"{SC('c')}(?<! und )(?P<v>lässt|ließ|lassen) (?!sich )(?:(?!nicht |kein\S* |mehr |sondern |weiter |weiterhin )\S+ ){{0,10}}?"
       rf"(?:von|vom) {OV('vd')} (?:\S+ ){{0,3}}?{_SERVICE_INF}(?= [.,;:]| und |$)",
       {"c": "customer", "vd": "vendor"}, 0.7),
    # "X verlagert die Produktion von Y zu Z", "X verlegt einen Dienst vom Terminal Y an Z"
    _f("relocate_from_to", "customer_change", "churn",
       rf"{SC('c')}(?P<v>verlagert|verlagerte|verlagern|verlegt|verlegte|verlegen) (?:\S+ ){{0,8}}?(?:von|vom) {OV('vd')} "
       rf"(?:\S+ ){{0,3}}?(?:zu|zum|zur|an|auf|in) {OV('k')}",
       {"c": "customer", "vd": "vendor", "k": "competitor"}, 0.8),
    # "X hat einen Teil der Aufträge von Y zum Konkurrenten Z verlagert"
    _f("relocate_from_to_end", "customer_change", "churn",
       rf"{SC('c')}(?:von|vom) {OV('vd')} (?:\S+ ){{0,3}}?(?:zu|zum|zur|an|auf) {OV('k')} (?:\S+ ){{0,2}}?"
       rf"(?P<v>verlagert|verlegt|verlagern|verlegen|zu verlagern)",
       {"c": "customer", "vd": "vendor", "k": "competitor"}, 0.8),
    # "X verlagert einen großen Teil seiner Infrastruktur in die Cloud von Y", "... hat die Produktion zu Y verlagert"
    _f("relocate_to", "customer_change", "new_customer",
       rf"{SC('c')}(?P<v>verlagert|verlagerte|verlagern) (?:(?!von |vom )\S+ ){{0,8}}?(?:zu|zum|zur|in die|an) {OV('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.7),
    _f("relocate_to_end", "customer_change", "new_customer",
       rf"{SC('c')}(?:(?!von |vom )\S+ ){{0,8}}?(?:zu|zum|zur|in die|an) {OV('vd')} (?P<g2>(?:\S+ ){{0,2}}?)"
       rf"(?P<v>verlagert|zu verlagern|verlagern)",
       {"c": "customer", "vd": "vendor"}, 0.7),
    # "X löst seinen IT-Dienstleister Y ab", "X hat Y als Anbieter abgelöst"
    _f("replace_vendor_ab", "customer_change", "churn",
       rf"{SC('c')}(?P<v>löst|löste|lösen) {OV('vd')} (?:(?!{_STAKE_WORD})\S+ ){{0,4}}?ab(?= [.,;:]| und |$)",
       {"c": "customer", "vd": "vendor"}, 0.75),
    _f("replace_vendor_ab_end", "customer_change", "churn",
       rf"{SC('c')}{OV('vd')} (?P<g2>(?:\S+ ){{0,4}}?)(?P<v>abgelöst|ablösen|abzulösen)",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "X hat mit Y einen Stromliefervertrag unterzeichnet", "X hat einen Liefervertrag mit Y geschlossen",
    # "Y, mit dem X einen Zehnjahresvertrag unterzeichnet hat"
    _f("sign_supply_rel", "customer_change", "new_customer",
       rf"(?P<vd>E\d+) , mit (?:dem|der|denen) (?P<c>E\d+) (?:\S+ ){{0,3}}?{_SUPPLY_DEAL} (?:(?!E\d)\S+ ){{0,8}}?(?P<v>{_SIGN})",
       {"c": "customer", "vd": "vendor"}, 0.75),
    _f("sign_supply_with", "customer_change", "new_customer",
       rf"{SC('c')}mit {OV('vd')} (?:\S+ ){{0,4}}?{_SUPPLY_DEAL} (?:\( (?:\S+ ){{1,4}}?\) )?(?:(?!E\d)\S+ ){{0,8}}?"
       rf"(?P<v>{_SIGN})",
       {"c": "customer", "vd": "vendor"}, 0.75),
    _f("sign_supply_with_obj", "customer_change", "new_customer",
       rf"{SC('c')}(?:\S+ ){{0,3}}?{_SUPPLY_DEAL} (?:(?!E\d)\S+ ){{0,6}}?mit {OV('vd')} "
       rf"(?:(?!E\d)\S+ ){{0,12}}?(?P<v>{_SIGN})",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "X hat mit Y einen mehrjährigen Vertrag über ... abgeschlossen": the signer buys, unless the contract is
    # for a delivery (which the signer may make) or a cooperation.
    _f("sign_contract_with", "customer_change", "new_customer",
       rf"{SC('c')}mit {OV('vd')} (?:(?!E\d)\S+ ){{0,4}}?(?:vertrag|vereinbarung)\S* "
       rf"(?!(?:\S+ ){{0,3}}?(?:lieferung|belieferung|kooperation|zusammenarbeit|partnerschaft|vertrieb|lizenz))"
       rf"(?:(?!E\d)\S+ ){{0,14}}?(?P<v>{_SIGN})",
       {"c": "customer", "vd": "vendor"}, 0.65),
    # "X hat Y als Lieferanten für ... ausgewählt", "X wählt Y als Partner", "Y ist von X nominiert worden"
    _f("pick_as_supplier", "customer_change", "new_customer",
       rf"{SC('c')}(?:(?P<v>wählt|wählte|nominiert|nominierte|bestimmt|bestimmte) )?(?:\S+ ){{0,4}}?{O('vd')} als "
       rf"(?:\S+ )?{_SUPPLIER_N} (?:\S+ ){{0,12}}?(?:(?P<v2>ausgewählt|gewählt|nominiert|bestimmt|auszuwählen)|[.;:]|$)",
       {"c": "customer", "vd": "vendor"}, 0.8),
    _f("picked_by", "customer_change", "new_customer",
       rf"{SC('vd')}(?:ist|wurde|sind|wurden|wird) (?:\S+ ){{0,3}}?(?:von|vom) {O('c')} (?:\S+ ){{0,10}}?"
       rf"(?P<v>nominiert|ausgewählt|beauftragt|ausgesucht)",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # "Y hat einen Auftrag von X gewonnen", "Y haben die Ausschreibung des X gewonnen"
    _f("win_order_end", "customer_change", "new_customer",
       rf"{SC('vd')}(?:\S+ ){{0,3}}?(?:{ORDER_N}|ausschreibung) (?:(?!E\d)\S+ ){{0,3}}?(?:von|vom|der|des|bei|beim) {O('c')} "
       rf"(?P<g2>(?:\S+ ){{0,10}}?)(?P<v>gewonnen|erhalten|bekommen|an land gezogen|ergattert)",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # "X hat den Zuschlag für die Lieferung dem Hersteller Y erteilt"
    _f("grant_award_end_obj", "customer_change", "new_customer",
       rf"{SC('c')}(?:hat|haben|hatte|hatten) (?:\S+ ){{0,2}}?(?:den |einen )(?:\S+ )?(?:zuschlag|auftrag) "
       rf"(?:(?!E\d)\S+ ){{0,12}}?{O('vd')} (?P<v>erteilt)",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # "Den Zuschlag für die Lieferung hat die X dem Hersteller Y erteilt"
    _f("grant_award_fronted", "customer_change", "new_customer",
       rf"(?:^ |[.:;] )(?:den |einen )(?:\S+ )?(?:zuschlag|auftrag) (?:(?!E\d)\S+ ){{0,12}}?(?:hat|hatte|haben|hatten) "
       rf"(?:die |der |das )?(?P<c>E\d+) (?:(?!E\d)\S+ ){{0,3}}?{O('vd')} (?P<v>erteilt)",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # "X hatte Y den Zuschlag für ... erteilt"
    _f("grant_award_end", "customer_change", "new_customer",
       rf"{SC('c')}(?:hat|haben|hatte|hatten) (?:\S+ ){{0,3}}?{O('vd')} (?:\S+ ){{0,4}}?(?:den |einen )?(?:\S+ )?"
       rf"(?:zuschlag|auftrag) (?:\S+ ){{0,12}}?(?P<v>erteilt)",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # "X hat die Lieferung ... an den Wettbewerber Y vergeben", "X prüft, die Überwachung an Y zu vergeben"
    _f("award_any_end", "customer_change", "new_customer",
       rf"{SC('c')}(?:(?!E\d+ (?!- )|nicht )\S+ ){{0,12}}?an {O('vd')} (?P<g2>(?:\S+ ){{0,3}}?)(?P<v>vergeben|zu vergeben)",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "X hat bei Y 34 Turbinen bestellt", "X, der bei Y einen Elektrolyseur bestellt hat"
    _f("order_from_end", "customer_change", "new_customer",
       rf"(?:{SC('c')}|(?P<c2>E\d+) , (?:der|die|das) )(?:bei|beim) {O('vd')} (?P<g2>(?:\S+ ){{0,10}}?)"
       rf"(?P<v>bestellt|geordert|zu bestellen|bestellen|in auftrag gegeben)",
       {"c": "customer", "c2": "customer", "vd": "vendor"}, 0.75),
    # "X ruft bei Y weitere 1.200 Fahrzeuge ab" (a call-off under a contract: more business)
    _f("call_off", "customer_change", "expansion",
       rf"{SC('c')}(?P<v>ruft|rief|rufen) (?:\S+ ){{0,3}}?(?:bei|beim) {O('vd')} (?:(?!weniger )\S+ ){{0,6}}?ab(?= [.,;:]| und |$)",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "X hat einen Auftrag für Turbinen bei Y storniert"
    _f("cancel_order_v2", "customer_change", "churn",
       rf"{SC('c')}(?P<v>storniert|stornierte|stornieren) (?:\S+ ){{0,6}}?(?:bei|beim|an) {OV('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "X zieht sich aus dem Liefervertrag mit Y zurück"
    _f("withdraw_from_deal", "customer_change", "churn",
       rf"{SC('c')}(?P<v>zieht|zog|ziehen) sich (?:\S+ ){{0,2}}?aus (?:\S+ ){{0,3}}?{REL_N}\S* mit {OV('vd')} "
       rf"(?:\S+ ){{0,4}}?zurück",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "X will Y zwar weiter nutzen, aber nur noch für ...", "X nutzt Y nur noch in zwei Werken"
    _f("keep_but_less", "customer_change", "reduction",
       rf"{SC('c')}(?:(?P<v1>nutzt|nutzte|setzt|bezieht) )?{OV('vd')} (?:zwar |dagegen |auch )*(?:weiter|weiterhin) "
       rf"(?:\S+ ){{0,2}}?(?:nutzen|einsetzen|beziehen|ein) , (?:\S+ ){{0,1}}?(?:allerdings|aber|jedoch|doch) "
       rf"(?:\S+ ){{0,2}}?(?:nur noch|in (?:geringerem|kleinerem|reduziertem|deutlich geringerem) umfang|weniger)",
       {"c": "customer", "vd": "vendor"}, 0.8, "continuing"),
    _f("use_only_still", "customer_change", "reduction",
       rf"{SC('c')}(?P<v>nutzt|nutzte|setzt|setzte|bezieht|bezog) {OV('vd')} (?:(?!E\d)\S+ ){{0,8}}?nur noch",
       {"c": "customer", "vd": "vendor"}, 0.75, "continuing"),
    # Retail listings: "X nimmt Y ins Sortiment", "X nimmt Y aus dem Sortiment", "X hat Y ausgelistet"
    _f("listing_in", "customer_change", "new_customer",
       rf"{SC('c')}(?P<v>nimmt|nahm|nehmen|listet|listete) (?:\S+ ){{0,4}}?{OV('vd')} (?:\S+ ){{0,8}}?"
       rf"(?:ins sortiment|in das sortiment|in (?:allen|den|seinen|ihren) (?:\S+ ){{0,3}}?(?:filialen|märkten|geschäften))",
       {"c": "customer", "vd": "vendor"}, 0.75),
    _f("listing_out", "customer_change", "churn",
       rf"{SC('c')}(?:(?P<v>nimmt|nahm|nehmen|wirft|warf) )?(?:\S+ ){{0,4}}?{OV('vd')} (?:\S+ ){{0,8}}?"
       rf"aus (?:dem|den|ihrem|seinem|ihren|seinen) (?:\S+ )?(?:sortiment|regalen|angebot)"
       rf"(?: (?P<v2>genommen|nehmen|zu nehmen|geworfen|werfen))?",
       {"c": "customer", "vd": "vendor"}, 0.8),
    _f("delisted", "customer_change", "churn",
       rf"{SC('c')}(?:(?P<v1>listet|listete) (?:\S+ ){{0,4}}?{OV('vd')} (?:\S+ ){{0,8}}?aus|"
       rf"(?:\S+ ){{0,4}}?{OV('vd2')} (?:\S+ ){{0,8}}?(?P<v>ausgelistet|auslisten|auszulisten))(?= [.,;:]| und |$)",
       {"c": "customer", "vd": "vendor", "vd2": "vendor"}, 0.75),
    # Spend: "X zahlt Y 40 Millionen Euro im Jahr", "X gibt 14 Millionen Euro für Y aus",
    # "X ist mit 25 Millionen Euro einer der größten Kunden von Y"
    _f("spend_pays", "spend", "spend",
       rf"{S('c')}(?P<v>zahlt|zahlte|zahlen) (?:\S+ ){{0,1}}?{O('vd')} (?:\S+ ){{0,3}}?(?P<m>M\d+)",
       {"c": "customer", "vd": "vendor"}, 0.5, "no_background"),
    _f("spend_gives", "spend", "spend",
       rf"{S('c')}(?P<m>M\d+) (?:\S+ ){{0,3}}?für (?:\S+ ){{0,3}}?{OV('vd')} (?:\S+ ){{0,2}}?"
       rf"(?:aus|auszugeben|ausgeben|ausgegeben)",
       {"c": "customer", "vd": "vendor"}, 0.5, "no_background"),
    _f("spend_gives_inv", "spend", "spend",
       rf"(?P<v>gibt|gab|zahlt|zahlen|zahlte) (?P<c>E\d+) (?:\S+ ){{0,3}}?(?P<m>M\d+) (?:\S+ ){{0,3}}?für {OV('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.5, "no_background"),
    _f("spend_for_pays", "spend", "spend",
       rf"für (?:\S+ ){{0,6}}?(?P<vd>E\d+) (?:- \S+ )?(?P<v>zahlen|zahlt|zahlte) (?:\S+ ){{0,1}}?(?P<c>E\d+) "
       rf"(?:\S+ ){{0,2}}?(?P<m>M\d+)",
       {"c": "customer", "vd": "vendor"}, 0.5, "no_background"),
    _f("spend_biggest", "spend", "spend",
       rf"{S('c')}(?:ist|war) mit (?:\S+ ){{0,5}}?(?P<m>M\d+) (?:\S+ ){{0,6}}?kunden (?:von|des|der) {O('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.5, "no_background"),
    # A contract's winner told after its customer ("Die Stadt X schreibt die Müllabfuhr neu aus. ... Den Zuschlag
    # erhält Y"): the customer is the one of the customer change told just before (`refine_hits`). Last in the
    # list, so that a reading that names the customer wins.
    _f("award_goes_to", "customer_change", "new_customer",
       rf"(?:^ |[.:;] |, )(?:den |der |die |das )?(?:\S+ )?{_AWARD_N} (?:(?!E\d)\S+ ){{0,10}}?"
       rf"(?P<v>erhält|erhielt|bekommt|bekam|übernimmt|übernahm|geht|ging|gehen|gingen|gewinnt|gewann) "
       rf"(?:(?!E\d)\S+ ){{0,3}}?(?:an )?{O('vd')}",
       {"vd": "vendor"}, 0.7, "implicit_customer"),
    _f("award_goes_to_end", "customer_change", "new_customer",
       rf"(?:^ |[.:;] )(?:den |der |die |das )?(?:\S+ )?{_AWARD_N} (?:(?!E\d)\S+ ){{0,10}}?"
       rf"(?:hat|haben|hatte|soll|sollen|wird|habe|dürfte) (?:sich )?(?:(?!E\d)\S+ ){{0,5}}?{O('vd')} (?:(?!E\d)\S+ ){{0,4}}?"
       rf"(?P<v>erhalten|bekommen|übernehmen|gewonnen|gesichert)",
       {"vd": "vendor"}, 0.7, "implicit_customer"),
    # "Hier geht der Zuschlag für alle Lose an den Hersteller Y"
    _f("award_goes_to_v1", "customer_change", "new_customer",
       rf"(?:^ |[.:;] |, )(?:\S+ )?(?P<v>geht|ging|gehen|gingen) (?:der |die |das )?(?:\S+ )?{_AWARD_N} "
       rf"(?:(?!E\d)\S+ ){{0,10}}?an {O('vd')}",
       {"vd": "vendor"}, 0.7, "implicit_customer"),
    _f("award_passive_to", "customer_change", "new_customer",
       rf"{_AWARD_N} (?:(?!E\d)\S+ ){{0,10}}?(?:wurde|wird|werde|ist|soll|sollen|wurden|werden|hat|haben) "
       rf"(?:(?!E\d)\S+ ){{0,8}}?an {O('vd')} (?:(?!E\d)\S+ ){{0,4}}?(?P<v>vergeben|erteilt|übertragen|zu vergeben)",
       {"vd": "vendor"}, 0.7, "implicit_customer"),
    _f("new_operator", "customer_change", "new_customer",
       rf"(?:^ |[.:;] )neue[rs]? (?:\S+ )?\S*(?:betreiber|dienstleister|lieferant|anbieter|caterer|versorger|ausrüster|"
       rf"zulieferer|partner)\S* (?:\S+ ){{0,3}}?(?P<v>wird|ist|soll|werde|sei|wurde) (?:\S+ ){{0,2}}?{O('vd')}",
       {"vd": "vendor"}, 0.7, "implicit_customer"),
)

_P = re.compile

CUES = Cues(
    status=(
        ("denied", _P(r" (?:dementi\S*|weist (?:\S+ ){0,5}?zurück|wies (?:\S+ ){0,5}?zurück|zurückgewiesen|"
                      r"bestreitet|bestritt|bestritten|(?:ist|sei) falsch|keine (?:gespräche|verhandlungen)) ")),
        ("cancelled", _P(r" (?:abgesagt|sagt (?:\S+ ){0,4}?ab|sagte (?:\S+ ){0,4}?ab|geplatzt|platzt|gescheitert|"
                         r"scheitert|verzichtet auf|verzichtete auf|verzichten auf|abgebrochen|zurückgezogen|"
                         r"abgeblasen|aufgegeben|untersagt|gestoppt|gekippt|abgesprungen|abgelehnt|zurückgenommen|"
                         r"nimmt (?:\S+ ){0,8}?zurück|nahm (?:\S+ ){0,8}?zurück|nicht vollzogen|"
                         r"(?:kommt|kam|kommen) (?:\S+ ){0,3}?nicht zustande|nicht zustande gekommen|"
                         r"(?:gespräche|verhandlungen|verkaufsprozess|bieterverfahren) (?:\S+ ){0,14}?"
                         r"(?:beendet|eingestellt)) ")),
        ("considering", _P(r" (?:erwägt|erwägen|erwog|erwogen|prüft|prüfen|prüfte|überlegt|überlegungen|"
                           r"denkt (?:\S+ ){0,10}?nach|nachdenken|sondiert|sondieren|liebäugelt|"
                           r"lotet (?:\S+ ){0,10}?aus|auszuloten|ausloten|"
                           r"spielt mit dem gedanken|mögliche[sn]? (?:angebot|übernahme|kauf|einstieg)) ")),
        ("considering", _P(r" (?:in gesprächen|gespräche über|gespräche mit|verhandelt|verhandeln|verhandlungen|"
                           r"im gespräch|führen gespräche) ")),
        ("reported", _P(r" (?:laut (?:\S+ ){0,2}?(?:insidern|insider|kreisen|berichten|medienberichten|"
                        r"informationen|SRC)|(?:medien)?berichten zufolge|dem bericht zufolge|unter berufung auf|"
                        r"vertraute[n]? personen|mit der sache vertraut\S*|nach informationen|"
                        r"(?:berichtet|berichtete|berichten|meldet|meldete|schreibt|schrieb) (?:\S+ ){0,3}?SRC|"
                        r"SRC (?:berichtet|berichtete|meldet|meldete|schreibt|schrieb)|offenbar|angeblich|"
                        r"insidern?|\S+kreisen|gerüchte\S*|spekuliert|soll(?:en)? (?:\S+ ){0,12}?\S+(?:t|en) haben|"
                        r"nicht bestätigt|keine (?:offizielle )?bestätigung|bestätigung steht (?:noch )?aus) ")),
        ("announced", _P(r" (?:angekündigt|kündigt (?:\S+ ){0,3}?an|kündigte (?:\S+ ){0,3}?an|teilte (?:\S+ ){0,4}?mit|"
                         r"mitteilte[n]?|mitgeteilt|bestätigt\S*|vereinbart\S*|unterzeichnet\S*|bekanntgegeben|"
                         r"gaben (?:\S+ ){0,3}?bekannt|einigten sich|haben sich geeinigt) ")),
    ),
    confirmed=_P(r"(?<!nicht )(?<!keine )(?<!offizielle )(?:bestätigten|bestätigte|bestätigt|offiziell mitgeteilt) "),
    completed=_P(r" (?:abgeschlossen|vollzogen|unter dach und fach|gehört jetzt|gehört nun) (?!werden|sein|wird|soll)"),
    # Participles and simple past. Forms that are also present tense ("verkauft", "beauftragt",
    # "investiert", "geht", "gewinnt") are left out: they say nothing about completion.
    past_verb=_P(r" (?:(?!geht|gewinnt|gehört|gelingt|gilt|gelten|genügt)ge\S+(?:t|en)|übernommen|übernahm|"
                 r"erworben|erwarb|kaufte|schluckte|übernahmen|kauften|veräußerte|verkaufte|eingestiegen|stieg|"
                 r"sammelte|holte|erhielt|gewann|beauftragte|vergab|abgeschlossen|eingesammelt|"
                 r"verlängert und erweitert|fusionierten|verschmolzen) "),
    perfect=_P(r" (?:hat|haben|hatte|hatten|habe) "),
    modal=_P(r" (?:will|wollen|wolle|wollte|soll|sollen|solle|wird|werden|würde|würden|plant|plane|planen|"
             r"möchte|könnte|könnten|dürfte|erwägt|prüft|zu|wolle|beabsichtigt|strebt) "),
    negation=_P(r" (?:nicht|kein|keine|keinen|keinem|nie|niemals|weder) "),
    musing=_P(r" (?:sollte|sollten|müsste|müssten|empfiehlt|empfahl|rät|riet) "),
    price_before=_P(r"(?: für| zu| über| von| in höhe von| rund| etwa| knapp| gut| mehr als| bis zu| insgesamt|"
                    r" zahlt| zahlte| zahlen| investiert| stecken| umgerechnet| schwer| volumen von) $"),
    not_price_before=_P(r"(?:bewert\S*|börsenwert|marktwert|wert von|umsatz|umsätze|erlöse|gewinn|verlust|ergebnis|"
                        r"schulden|kredite?|budget|auftragsbestand|bilanzsumme|vermögen|kapitalanlagen|prognose|"
                        r"setzte|setzt|mittel|barmittel|garantie|jahresumsatz|einsparen|sparprogramm|vorauszahlung|"
                        r"investitionen|aufschlag|bisher|bislang|zuvor|zuletzt|damals) "
                        r"(?:(?:von|auf|rund|etwa|knapp|gut|mehr als|über|zuletzt|der|die|das|den|dem|einem|einen|"
                        r"einer|eine|bis zu|insgesamt|um|im|jahr|jährlich|nun|inzwischen|auf) )*$"),
    background=_P(r"(?:(?<!bis )(?<!ab )(?<!ende )(?<!anfang )(?<!mitte )(?<!zwischen )(?<!und )(?<!seit )"
                  r"(?<!frühestens )(?<!spätestens )(?<!bis zum jahr )(?:19|20)\d\d(?! und| bis)|"
                  r"im vergangenen jahr|vergangenen jahres|vor (?:\S+ )?jahren|im vorjahr|damals|seinerzeit|"
                  r"bisher insgesamt|bislang insgesamt)"),
    # A supply relationship's background is its past, not any year: "für 2027", "im ersten Halbjahr 2027",
    # "zum Sommer 2027" date the change itself; nor last year ("hat seine Abnahme im vergangenen Jahr um ein
    # Drittel zurückgefahren" is a customer's recent cut, the story of a supplier's year).
    relationship_background=_P(r"(?:(?<!bis )(?<!ab )(?<!ende )(?<!anfang )(?<!mitte )(?<!zwischen )(?<!und )(?<!seit )"
                               r"(?<!frühestens )(?<!spätestens )(?<!bis zum jahr )(?<!für )(?<!halbjahr )(?<!quartal )"
                               r"(?<!zum )(?<!jahresende )(?<!geschäftsjahr )(?<!saison )(?<!sommer )(?<!herbst )"
                               r"(?<!frühjahr )(?<!winter )(?<!januar )(?<!februar )(?<!märz )(?<!april )(?<!mai )"
                               r"(?<!juni )(?<!juli )(?<!august )(?<!september )(?<!oktober )(?<!november )"
                               r"(?<!dezember )(?<!weitere )(?<!zusätzliche )(?<!rund )(?<!etwa )(?<!knapp )(?<!über )(?<!als )"
                               r"(?<!insgesamt )(?:19|20)\d\d(?! und| bis)|"
                               r"vor (?:\S+ )?jahren|damals|seinerzeit|"
                               r"bisher insgesamt|bislang insgesamt)"),
    majority=_P(r" (?:mehrheit\S*|sämtliche[nrs]?|alle[nr]? anteile|komplett\S*|vollständig\S*|gesamte[nm]?) "),
    partial=_P(r" (?:teile|teil|einen teil|einzelne) "),
)

# A public body's name opens with its kind ("Stadt Würzburg", "Landkreis Harburg", "Land Niedersachsen"), and
# the article calls it by that kind or by its council ("die Stadt", "der Stadtrat", "der Kreistag"); these
# heads refer only to a body so named (Grammar.named_only).
_KIND_HEADS = {
    "stadt": ("stadt", "stadtrat", "stadtrats", "stadtverwaltung", "rathaus", "magistrat", "gemeinderat",
              "gemeinderats"),
    "landkreis": ("landkreis", "landkreises", "kreis", "kreises", "kreistag", "kreistags", "kreisverwaltung",
                  "landratsamt"),
    "kreis": ("kreis", "kreises", "kreistag", "kreistags", "kreisverwaltung"),
    "gemeinde": ("gemeinde", "gemeinderat", "gemeinderats", "gemeindeverwaltung"),
    "land": ("land", "landes", "landesregierung"),
    "freistaat": ("freistaat", "freistaats", "land", "landes", "landesregierung"),
    "kanton": ("kanton", "kantons", "regierungsrat", "regierungsrats"),
    "bezirk": ("bezirk", "bezirks"),
}
_BODY_HEADS = "stadtrat|gemeinderat|kreistag|stadtverwaltung|kreisverwaltung|landratsamt|landesregierung|regierungsrat|land"
# Definite descriptions that refer back to a company: "der Konzern", "das Unternehmen",
# "der Münchner Technologiekonzern", "des Chipherstellers" (not followed by the name itself); the
# head alone is capitalised ("der Versicherer"), inside a compound it is not ("der Kaffeeröster").
_HEADS = (rf"(?:{DESCRIPTOR_HEADS}|stadtwerke|versorger|bahn|firma|gesellschaft|dienstleister|"
          rf"hersteller|anbieter|händler|landkreis|stadt|gemeinde|kanton|verbund|klinikum|kommune|freistaat|"
          rf"{_BODY_HEADS})")
GRAMMAR = Grammar(
    description=re.compile(
        rf"\b(?:[Dd](?:er|ie|as|es|em|en))\s+(?:(?P<ord>erste[nmrs]?|zweite[nmrs]?|letztere[nmrs]?|"
        rf"erstere[nmrs]?)\s+)?(?!beiden\b)(?:(?!(?:und|oder|von|in|mit|für)\b)[\w\-]+\s+){{0,2}}?"
        rf"(?:[\w\-]*{_HEADS}|(?i:{_HEADS}))(?:s|es|n|en|in)?\b(?![\-]|\s+[{UPPER}0-9]|\s+\(|\s+und\s+)"
    ),
    pronoun=re.compile(r"\b(?:[Ee]r|[Ss]ie)\b(?! (?:alle|beide|selbst)\b)"),
    ordinal_first=frozenset({"erste", "ersten", "erster", "erstere", "ersteren"}),
    ordinal_last=frozenset({"zweite", "zweiten", "zweiter", "letztere", "letzteren"}),
    subject_left=re.compile(
        r"(?:^|[,;:–—(„\"]\s*|\b(?!(?:mit|von|vom|bei|beim|an|am|für|zu|zum|zur|aus|auf|in|im|über|gegen|durch|"
        r"als|statt|des|der|den|dem|die|das|ein|eine|einen|einem|einer|eines)\b)[a-zäöüß]+\s+)"
        r"(?:(?:[Dd]er|[Dd]ie|[Dd]as)\s+(?:[\w\-]+\s+){0,3}?)?$"
    ),
    find_names=find_names_de,
    indefinite_article=False,
    company_before=re.compile(rf"\b[{UPPER}][\w\-]*(?:{DESCRIPTOR_HEADS})\s+$"),
    kind_heads=_KIND_HEADS,
    named_only=frozenset(h for heads in _KIND_HEADS.values() for h in heads),
)


_UNIT_WORD = re.compile(rf"\b{UNIT}\b")


# --- verb second: the subject after the verb ---------------------------------------------
# A German main clause puts its finite verb second; when something else opens it ("Gleichzeitig baut
# X die Zusammenarbeit mit Y aus", "Nach Informationen des Handelsblatts will X Y übernehmen", "Wie X
# mitteilte, kündigt Y den Vertrag"), the subject follows the verb. The frames read a subject before
# its verb, so such a clause is read a second time with the two swapped. The finite verbs: every
# one-word verb form of the frames, and the auxiliaries.
def _verb_forms() -> frozenset[str]:
    words: set[str] = set(re.findall(r"[a-zäöüß]+", AUX))
    for f in FRAMES:
        for group in re.findall(r"\(\?P<v\d?>((?:[^()]|\([^()]*\))*)\)", f.pattern.pattern):
            words.update(w for w in group.split("|") if re.fullmatch(r"[a-zäöüß]+", w))
    # participles, infinitives with "zu" and particles ("ab", "zurück") open no main clause
    return frozenset(w for w in words if not w.startswith("ge") and not re.search(r".zu", w)
                     and w not in ("ab", "an", "aus", "ein", "zurück"))


_FINITE = "|".join(sorted(_verb_forms(), key=len, reverse=True))
# The clause opener: up to six words that are no company or person, at the sentence start or after a colon
# or semicolon; or a subordinate clause ended by a comma ("wie E2 mitteilte ,"). Between the verb and its
# subject: an adverb, and an article with adjectives or a descriptor ("erhält demnach der US-Konzern E1").
_INVERTED = re.compile(
    rf"(?:^|(?<= [;:]))(?P<pre> (?:(?!E\d|PER |, )\S+ ){{1,6}}?|(?<=^) (?:wie|nachdem|da|weil|obwohl|sobald|"
    rf"während|wenn|als) (?:(?!, )\S+ ){{1,20}}?, )(?P<v>{_FINITE}) (?:(?:demnach|nun|jetzt|damit|dann|bereits|auch|zudem|"
    rf"ebenfalls|erstmals|künftig) )?(?:(?:der|die|das) (?:(?!d[eia][rsnm]? |ein)\S+ ){{0,2}}?)?(?P<s>E\d+) ")


def subject_first(shadow: str) -> str | None:
    """Returns the shadow with the subject of a verb-second clause moved before its verb
    (" gleichzeitig baut E1 die zusammenarbeit mit E2 aus " -> " gleichzeitig E1 baut die
    zusammenarbeit mit E2 aus "), or None when no clause of it opens that way."""
    out = _INVERTED.sub(lambda m: f"{m.group('pre')}{m.group('s')} {m.group('v')} ", shadow)
    return out if out != shadow else None


_DONE_CHANGE = re.compile(r"\b(?:hat|haben|hatte|hatten)\b.*\b(?:ausgelistet|beendet|reduziert|gekürzt|halbiert|"
                          r"zurückgefahren|eingestellt|gestoppt|storniert|abgezogen|verlagert|gesenkt|verringert)\b")
_NOT_DONE = re.compile(r"\b(?:will|wollen|soll|sollen|wird|werden|plant|planen|könnte|dürfte|zum jahresende|ende des jahres|"
                       r"ab \S+|künftig)\b")


def refine_hits(hits: list[Hit], topic: str | None = None) -> list[Hit]:
    """Returns the hits with German sentence-spanning details joined to the event they belong to.

    - "Angeführt wurde die Runde von X" (investor only) joins the funding round of the
      latest investment hit before it that names no investor;
    - "X zahlt für Y 1,25 Mrd. Euro" (a price) gives its amount to the deal of the same
      buyer that states none;
    - "X trennt sich von seiner Sparte" (seller only) gives the seller to the sale of a
      unit told in the next two sentences ("Die Sparte Y geht an Z");
    - "Den Zuschlag erhält Y" (winner only) takes the customer of the customer change told
      just before, or else `topic`, the company the article names most.
    Frames flagged "unit_or_target" need a named target or a unit noun.
    """
    out: list[Hit] = []
    for h in hits:
        if "unit_or_target" in h.frame.flags and "target" not in h.roles and not _UNIT_WORD.search(h.evidence.lower()):
            continue
        if "lead_only" in h.frame.flags:
            prev = next((p for p in reversed(out) if p.frame.family == "deal" and p.subtype == "investment"
                         and "acquirer" not in p.roles and "target" in p.roles), None)
            if prev is None:
                continue
            h.roles = {**h.roles, "target": prev.roles["target"]}
        out.append(h)
    # A contract's winner without its customer takes the customer of the customer change told in the
    # sentences just before it; with none there, the company the article is about (`topic`: the one it
    # names most), when that is not the winner itself.
    told = out
    out = []
    for h in told:
        if "implicit_customer" in h.frame.flags:
            prev = next((p for p in reversed(out) if p.frame.family == "customer_change" and p.roles.get("customer")
                         and h.sentence - 3 <= p.sentence <= h.sentence
                         and p.roles["customer"] != h.roles.get("vendor")), None)
            if prev is not None:
                h.roles = {**h.roles, "customer": prev.roles["customer"]}
            elif topic is not None and topic != h.roles.get("vendor"):
                h.roles = {**h.roles, "customer": topic}
                h.flags = h.flags | {"topic_customer"}
            else:
                continue
        out.append(h)
    # "X löst Y ab und vergibt den Betrieb an Z": the joined clause's buyer is X, never the supplier X drops.
    for h in out:
        if h.frame.family == "customer_change" and h.subtype == "new_customer":
            drop = next((d for d in out if d.sentence == h.sentence and d.frame.family == "customer_change"
                         and d.subtype in ("churn", "reduction") and d.roles.get("vendor") == h.roles.get("customer")
                         and d.roles.get("customer") not in (None, h.roles.get("vendor"))), None)
            if drop is not None:
                h.roles = {**h.roles, "customer": drop.roles["customer"]}
    prices = [h for h in out if h.frame.family == "price"]
    out = [h for h in out if h.frame.family != "price"]
    for pr in prices:
        deal = next((d for d in out if d.frame.family == "deal" and d.roles.get("acquirer") == pr.roles.get("acquirer")
                     and pr.roles.get("target") in (None, d.roles.get("target"))), None)
        if deal is None or pr.amount is None:
            continue
        if deal.amount is None or deal.amount_strength < 2:
            deal.amount, deal.amount_strength = pr.amount, 2
        if deal.stake_pct is None and pr.stake_pct is not None:
            deal.stake_pct = pr.stake_pct
    # A German clause keeps hedges inside the frame's span ("will Medienberichten zufolge
    # den Konkurrenten Y kaufen"): a hit whose status nothing stated reads its whole sentence.
    for h in out:
        if not h.explicit and h.status == "announced" and h.frame.family != "anaphor":
            words = " " + " ".join(re.findall(r"[\w][\w\-]*|[^\w\s]", h.evidence.lower())) + " "
            for status, pat in CUES.status:
                if status != "announced" and pat.search(words):
                    h.status, h.explicit = status, True
                    break
    # A contract won, awarded or widened is told in the perfect ("hat den Auftrag vergeben", "hat X als Kunden
    # gewonnen") when it is signed: it starts ahead, so it is announced (labelling.md), not completed.
    for h in out:
        if h.frame.family == "customer_change" and h.subtype in ("new_customer", "expansion") and h.status == "completed":
            h.status = "announced"
    # A drop or a cut told in the perfect has taken effect ("hat die Produkte ausgelistet", "hat seine Abrufe
    # reduziert"); a notice given ("hat gekündigt") ends the contract later.
    for h in out:
        if h.frame.family == "customer_change" and h.subtype in ("churn", "reduction") and h.status == "announced" \
                and _DONE_CHANGE.search(h.evidence.lower()) and not _NOT_DONE.search(h.evidence.lower()):
            h.status = "completed"
    kept: list[Hit] = []
    for i, h in enumerate(out):
        if h.frame.family == "deal" and h.subtype == "divestiture" and set(h.roles) == {"seller"}:
            nxt = next((n for n in out[i + 1:] if n.subtype == "divestiture" and "seller" not in n.roles
                        and 0 <= n.sentence - h.sentence <= 2 and "target" in n.roles), None)
            if nxt is not None:
                nxt.roles = {"seller": h.roles["seller"], **nxt.roles}
                continue
            # The same seller's sale told in full elsewhere: this sentence adds nothing.
            if any(o is not h and o.subtype == "divestiture" and o.roles.get("seller") == h.roles["seller"]
                   and len(o.roles) > 1 for o in out):
                continue
        kept.append(h)
    return kept


# --- anaphora: sentences that add a status or an amount to an event told before ----------
# German often gives the price in a sentence of its own that names no party: "Der Kaufpreis liegt
# bei 148 Millionen Euro." "Das Geschäft ist rund 14,3 Milliarden Dollar schwer." "Die Übernahme
# ist abgeschlossen." Only sentences that state no event of their own are read this way.
_DE_DET = r"(?:der|die|das|den|dem|des|diese[rsmn]?|ihre[rsmn]?|seine[rsmn]?)"
_DE_DEAL_NOUN = (r"(?:übernahme|transaktion|deal|kauf|zukauf|erwerb|verkauf|fusion|zusammenschluss|beteiligung|"
                 r"einstieg|investition|finanzierungsrunde|runde|angebot|übernahmeangebot|kaufangebot|"
                 r"gemeinschaftsunternehmen|joint venture|veräußerung|abspaltung|geschäft)\S*")
_DE_CONTRACT_NOUN = (r"(?:auftrag|aufträge|vertrag|verträge|rahmenvertrag|vereinbarung|zuschlag|bestellung|order|"
                     r"kooperation|zusammenarbeit|partnerschaft|mandat|ausschreibung)\S*")
_DE_BOTH_NOUN = rf"(?:{_DE_DEAL_NOUN}|{_DE_CONTRACT_NOUN})"
_DE_ABOUT = (r"(?:rund |etwa |ungefähr |gut |knapp |fast |nahezu |bis zu |mehr als |über |insgesamt |zusammen |"
             r"gemeinsam |geschätzt |geschätzte |angeblich |ca\. |zirka |circa )*")
# A price per share ("45 Euro je Aktie") is no deal's price.
_PER_SHARE = r"(?!(?:\S+ )?(?:je|pro) (?:aktie|anteil|anteilsschein|papier|stück))"
# Words that make a later participle no fact: "soll ... abgeschlossen werden", "ist noch nicht abgeschlossen".
_DE_NOT_YET = r"(?:(?!nicht |noch |kein\S* |erst |soll\S* |werden |wird |dürfte |könnte |bis |sobald |wenn )\S+ )"
ANAPHORA: tuple[Anaphor, ...] = (
    # "Der Kaufpreis liegt bei M0", "Der Transaktionswert beläuft sich auf M0"
    Anaphor("price_noun", ("deal",), re.compile(
        rf" (?:kaufpreis|übernahmepreis|transaktionswert|transaktionsvolumen|kaufsumme|preis|gesamtpreis)\S* "
        rf"(?:\S+ ){{0,8}}?{_DE_ABOUT}(?P<m>M\d+) {_PER_SHARE}")),
    # "Der Auftragswert liegt bei rund M0", "Das Auftragsvolumen beträgt M0"
    Anaphor("order_value", ("customer_change", "deal"), re.compile(
        rf" (?:auftragswert|auftragsvolumen|vertragsvolumen|vertragswert|gesamtvolumen|volumen|gesamtwert)\S* "
        rf"(?:\S+ ){{0,8}}?{_DE_ABOUT}(?P<m>M\d+) {_PER_SHARE}")),
    # "Das Geschäft ist rund M0 schwer", "Der Auftrag ist M0 wert"
    Anaphor("worth", ("deal", "customer_change"), re.compile(
        rf" (?:{_DE_DET} )?(?:\S+ ){{0,2}}?{_DE_BOTH_NOUN} (?:\S+ ){{0,6}}?{_DE_ABOUT}(?P<m>M\d+) (?:schwer|wert) ")),
    # "Der Auftrag im Wert von M0", "ein Vertrag mit einem Volumen von M0", "in Höhe von M0"
    Anaphor("noun_of_amount", ("deal", "customer_change"), re.compile(
        rf" {_DE_BOTH_NOUN} (?:\S+ ){{0,4}}?(?:im (?:gesamt)?wert von|mit einem (?:\S+ )?(?:volumen|wert) von|"
        rf"in höhe von|über) {_DE_ABOUT}(?P<m>M\d+) ")),
    # "Die Dänen hatten M0 für das Familienunternehmen geboten", "X zahlt M0"
    Anaphor("paid", ("deal",), re.compile(
        rf" (?:zahlt|zahlte|zahle|zahlen|zahlten|bietet|bot|biete|boten|bieten|legt|legte|lege|legen|legten) "
        rf"(?:\S+ ){{0,6}}?{_DE_ABOUT}(?P<m>M\d+) {_PER_SHARE}")),
    Anaphor("paid_participle", ("deal",), re.compile(
        rf" {_DE_ABOUT}(?P<m>M\d+) {_PER_SHARE}(?:\S+ ){{0,6}}?(?:geboten|gezahlt|bezahlt|hingeblättert|"
        rf"auf den tisch gelegt) ")),
    # "Beide Partner investieren zusammen M0"
    Anaphor("partners_invest", ("deal",), re.compile(
        rf" (?:beide|die beiden|die (?:drei |zwei )?partner|die unternehmen|die partnerunternehmen) "
        rf"(?:\S+ ){{0,2}}?(?:investieren|investierten|stecken|steckten|bringen|brachten|wollen|sollen|werden) "
        rf"(?:\S+ ){{0,4}}?{_DE_ABOUT}(?P<m>M\d+) ")),
    # "Die Übernahme ist abgeschlossen", "Der Verkauf wurde am Freitag vollzogen"
    Anaphor("completed_noun", ("deal", "customer_change"), re.compile(
        rf" {_DE_DET} (?:\S+ ){{0,3}}?{_DE_BOTH_NOUN} (?:\S+ ){{0,6}}?(?:ist|wurde|sind|wurden) {_DE_NOT_YET}{{0,4}}?"
        rf"(?:abgeschlossen|vollzogen|vollendet|perfekt|unter dach und fach) "), "completed"),
    # "Die Übernahme ist geplatzt", "Der Deal wurde abgesagt"
    Anaphor("cancelled_noun", ("deal",), re.compile(
        rf" {_DE_DET} (?:\S+ ){{0,3}}?{_DE_DEAL_NOUN} (?:\S+ ){{0,6}}?(?:(?:ist|sind|wurde|wurden) (?:\S+ ){{0,3}}?"
        rf"(?:geplatzt|gescheitert|abgesagt|abgeblasen|gestoppt|untersagt|aufgegeben)|platzt|scheitert) "),
        "cancelled"),
    # "Das berichtet die «Handelszeitung» unter Berufung auf Insider": the event just told is reported
    Anaphor("reported_by", ("deal", "customer_change"), re.compile(
        r"^ (?:das|dies|dies alles) (?:\S+ ){0,2}?(?:berichtet|berichtete|berichten|berichteten|meldet|meldete|"
        r"schreibt|schrieb|erfuhr|erfahren) "), "reported"),
    # "Das Unternehmen dementierte den Bericht", "Berichte ... wies ein Sprecher zurück"
    Anaphor("denial", ("deal", "customer_change"), re.compile(
        r" (?:dementier\S*|(?:bericht|gerücht|spekulation|meldung|darstellung)\S* (?:\S+ ){0,8}?"
        r"(?:zurückgewiesen|zurück|bestritten)|entbehr\S* jeder grundlage) "), "denied"),
)
# Cheap tests on the lower-cased sentence before its shadow is built for ANAPHORA: a status word,
# or a number (the caller checks) and a word that can carry a price.
ANAPHOR_HINT = re.compile(r"abgeschlossen|vollzogen|vollendet|perfekt|dach und fach|geplatzt|gescheitert|abgesagt|"
                          r"abgeblasen|gestoppt|untersagt|aufgegeben|platzt|scheitert|dementi|zurück|bestr|grundlage|bericht|"
                          r"meldet|schreibt|schrieb|erfuhr|erfahren")
ANAPHOR_AMOUNT_HINT = re.compile(r"preis|wert|volumen|summe|schwer|zahl|biet|bot|leg|geboten|investier|steck|"
                                 r"bring|höhe|über")
