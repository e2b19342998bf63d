"""English frames: how English news states deals and customer changes.

Each frame is a regex over the sentence shadow (see `extract.frames`): E-markers
are companies, M amounts, P percentages. Frames come in order of specificity:
when two frames read the same clause, the earlier one wins.

Slots used below:
  S(x)   a company in subject position, followed by the words up to the verb
         (group "g": auxiliaries, adverbs, "has agreed to", "is in talks to")
  O(x)   a company in object position (a short article/descriptor may precede it)
"""

from __future__ import annotations

import re

from extract.frames import Anaphor, Cues, Frame
from extract.mentions import Grammar

__all__ = ["FRAMES", "CUES", "GRAMMAR", "LANGUAGE", "ANAPHORA", "ANAPHOR_HINT", "ANAPHOR_AMOUNT_HINT"]

LANGUAGE = "en"

# Words that may stand between a subject and its verb: not another company, person or
# clause break. Eight words cover "has said on Monday that it had agreed to".
# (A participle clause, ", trimming its reliance on Y", belongs to the main clause's subject, not to
# a company just before it: extract.events reads it with that subject.)
# ("X's most important customer has cut ...": the customer is the subject, not X.)
_GAP = (r"(?P<g>(?:(?!E\d+ (?!'s )|PER |SRC |; |: |which |who |whose |whereas |but |, \S+ing |, \S+s (?:\S+ )?E\d|"
        r"'s (?:\S+ ){0,3}?(?:customers?|clients?|suppliers?|rivals?|parent|owner|shareholders?|investors?) )\S+ ){0,14}?)")


# An apposition after an object: ", the butter maker it owns jointly with farmers,".
_APPOS = r"(?:, (?:(?!, )\S+ ){1,16}?, )?"


# Nouns that name another party after a possessive: "X's parent", "X's largest customer".
_RELATION_WORDS = (r"(?:parent|owner|owners|shareholders?|investors?|founders?|rivals?|customers?|clients?|"
                   r"suppliers?|partners?|lenders?|creditors?|backers?|buyer|seller|bidder|suitor)")


# A customer with its vendor in an apposition or a relative clause, then the subject gap.
_REL_CUSTOMER = (
    r"(?P<c>E\d+) (?:(?!, )\S+ ){0,4}?, (?:(?:a |an |the )?(?:\S+ ){0,2}?(?P<vd>E\d+) (?:'s )?(?:customer|client|user)|"
    r"(?:(?:a |an |the )(?:\S+ ){0,3}?)?(?:which|that|who) (?:\S+ ){0,3}?(?:buy|buys|bought|use|uses|used|source|sources|"
    r"sourced|order|orders|ordered|"
    r"purchases?|purchased) (?:\S+ ){0,3}?(?:from )?(?P<vd2>E\d+)) (?:(?!, )\S+ ){0,14}?, "
    + _GAP
)


def S(name: str) -> str:
    """Returns the subject slot for role group `name`: the company, an optional
    apposition (", the discount chain that ...,") and the gap up to the verb."""
    # (A company right after a preposition is no subject: the engine checks that, see
    # extract.frames, because a lookbehind here would slow every frame down.)
    # (A report of what another company does is no apposition: "X, a website, reported that Y, ...".)
    # ("X's board agreed": X; "X's parent, Y, agreed": not X.)
    return (rf"(?P<{name}>E\d+) (?:'s (?!(?:\S+ ){{0,3}}?{_RELATION_WORDS} )\S+ )?(?:\( (?:[^()\s]+ ){{1,8}}?\) )?"
            rf"(?:, (?:(?!(?:reported|reports|said|says|told|wrote|writes) (?:that )?E\d)\S+ ){{1,16}}?, )?{_GAP}")


# Words that may stand before an object company ("rival", "the Chinese supplier",
# "all of"): lower-case words that are not prepositions, verbs of saying, or nouns
# such as "stake" or "unit" that make the object something else than the company.
_OBJ_FILLER = (
    r"(?:(?!(?:to|for|from|with|by|in|into|on|at|as|and|or|but|that|which|who|whose|after|before|while|"
    r"since|because|if|than|is|are|was|were|be|been|has|had|have|will|would|could|may|said|says|stake|"
    r"buy|acquire|purchase|sell|invest|merge|take|make|pay|fewer|less|more|"
    r"stakes|shares?|holding|holdings|interest|unit|units|division|business|businesses|assets|arm|"
    r"operations|subsidiary|customers?|clients?|products?|services?|staff|employees|rights|patents|"
    r"technology|software|data|team|brand|site|plant|factory|stores?|pursuit|bid|offer|takeover|"
    r"acquisition|merger|talks) )[a-z0-9][\w\-.&']* |, ){0,5}?"
)


def O_NC(name: str) -> str:
    """Returns the object slot without commas in its filler, for optional objects at a clause's end;
    a buying group's leader stands for it ("to a consortium led by private equity firm X")."""
    return rf"(?:(?:a |an |the )?(?:\S+ )?(?:consortium|group of investors|investor group) (?:led|headed|fronted) by )?" \
           rf"{_OBJ_FILLER.replace('|, ', '')}(?P<{name}>E\d+)"


def O(name: str) -> str:
    """Returns the object slot: a company, perhaps after "rival", "the startup", "all of"."""
    return rf"{_OBJ_FILLER}(?P<{name}>E\d+)"


def _f(name: str, family: str, subtype: str, pattern: str, roles: dict[str, str],
       strength: float = 0.8, *flags: str) -> Frame:
    """Returns a compiled frame; its trigger is the word stems listed for it in _TRIGGERS."""
    return Frame(name, family, subtype, re.compile(pattern), roles, strength, frozenset(flags),
                 tuple(_TRIGGERS[name].split()), tuple(_ALSO.get(name, "").split()), _NEEDS.get(name, ""))


# Word stems, at least one of which must start a word of the sentence before a frame
# is tried (_TRIGGERS), and, for some frames, one of a second set too (_ALSO); _NEEDS
# names the markers a frame cannot match without (M an amount, P a percentage).
# Each set must be a necessary condition of its pattern: a stem missing here is a
# phrasing the frame silently never reads.
_ACQ_T = "acquir buy bought purchas snap take took swallow scoop gobbl absorb"
_STAKE_T = "stake holding interest share position participation"
_SELL_T = "sell sold offload divest dispos unload spin spun carv hiv"
_STAKE_V_T = ("tak took acquir buy bought purchas build built secur get got pick snap obtain receiv invest weigh "
              "consider mull eye explor seek sought")
_ACQ_NOUN_T = "acqui purchas takeover take-over take-private buyout buy-out buying"
_RAISE_T = "rais secur clos land bag pull collect receiv got get attract complet announc won win"
_MOVE_T = "mov shift switch migrat transfer port defect"
_CHURN_T = ("drop ditch dump abandon quit exit stop ceas end longer ways ties walk terminat cancel scrap renew withdr pull "
            "phas extend leav paus")
_ABOUT_M = r"(?:about |around |roughly |some |nearly |approximately |almost |up to |more than |over |an estimated |a reported |a total of |a combined )?"
_REDUCE_T = "reduc cut slash scal trim lower curb pare decreas shrink shrank limit wind wound rein"
_EXPAND_T = ("renew expand extend doubl tripl increas deepen broaden widen upsiz boost grow grew ramp "
                  "step enlarg scal upgrad")
_TRIGGERS = {
    "paid_for": "pay paid spen shell", "lost_to_rival": "lost los",
    "self_sale": "sale sell-off itself", "investment_noun_subj": "investment",
    "acq_passive": "acquired bought purchased taken snapped swallowed absorbed",
    "acq_noun_by": _ACQ_NOUN_T, "acq_noun_by2": "takeover acquisition buyout purchase sale",
    "acq_noun_poss": _ACQ_NOUN_T + " bid offer deal tender pursuit", "stake_take": _STAKE_V_T,
    "stake_pct_of": _STAKE_V_T, "stake_raise": "rais lift increas boost up doubl expand",
    "stake_by": "acquiring buying taking purchasing", "acq_by": "acquiring buying taking purchasing", "noun_head": "clos complet seal agree announc finali strik struck walk drop abandon scrap eye weigh mull near "
                 "confirm unveil launch mak made tabl win won get got den",
    "stake_given": "giv gave hand", "sale_of_to": "sale divestiture disposal spin-off carve-out",
    "sale_of_stake": "sale divestiture disposal", "sale_of_unit_to": "sale divestiture disposal",
    "sale_to": "sale sell-off", "acq_active": _ACQ_T, "acq_relative": _ACQ_T,
    "acq_noun_subj": "acqui purchase takeover take-over take-private buyout buy-out buying bid offer pursuit",
    "take_private": "tak took",
    "merger_pair": "merg combin forces", "merger_with": "merg combin forces",
    "merger_noun": "merger combination tie-up", "merger_poss": "merger combination tie-up",
    "merger_talks": "talks discussions negotiations", "merger_weighed": "explor consider weigh mull discuss eye stud", "talks_with": "talks discussions negotiations",
    "jv_pair": "joint jv venture", "jv_with": "joint jv venture", "jv_noun": "joint jv venture",
    "jv_with_to": "joint jv venture",
    "sell_stake_to": _SELL_T, "sell_named_unit_to": _SELL_T, "sell_to": _SELL_T, "sell_unit_to": _SELL_T,
    "sell_unit": _SELL_T + " sale divestiture disposal spin-off carve-out auction",
    "sell_unit_named": _SELL_T + " sale divestiture disposal spin-off carve-out auction",
    "sell_named_its": _SELL_T + " sale divestiture disposal spin-off carve-out auction",
    "order_signed_brand": "order orders",
    "sell_stake": _SELL_T, "round_led": "led headed co-led", "round_from": _RAISE_T,
    "round_lead": "led leads headed spearheaded co-led", "round_plain": _RAISE_T,
    "investment_from": "investment funding financing backing capital",
    "invest_in": "invest pour inject plough plow pump sink sank commit",
    "investment_poss": "investment backing", "investment_noun": "investment funding financing backing",
    "move_from_to": _MOVE_T, "replace_with": "replac swap", "switch_to_from": _MOVE_T, "move_away": _MOVE_T, "move_obj_off": _MOVE_T,
    "alternatives": "alternative", "move_to": _MOVE_T, "move_when": _MOVE_T, "spend_pays": "pay paid spen",
    "spend_with": "pay paid spen", "spend_buy": "buy bought purchas", "spend_noun": "spend spending purchases orders", "continue_less": "less smaller limited reduced lower lesser",
    "reduce_spend": _REDUCE_T,
    "churn_verb": _CHURN_T, "dropped_by": "dropped ditched dumped abandoned axed sacked fired", "lost_customer": "lost los", "lost_contract": "lost los", "buy_fewer": "fewer less",
    "expand_head": "renew expand extend doubl tripl increas boost upsiz enlarg",
    "expand_rel": _EXPAND_T,
    "win_contract": "won win secur land clinch bag sign ink award receiv nab snag",
    "award_ext": "award grant giv gave hand", "award_ditrans": "award grant giv gave hand",
    "supply_deal": "sign agreed struck ink won secur land clinch reach", "pick_over": "pick chose choos select tap opt award",
    "replace_plain": "replac", "shares_for": "bought buys buying purchased acquired", "win_to_supply": "won win secur land clinch bag award",
    "keep_but_cut": "keep continu", "spend_put_at": "put puts putting estimat", "told_cut": "told inform notifi warn", "ending_run": "ending", "ending_arrangement": "ending terminating",
    "won_back": "won win regain recaptur", "in_house": "in-house", "expand_implied": _EXPAND_T, "cut_implied": _REDUCE_T, "renew_more_implied": "renew",
    "not_renew_implied": "renew extend", "spend_valued": "put valued values estimat", "round_lead_only": "led co-led headed", "signed_supply": "sign agreed struck ink", "reduce_qty_of": _REDUCE_T, "shift_share": "mov shift switch migrat transfer", "reduce_told": _REDUCE_T, "rel_expand": _EXPAND_T, "rel_reduce": _REDUCE_T,
    "rel_switch": "sourc buy order purchas procur switch mov shift", "replaced_at": "replaced", "lost_named_customer": "lost los",
    "supply_with": "suppl provid equip", "diversify_away": "diversif", "not_renewed": "renewed extended",
    "instead_of": "instead rather", "delist": "delist", "told_not_renew": "told inform notifi",
    "deal_to_use": "sign agreed struck ink", "became_one_of": "becam becom", "customer_moving": "customer client", "review_rel": "review evaluat re-evaluat reconsider reassess re-examin reexamin",
    "reduce_flow": "reduc cut slash scal trim lower curb pare decreas shrink shrank limit halv", "reduce_head": "reduc cut slash trim halv lower",
    "add_customer": "add sign won win land welcom gain count secur bring brought",
    "became_customer": "becam becom signed signs",
    "expand_quantity": "doubl tripl increas boost grow grew ramp step expand rais lift",
    "reduce_quantity": "smaller lower reduced shrinking diminished less fewer",
    "reduce_quantity2": "reduc cut slash scal trim lower curb pare decreas shrink shrank limit halv",
    "contract_it_awarded": "awarded granted gave handed let",
    "churn_for": "drop ditch dump abandon leav left quit replac", "lost_account": "lost los",
    "won_account": "won win land secur clinch bag snag",
    "picked_by": "picked chosen selected tapped hired enlisted engaged commissioned contracted retained appointed",
    "pick_vendor": ("pick chose choos select tap hir enlist engag commission sign turn opt award go went gone appoint "
                    "nominat qualif"),
    "award_to": "award grant giv gave hand let", "awarded_by": "awarded granted given handed let",
    "owned_by": "owned controlled", "being_sold_by": "sold", "unit_of": "unit subsidiary arm division business affiliate",
    "owner_is": "owner owners", "shares_from": "buy bought acquir purchas",
    "was_awarded": "awarded granted given handed", "dropped_as_supplier": "dropped axed ditched replaced removed",
    "switched_after_years": _MOVE_T, "cut_back_work": _REDUCE_T, "gone_live": "live",
    "similar": "similar", "follow_suit": "suit same likewise",
    "pick_product": "pick chose choos select tap opt award appoint nominat", "start_using": "start began begun begin",
    "pick_instead": "instead rather", "told_signed_on": "signed came joined", "signed_with": "sign ink agreed struck",
    "signed_to_run_on": "sign ink agreed struck",
    "move_ending": "ending terminating replacing", "churn_and_pick": _CHURN_T, "award_taking": "taking",
    "won_taking": "taking", "not_renew_poss": "renew extend", "order_more_with": "plac", "order_with": "plac",
    "told_move": "told inform notifi",
    "lost_contract_to": "lost los", "won_contract_to": "won win secur land clinch bag sign ink award receiv nab snag",
    "notice_end": "notif inform told notice", "told_stop_buying": "stop ceas end halt",
    "told_picked": "chose chosen selected picked signed adopted", "signed_for_own": "sign agreed struck ink",
    "replace_as": "replac", "pick_to_replace": "replace", "renew_less": "renew", "renew_more": "renew",
    "order_more_from": "order plac exercis option buy purchas take took",
    "order_from": "order plac exercis option buy purchas take took sourc procur",
    "order_more_brand": "order plac exercis option buy purchas take took",
    "order_brand": "order plac exercis option buy purchas take took",
    "becomes_supplier": "becom becam", "becomes_its_supplier": "becom becam", "will_supply_to": "suppl deliver provid",
    "sell_unit_undisclosed": _SELL_T, "customer_appos_cut": _REDUCE_T, "let_lapse": "let allow",
    "lost_listing": "lost los", "outsource_to": "outsourc",
}
_ROUND_T = "series funding financing round seed investment capital venture pre-seed growth"
_SUPPLIER_T = "supplier provider vendor partner contractor manufacturer carrier operator"
_ALSO = {
    "shares_for": "shares stake holding",
    "win_to_supply": "supply serve equip support run", "keep_but_cut": "but",
    "spend_put_at": "spend spending purchases",
    "merger_weighed": "merger combination tie-up",
    "told_cut": _REDUCE_T, "ending_run": "run tenure relationship contract reign stint partnership",
    "won_back": "back regain regained regaining recaptur", "in_house": "relationship contract agreement partnership",
    "expand_implied": "contract agreement order commitment deal",
    "cut_implied": "orders order purchases commitment licen seats volume offtake",
    "renew_more_implied": "added expanded extended increased doubled widened broadened", "not_renew_implied": "not",
    "spend_valued": "value", "round_lead_only": "round raise financing funding",
    "signed_supply": "suppl deliver provision servic",
    "reduce_qty_of": "number volume amount share portion proportion part quantit bulk",
    "shift_share": "third quarter half part some portion share much most",
    "reduce_told": "said says disclosed confirmed announced warned",
    "rel_expand": "customer client user buy bought use used sourc order purchas",
    "rel_reduce": "customer client user buy bought use used sourc order purchas", "rel_switch": "which that who",
    "sale_of_stake": "stake holding shareholding interest",
    "spend_buy": "year annually month from", "lost_named_customer": "customer client account",
    "take_private": "private", "jv_with_to": "with",
    "reduce_flow": "number volume amount share portion proportion part quantit bulk space orders order business "
                   "work spend",
    "supply_with": "deal contract agreement order", "not_renewed": "contract agreement deal",
    "instead_of": "sourc buy purchas procur order get move switch shift", "told_not_renew": "renew extend stop ceas end terminat cancel longer",
    "deal_to_use": "use deploy adopt licen", "became_one_of": "customer client",
    "customer_moving": "mov shift switch migrat defect",
    "review_rel": "contract relationship agreement arrangement deal",
    "award_ext": "extension renewal expansion", "award_ditrans": "contract deal order agreement account tender mandate",
    "supply_deal": "suppl deliver provid sell", "pick_over": "over",
    "reduce_head": "seats licen orders order contract spend business purchases volume",
    "expand_head": "contract deal order agreement subscription licen account",
    "merger_talks": "merger combination tie-up", "move_when": "contract agreement deal relationship",
    "noun_head": "takeover acquisition purchase buyout deal bid stake", "add_customer": "customer client merchant tenant licensee",
    "became_customer": "customer client", "move_away": "away off",
    "becomes_supplier": _SUPPLIER_T, "becomes_its_supplier": _SUPPLIER_T, "will_supply_to": "to", "move_obj_off": "off", "sell_named_its": "its their",
    "ending_arrangement": "run tenure relationship contract arrangement partnership association agreement deal",
    "acq_relative": "which that",
    "acq_noun_by": "by", "acq_noun_by2": "by to", "acq_noun_poss": "' ’", "stake_take": _STAKE_T,
    "stake_raise": _STAKE_T, "stake_by": "by", "acq_by": "by", "stake_given": _STAKE_T,
    "round_led": _RAISE_T, "round_from": "from", "round_plain": _ROUND_T, "investment_from": _RAISE_T,
    "move_from_to": "from off", "switch_to_from": "from",
    "reduce_spend": "amount spend expenditure budget order purchas business usage use relian depend "
                    "work volume commitment contract exposure payment",
    "expand_rel": "contract deal partnership agreement relationship spend use usage commitment order business "
                  "work purchas cooperation collaboration subscription licen footprint adoption deployment "
                  "investment",
    "win_contract": "contract deal order agreement account tender mandate supply engagement",
    "award_to": "contract deal order agreement account tender mandate supply engagement work service",
    "awarded_by": "contract deal order agreement account tender mandate supply engagement",
    "was_awarded": "contract deal order agreement account tender mandate supply engagement",
    "dropped_as_supplier": "supplier provider vendor partner distributor", "unit_of": "of", "being_sold_by": "being",
    "shares_from": "from", "switched_after_years": "after",
    "cut_back_work": "work business gives", "gone_live": "with",
    "expand_quantity": "number volume amount share portion proportion part quantit bulk",
    "reduce_quantity": "number volume amount share portion proportion part quantit bulk",
    "reduce_quantity2": "number volume amount share portion proportion part quantit bulk",
    "contract_it_awarded": "contract deal order agreement account tender mandate supply engagement",
    "churn_for": "for favour favor", "lost_account": "account business contract custom order",
    "won_account": "account business custom", "picked_by": "by",
    "pick_instead": "pick chose choos select tap hir enlist engag commission sign turn opt award go went gone appoint nominat",
    "told_signed_on": "customer client", "signed_with": "with", "signed_to_run_on": "to",
    "move_ending": "contract relationship agreement deal partnership arrangement",
    "churn_and_pick": "hire award appoint pick select choose chose chosen sign move switch hand give gave shift bring brought",
    "award_taking": "award grant hand gave giv", "won_taking": "won win secur land clinch bag sign ink award receiv nab snag",
    "order_more_with": "follow-on repeat additional further another new", "order_with": "order",
    "told_move": "mov shift switch migrat transfer port defect",
    "notice_end": "terminat end cancel exit renew extend", "told_stop_buying": "said says disclosed confirmed announced warned expect reported",
    "told_picked": "said says announced confirmed disclosed", "signed_for_own": "its their",
    "renew_less": "but", "renew_more": "up higher more adding added include cover expand extending increas larger bigger",
    "order_more_from": "more additional further extra another", "order_from": "from",
    "order_more_brand": "more additional further extra another",
    "lost_to_rival": "rival competitor competition", "self_sale": "itself company business group firm publisher "
    "bank lender sale",
}
_NEEDS = {"shares_for": "M", "spend_put_at": "M", "spend_valued": "M", "spend_buy": "M", "spend_noun": "M", "paid_for": "M", "stake_pct_of": "P", "stake_raise": "P", "stake_by": "P",
          "round_from": "M", "round_plain": "M",
          "spend_pays": "M", "spend_with": "M"}


# Verb groups. (?P<v>...) captures the trigger verb for its tense.
ACQ = (r"(?P<v>acquir(?:e|es|ed|ing)|buy(?:s|ing)?|bought|purchas(?:e|es|ed|ing)|"
       r"snap(?:s|ped|ping)? up|(?:take|takes|taking|took|taken) over|swallow(?:s|ed|ing)?|"
       r"scoop(?:s|ed|ing)? up|gobbl(?:e|es|ed|ing) up|absorb(?:s|ed|ing)?)")
ACQ_PASSIVE = r"(?P<v>acquired|bought|purchased|taken over|snapped up|swallowed|picked up|absorbed)"
ACQ_NOUN = r"(?:acquisition|purchase|takeover|take-over|take-private|buyout|buy-out|acquiring|buying)"
STAKE_V = (r"(?P<v>tak(?:e|es|ing)|took|taken|acquir(?:e|es|ed|ing)|buy(?:s|ing)?|bought|"
           r"purchas(?:e|es|ed|ing)|build(?:s|ing)?|built|secur(?:e|es|ed|ing)|gets?|got|"
           r"pick(?:s|ed|ing)? up|snap(?:s|ped|ping)? up|obtain(?:s|ed|ing)?|receiv(?:e|es|ed|ing)|"
           r"invest(?:s|ed|ing)? in|weigh(?:s|ed|ing)?|consider(?:s|ed|ing)?|mull(?:s|ed|ing)?|eye(?:s|ing|d)?|"
           r"explor(?:e|es|ed|ing)|seek(?:s|ing)?|sought)")
STAKE_N = r"(?:stake|holding|shareholding|interest|share|position|participation)"
STAKE_MOD = (r"(?:(?:a|an|the|its|of|P\d+|further|additional|another|new|minority|majority|significant|"
             r"small|large|sizeable|sizable|controlling|non-controlling|strategic|equity|roughly|"
             r"about|around|nearly|almost|some|just|over|under|\S+ly|,) ){0,5}")
INVEST_V = (r"(?P<v>invest(?:s|ed|ing)?|pour(?:s|ed|ing)?|inject(?:s|ed|ing)?|plough(?:s|ed|ing)?|"
            r"plow(?:s|ed|ing)?|pump(?:s|ed|ing)?|sink(?:s|ing)?|sank|commit(?:s|ted|ting)?)")
RAISE_V = (r"(?P<v>rais(?:e|es|ed|ing)|secur(?:e|es|ed|ing)|clos(?:e|es|ed|ing)|land(?:s|ed|ing)?|"
           r"bag(?:s|ged|ging)?|pull(?:s|ed|ing)? in|collect(?:s|ed|ing)?|receiv(?:e|es|ed|ing)|"
           r"got|gets?|attract(?:s|ed|ing)?|complet(?:e|es|ed|ing)|announc(?:e|es|ed|ing)|won|wins?)")
ROUND = r"(?:series \S+|funding|financing|round|seed|investment|capital|venture|pre-seed|growth equity)"
SELL_V = (r"(?P<v>sell(?:s|ing)?|sold|offload(?:s|ed|ing)?|divest(?:s|ed|ing)?|dispos(?:e|es|ed|ing) of|"
          r"unload(?:s|ed|ing)?|spin(?:s|ning)? off|spun off|carv(?:e|es|ed|ing) out|hiv(?:e|es|ed|ing) off|"
          r"part(?:s|ed|ing)? with)")
UNIT_N = (r"(?:unit|division|business|arm|subsidiary|stake|holding|shareholding|operations|assets|"
          r"brand|segment|activities|operation|branch|portfolio|interest)")
_SAID = r"(?:said|says|told|announced|confirmed|added|reported)\b"
_SALE_OF = r"(?:sale|divestiture|disposal|spin-off|carve-out|auction) (?:of|for)"
UNIT_ALONE = r"(?:unit|division|business|arm|subsidiary|operations|brand|segment|activities|branch|portfolio)\b"
MERGE_V = r"(?P<v>merg(?:e|es|ed|ing)|combin(?:e|es|ed|ing)|join(?:s|ed|ing)? forces)"
JV = (r"(?:joint venture|joint-venture|jv|jointly owned|jointly-owned|joint company|"
      r"venture(?! capital| arm| fund| investor| partner| firm| studio| debt))")
# "X and Japan's Y", "X and rival Y"
# ("X and Czech battery producer Y": up to three words that say what Y is)
_PAIR_MOD = r"(?:[a-z]+ 's |rival |fellow |smaller |larger |(?:(?!and |or |to |with |said )[a-z][\w\-]* ){1,3}?(?=E\d))?"
CHURN_V = (
    r"(?P<v>drop(?:s|ped|ping)?|ditch(?:es|ed|ing)?|dump(?:s|ed|ing)?|abandon(?:s|ed|ing)?|"
    r"quit(?:s|ting)?|exit(?:s|ed|ing)?|phas(?:e|es|ed|ing) out|"
    r"paus(?:e|es|ed|ing) (?:its |their |all )?(?:\S+ ){0,2}?(?:projects|project|work|contracts?|orders|business|"
    r"spending|relationship) with|"
    # ("X is leaving Y"; "would leave Kingsley focused on TV" is no churn)
    r"(?<=is )leaving|(?<=are )leaving|(?<=be )leaving|(?<=not )leaving|"
    r"(?:stop(?:s|ped|ping)?|ceas(?:e|es|ed|ing)|end(?:s|ed|ing)?) (?:using|working with|doing business with|"
    r"relying on|(?:stocking|selling|carrying|using)(?: (?:(?!from |by )[a-z]\S* ){1,4}?(?:from|made by|supplied by))?|"
    r"stocking|selling|carrying|(?:buying|sourcing|ordering|purchasing|procuring)"
    r"(?: (?:(?!from )\S+ ){0,4}?from)?)|"
    r"no longer (?:use|uses|work with|works with|buy from|buys from|rel(?:y|ies) on|stock|stocks|carry|carries)|"
    r"part(?:s|ed|ing)? (?:ways|company) with|(?:cut|cuts|cutting|sever(?:s|ed|ing)?) ties with|walk(?:s|ed|ing)? away from|"
    r"(?:end(?:s|ed|ing)?|terminat(?:e|es|ed|ing)|cancel(?:s|led|ed|ling|ing)?|scrap(?:s|ped|ping)?|"
    r"not (?:to )?(?:renew|extend)(?:ing)?|(?:declin(?:e|es|ed|ing)|refus(?:e|es|ed|ing)) to (?:renew|extend)) "
    r"(?:its |their |a |the |all )?(?:(?!E\d)\S+ ){0,5}?(?:relationship|contract|contracts|partnership|"
    r"agreement|deal|ties|cooperation|collaboration|work|business|account|subscription|orders?) "
    r"(?:with|for(?= E\d+ 's ))|"
    r"withdraw(?:s|n|ing)? from|withdrew from|pull(?:s|ed|ing)? (?:out of|(?:its |their )?(?:business|work|"
    r"contracts?|spending|workloads?) from))"
)
MOVE_V = (r"(?P<v>mov(?:e|es|ed|ing)|shift(?:s|ed|ing)?|switch(?:es|ed|ing)?|migrat(?:e|es|ed|ing)|"
          r"transfer(?:s|red|ring)?|port(?:s|ed|ing)?|defect(?:s|ed|ing)?)")
REDUCE_V = (r"(?P<v>reduc(?:e|es|ed|ing)|cut(?:s|ting)?(?: back)?|slash(?:es|ed|ing)?|scal(?:e|es|ed|ing) (?:back|down)|"
            r"trim(?:s|med|ming)?|lower(?:s|ed|ing)?|curb(?:s|ed|ing)?|par(?:e|es|ed|ing) back|"
            r"decreas(?:e|es|ed|ing)|shrink(?:s|ing)?|shrank|limit(?:s|ed|ing)?|wind(?:s|ing)? down|"
            r"wound down|rein(?:s|ed|ing)? in|halv(?:e|es|ed|ing))")
SPEND_N = (r"(?:amount|spending|spend|expenditure|expenditures|budget|orders|order|purchases|business|usage|use|"
           r"reliance|dependence|dependency|work|volumes?|commitment|contract|exposure|payments)")
# How much of its business a customer gives a vendor: "the number of engines it sends to Y".
QTY_N = r"(?:number|volume|volumes|amount|share|portion|proportion|part|quantity|quantities|bulk)"
FLOW_V = (r"(?:sends?|sent|sending|buys?|bought|buying|orders?|ordered|ordering|sources?|sourced|sourcing|"
          r"routes?|routed|routing|purchases?|purchased|procures?|procured|gives?|gave|outsources?|outsourced|"
          r"ships?|shipped|runs?|ran|processes|processed|places?|placed|licen[cs]es?|licen[cs]ed|"
          r"subscribes?|subscribed|rents?|rented|leases?|leased|uses?|used|allocates?|allocated|charters?|chartered|"
          r"hires?|hired)")
# An adviser hired for a deal is no vendor winning a customer: "hired Lazard to sound out buyers".
_ADVISE = (r"to (?:advise|sound|explore|find|market|seek|solicit|canvass|shop|sell|look for|"
           r"(?:run|manage|lead|handle) (?:an |the |a )?(?:\S+ )?(?:auction|sale|process))\b|as (?:\S+ )?advis")
CONTRACT_N = (r"(?:contract|deal|order|agreement|account|tender|mandate|supply deal|engagement)")
WIN_V = (r"(?P<v>won|wins?|winning|secur(?:e|es|ed|ing)|land(?:s|ed|ing)?|clinch(?:es|ed|ing)?|"
         r"bag(?:s|ged|ging)?|sign(?:s|ed|ing)?|ink(?:s|ed|ing)?|(?:was |been |is )?award(?:s|ed|ing)?|"
         r"receiv(?:e|es|ed|ing)|nab(?:s|bed|bing)?|snag(?:s|ged|ging)?)")
PICK_V = (r"(?P<v>pick(?:s|ed|ing)?|chose|choos(?:e|es|ing)|chosen|select(?:s|ed|ing)?|tap(?:s|ped|ping)?|"
          r"hir(?:e|es|ed|ing)|enlist(?:s|ed|ing)?|engag(?:e|es|ed|ing)|commission(?:s|ed|ing)?|"
          r"sign(?:s|ed|ing)? up|sign(?:s|ed|ing)? on|sign(?:s|ed|ing)? with|(?:go|goes|going|went|gone) with|turn(?:s|ed|ing)? to|opt(?:s|ed|ing)? for|"
          r"award(?:s|ed|ing)?|appoint(?:s|ed|ing)?|nominat(?:e|es|ed|ing)|qualif(?:y|ies|ied|ying))")
EXPAND_V = (r"(?P<v>renew(?:s|ed|ing)? and (?:expand|enlarg|extend|widen|broaden|increas|upsiz|doubl)\S*|"
            r"renew(?:s|ed|ing)?(?= (?:\S+ ){1,8}?on (?:larger|bigger|expanded|enlarged|broader|increased) terms)|"
            r"renew(?:s|ed|ing)?(?= (?:\S+ ){1,14}?and (?:has |have |will )?(?:expand|widen|extend|broaden|enlarg|"
            r"increas|doubl)\S*)|expand(?:s|ed|ing)?|extend(?:s|ed|ing)?|"
            r"doubl(?:e|es|ed|ing)|tripl(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|deepen(?:s|ed|ing)?|"
            r"broaden(?:s|ed|ing)?|widen(?:s|ed|ing)?|upsiz(?:e|es|ed|ing)|boost(?:s|ed|ing)?|"
            r"grow(?:s|ing)?|grew|ramp(?:s|ed|ing)? up|step(?:s|ped|ping)? up|enlarg(?:e|es|ed|ing)|"
            r"scal(?:e|es|ed|ing) up|upgrad(?:e|es|ed|ing))")
REL_N = (r"(?:contract|contracts|deal|partnership|agreement|relationship|spending|spend|use|usage|"
         r"commitment|orders?|business|work|purchases|subscription|"
         r"licen[cs]e|licen[cs]es|footprint|adoption|deployment|investment)")

# "its largest customer, X": the vendor's customer named in an apposition
_ITS_CUSTOMER = r"(?:(?:its |their )(?:\S+ ){0,3}?(?:customer|client) , (?:[a-z]\S* ){0,3}?)?"
# Ordering goods (not buying a company): "ordered", "placed an order for", "will buy" (a plan or an
# agreement to buy, never "bought", which tells deals as often as purchases).
# ("won an order for ... from Y" is a vendor's win: "order" is a verb only right after the subject or an
# auxiliary.)
ORDER_V = (r"(?P<v>(?:(?<=E\d )|(?<=E\d\d )|(?<=will )|(?<=to )|(?<=has )|(?<=have )|(?<=had )|(?<=also )|(?<=and )|"
           r"(?<=would )|(?<=could ))order(?:s|ed|ing)?|plac(?:e|es|ed|ing) (?:an |a |its |their )?(?:\S+ ){0,2}?orders? for|"
           r"(?:exercis(?:e|es|ed|ing)|tak(?:e|es|ing)|took) (?:up )?(?:its |their |the )?options? (?:for|on)|"
           r"(?:(?<=will )|(?<=agreed to )|(?<=plans to )|(?<=would )|(?<=signed to )|(?<=agreement to )|(?<=deal to )|"
           r"(?<=contract to )|(?<=voted to ))(?:buy|purchase|source|procure))")
_COUNT = r"(?:\d[\d,.]*|a|an|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens of|hundreds of) "
_ORDER_MORE = rf"{_COUNT}?(?:more|additional|further|extra|another) "
_DEAL_GOODS = (r"(?:stake|stakes|shares?|holding|interest|unit|units|division|business|businesses|assets|arm|"
               r"subsidiary|company|operations|portfolio|rights|brand|brands|plant|factory|site|mine|stores?|"
               r"licen[cs]e|patents?|bonds?|debt|loans?|it|them|control)")
# The goods between an order verb and "from": no company, no deal object.
_GOODS = rf"(?:(?!{_DEAL_GOODS} |from |to |E\d)\S+ ){{1,10}}?"

FRAMES: tuple[Frame, ...] = (
    # --- deals -------------------------------------------------------------------
    # "Y was acquired by X", "Y is to be bought by X"
    _f("acq_passive", "deal", "acquisition",
       rf"{S('t')}(?:was|were|is|are|be|been|being|has been|had been|will be|to be|would be|is being) "
       rf"(?:\S+ ){{0,2}}?{ACQ_PASSIVE} (?:\S+ ){{0,3}}?by {O('a')}",
       {"a": "acquirer", "t": "target"}, 0.85),
    # "the acquisition of Y by X", "the Y takeover by X"
    _f("acq_noun_by", "deal", "acquisition",
       rf"{ACQ_NOUN} (?:of |for )?{O('t')} (?:\S+ ){{0,3}}?by {O('a')}", {"a": "acquirer", "t": "target"}, 0.75),
    _f("acq_noun_by2", "deal", "acquisition",
       rf"(?P<t>E\d+) (?:'s )?(?:takeover|acquisition|buyout|purchase|sale) (?:\S+ ){{0,2}}?(?:by|to) {O('a')}",
       {"a": "acquirer", "t": "target"}, 0.75),
    # "X's $2bn acquisition of Y", "X's offer for Y"
    _f("acq_noun_poss", "deal", "acquisition",
       rf"(?P<a>E\d+) 's (?:\S+ ){{0,4}}?(?:{ACQ_NOUN}|takeover bid|takeover offer|bid|offer|deal|"
       rf"tender offer|pursuit) (?:of|for|to buy|to acquire) {O('t')}",
       {"a": "acquirer", "t": "target"}, 0.75),
    # Stakes: "X took a 20% stake in Y", "X acquired 49% of the shares in Y"
    _f("stake_take", "deal", "stake",
       rf"{S('a')}{STAKE_V} (?:M\d+ (?:for |in )?)?{STAKE_MOD}{STAKE_N} (?:\S+ ){{0,4}}?(?:in|of) {O('t')}",
       {"a": "acquirer", "t": "target"}, 0.85),
    _f("stake_pct_of", "deal", "stake",
       rf"{S('a')}{STAKE_V} (?:(?:a|about|around|roughly|nearly|almost|just|over|only|another|an|"
       rf"additional|further|the|remaining|some) ){{0,3}}(?P<p>P\d+) (?:(?:of|in) )?(?:(?:the|its) )?"
       rf"(?:(?:\S+ )?(?:shares|stock|equity|capital|company|voting rights) (?:in|of) )?{O('t')}",
       {"a": "acquirer", "t": "target"}, 0.85),
    _f("stake_raise", "deal", "stake",
       rf"{S('a')}(?P<v>rais(?:e|es|ed|ing)|lift(?:s|ed|ing)?|increas(?:e|es|ed|ing)|boost(?:s|ed|ing)?|"
       rf"up(?:s|ped|ping)?|doubl(?:e|es|ed|ing)|expand(?:s|ed|ing)?) (?:its|their|the) (?:\S+ ){{0,2}}?"
       rf"(?:stake|holding|shareholding|interest) in {O('t')} (?:\S+ ){{0,4}}?to (?:\S+ )?(?P<p>P\d+)",
       {"a": "acquirer", "t": "target"}, 0.85),
    # "By acquiring 49% of Y, X ..." (the subject follows the participle clause)
    _f("stake_by", "deal", "stake",
       rf" by (?P<v>acquiring|buying|taking|purchasing) (?:only |just |a |an )?(?P<p>P\d+) (?:stake in |of )"
       rf"(?:the shares (?:in|of) )?{O('t')} , {O('a')}",
       {"a": "acquirer", "t": "target"}, 0.7),
    _f("acq_by", "deal", "acquisition",
       rf" by (?P<v>acquiring|buying|taking over|purchasing) {O('t')} , {O('a')}",
       {"a": "acquirer", "t": "target"}, 0.65),
    # Headlines: "X closes $1.1bn Y takeover", "X completes 40% Y stake", "X walks away from Y deal"
    _f("noun_head", "deal", "acquisition",
       rf"{S('a')}(?P<v>clos(?:e|es|ed|ing)|complet(?:e|es|ed|ing)|seal(?:s|ed|ing)?|agree(?:s|d)?|"
       rf"announc(?:e|es|ed|ing)|finali[sz](?:e|es|ed|ing)|strik(?:e|es|ing)|struck|walk(?:s|ed|ing)? away from|"
       rf"drop(?:s|ped|ping)?|abandon(?:s|ed|ing)?|scrap(?:s|ped|ping)?|eye(?:s|ing|d)?|weigh(?:s|ed|ing)?|"
       rf"mull(?:s|ed|ing)?|near(?:s|ed|ing)?|confirm(?:s|ed|ing)?|unveil(?:s|ed|ing)?|launch(?:es|ed|ing)?|"
       rf"mak(?:e|es|ing)|made|tabl(?:e|es|ed|ing)|win(?:s|ning)?|won|gets?|got|den(?:y|ies|ied)) "
       rf"(?:(?:a|an|its|the|M\d+|P\d+|planned|proposed|agreed|approval|for) ){{0,3}}(?P<t>E\d+) "
       rf"(?:takeover|acquisition|purchase|buyout|deal|bid|stake) (?!by |with |for )",
       {"a": "acquirer", "t": "target"}, 0.7),
    # "... giving X a 10% stake in Y"
    _f("stake_given", "deal", "stake",
       rf" (?P<v>giv(?:e|es|ing)|gave|hand(?:s|ing)?) (?P<a>E\d+) {STAKE_MOD}{STAKE_N} (?:\S+ ){{0,3}}?(?:in|of) {O('t')}",
       {"a": "acquirer", "t": "target"}, 0.75),
    # Sales as nouns: "X completes the sale of Y to Z", "X agrees £820m sale to Z" (X sells itself)
    _f("sale_of_to", "deal", "divestiture",
       rf"{S('s')}(?:\S+ ){{0,4}}?(?:sale|divestiture|disposal|spin-off|carve-out) of (?:P\d+ of )?(?:its |their |the )?"
       rf"(?:\S+ ){{0,4}}?(?:, )?(?P<t>E\d+) (?:, (?:(?!E\d)\S+ ){{1,10}}?, )?(?:(?:, )?(?:(?!, )\S+ ){{0,8}}?to {O_NC('a')})?",
       {"s": "seller", "t": "target", "a": "acquirer"}, 0.75),
    # "X has completed the sale of its logistics business to a consortium led by Z" (a unit not named)
    _f("sale_of_unit_to", "deal", "divestiture",
       rf"{S('s')}(?:\S+ ){{0,4}}?(?:sale|divestiture|disposal) of (?:its |their |the )(?:\S+ ){{0,4}}?{UNIT_N} "
       rf"(?:\S+ ){{0,3}}?to {O_NC('a')}",
       {"s": "seller", "a": "acquirer"}, 0.75),
    # "X is weighing a sale of its 25% stake in Y"
    _f("sale_of_stake", "deal", "divestiture",
       rf"{S('s')}(?:\S+ ){{0,4}}?(?:sale|divestiture|disposal) of (?:its |their |the |a )?(?:P\d+ )?(?:\S+ )?"
       rf"(?:stake|holding|shareholding|interest) in {O('t')}{_APPOS}(?:(?:(?!, )\S+ ){{0,8}}?to {O_NC('a')})?",
       {"s": "seller", "t": "target", "a": "acquirer"}, 0.75),
    _f("sale_to", "deal", "acquisition",
       rf"{S('t')}(?:\S+ ){{0,3}}?(?:sale|sell-off) (?:of (?:itself|the company|the business) )?to {O('a')}",
       {"t": "target", "a": "acquirer"}, 0.75),
    # "X agreed to buy Y", "X to acquire Y for $2bn", "X snaps up Y"
    _f("acq_active", "deal", "acquisition",
       rf"{S('a')}{ACQ} {O('t')} (?!'s |shares |stock |chips |bonds |products |services |licen|site |plant |"
       rf"factory |facility |campus |building |headquarters |offices? |stores? |assets |portfolio |brands? |"
       rf"unit |division |business |arm |operations |stake |(?:\S+ )?(?:units|products|chips|equipment|gear|"
       rf"phones|devices|parts|components|systems|radios|licen\S*|tools|machines|vehicles|aircraft|planes) )",
       {"a": "acquirer", "t": "target"}, 0.85),
    # "X agreed to take Y private": a buyout of a listed company
    _f("take_private", "deal", "acquisition",
       rf"{S('a')}(?P<v>tak(?:e|es|ing)|took|taken) {O('t')} private ",
       {"a": "acquirer", "t": "target"}, 0.85),
    # "Y, which X agreed to buy", "Y, which X acquired"
    _f("acq_relative", "deal", "acquisition",
       rf"(?P<t>E\d+) (?:\S+ ){{0,3}}?, (?:(?!, |E\d)\S+ ){{0,6}}?(?:which|that) (?P<a>E\d+) (?P<g>(?:\S+ ){{0,4}}?){ACQ} "
       rf"(?!E\d)",
       {"a": "acquirer", "t": "target"}, 0.7),
    # "X completed its acquisition of Y", "X announced a deal to buy Y", "X made a bid for Y"
    _f("acq_noun_subj", "deal", "acquisition",
       rf"{S('a')}(?:{ACQ_NOUN}|takeover bid|takeover offer|bid|offer|tender offer|pursuit) (?:of|for) {O('t')}",
       {"a": "acquirer", "t": "target"}, 0.75),
    # Mergers: "X and Y agreed to merge", "X will merge with Y", "the merger of X and Y"
    _f("merger_pair", "deal", "merger",
       # ("X and Y combined could ...", "the two combined have": "combined" is "together" there.)
       rf"(?P<a>E\d+) (?:and|&) {_PAIR_MOD}(?P<t>E\d+) {_GAP}(?:(?!combined (?:\S+ )?(?:could|would|will|may|might|"
       rf"can|have|has|had|are|were|is|was|account|control|hold|own|make|employ|generate|represent)\b){MERGE_V}|"
       rf"(?:announced|agreed|struck|unveiled|sealed) (?:a |an |their |the )?(?:\S+ ){{0,3}}?merger)",
       {"a": "acquirer", "t": "target"}, 0.85),
    _f("merger_with", "deal", "merger",
       rf"{S('a')}{MERGE_V} with {O('t')}", {"a": "acquirer", "t": "target"}, 0.8),
    _f("merger_noun", "deal", "merger",
       rf"(?:merger|combination|tie-up) (?:of|between) {O('a')} and {O('t')}",
       {"a": "acquirer", "t": "target"}, 0.75),
    # "X is exploring a possible merger with Y"
    _f("merger_weighed", "deal", "merger",
       rf"{S('a')}(?P<v>explor(?:e|es|ed|ing)|consider(?:s|ed|ing)?|weigh(?:s|ed|ing)?|mull(?:s|ed|ing)?|"
       rf"discuss(?:es|ed|ing)?|eye(?:s|ing|d)?|stud(?:y|ies|ied|ying)) (?:a |an |the )?(?:possible |potential |proposed )?"
       rf"(?:\S+ )?(?:merger|combination|tie-up) with {O('t')}",
       {"a": "acquirer", "t": "target"}, 0.7),
    # "X held talks with Y about a possible combination", "X is in discussions regarding a merger with Y"
    _f("merger_talks", "deal", "merger",
       rf"{S('a')}(?:\S+ ){{0,4}}?(?:talks|discussions|negotiations) (?:with {O('t')} (?:, (?:\S+ ){{1,8}}?, )?"
       rf"(?:about|over|on|regarding|concerning|for) (?:a |an |the )?(?:\S+ ){{0,2}}?(?:merger|combination|tie-up)|"
       rf"(?:about|over|on|regarding|concerning|for) (?:a |an |the )?(?:\S+ ){{0,2}}?(?:merger|combination|tie-up) "
       rf"with {O('t2')})",
       {"a": "acquirer", "t": "target", "t2": "target"}, 0.7),
    _f("merger_poss", "deal", "merger",
       rf"(?P<a>E\d+) 's (?:\S+ ){{0,3}}?(?:merger|combination|tie-up) with {O('t')}",
       {"a": "acquirer", "t": "target"}, 0.75),
    # Joint ventures: "X and Y form a joint venture", "X set up a JV with Y"
    _f("jv_pair", "deal", "joint_venture",
       rf"(?P<a>E\d+) (?:and|&) {_PAIR_MOD}(?P<t>E\d+) {_GAP}(?:\S+ ){{0,6}}?{JV}",
       {"a": "acquirer", "t": "target"}, 0.8),
    _f("jv_with", "deal", "joint_venture",
       rf"{S('a')}(?:\S+ ){{0,5}}?{JV} (?:\S+ ){{0,4}}?with {O('t')}", {"a": "acquirer", "t": "target"}, 0.8),
    # "X is close to an agreement with Y to pool their operations in a jointly owned company"
    _f("jv_with_to", "deal", "joint_venture",
       rf"{S('a')}(?:\S+ ){{0,6}}?with {O('t')} {_APPOS}(?:(?!E\d|; |, )\S+ ){{0,12}}?{JV} ",
       {"a": "acquirer", "t": "target"}, 0.75),
    _f("jv_noun", "deal", "joint_venture",
       rf"{JV} (?:between|of|by|from) {O('a')} and {O('t')}", {"a": "acquirer", "t": "target"}, 0.75),
    # Divestitures: "X sells its stake in Y to Z", "X sells Y to Z", "X sold its unit to Z"
    _f("sell_stake_to", "deal", "divestiture",
       rf"{S('s')}{SELL_V} (?:its |their |a |the |P\d+ )*(?:\S+ ){{0,3}}?{UNIT_N} (?:\S+ ){{0,2}}?in {O('t')} "
       rf"{_APPOS}(?:\S+ ){{0,6}}?to {O('a')}",
       {"s": "seller", "t": "target", "a": "acquirer"}, 0.85),
    _f("sell_named_unit_to", "deal", "divestiture",
       rf"{S('s')}{SELL_V} (?:P\d+ of )?(?:its |their |the |a |an )?(?:\S+ ){{0,3}}?{UNIT_N} (?:, )?(?P<t>E\d+) "
       rf"(?:, (?:\S+ ){{0,8}}?, )?(?:\S+ ){{0,6}}?to {O('a')}",
       {"s": "seller", "t": "target", "a": "acquirer"}, 0.85),
    _f("sell_to", "deal", "divestiture",
       rf"{S('s')}{SELL_V} {O('t')} {_APPOS}(?:\S+ ){{0,6}}?to {O('a')}",
       {"s": "seller", "t": "target", "a": "acquirer"}, 0.85),
    _f("sell_unit_to", "deal", "divestiture",
       rf"{S('s')}{SELL_V} (?:its |their |a |the |P\d+ )*(?:\S+ ){{0,4}}?{UNIT_N} (?:, (?P<t>E\d+) , )?(?:\S+ ){{0,6}}?"
       rf"to {O('a')}",
       {"s": "seller", "a": "acquirer", "t": "target"}, 0.8),
    _f("sell_stake", "deal", "divestiture",
       rf"{S('s')}{SELL_V} (?:its |their |a |the |P\d+ |entire |remaining |whole |\S+ly )*"
       rf"(?:stake|holding|shareholding|interest|shares) in {O('t')}",
       {"s": "seller", "t": "target"}, 0.75),
    # "X has sold its coatings business, Y, to an undisclosed buyer"
    _f("sell_unit_undisclosed", "deal", "divestiture",
       rf"{S('s')}(?:\S+ ){{0,8}}?{SELL_V} (?:its |their )(?:[a-z][\w\-]* ){{0,4}}?{UNIT_ALONE} (?:, )?(?P<t>E\d+) (?:, )?"
       rf"to (?:an? )?(?:undisclosed|unnamed|unidentified|unknown|buyer it did not)",
       {"s": "seller", "t": "target"}, 0.75),
    # A unit sold with no buyer named (yet): "X agreed to sell its chip unit", "X is exploring a sale of
    # its tower business", "X hired banks to run an auction for its consumer health division".
    # ("... its generics business Cretagen" or "..., Cretagen,": the unit's name after its noun)
    _f("sell_unit_named", "deal", "divestiture",
       rf"{S('s')}(?:\S+ ){{0,8}}?(?:{SELL_V}|{_SALE_OF}) (?:its |their )(?:[a-z][\w\-]* ){{0,4}}?{UNIT_ALONE} "
       rf"(?:, )?(?P<t>E\d+)(?! {_SAID})(?! (?:\S+ ){{0,12}}?to (?:\S+ ){{0,8}}?E\d)",
       {"s": "seller", "t": "target"}, 0.7),
    _f("sell_unit", "deal", "divestiture",
       rf"{S('s')}(?:\S+ ){{0,8}}?(?:{SELL_V}|{_SALE_OF}) (?:its |their )(?:(?P<t>E\d+) )?(?:[a-z][\w\-]* ){{0,4}}?"
       rf"{UNIT_ALONE}(?! (?:, )?E\d+ (?!{_SAID}))(?! (?:\S+ ){{0,12}}?to (?:\S+ ){{0,8}}?E\d)",
       {"s": "seller", "t": "target"}, 0.7),
    # "X decided to sell Y, its leather-tanning subsidiary, (to Z)": the unit named before its noun
    _f("sell_named_its", "deal", "divestiture",
       rf"{S('s')}(?:\S+ ){{0,8}}?(?:{SELL_V}|{_SALE_OF}) (?P<t>E\d+) , (?:its|their) (?:[a-z][\w\-]* ){{0,4}}?{UNIT_ALONE} "
       rf"(?:(?:(?!E\d)\S+ ){{0,6}}?, to {O('a')})?",
       {"s": "seller", "t": "target", "a": "acquirer"}, 0.75),
    # Who sells, told on its own ("Y is owned by private equity firm X", "Y is being sold by X", "Y, the
    # Kazakh unit of X", "Y's owner, X", "buying shares from X"): the seller of the deal told nearby
    # (events.py joins them).
    _f("owned_by", "seller", "seller",
       rf"{S('t')}(?:is|was|has been|had been|are|were) (?:(?:currently|majority|wholly|partly|jointly|still|now|"
       rf"privately|largely|mostly) )*(?:-?owned|controlled) (?:(?!E\d)\S+ ){{0,4}}?by {O('s')}",
       {"t": "target", "s": "seller"}, 0.6, "no_background"),
    _f("being_sold_by", "seller", "seller",
       rf"{S('t')}(?:is|are) being (?P<v>sold) by {O('s')}",
       {"t": "target", "s": "seller"}, 0.6, "no_background"),
    _f("unit_of", "seller", "seller",
       # (the word before is kept in the match: a company after a preposition opens no frame of its own)
       rf"(?:\S+ )?(?P<t>E\d+) , (?:the|its|a|an) (?:(?!E\d)\S+ ){{0,5}}?(?:unit|subsidiary|arm|division|business|affiliate) "
       rf"of {O('s')}",
       {"t": "target", "s": "seller"}, 0.6, "no_background"),
    _f("owner_is", "seller", "seller",
       rf"(?:\S+ )?(?P<t>E\d+) 's (?:\S+ )?(?:owner|owners|parent) , (?:(?!E\d)\S+ ){{0,4}}?(?P<s>E\d+)",
       {"t": "target", "s": "seller"}, 0.6, "no_background"),
    _f("shares_from", "seller", "seller",
       rf"(?:buy|buys|buying|bought|acquire|acquires|acquiring|acquired|purchase|purchases|purchasing|purchased) "
       rf"(?:(?!E\d)\S+ ){{0,4}}?(?:shares|stake|holding|stock|interest) from {O('s')}",
       {"s": "seller"}, 0.6, "no_background"),
    # Funding: "Y raised $300m in a Series D led by X", "X led a $100m round in Y"
    _f("round_led", "deal", "investment",
       rf"{S('t')}{RAISE_V} (?:\S+ ){{0,4}}?(?:(?P<m>M\d+) )?(?:\S+ ){{0,10}}?(?:led|co-led|headed) by {O('a')}",
       {"a": "acquirer", "t": "target"}, 0.85),
    _f("round_from", "deal", "investment",
       rf"{S('t')}{RAISE_V} (?:\S+ ){{0,4}}?(?P<m>M\d+) (?:\S+ ){{0,4}}?(?:in |of )?(?:\S+ ){{0,3}}?"
       rf"(?:{ROUND}) (?:\S+ ){{0,3}}?from {O('a')}",
       {"a": "acquirer", "t": "target"}, 0.8),
    _f("round_lead", "deal", "investment",
       rf"{S('a')}(?P<v>led|leads|co-led|headed|spearheaded) (?:\S+ ){{0,6}}?(?:{ROUND}|raise) (?:\S+ ){{0,6}}?"
       rf"(?:in|for|into|of) {O('t')}",
       {"a": "acquirer", "t": "target"}, 0.8),
    # (Money to be raised "over the next twelve months" is a fundraising target, not a round.)
    _f("round_plain", "deal", "investment",
       rf"{S('t')}{RAISE_V} (?:\S+ ){{0,4}}?(?P<m>M\d+) (?:\S+ ){{0,6}}?(?:{ROUND}) "
       rf"(?!(?:\S+ ){{0,4}}?(?:over|in|during|within) the (?:next|coming|following) )",
       {"t": "target"}, 0.75),
    _f("investment_from", "deal", "investment",
       rf"{S('t')}{RAISE_V} (?:\S+ ){{0,4}}?(?:investment|funding|financing|backing|capital) "
       rf"(?:\S+ ){{0,3}}?from {O('a')}",
       {"a": "acquirer", "t": "target"}, 0.75),
    # "X is exploring a sale of the company", "X puts itself up for sale": a target without a buyer
    _f("self_sale", "deal", "acquisition",
       # ("the company" may already be a marker for the subject itself; a sale of another company
       #  is read first, by sale_of_to, and this reading then yields to it.)
       rf"{S('t')}(?:(?:\S+ ){{0,3}}?(?:sale|sell-off) of (?:itself|the company|the business|the group|the firm|"
       rf"the publisher|the bank|the lender|E\d+ (?!, |'s ))|(?P<v>put(?:s|ting)?) itself up for sale)",
       {"t": "target"}, 0.7),
    # "X is considering a strategic investment in Y", "X made a $50m investment in Y"
    _f("investment_noun_subj", "deal", "investment",
       rf"{S('a')}(?P<v>consider(?:s|ed|ing)?|weigh(?:s|ed|ing)?|mull(?:s|ed|ing)?|plan(?:s|ned|ning)?|"
       rf"announc(?:e|es|ed|ing)|agree(?:s|d)?|mak(?:e|es|ing)|made|complet(?:e|es|ed|ing)|finali[sz](?:e|es|ed|ing)|"
       rf"seal(?:s|ed|ing)?|eye(?:s|ing|d)?|explor(?:e|es|ed|ing)|propos(?:e|es|ed|ing)|confirm(?:s|ed|ing)?) "
       rf"(?:a |an |its |their )(?:(?!in )\S+ ){{0,4}}?investment (?:of {_ABOUT_M}(?P<m>M\d+) )?in {O('t')}",
       {"a": "acquirer", "t": "target"}, 0.75),
    # "X invests $2bn in Y", "X is pouring $1bn into Y"
    _f("invest_in", "deal", "investment",
       rf"{S('a')}{INVEST_V} (?:(?:an |a |another |additional |further |up to |about |around |nearly |"
       rf"roughly |some |more than |over |\S+ly )*(?P<m>M\d+) (?:(?!in |into )\S+ ){{0,4}}?)?(?:in|into) {O('t')} (?!'s)",
       {"a": "acquirer", "t": "target"}, 0.8),
    _f("investment_poss", "deal", "investment",
       rf"(?P<a>E\d+) 's (?:(?P<m>M\d+) |\S+ ){{0,3}}?(?:investment|backing) (?:of (?P<m2>M\d+) )?in {O('t')}",
       {"a": "acquirer", "t": "target"}, 0.7),
    _f("investment_noun", "deal", "investment",
       rf"(?:investment|funding|financing|backing) (?:of (?P<m>M\d+) )?(?:from|by) {O('a')} (?:in|into|for) {O('t')}",
       {"a": "acquirer", "t": "target"}, 0.7),
    # --- customer changes ----------------------------------------------------------
    # "X has chosen Z instead of Y to supply the cables"
    _f("pick_instead", "customer_change", "churn",
       rf"{S('c')}{PICK_V} {O('k')} (?:instead of|rather than) (?:its |the |their )?(?:incumbent |existing |current |"
       rf"long-time |longtime )?(?P<vd>E\d+)",
       {"c": "customer", "vd": "vendor", "k": "competitor"}, 0.8),
    # The vendor tells of a new customer: "Y said X had signed on as a client"
    _f("told_signed_on", "customer_change", "new_customer",
       rf"{S('vd')}(?:said|says|announced|announces|confirmed|disclosed) (?:\S+ ){{0,3}}?(?:that )?{O('c')} {_APPOS}"
       rf"(?:has |had |have )?(?P<v>signed on|signed up|came on board|joined) as (?:a |an |its |their )?(?:\S+ ){{0,2}}?"
       rf"(?:customer|client)",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # A move told with the contract it ends: "X will hand its transports to Z, ending a contract with Y"
    _f("move_ending", "customer_change", "churn",
       rf"{S('c')}(?P<v>(?:mov|shift|switch|migrat|transfer|hand|giv|award|grant)\S*|gave) (?:(?!E\d)\S+ ){{0,10}}?"
       rf"(?:to|onto) {O('k')} (?:(?!E\d)\S+ ){{0,8}}?, (?:ending|terminating|replacing) (?:a |an |its |their |the )?"
       rf"(?:(?!E\d)\S+ ){{0,5}}?(?:contract|relationship|agreement|deal|partnership|arrangement) with {O('vd')}",
       {"c": "customer", "vd": "vendor", "k": "competitor"}, 0.8),
    # A churn and its successor in one clause: "X ended its contract with Y and hired Z", "X has ended
    # its deal with Y and awarded the contract to Z"
    _f("churn_and_pick", "customer_change", "churn",
       rf"{S('c')}{CHURN_V} {O('vd')} (?:(?!E\d)\S+ ){{0,16}}?and (?:has |have |will |would |to )?"
       rf"(?:hire|hired|hires|award|awarded|awards|appoint|appointed|pick|picked|select|selected|choose|chose|chosen|"
       rf"sign|signed|move|moved|moves|switch|switched|hand|handed|give|gave|shift|shifted|bring|brought) "
       rf"(?:(?!E\d)\S+ ){{0,8}}?{O('k')}",
       {"c": "customer", "vd": "vendor", "k": "competitor"}, 0.8),
    # The work taken from the incumbent: "X awarded the contract to Z, taking the work from Y",
    # "Z won a contract to print X's titles, taking the work from Y"
    _f("award_taking", "customer_change", "churn",
       rf"{S('c')}(?P<v>award(?:s|ed|ing)?|grant(?:s|ed|ing)?|hand(?:s|ed|ing)?|gave|giv(?:e|es|ing)) (?:(?!E\d)\S+ ){{0,14}}?"
       rf"to {O('k')} (?:(?!E\d)\S+ ){{0,6}}?, taking (?:the |its )?(?:\S+ )?(?:work|business|contract|account) from "
       rf"(?:(?!E\d)\S+ ){{0,4}}?(?:, )?(?P<vd>E\d+)",
       {"c": "customer", "vd": "vendor", "k": "competitor"}, 0.8),
    _f("won_taking", "customer_change", "churn",
       rf"{S('k')}{WIN_V} (?:(?!E\d)\S+ ){{0,12}}?(?P<c>E\d+) 's (?:(?!E\d)\S+ ){{0,8}}?, taking (?:the |its )?(?:\S+ )?"
       rf"(?:work|business|contract|account) from (?:(?!E\d)\S+ ){{0,4}}?(?:, )?(?P<vd>E\d+)",
       {"c": "customer", "vd": "vendor", "k": "competitor"}, 0.8),
    # "X told Y it would move its scheduling to Z when the term ends"
    _f("told_move", "customer_change", "churn",
       rf"{S('c')}(?:told|informed|notified) {O('vd')} (?:\S+ ){{0,4}}?(?:that )?(?:it|they|E\d+) (?:will|would|is going to|"
       rf"was going to|plans to|planned to) (?:be )?{MOVE_V} (?:(?!E\d)\S+ ){{0,8}}?(?:to|onto) {O('k')}",
       {"c": "customer", "vd": "vendor", "k": "competitor"}, 0.8),
    # "X moves its workloads from Y to Z", "X switches from Y to Z"
    _f("move_from_to", "customer_change", "churn",
       rf"{S('c')}{MOVE_V} (?:(?:\S+ ){{0,10}}?)(?:from|away from|off) {O('vd')} (?:(?:\S+ ){{0,4}}?)"
       rf"(?:to|in favou?r of|onto|towards) {O('k')}",
       {"c": "customer", "vd": "vendor", "k": "competitor"}, 0.85),
    _f("replace_with", "customer_change", "churn",
       rf"{S('c')}(?P<v>replac(?:e|es|ed|ing)|swap(?:s|ped|ping)? out) {O('vd')} (?:\S+ ){{0,3}}?(?:with|by|for) {O('k')}",
       {"c": "customer", "vd": "vendor", "k": "competitor"}, 0.8),
    _f("switch_to_from", "customer_change", "churn",
       rf"{S('c')}{MOVE_V} (?:\S+ ){{0,3}}?to {O('k')} (?:\S+ ){{0,3}}?from {O('vd')}",
       {"c": "customer", "vd": "vendor", "k": "competitor"}, 0.8),
    _f("move_away", "customer_change", "churn",
       rf"{S('c')}{MOVE_V} (?:(?:\S+ ){{0,5}}?)(?:away from|off) {O('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "we finished moving X off Y"
    _f("move_obj_off", "customer_change", "churn",
       rf"{MOVE_V} {O('c')} (?:(?!E\d)\S+ ){{0,3}}?off {O('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.7),
    # "X is exploring alternatives to Y's software"
    _f("alternatives", "customer_change", "churn",
       rf"{S('c')}(?P<v>explor(?:e|es|ed|ing)|seek(?:s|ing)?|sought|look(?:s|ed|ing)? (?:for|at)|weigh(?:s|ed|ing)?|"
       rf"consider(?:s|ed|ing)?|evaluat(?:e|es|ed|ing)|test(?:s|ed|ing)?|review(?:s|ed|ing)?|trial(?:s|led|ling)?) "
       rf"(?:\S+ ){{0,2}}?alternatives? (?:to|for) {O('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.7),
    # "X will move its network to Z when its contract with Y expires"
    _f("move_when", "customer_change", "churn",
       rf"{S('c')}{MOVE_V} (?:\S+ ){{0,8}}?(?:to|onto) {O('k')} (?:\S+ ){{0,3}}?(?:when|once|after|as) "
       rf"(?:its|their|the) (?:\S+ ){{0,3}}?(?:contract|agreement|deal|relationship) with {O('vd')}",
       {"c": "customer", "vd": "vendor", "k": "competitor"}, 0.8),
    # "X said it was not in talks with Y", "X broke off talks with Y": the status of a deal told
    # elsewhere (merge adds it to the deal between the two, never makes one).
    _f("talks_with", "talks", "talks",
       rf"{S('a')}(?:talks|discussions|negotiations) with {O('t')}",
       {"a": "acquirer", "t": "target"}, 0.5, "negation_denies", "no_background"),
    # "X moved its card processing to Z": the competitor of a change told elsewhere
    _f("move_to", "customer_change", "churn",
       rf"{S('c')}{MOVE_V} (?:its |their )(?:\S+ ){{0,4}}?(?:to|onto) {O('k')}",
       {"c": "customer", "k": "competitor"}, 0.5),
    # "X pays Y around $310m a year": the spend of a change told elsewhere
    _f("spend_pays", "spend", "spend",
       rf"{S('c')}(?P<v>pa(?:ys|id|ying)|spen(?:ds|t|ding)|paid) {O('vd')} (?:\S+ ){{0,3}}?(?P<m>M\d+)",
       {"c": "customer", "vd": "vendor"}, 0.5, "no_background"),
    _f("spend_with", "spend", "spend",
       rf"{S('c')}(?:\S+ ){{0,2}}?(?P<v>spen(?:d|ds|t|ding)|pa(?:y|ys|id|ying)) (?:\S+ ){{0,3}}?(?P<m>M\d+) "
       rf"(?:\S+ ){{0,6}}?(?:with|at|on|to|of|for) {O('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.5, "no_background"),
    # "Y put the annual value of its X business at about £420m": the vendor tells the customer's spend
    _f("spend_valued", "spend", "spend",
       rf"{S('vd')}(?P<v>put|puts|putting|valued|values|estimated|estimates) (?:the )?(?:annual |yearly )?value of "
       rf"(?:its |the )(?P<c>E\d+) (?:business|account|contract|relationship) at {_ABOUT_M}(?P<m>M\d+)",
       {"c": "customer", "vd": "vendor"}, 0.5, "no_background"),
    # "X led the round", "The round was led by X": the lead investor of a round told just before
    _f("round_lead_only", "lead", "lead",
       rf"(?:{S('a')}(?P<v>led|co-led|headed) (?:the |this |that )(?:\S+ )?(?:round|raise|financing|funding) |"
       rf" (?:the |this |that )(?:\S+ )?(?:round|financing|funding) (?:was |is |has been )(?:co-)?led by {O('a2')})",
       {"a": "acquirer", "a2": "acquirer"}, 0.5),
    # "X buys about £65m a year of Y products"
    _f("spend_buy", "spend", "spend",
       rf"{S('c')}(?:\S+ ){{0,2}}?(?P<v>buy(?:s|ing)?|bought|purchas(?:e|es|ed|ing)) (?:\S+ ){{0,3}}?(?P<m>M\d+) "
       rf"(?:(?:a year|annually|per year|each year|a month) )?(?:\S+ ){{0,4}}?(?:of|from) {O('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.5, "no_background"),
    # "the retailer's annual spend with Y would rise to about £40m"
    _f("spend_noun", "spend", "spend",
       rf"(?P<c>E\d+) 's (?:annual |yearly |total |overall )?(?:spend|spending|purchases|orders) (?:with|on|at|through|from) "
       rf"{O('vd')} (?:\S+ ){{0,4}}?"
       rf"{_ABOUT_M}(?P<m>M\d+)",
       {"c": "customer", "vd": "vendor"}, 0.5, "no_background"),
    # "X paid $610m in cash and shares for Y", "X will pay about $45m for Y", "X paid $740m for the
    # shares": the price of a deal told elsewhere (merge adds it to that deal, never makes one).
    _f("paid_for", "price", "price",
       rf"{S('a')}(?P<v>pa(?:ys|id|ying|y)|spen(?:ds|t|ding|d)|shell(?:s|ed|ing)? out) {_ABOUT_M}(?P<m>M\d+) "
       rf"(?:(?!for )\S+ ){{0,6}}?for (?:{O('t')}|(?:the|its|their|a|this) (?:\S+ )?(?:shares|stake|holding|"
       rf"company|business|unit|deal|acquisition|purchase|takeover|assets))",
       {"a": "acquirer", "t": "target"}, 0.5, "no_background"),
    # "The fund bought a further 8.5 million shares for about €96m": the price of a stake told elsewhere
    _f("shares_for", "price", "price",
       rf"{S('a')}(?P<v>bought|buys|buying|purchased|acquired) (?:\S+ ){{0,4}}?(?:shares|stake|holding) (?:\S+ ){{0,8}}?"
       rf"for {_ABOUT_M}(?P<m>M\d+)",
       {"a": "acquirer"}, 0.5, "no_background"),
    # "Y lost X, its largest customer, to a rival", "Y lost X to a competitor"
    _f("lost_to_rival", "customer_change", "churn",
       rf"{S('vd')}(?P<v>lost|los(?:e|es|ing)) {O('c')} (?:, (?:\S+ ){{0,5}}?(?:customer|client|account) , )?"
       rf"to (?:a |an |one of its |its )?(?:\S+ )?(?:rival|competitor|rivals|competitors|competition)",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # "X will continue to work with Y to a lesser extent"
    _f("continue_less", "customer_change", "reduction",
       rf"{S('c')}(?P<v>continu(?:e|es|ed|ing)|keep(?:s|ing)?|kept|still) (?:to )?(?:\S+ ){{0,2}}?"
       rf"(?:work(?:s|ing)?|us(?:e|es|ing)|buy(?:s|ing)?|source|sourcing|do(?:es|ing)? business|rel(?:y|ies|ying)) "
       rf"(?:(?:(?!E\d)\S+ ){{0,4}}?(?:with |from |on ))?{O('vd')} (?:\S+ ){{0,8}}?(?:to a (?:lesser|smaller|limited|reduced) (?:extent|degree)|"
       rf"in (?:smaller|lower|reduced|limited) (?:volumes?|quantities|amounts|numbers)|"
       rf"less|on a (?:smaller|reduced|limited) (?:scale|basis)|in a (?:reduced|limited|smaller) (?:capacity|role|way)|"
       rf"at (?:a )?(?:reduced|lower) (?:level|volume|scale)s?)",
       {"c": "customer", "vd": "vendor"}, 0.85, "continuing"),
    # "X cuts its spending with Y", "X wants to reduce its expenditure at Y"
    _f("reduce_spend", "customer_change", "reduction",
       rf"{S('c')}{REDUCE_V} (?:(?:\S+ ){{0,4}}?){SPEND_N}s? (?:(?:\S+ ){{0,3}}?)(?:with|at|on|from|to|of|through) {O('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # "X would buy fewer Y radio units"
    _f("buy_fewer", "customer_change", "reduction",
       rf"{S('c')}(?P<v>buy(?:s|ing)?|bought|order(?:s|ed|ing)?|purchas(?:e|es|ed|ing)|us(?:e|es|ed|ing)) "
       rf"(?:fewer|less) {O('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "X ditches Y for Z", "X is leaving Y in favour of Z": the churn with the competitor named
    _f("churn_for", "customer_change", "churn",
       rf"{S('c')}(?P<v>drop(?:s|ped|ping)?|ditch(?:es|ed|ing)?|dump(?:s|ed|ing)?|abandon(?:s|ed|ing)?|"
       rf"leav(?:e|es|ing)|left|quit(?:s|ting)?|replac(?:e|es|ed|ing)) {O('vd')} (?:(?:as|for) (?:its |their |a |an )?"
       rf"(?:\S+ ){{0,2}}?(?:supplier|provider|vendor|partner|contractor|platform|processor) )?"
       rf"(?:for|in favou?r of) (?:(?:a |an |the )?(?:rival|competitor|competing|cheaper|local|\S+ 's) )?{O('k')}",
       {"c": "customer", "vd": "vendor", "k": "competitor"}, 0.8),
    # "X drops Y", "X ends its contract with Y", "X withdraws from Y as a customer"
    _f("churn_verb", "customer_change", "churn",
       rf"{S('c')}{CHURN_V} {O('vd')} (?!'s (?:stake|shares|board)|(?:'s )?(?:deal|takeover|acquisition|merger|"
       rf"bid|offer|transaction|purchase|stake)\b)",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "Y was dropped as a supplier by X"
    _f("dropped_by", "customer_change", "churn",
       rf"{S('vd')}(?:was|were|has been|have been|had been|is being|will be|is|are|been|being|got|gets) (?:\S+ )?"
       rf"(?P<v>dropped|ditched|dumped|abandoned|axed|sacked|fired) (?:as (?:a |an |its |their )?"
       rf"(?:\S+ ){{0,3}}?(?:supplier|provider|vendor|partner|contractor|platform|processor) )?by {O('c')}",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # "Y lost the X account", "Y lost X's business"; "Y won X's business"
    _f("lost_account", "customer_change", "churn",
       rf"{S('vd')}(?P<v>lost|los(?:e|es|ing)) (?:the |its |their )?(?P<c>E\d+) (?:'s )?(?:\S+ )?"
       rf"(?:account|business|contract|custom|orders?)\b",
       {"c": "customer", "vd": "vendor"}, 0.8),
    _f("won_account", "customer_change", "new_customer",
       rf"{S('vd')}(?P<v>won|wins?|winning|land(?:s|ed|ing)?|secur(?:e|es|ed|ing)|clinch(?:es|ed|ing)?|"
       rf"bag(?:s|ged|ging)?|snag(?:s|ged|ging)?) (?:the )?(?P<c>E\d+) (?:'s )?(?:\S+ )?(?:account|business|custom)\b",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # Passive choices: "Y was selected by X to supply ...", "Y has been picked by X as its processor"
    _f("picked_by", "customer_change", "new_customer",
       rf"{S('vd')}(?:was|were|has been|have been|had been|will be|is|is being|be|been) (?:\S+ )?"
       rf"(?P<v>picked|chosen|selected|tapped|hired|enlisted|engaged|commissioned|contracted|retained|appointed) "
       rf"(?:\S+ ){{0,3}}?by {O('c')} (?:, (?:(?!E\d)\S+ ){{1,8}}?, )?(?:\S+ ){{0,4}}?(?:to [a-z]+|as (?:its |their |a |an |the )?(?:\S+ ){{0,3}}?"
       rf"(?:supplier|provider|vendor|partner|contractor|manufacturer|platform|bidder|operator|integrator|builder|"
       rf"wholesaler|distributor|auditor|agency|caterer|printer|carrier|insurer|broker|host|maker|producer)|"
       rf"for (?:a |an |the |its )?(?:\S+ ){{0,5}}?{CONTRACT_N})",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # "Rolls-Royce, Harwood's second-largest customer, reduced its orders by 20%"
    _f("customer_appos_cut", "customer_change", "reduction",
       rf"(?P<c>E\d+) , (?P<vd>E\d+) 's (?:\S+ ){{0,2}}?(?:customer|client) (?:(?!E\d|, )\S+ ){{0,6}}?, (?:has |have )?"
       rf"(?P<v>reduced|cut|slashed|trimmed|lowered|halved|scaled back) (?:its|their) (?:\S+ ){{0,2}}?"
       rf"(?:orders|purchases|spending|volumes?|business|buying|call-offs)",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # "X will let its contract with Y expire"
    _f("let_lapse", "customer_change", "churn",
       rf"{S('c')}(?P<v>let|lets|letting|allow|allows|allowed) (?:its |their |the )(?:\S+ ){{0,3}}?"
       rf"(?:contract|agreement|deal|licen[cs]e|subscription|concession) with {O('vd')} (?:to )?(?:expire|lapse|run out)",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # "Y has lost its listing with X"
    _f("lost_listing", "customer_change", "churn",
       rf"{S('vd')}(?P<v>lost|los(?:e|es|ing)) (?:its |their |the )(?:\S+ )?(?:listing|listings|shelf space|place) "
       rf"(?:with|at|in) {O('c')}",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # "X will outsource its lab work at 11 hospitals to Y"
    _f("outsource_to", "customer_change", "new_customer",
       rf"{S('c')}(?P<v>outsourc(?:e|es|ed|ing)) (?:(?!to |E\d)\S+ ){{0,8}}?(?:(?:in|at|across) (?:E\d+ (?:and |, )?)+)?"
       rf"(?:(?!to |E\d)\S+ ){{0,6}}?to {O('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # "Y lost X as a customer", "Y lost the contract with X"
    _f("lost_customer", "customer_change", "churn",
       rf"{S('vd')}(?P<v>lost|los(?:e|es|ing)) {O('c')} as (?:a |an )?(?:\S+ ){{0,2}}?(?:customer|client|account)",
       {"c": "customer", "vd": "vendor"}, 0.85),
    _f("lost_contract", "customer_change", "churn",
       rf"{S('vd')}(?P<v>lost|los(?:e|es|ing)) (?:a |an |the |its )?(?:(?!E\d)\S+ ){{0,5}}?(?:contract|business|account|"
       rf"order|orders|deal) (?:(?!E\d)\S+ ){{0,7}}?(?:of|from|with|for|at) {O('c')}"
       rf"(?: (?:\( E\d+ \) )?(?:, (?:(?!E\d)\S+ ){{1,10}}?, )?to (?:\S+ ){{0,2}}?(?P<k>E\d+))?",
       {"c": "customer", "vd": "vendor", "k": "competitor"}, 0.8),
    # "Y has lost the contract to run X's warehouse"; "Y won a contract to print X's magazines"
    _f("lost_contract_to", "customer_change", "churn",
       rf"{S('vd')}(?P<v>lost|los(?:e|es|ing)) (?:a |an |the |its )?(?:(?!E\d)\S+ ){{0,5}}?(?:contract|business|account|"
       rf"deal|work) to [a-z]+ (?:(?!E\d)\S+ ){{0,3}}?(?P<c>E\d+) 's",
       {"c": "customer", "vd": "vendor"}, 0.8),
    _f("won_contract_to", "customer_change", "new_customer",
       rf"{S('vd')}{WIN_V} (?:a |an |the |its )?(?:(?!E\d)\S+ ){{0,6}}?(?:contract|agreement|deal|order|tender|mandate) "
       rf"(?:(?!E\d)\S+ ){{0,5}}?to (?!use |deploy |adopt |licen|buy |purchase |acquire |rent |lease |access |"
       rf"migrate |move |run (?:\S+ ){{0,3}}?on )[a-z]+ (?:(?!E\d)\S+ ){{0,3}}?(?P<c>E\d+) 's",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "X renewed and expanded its contract with Y", "X doubles its spending with Y"
    _f("expand_rel", "customer_change", "expansion",
       rf"{S('c')}{EXPAND_V} (?:its |their |a |the |an )?(?:(?:\S+ ){{0,4}}?){REL_N} (?:(?:\S+ ){{0,3}}?)"
       rf"(?:with|on|at|of|from|for(?= E\d+ 's )) {O('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # Headlines: "X doubles Y contract", "X renews and expands Y deal"
    _f("expand_head", "customer_change", "expansion",
       rf"{S('c')}{EXPAND_V} (?:its |their |the |a |an )?(?P<vd>E\d+) (?:'s )?(?:\S+ ){{0,2}}?(?:contract|deal|order|agreement|"
       rf"subscription|licen[cs]e|account)s? (?!with |by )",
       {"c": "customer", "vd": "vendor"}, 0.7),
    # Quantities: "X doubled the number of engines it sends to Y", "X will double the volume of
    # panels it buys from Y", "X will send a smaller share of its volumes through Y"
    _f("expand_quantity", "customer_change", "expansion",
       rf"{S('c')}{EXPAND_V} (?:the |its |their )?(?:\S+ )?{QTY_N} of (?:\S+ ){{1,3}}?(?:that |which )?(?:it|they|E\d+) "
       rf"(?:\S+ )?{FLOW_V} (?:\S+ ){{0,3}}?(?:to|from|with|through|at|via) {O('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.8),
    _f("reduce_quantity", "customer_change", "reduction",
       rf"{S('c')}(?:(?!E\d)\S+ ){{0,3}}?{FLOW_V} (?:only )?(?:a |the )?(?:smaller|lower|reduced|shrinking|diminished|less|fewer) "
       rf"(?:\S+ )?{QTY_N} (?:of (?:\S+ ){{1,3}}?)?(?:to|through|with|via|at|from) {O('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.8),
    _f("reduce_quantity2", "customer_change", "reduction",
       rf"{S('c')}{REDUCE_V} (?:the |its |their )?(?:\S+ )?{QTY_N} of (?:\S+ ){{1,3}}?(?:that |which )?(?:it|they|E\d+) "
       rf"(?:\S+ )?{FLOW_V} (?:\S+ ){{0,3}}?(?:to|from|with|through|at|via) {O('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # "X rescinded a contract it awarded in April to Y": the award told in a relative clause
    _f("contract_it_awarded", "customer_change", "new_customer",
       rf"{S('c')}(?:\S+ ){{0,4}}?{CONTRACT_N} (?:that |which )?(?:it|they|E\d+) (?:had )?(?P<v>awarded|granted|gave|handed|let) "
       rf"(?:\S+ ){{0,3}}?to {O('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "Y has won the contract to supply X"
    _f("win_to_supply", "customer_change", "new_customer",
       rf"{S('vd')}{WIN_V} (?:a |an |the |its )?(?:\S+ ){{0,3}}?{CONTRACT_N}s? to (?:supply|serve|equip|support|run "
       rf"(?:\S+ ){{0,3}}?(?:for|at)) {O('c')}",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "X will keep buying from Y but has cut its orders by a third"
    _f("keep_but_cut", "customer_change", "reduction",
       rf"{S('c')}(?:will |would )?(?:keep|continue to|continues to) (?:\S+ ){{0,4}}?(?:from |on |with |at )?"
       rf"{O('vd')} (?:\S+ ){{0,3}}?but (?:\S+ ){{0,3}}?{REDUCE_V}",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "(Analyst) put X's annual spend on Y at roughly £14m"
    _f("spend_put_at", "spend", "spend",
       rf"(?:put|puts|putting|estimated|estimates) (?P<c>E\d+) 's (?:annual |yearly )?(?:spend|spending|purchases) "
       rf"(?:on|with|at|from) (?P<vd>E\d+) (?:\S+ )?at {_ABOUT_M}(?P<m>M\d+)",
       {"c": "customer", "vd": "vendor"}, 0.5, "no_background"),
    # "Y won a contract from X", "Y signed a $50m deal with X"
    # "X has signed a multi-year agreement with Y covering LNG supplies": Y supplies
    _f("signed_supply", "customer_change", "new_customer",
       rf"{S('c')}(?P<v>sign(?:s|ed|ing)?|agreed|struck|inked) (?:a |an |the )?(?:\S+ ){{0,4}}?{CONTRACT_N}s? with "
       rf"{O('vd')} (?:\S+ ){{0,3}}?(?:covering|for|to (?:supply|provide|deliver)) (?:\S+ ){{0,3}}?"
       rf"(?:suppl|deliver|provision|servic)\S*",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # "X is cutting back the number of Y sorting systems it runs"
    _f("reduce_qty_of", "customer_change", "reduction",
       rf"{S('c')}{REDUCE_V} (?:the |its |their )?(?:\S+ )?{QTY_N} of (?P<vd>E\d+) (?:\S+ ){{0,3}}?(?:that |which )?"
       rf"(?:it|they|E\d+) (?:\S+ )?{FLOW_V}",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # A contract the signer takes for itself: "X signed a ten-year contract with Y for its payroll
    # system", "X signed an agreement with Y to replace its old platform"
    _f("signed_for_own", "customer_change", "new_customer",
       rf"{S('c')}(?P<v>sign(?:s|ed|ing)?|agreed|struck|inked) (?:a |an |the )?(?:(?!E\d)\S+ ){{0,7}}?"
       rf"(?:contract|agreement|deal|commitment|lease|pact)s? with {O('vd')} (?:(?!E\d)\S+ ){{0,5}}?"
       rf"(?:for|to (?:replace|use|migrate|modernise|modernize|upgrade)|covering) (?:all of |each of |most of )?(?:its|their) ",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # Orders told with the vendor after "from": "X has ordered 40 more trains from Y" (expansion),
    # "X will purchase 25 turbines from Y" (a new customer); not a stake, unit or company bought.
    _f("order_more_from", "customer_change", "expansion",
       rf"{S('c')}{ORDER_V} {_ORDER_MORE}{_GOODS}from {O('vd')} (?!instead of |rather than )",
       {"c": "customer", "vd": "vendor"}, 0.75),
    _f("order_from", "customer_change", "new_customer",
       rf"{S('c')}{ORDER_V} {_GOODS}from {O('vd')} (?!instead of |rather than )",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # The vendor's name on the goods: "X ordered 30 more Y jets", "X has ordered 28 Y haul trucks"
    _f("order_more_brand", "customer_change", "expansion",
       rf"{S('c')}{ORDER_V} {_ORDER_MORE}(?P<vd>E\d+) (?!'s )",
       {"c": "customer", "vd": "vendor"}, 0.7),
    _f("order_brand", "customer_change", "new_customer",
       rf"{S('c')}{ORDER_V} {_COUNT}(?:new )?(?P<vd>E\d+) (?!'s )[a-z]",
       {"c": "customer", "vd": "vendor"}, 0.7),
    # "X signed a five-year contract with Y": the signer buys, unless the clause says it supplies
    _f("signed_with", "customer_change", "new_customer",
       rf"{S('c')}(?P<v>sign(?:s|ed|ing)?|ink(?:s|ed|ing)?|agreed|struck) (?:a |an |the )?(?:(?!E\d)\S+ ){{0,7}}?"
       rf"(?<!supply )(?<!offtake )(?<!off-take )(?<!distribution )(?<!sales )(?<!licensing )(?<!reseller )"
       rf"(?:contract|agreement|deal|commitment|lease|pact)s? (?:\( (?:\S+ ){{1,3}}?\) )?with {O('vd')} "
       # (who supplies is told after: "... with Y to run its network" has the signer supply; "Y, a customer
       # since 2019" names the customer)
       rf"(?!, (?:a |an |its |their |the )?(?:\S+ ){{0,2}}?(?:customer|client|user)|(?:\S+ ){{0,8}}?(?:to|will|would) "
       rf"(?:supply|provide|deliver|build|make|manufacture|produce|install|acquire|run|operate|manage|host|maintain|"
       rf"support|service|distribute|sell|market)\b|(?:\S+ ){{0,6}}?to [a-z]+ (?:and [a-z]+ )?(?:the )?E\d+ 's )",
       {"c": "customer", "vd": "vendor"}, 0.7),
    # Cloud and platform commitments: "X signed a $250 million, five-year agreement to run its systems on Y",
    # "X struck a deal to use Y's cloud"
    _f("signed_to_run_on", "customer_change", "new_customer",
       rf"{S('c')}(?P<v>sign(?:s|ed|ing)?|ink(?:s|ed|ing)?|agreed|struck) (?:a |an |the )?(?:(?!E\d)\S+ ){{0,8}}?"
       rf"(?:contract|agreement|deal|commitment)s? to (?:(?:run|move|host|migrate|put|shift) (?:(?!E\d)\S+ ){{0,10}}?"
       rf"(?:on|onto|to|with)|use) {O('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # An order for a maker's goods: "X has signed a firm order for 50 Y A321neo jets", "X placed an order for Y trucks"
    _f("order_signed_brand", "customer_change", "new_customer",
       rf"{S('c')}(?P<v>sign(?:s|ed|ing)?|plac(?:e|es|ed|ing)|firm(?:s|ed)? up) (?:a |an )?(?:firm |new |further |"
       rf"additional |multi-year |\S+-year )?orders? for (?:up to |another |a further )?(?:\d[\d,.]* )?(?:more |new |"
       rf"additional )?(?P<vd>E\d+) (?!'s )",
       {"c": "customer", "vd": "vendor"}, 0.8),
    _f("win_contract", "customer_change", "new_customer",
       rf"{S('vd')}{WIN_V} (?:a |an |the |its )?(?:(?:\S+ ){{0,5}}?){CONTRACT_N}s? (?:(?:\S+ ){{0,4}}?)"
       rf"(?:from|with|by|for|at) {O('c')}",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "X handed Y a five-year extension to its contract" (expansion), "X awarded Y a contract"
    _f("award_ext", "customer_change", "expansion",
       rf"{S('c')}(?P<v>award(?:s|ed|ing)?|grant(?:s|ed|ing)?|giv(?:e|es|ing)|gave|hand(?:s|ed|ing)?) {O('vd')} "
       rf"(?:a |an |the )?(?:\S+ ){{0,3}}?(?:extension|renewal|expansion) (?:to|of|on) ",
       {"c": "customer", "vd": "vendor"}, 0.8),
    _f("award_ditrans", "customer_change", "new_customer",
       rf"{S('c')}(?P<v>award(?:s|ed|ing)?|grant(?:s|ed|ing)?|giv(?:e|es|ing)|gave|hand(?:s|ed|ing)?) {O('vd')} "
       rf"(?:a |an |the )?(?:\S+ ){{0,4}}?{CONTRACT_N}s? ",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "X signed a ten-year offtake agreement under which it will supply ore to Y"
    _f("supply_deal", "customer_change", "new_customer",
       rf"{S('vd')}(?P<v>signed|agreed|struck|inked|won|secured|landed|clinched|reached) (?:a |an |the )?(?:\S+ ){{0,4}}?"
       rf"(?:agreement|contract|deal|pact) (?:\S+ ){{0,6}}?(?:suppl|deliver|provid|sell)\S* (?:(?:\S+ ){{0,6}}?"
       rf"(?:to|for) )?{O('c')}",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "X awarded a $140m signalling contract to Y", "X has handed the contract to Y"
    _f("award_to", "customer_change", "new_customer",
       rf"{S('c')}(?P<v>award(?:s|ed|ing)?|grant(?:s|ed|ing)?|giv(?:e|es|ing)|gave|hand(?:s|ed|ing)?|"
       rf"let(?:s|ting)?) (?:a |an |the |its |their )?(?:(?:(?!E\d)\S+ ){{0,9}}?)(?:{CONTRACT_N}s?|work|service|services) (?:(?:(?!to )\S+ ){{0,12}}?)"
       rf"to {O('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # Passive: "the contract was awarded to Y by X", "Y was awarded the contract by X"
    _f("awarded_by", "customer_change", "new_customer",
       rf"{CONTRACT_N}s? (?:(?!E\d)\S+ ){{0,16}}?(?:was|were|has been|have been|is|will be|had been) "
       rf"(?P<v>awarded|granted|given|handed|let) to {O('vd')} (?:\S+ ){{0,3}}?by {O('c')}",
       {"c": "customer", "vd": "vendor"}, 0.8),
    _f("was_awarded", "customer_change", "new_customer",
       rf"{S('vd')}(?:was|were|has been|have been|had been|will be) (?P<v>awarded|granted|given|handed) "
       rf"(?:a |an |the )?(?:(?:\S+ ){{0,5}}?){CONTRACT_N}s? (?:(?:\S+ ){{0,4}}?)by {O('c')}",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # "Y has been dropped as the own-label milk supplier to X"
    _f("dropped_as_supplier", "customer_change", "churn",
       rf"{S('vd')}(?:has been|have been|was|were|is being|will be) (?P<v>dropped|axed|ditched|replaced|removed) as "
       rf"(?:(?:(?!E\d)\S+ ){{0,6}}?(?:supplier|provider|vendor|partner|distributor)s?|E\d+) (?:to|of|for|at) {O('c')}",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # "After six years with Y, X switched to Z"
    _f("switched_after_years", "customer_change", "churn",
       rf"after (?:\S+ ){{1,3}}?with {O('vd')} , {S('c')}(?P<v>switched|moved|migrated|shifted) (?:\S+ ){{0,4}}?to {O('k')}",
       {"c": "customer", "vd": "vendor", "k": "competitor"}, 0.75),
    # "X has cut back the work it gives Y"
    _f("cut_back_work", "customer_change", "reduction",
       rf"{S('c')}{REDUCE_V} (?:back )?(?:on )?the (?:\S+ )?(?:work|business|volume|orders) (?:it|they|E\d+) "
       rf"(?:gives|give|sends|send|places|place) {O('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # "X has gone live with Y's passenger service system"
    _f("gone_live", "customer_change", "new_customer",
       rf"{S('c')}(?:has |have |had |is |are |went |will go |to go )?(?P<v>gone live|went live|go live|going live|live) "
       rf"with {O('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # Notice of termination: "X notified Y of its intent to terminate the agreement", "X delivered
    # notice to Y of its election to end the contract"
    _f("notice_end", "customer_change", "churn",
       rf"{S('c')}(?:\S+ ){{0,3}}?(?P<v>notif(?:y|ies|ied)|inform(?:s|ed)?|told|(?:gave|given|gives|deliver(?:s|ed)?|serv(?:es|ed)) "
       rf"(?:\S+ ){{0,2}}?notice to) {O('vd')} (?:\S+ ){{0,3}}?(?:of |that )?(?:its |their |it |they )(?:\S+ ){{0,2}}?"
       rf"(?:intent|intention|decision|election|plans?|would|will|was|is|had) (?:\S+ ){{0,2}}?(?:terminat|end|cancel|exit|"
       rf"not renew|not extend)",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # The vendor tells of a customer that stops buying its goods: "Y said X would stop ordering its
    # coaches", "Y expects X to stop buying its sensors"
    _f("told_stop_buying", "customer_change", "churn",
       rf"{S('vd')}(?:said|says|disclosed|confirmed|announced|warned|expects|expected|reported) (?:\S+ ){{0,3}}?(?:that )?"
       rf"{_ITS_CUSTOMER}{O('c')} {_APPOS}(?:\S+ ){{0,3}}?(?P<v>stop|cease|end|halt) (?:buying|sourcing|ordering|using|purchasing|"
       rf"stocking|selling|taking) (?:\S+ ){{0,3}}?(?:its|their|from its|from their)\b",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # The vendor tells of a customer that picked its product: "Y announced that X had selected its platform"
    _f("told_picked", "customer_change", "new_customer",
       rf"{S('vd')}(?:said|says|announced|announces|confirmed|disclosed) (?:\S+ ){{0,3}}?(?:that )?{O('c')} {_APPOS}"
       rf"(?:has |had |have )?(?:\S+ )?(?P<v>chosen|chose|selected|picked|signed up for|adopted) "
       rf"(?:its|their|(?P<vd2>E\d+) 's) (?!(?:\S+ ){{0,2}}?(?:chief|executive|ceo|chair|chairman|director|president|"
       rf"head|auditor|successor|name|logo|headquarters|location|partner)\b)",
       {"c": "customer", "vd": "vendor", "vd2": "vendor"}, 0.75),
    # "X has chosen Z to replace Y", "X picked Z, replacing Y" is read by replace_plain
    _f("pick_to_replace", "customer_change", "churn",
       rf"{S('c')}{PICK_V} {O('k')} (?:(?!E\d)\S+ ){{0,4}}?to replace (?:its |their )?{O('vd')}",
       {"c": "customer", "vd": "vendor", "k": "competitor"}, 0.8),
    # "X will replace Y as its payroll provider"
    _f("replace_as", "customer_change", "churn",
       rf"{S('c')}(?<!E\d to )(?<!E\d\d to )(?P<v>replac(?:e|es|ed|ing)) {O('vd')} as (?:its |their )(?:\S+ ){{0,4}}?(?:supplier|provider|"
       rf"vendor|operator|partner|contractor|auditor|manufacturer|maker|carrier|processor|wholesaler|distributor|"
       rf"agency|bank|broker|adviser|advisor|platform|host|caterer|printer|insurer)",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # A renewal told larger or smaller: "X renewed its contract with Y for five years, up from
    # $20m", "X renewed its deal with Y, but at half the value"
    _f("renew_less", "customer_change", "reduction",
       rf"{S('c')}(?P<v>renew(?:s|ed|ing)?) (?:its |their |the |a )?(?:(?!E\d)\S+ ){{0,4}}?(?:contract|agreement|deal|"
       rf"subscription|licen[cs]e)s? with {O('vd')} (?:(?!E\d)\S+ ){{0,12}}?(?:but|, but) (?:(?!E\d)\S+ ){{0,4}}?"
       rf"(?:half|lower|less|smaller|reduced|fewer|down from|cut|cutting|lowered|trimmed|scaled)",
       {"c": "customer", "vd": "vendor"}, 0.8),
    _f("renew_more", "customer_change", "expansion",
       rf"{S('c')}(?P<v>renew(?:s|ed|ing)?) (?:its |their |the |a )?(?:(?!E\d)\S+ ){{0,4}}?(?:contract|agreement|deal|"
       rf"subscription|licen[cs]e)s? with {O('vd')} (?:(?!E\d)\S+ ){{0,14}}?(?:up from|higher than|more than the|"
       rf"adding|added|to include|to cover|expanding|expanded|extending it|increasing|larger|bigger)",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # "X will not renew Y's contract"
    _f("not_renew_poss", "customer_change", "churn",
       rf"{S('c')}(?:will|would|did|does|has decided to|decided to|chose to|plans to) not (?P<v>renew|extend) "
       rf"(?:(?!E\d)[a-z]\S* ){{0,4}}?(?P<vd>E\d+) 's (?:(?!E\d)\S+ ){{0,4}}?(?:contract|agreement|deal|licen[cs]e)",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # "X has placed a follow-on order with Y" (expansion), "X placed an order with Y" (new customer)
    _f("order_more_with", "customer_change", "expansion",
       rf"{S('c')}(?P<v>plac(?:e|es|ed|ing)) (?:a |an |its |their )?(?:(?!E\d)\S+ ){{0,4}}?(?:follow-on|repeat|additional|further|"
       rf"another|new) (?:(?!E\d)\S+ ){{0,2}}?orders? with {O('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.75),
    _f("order_with", "customer_change", "new_customer",
       rf"{S('c')}(?P<v>plac(?:e|es|ed|ing)) (?:a |an |its |their )?(?:(?!E\d)\S+ ){{0,5}}?orders? with {O('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "X has selected Y's cloud platform for its stores"
    _f("pick_product", "customer_change", "new_customer",
       rf"{S('c')}{PICK_V} (?P<vd>E\d+) 's (?:(?!E\d)\S+ ){{0,4}}?(?:platform|software|system|systems|cloud|service|"
       rf"services|solution|solutions|technology|products|radios|equipment|chips|modems?|engines|servers|network|"
       rf"tools?|app|suite|sensors|terminals|trucks|aircraft|jets|trains|buses|ships)\b",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "X has started using Y", "X will start stocking Y's coffee"
    _f("start_using", "customer_change", "new_customer",
       rf"{S('c')}(?P<v>start(?:s|ed|ing)?|beg[iau]n(?:s|ning)?) (?:to )?(?:using|use|working with|work with|buying from|"
       rf"buy from|sourcing from|source from|selling|sell|stocking|stock|carrying|carry) {O('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "Y added X as a customer", "Y signed up X as a client"
    _f("add_customer", "customer_change", "new_customer",
       rf"{S('vd')}(?P<v>add(?:s|ed|ing)?|sign(?:s|ed|ing)?(?: up| on)?|won|wins?|land(?:s|ed|ing)?|"
       rf"welcom(?:e|es|ed|ing)|gain(?:s|ed|ing)?|count(?:s|ed)?|secur(?:e|es|ed|ing)|bring(?:s|ing)? on|brought on) "
       rf"{O('c')} as (?:a |an |its )?(?:\S+ ){{0,2}}?(?:customer|client|merchant|tenant|licensee)",
       {"c": "customer", "vd": "vendor"}, 0.85),
    # "X became a customer of Y"
    _f("became_customer", "customer_change", "new_customer",
       rf"{S('c')}(?P<v>becam(?:e)|becom(?:e|es|ing)|has become|will become|signed on as|signs on as|"
       rf"signed up as|signs up as) (?:a |an |the )?(?:new )?(?:\S+ )?(?:customer|client) of {O('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.85),
    # "X picked Y to supply its cloud", "X awarded Y a contract"
    _f("pick_vendor", "customer_change", "new_customer",
       rf"{S('c')}{PICK_V} {O('vd')} {_APPOS}(?!{_ADVISE})(?:to [a-z]+|as (?:its |a |an |the )?"
       rf"(?:\S+ ){{0,3}}?(?:supplier|provider|vendor|partner|contractor|manufacturer|platform|bidder|operator|"
       rf"integrator|builder|wholesaler|distributor|auditor|agency|caterer|printer|carrier|insurer|broker|host|"
       rf"maker|producer)|"
       rf"(?:a |an |the )?(?:\S+ ){{0,4}}?{CONTRACT_N}s?|for )",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # "Y has been replaced by Z at X"
    _f("replaced_at", "customer_change", "churn",
       rf"{S('vd')}(?:has been|have been|was|were|will be|is being|is to be|would be) replaced (?:as (?:\S+ ){{1,4}}?)?"
       rf"by {O('k')} (?:as (?:\S+ ){{1,4}}?)?at {O('c')}",
       {"c": "customer", "vd": "vendor", "k": "competitor"}, 0.8),
    # "Y lost a major customer, X"
    _f("lost_named_customer", "customer_change", "churn",
       rf"{S('vd')}(?P<v>lost|los(?:e|es|ing)) (?:a |an |its |one of its |another )?(?:\S+ ){{0,2}}?(?:customer|client|account) "
       rf"(?:, |in )(?P<c>E\d+)",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # "Y will supply X with cartons under a new five-year deal"
    _f("supply_with", "customer_change", "new_customer",
       rf"{S('vd')}(?P<v>suppl(?:y|ies|ied|ying)|provid(?:e|es|ed|ing)|equip(?:s|ped|ping)?) {O('c')} with "
       rf"(?:\S+ ){{0,8}}?(?:under|in|as part of|through) (?:a |an )?new (?:\S+ ){{0,3}}?(?:deal|contract|agreement|order)",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "X is diversifying away from Y"
    _f("diversify_away", "customer_change", "reduction",
       rf"{S('c')}(?P<v>diversif(?:y|ies|ied|ying)) (?:\S+ ){{0,3}}?away from {O('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.7),
    # "Y's contract with X will not be renewed"
    _f("not_renewed", "customer_change", "churn",
       rf"(?P<vd>E\d+) 's (?:\S+ ){{0,2}}?(?:contract|agreement|deal) (?:with|at|for|to (?:\S+ ){{1,10}}?(?:at|for)) "
       rf"{O('c')} (?:\S+ ){{0,6}}?(?:will not|won't|would not|is not going to|is not set to) be (?P<v>renewed|extended)",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "X will source the part from Z instead of Y"
    _f("instead_of", "customer_change", "churn",
       rf"{S('c')}(?:\S+ ){{0,3}}?(?P<v>sourc\S*|buy\S*|bought|purchas\S*|procur\S*|order\S*|get\S*|got|"
       rf"mov\S*|switch\S*|shift\S*) (?:(?!E\d)\S+ ){{0,10}}?(?:from|to) {O('k')} (?:instead of|rather than)(?: from)? {O('vd')}",
       {"c": "customer", "vd": "vendor", "k": "competitor"}, 0.8),
    # "X will delist Y's products"
    _f("delist", "customer_change", "churn",
       rf"{S('c')}(?P<v>delist(?:s|ed|ing)?) (?:all |some )?(?:of )?(?P<vd>E\d+) 's (?:\S+ )?(?:products|brands?|ranges?|"
       rf"lines|goods|items|snacks|drinks|titles)",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # "X has told Y it will not renew"
    _f("told_not_renew", "customer_change", "churn",
       rf"{S('c')}(?P<v>told|informed|notified) {O('vd')} (?:\S+ ){{0,4}}?(?:that )?(?:it|they|E\d+) (?:will|would|does|did|is|was) "
       rf"(?:not (?:renew|extend)|(?:going to |planning to )?(?:stop|cease|end|terminate|cancel) |no longer )",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # "X has notified the company it will cut volumes"
    _f("told_cut", "customer_change", "reduction",
       rf"{S('c')}(?:told|informed|notified|warned) {O('vd')} (?:\S+ ){{0,4}}?(?:that )?(?:it|they|E\d+) "
       rf"(?:will|would|plans to|intends to|is going to) {REDUCE_V} (?:its |their |the )?(?:\S+ ){{0,2}}?"
       rf"(?:volumes?|orders?|purchases|spending|business|commitment)",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "X signed a multi-year deal to use Y's platform"
    _f("deal_to_use", "customer_change", "new_customer",
       rf"{S('c')}(?P<v>sign(?:s|ed|ing)?|agreed|struck|inked) (?:a |an )?(?:\S+ ){{0,3}}?(?:deal|contract|agreement) "
       rf"to (?:use|deploy|adopt|license|licence) {O('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "Y becomes X's main carton supplier", "X said that Y would become its main supplier"
    _f("becomes_supplier", "customer_change", "new_customer",
       rf"{S('vd')}(?P<v>becomes|became|has become|will become|would become|is to become) (?P<c>E\d+) 's "
       rf"(?:(?!E\d)\S+ ){{0,4}}?(?:supplier|provider|vendor|partner|contractor|manufacturer|carrier|operator)s? ",
       {"c": "customer", "vd": "vendor"}, 0.75),
    _f("becomes_its_supplier", "customer_change", "new_customer",
       rf"(?P<c>E\d+) (?:(?!E\d)\S+ ){{0,6}}?(?:said|says|announced|confirmed) (?:(?!E\d)\S+ ){{0,4}}?(?:that )?"
       rf"(?P<vd>E\d+) (?P<v>would become|will become|is to become|has become|became) its "
       rf"(?:(?!E\d)\S+ ){{0,5}}?(?:supplier|provider|vendor|partner|contractor|manufacturer|carrier|operator)s? ",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "Y will supply 38 turbines to X"
    _f("will_supply_to", "customer_change", "new_customer",
       rf"{S('vd')}(?:will|is to|are to|has agreed to|have agreed to|agreed to|is set to|won a contract to) "
       rf"(?P<v>supply|deliver|provide) (?:(?!E\d)\S+ ){{1,6}}?to {O('c')}",
       {"c": "customer", "vd": "vendor"}, 0.7),
    # "X became one of Y's biggest customers"
    _f("became_one_of", "customer_change", "new_customer",
       rf"{S('c')}(?P<v>becam(?:e)|becom(?:e|es|ing)|has become|will become) (?:one of )?(?P<vd>E\d+) 's "
       rf"(?:\S+ ){{0,2}}?(?:customers?|clients?)",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "X, a Y customer since 2015, is moving to Z"
    _f("customer_moving", "customer_change", "churn",
       rf"(?P<c>E\d+) , (?:a |an |the )?(?:\S+ )?(?P<vd>E\d+) (?:customer|client) (?:(?!, )\S+ ){{0,5}}?, {_GAP}"
       rf"{MOVE_V} (?:\S+ ){{0,5}}?(?:to|onto) {O('k')}",
       {"c": "customer", "vd": "vendor", "k": "competitor"}, 0.8),
    # The vendor named in an apposition or relative clause about the customer: "X, a Y customer
    # since 2019, has expanded its agreement", "X, which already buys Y's pods, increased its order",
    # "X, which has bought Y's radars since 2018, will source them from Z".
    _f("rel_expand", "customer_change", "expansion",
       rf"{_REL_CUSTOMER}{EXPAND_V} (?:its |their |the )?(?:\S+ ){{0,2}}?(?:order|orders|purchases|spending|spend|contract|"
       rf"agreement|business|volumes?|commitment|deal)s? ",
       {"c": "customer", "vd": "vendor", "vd2": "vendor"}, 0.75),
    _f("rel_reduce", "customer_change", "reduction",
       rf"{_REL_CUSTOMER}{REDUCE_V} (?:its |their |the )?(?:\S+ ){{0,2}}?(?:order|orders|purchases|spending|spend|contract|"
       rf"business|volumes?|commitment|use|usage)s? ",
       {"c": "customer", "vd": "vendor", "vd2": "vendor"}, 0.75),
    _f("rel_switch", "customer_change", "churn",
       rf"{_REL_CUSTOMER}(?P<v>(?:sourc|buy|order|purchas|procur|switch|mov|shift)\S*) (?:\S+ ){{0,9}}?(?:from|to) {O('k')}",
       {"c": "customer", "vd": "vendor", "vd2": "vendor", "k": "competitor"}, 0.75),
    # "X has shifted a third of the work it used to send to Y to its own base"
    _f("shift_share", "customer_change", "reduction",
       rf"{S('c')}{MOVE_V} (?:\S+ ){{0,3}}?(?:a third|a quarter|half|part|some|a portion|a share|much|most) of "
       rf"(?:the |its |their )?(?:\S+ ){{0,3}}?(?:work|business|volumes?|orders|spend|spending|production) "
       rf"(?:that |which )?(?:it|they|E\d+) (?:\S+ ){{0,3}}?{FLOW_V} (?:\S+ ){{0,2}}?(?:to|with|from|through) {O('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "Y said X would reduce its purchases": the vendor tells of its customer's cut
    _f("reduce_told", "customer_change", "reduction",
       rf"{S('vd')}(?:said|says|disclosed|confirmed|announced|warned) (?:\S+ ){{0,3}}?(?:that )?{_ITS_CUSTOMER}{O('c')} "
       rf"{_APPOS}(?:\S+ ){{0,3}}?{REDUCE_V} (?:its |their )?(?:\S+ ){{0,2}}?(?:purchases|orders|order|volumes?|offtake|"
       rf"business) (?!(?:\S+ ){{0,3}}?(?:from|with|at|to) E\d)",
       {"c": "customer", "vd": "vendor"}, 0.7),
    # A change that names only its customer: the vendor is the company the article is about
    # ("Meridian renewed for three more years and added sites", "Brockway is cutting its orders").
    _f("cut_implied", "customer_change", "reduction",
       rf"{S('c')}{REDUCE_V} (?:its |their )(?:\S+ ){{0,2}}?(?:orders|order|purchases|commitment|licen[cs]es|seats|"
       rf"volumes?|offtake) (?!(?:\S+ ){{0,4}}?(?:from|with|at|to|of) E\d)",
       {"c": "customer"}, 0.6, "vendor_implied"),
    _f("renew_more_implied", "customer_change", "expansion",
       rf"{S('c')}(?P<v>renew(?:s|ed|ing)?) (?:its |their |the )?(?:(?:contract|agreement|deal|subscription) )?"
       rf"(?:for (?:\S+ ){{0,3}}?(?:years?|months?) )?and (?:\S+ ){{0,2}}?(?:added|expanded|extended|increased|doubled|"
       rf"widened|broadened) (?!(?:\S+ ){{0,6}}?(?:with|at|from) E\d)",
       {"c": "customer"}, 0.6, "vendor_implied"),
    _f("not_renew_implied", "customer_change", "churn",
       rf"{S('c')}(?:would|will|did|does|has decided|decided|had decided|chose) not (?:to )?(?P<v>renew|extend)"
       rf"(?! (?:\S+ ){{0,6}}?(?:with|at|from) E\d)",
       {"c": "customer"}, 0.6, "vendor_implied"),
    # "X has tapped Z, ending Y's eight-year run" (a participle read with its subject)
    _f("ending_run", "customer_change", "churn",
       rf"(?P<c>E\d+) (?P<v>ending) (?P<vd>E\d+) 's (?:\S+ ){{0,2}}?(?:run|tenure|relationship|contract|reign|stint|"
       rf"partnership)",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "X awarded the contract to Z, ending a 12-year run by Y" (the participle's subject is X's, see events.py)
    _f("ending_arrangement", "customer_change", "churn",
       rf"{S('c')}(?P<v>ending|terminating) (?:a |an |its |their |the )(?:\S+ ){{0,4}}?(?:run|tenure|relationship|contract|"
       rf"arrangement|partnership|association|agreement|deal) (?:with|by) {O('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.7),
    # "Y has won back X"
    _f("won_back", "customer_change", "new_customer",
       rf"{S('vd')}(?P<v>w[oi]n(?:s|ning)? back|regain(?:s|ed|ing)?|recaptur(?:e|es|ed|ing)) {O('c')}",
       {"c": "customer", "vd": "vendor"}, 0.8),
    # "X is studying whether to bring the maintenance in-house, a move that would end a relationship with Y"
    _f("in_house", "customer_change", "churn",
       rf"{S('c')}(?:\S+ ){{0,6}}?(?:bring|take|move|bringing|taking|moving)\S* (?:\S+ ){{0,8}}?in-house (?:\S+ ){{0,6}}?"
       rf"(?:end|ending|ends) (?:a |its |the )?(?:\S+ ){{0,3}}?(?:relationship|contract|agreement|partnership) with {O('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "(Y said) X had more than doubled the scope of its contract": the vendor is the article's company
    _f("expand_implied", "customer_change", "expansion",
       rf"{S('c')}{EXPAND_V} (?:the (?:scope|size|value) of )?(?:its |their )(?:\S+ ){{0,2}}?(?:contract|agreement|order|"
       rf"commitment|deal) (?!(?:\S+ ){{0,4}}?(?:with|at|from) E\d)",
       {"c": "customer"}, 0.6, "vendor_implied"),
    # "X is reviewing its contract with Y": a churn it is weighing
    _f("review_rel", "customer_change", "churn",
       rf"{S('c')}(?P<v>review(?:s|ed|ing)?|re-?evaluat(?:e|es|ed|ing)|reconsider(?:s|ed|ing)?|reassess(?:es|ed|ing)?|"
       rf"re-?examin(?:e|es|ed|ing)) (?:its |their |the )?(?:own )?(?:\S+ ){{0,2}}?(?:contract|relationship|agreement|"
       rf"arrangement|deal)s? (?:\S+ ){{0,2}}?with {O('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.65, "weighing"),
    # "X is cutting the shelf space it gives to Y", "X trimmed the share of work it sends to Y"
    _f("reduce_flow", "customer_change", "reduction",
       rf"{S('c')}{REDUCE_V} (?:the |its |their )?(?:\S+ ){{0,2}}?(?:{QTY_N}|space|volumes?|orders?|business|work|"
       rf"spend|spending) (?:that |which )?(?:it|they|E\d+) (?:\S+ )?{FLOW_V} (?:\S+ ){{0,3}}?"
       rf"(?:to|from|with|through|at|via) {O('vd')}",
       {"c": "customer", "vd": "vendor"}, 0.75),
    # "X picks Z over incumbent Y": a switch, told as the churn of Y
    _f("pick_over", "customer_change", "churn",
       rf"{S('c')}{PICK_V} {O('k')} (?:\S+ ){{0,6}}?over (?:its |the |their )?(?:\S+ )?"
       rf"(?:incumbent |existing |current |long-time |longtime |rival |supplier |provider )?(?P<vd>E\d+)",
       {"c": "customer", "vd": "vendor", "k": "competitor"}, 0.8),
    # "X ..., replacing Y" (a participle read with its subject), "X replaced Y" (not "as ...")
    _f("replace_plain", "customer_change", "churn",
       rf"(?P<c>E\d+) (?P<v>replacing) (?:(?:the |its |their )(?:\S+ ){{1,6}}?(?:from|by) {O('vd2')}|"
       rf"(?:its |their )?(?:\S+ ){{0,2}}?{O('vd')} (?!as |with |by |for |in |on ))",
       {"c": "customer", "vd": "vendor", "vd2": "vendor"}, 0.65),
    # Headlines: "X halves Y seats", "X cuts Y orders"
    _f("reduce_head", "customer_change", "reduction",
       rf"{S('c')}{REDUCE_V} (?:its |their |the )?(?P<vd>E\d+) (?:\S+ )?(?:seats|licen[cs]es|orders?|contracts?|"
       rf"spend|spending|business|purchases|volumes?) ",
       {"c": "customer", "vd": "vendor"}, 0.7),
    # "X is considering similar plans", "X made a similar decision": copies the previous change.
    _f("similar", "customer_change", "similar",
       rf"{S('c')}(?P<v>consider(?:s|ed|ing)?|weigh(?:s|ed|ing)?|mull(?:s|ed|ing)?|explor(?:e|es|ed|ing)|"
       rf"plan(?:s|ned|ning)?|made|make|makes|making|took|take|takes|taken|reached|reach(?:es)?|"
       rf"c[ao]me to|follow(?:s|ed|ing)?|eye(?:s|ing|d)?) (?:a |the )?similar (?:plans?|decisions?|moves?|steps?|"
       rf"course|path|conclusion|approach)",
       {"c": "customer"}, 0.65, "similar", "no_background"),
    _f("follow_suit", "customer_change", "similar",
       rf"{S('c')}(?P<v>follow(?:s|ed|ing)? suit|d(?:o|oes|id|one) the same|do likewise|did likewise)",
       {"c": "customer"}, 0.6, "similar", "no_background"),
)

_P = re.compile  # shorthand for the cue table below

# A past deal told as background: "which it bought in 2019", "two years later", "since its takeover".
# (Every cue starts a token: the leading space lets the search skip from space to space, four
# times fewer starts than trying the alternation at every character.)
_BACKGROUND = (
    r" (?:(?:, |\( )(?:which|who|that) (?:\S+ ){0,8}?(?:in (?:early |late |mid- )?(?:19|20)\d\d|"
    r"years? ago|last year|previously|earlier)|(?:previously|formerly|once) (?:\S+ )?"
    r"(?:acquired|bought|purchased|owned|invested|raised)|"
    # (the lookahead first: the lookbehinds are costly to try at every position)
    r"(?=in |since |back in |during )(?<!founded )(?<!established )(?<!public )(?<!listed )(?<!close )(?<!completed )"
    r"(?<!expected )(?<!due )(?<!until )(?<!by )(?<!before )(?:in|since|back in|during) "
    r"(?:early |late |mid- |mid-|january |february |march |april |may |june |july |august |"
    r"september |october |november |december )?(?:19|20)\d\d|(?:19|20)\d\d (?:acquisition|purchase|"
    r"takeover|deal|merger|sale|round|investment)|"
    # ("$310m in revenue last year", "sales last year": a period of figures, not a past deal)
    r"(?=last year)(?<!revenue )(?<!revenues )(?<!sales )(?<!profit )(?<!turnover )(?<!earnings )(?<!ebitda )"
    r"(?<!income )last year|years? ago|in the past|"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|several|a few|\d+) (?:years|decades) later|"
    r"a (?:year|decade) later|the (?:following|next) year|a decade earlier|"
    r"acquisition spree|(?:has|have) (?:spent|done|made) (?:\S+ ){0,4}?(?:acquisitions|deals)|"
    r"(?:following|after|since) (?:its|their|the|E\d+ 's) (?:\S+ ){0,3}?(?:acquisition|purchase|"
    r"takeover|merger))"
)

CUES = Cues(
    status=(
        ("denied", _P(r" (?:den(?:y|ies|ied|ying)|denials?|dismiss(?:es|ed|ing)? (?:the |a |those )?(?:\S+ )?"
                      r"(?:reports?|speculation|rumou?rs?)|rejected (?:the )?(?:reports?|speculation)|"
                      r"no truth|(?:is|was) (?:not|n't) true|categorically) ")),
        ("cancelled", _P(r" (?:call(?:s|ed|ing)? off|rescind(?:s|ed|ing)?|revok(?:e|es|ed|ing)|abandon(?:s|ed|ing)?|terminat(?:e|es|ed|ing)|"
                         r"scrap(?:s|ped|ping)?|walk(?:s|ed|ing)? away|collaps(?:e|es|ed|ing)|"
                         r"pull(?:s|ed|ing)? out of|pull(?:s|ed|ing)? the plug|"
                         r"withdr(?:aw|aws|awn|awing|ew) (?:its |their |the |a |an )?(?:\S+ ){0,3}?(?:bid|offer|"
                         r"proposal|approach|plans?)|"
                         r"drop(?:s|ped|ping)? (?:its |their |the |a )?(?:\S+ )?(?:bid|offer|plans?|pursuit|deal|"
                         r"takeover|merger)|f[ae]ll(?:s|en)? through|(?:was|were|been|is|are) blocked|"
                         r"block(?:s|ed)? the|(?:ended|broke off|broken off|halted|suspended) (?:\S+ )?"
                         r"(?:talks|negotiations|discussions)|no longer (?:pursu\S*|plans?|interested)|"
                         r"(?:won't|will not|would not|did not|didn't) (?:proceed|go ahead)|"
                         # ("a string of cancelled projects": an adjective, no cancellation)
                         # (the lookahead first: the lookbehinds are costly to try at every word)
                         r"(?=cancel)(?<! of )(?<! a )(?<! the )(?<! several )(?<! other )(?<! many )(?<! recent )"
                         r"cancel(?:s|led|ed|ling)?) ")),
        # A party weighing it is "considering" even when sources tell it.
        ("considering", _P(r" (?:weigh(?:s|ed|ing)?|consider(?:s|ed|ing)?|explor(?:e|es|ed|ing)|mull(?:s|ed|ing)?|"
                           r"eye(?:s|ing)|evaluat(?:e|es|ed|ing)|courting|studying|looking (?:at|into)|"
                           r"contemplat(?:e|es|ed|ing)|reviewing (?:options|a sale|strategic)|rethink(?:s|ing)?|"
                           r"re(?:view|consider|evaluat|assess|examin)(?:s|e|es|ed|ing)? (?:its |their |the )?(?:own )?"
                           r"(?:\S+ ){0,2}?(?:contract|relationship|agreement|arrangement)|"
                           r"(?:confirm(?:s|ed)?|acknowledg(?:es|ed)) (?:\S+ ){0,2}?(?:talks|discussions|negotiations)) ")),
        # Talks, approaches, bids in preparation: a party weighs it, even when only sources tell of it
        # (considering outranks reported).
        ("considering", _P(r" (?:in (?:\S+ ){0,2}?(?:talks|discussions|negotiations)|(?:holding|held|hold|entered|enter|"
                           r"opened|open) (?:\S+ )?(?:talks|discussions|negotiations)|nearing|close to (?:a |an )?"
                           r"(?:deal|agreement)|approach(?:ed|es|ing)|sounding out|preparing (?:a |an )?(?:bid|offer)) ")),
        ("reported", _P(r" (?:according to (?:(?:a |the |an )?(?:\S+ )?(?:people|sources|persons?|reports?|"
                        r"insiders?|media|report|informed|newspaper|news)|SRC)|familiar with|sources (?:said|say|"
                        r"close|told)|reportedly|(?:is|are|was|were) said to|said to (?:be|have)|rumou?r(?:s|ed)?|"
                        r"media reports?|apparently|allegedly|informed sources|claim(?:s|ed)? to have learned|"
                        r"insiders?|SRC (?:, (?:\S+ ){1,8}?, )?(?:reported|reports|said|says|wrote|writes|cited|citing)|"
                        r"(?:reported|reports|writes|wrote) (?:\S+ ){0,3}?SRC|people close to|unnamed|"
                        r"anonymity|anonymous|leaked|(?:a|the|media) report|(?:is|are) understood to|"
                        r"(?:not|yet to be|has not been|have not been) (?:officially )?confirmed|"
                        # an analyst's reading: "PER wrote that", "in a note to clients", "according to a research note"
                        r"PER (?:wrote|writes) (?:in a \S+ )?(?:note )?that|in a (?:research |client )?note(?: to clients)?|"
                        r"research note|analysts? (?:at \S+ )?(?:said|say) they believed|"
                        # "a person familiar said", "one of the people said"
                        r"(?:person|people) (?:familiar|close to|briefed|with knowledge)|(?:the|one of the) people said) ")),
        ("announced", _P(r" (?:announc(?:e|es|ed|ing)|agreed|agrees|signed|unveil(?:s|ed)|confirm(?:s|ed)|"
                         r"(?:said|says) in a statement|the companies said|(?:has|have) reached (?:a|an) "
                         r"(?:deal|agreement)) ")),
    ),
    confirmed=_P(r" (?:confirm(?:s|ed|ing)?|officially announced) (?!\S+ not)"),
    completed=_P(r" (?:complet(?:ed|es)|, completing|closed|clos(?:es|ing) (?:the|its)|finali[sz]ed|has acquired|"
                 r"have acquired|now owns|wrapped up|concluded|went through|has taken over|took control|"
                 r"finished (?:moving|migrating|switching|shifting|transferring)) "),
    past_verb=_P(r" (?:\S+ed|bought|took|taken|sold|won|left|quit|got|made|sank|spun off|grew|kept|"
                 r"brought on|chose|chosen|lost|led|co-led|withdrew|withdrawn|wound down|shrank|came to|came|cut) "),
    modal=_P(r"(?:^| )(?:to|will|would|shall|plans?|planning|aims?|seeks?|wants?|intends?|agreed|agrees|"
             r"expected|expects|set|going|could|may|might|should|can|is|are|be) $"),
    negation=_P(r" (?:not|n't|never|no plans?|no longer|nor|declined to|refused to|has yet to|have yet to) "),
    musing=_P(r" (?:should|ought|might|would do well|needs? to|must|call(?:s|ed|ing)? (?:for|on)|push(?:es|ed|ing)? for|"
               r"(?:push|press)(?:es|ed|ing)? (?:\S+ ){1,4}?to|"
               r"make (?:\S+ ){0,3}?sense|makes? sense|(?:be|is) (?:\S+ )?(?:logical|natural|obvious) (?:\S+ )?for|"
               r"urg(?:e|es|ed|ing)|demand(?:s|ed|ing)?|lobb(?:y|ies|ied|ying) for) "),
    price_before=_P(r"(?: for| at| worth| valued at| paying| paid| price of| priced at| totall?ing| of| "
                    r"(?:a total|a sum|an amount) of| in a| in an| a| an| the| investing| invest| invests|"
                    r" invested| spend| spending| about| around| roughly| nearly| some| up to| over|"
                    r" more than| approximately| a reported| an estimated| reportedly) $"),
    not_price_before=_P(r"(?:valuation|valu(?:e|es|ed|ing) (?:E\d+|it|the \S+|\S+) at|market (?:value|cap\S*)|"
                        r"revenues?|sales|turnover|profit|loss|earnings|income|ebitda|debt|loan|bonds?|"
                        r"budget|annual|a year|per year|capex|spent|spend(?:s|ing)?|from|to|by|"
                        r"previous(?:ly)?|last|once|earlier|down|up|cost(?:s|ing)? (?:it|them|us|E\d+|the \S+)) "
                        r"(?:of |at |by |to |about |around |roughly |"
                        r"nearly |some |more than |over |close to |a |an |the |its )*$"),
    background=_P(_BACKGROUND),
    relationship_background=_P(_BACKGROUND.replace("(?=in |since |back in |during )", "(?=in |back in |during )")
                               .replace("(?:in|since|back in|during) ", "(?:in|back in|during) ")),
    majority=_P(r" (?:majority|controlling|full|entire|all|outright|whole) "),
    partial=_P(r" (?:some|part|parts|portion|share|a chunk|certain|a number) (?:of )?"),
    not_price_after=_P(r" (?:in |of )(?:its |their |the company's |annual |yearly |quarterly |net |total |gross |"
                       r"combined |customer |client |managed )*(?:assets|revenues?|sales|turnover|debts?|liabilities|"
                       r"deposits|loans|profits?|earnings|losses|ebitda|cash flow|funding|capital expenditure|"
                       r"subscribers|customers|users)\b| (?:under management|a year|per year|annually|a quarter|a share|per share|"
                       r"an? (?:ordinary |common |class \S+ )?share|each) "),
    signing_subtypes=frozenset({"new_customer", "expansion"}),
    level_before=_P(r" (?:to|at) (?:about |around |roughly |some |nearly |approximately |an estimated |just over |"
                    r"just under |more than |less than )?$"),
    denial=_P(r" (?:not|n't|never|no plans? to) (?!yet )"),
    increment=_P(r" (?:further|additional|another|extra|more) (?:(?:about|around|roughly|nearly|some|almost) )?P\d+ "),
)

# Definite descriptions and pronouns that refer back to a company.
_HEADS = (r"company|firm|group|startup|start-up|maker|manufacturer|provider|giant|business|developer|"
          r"operator|retailer|bank|lender|insurer|carrier|chipmaker|supplier|vendor|buyer|acquirer|"
          r"purchaser|owner|platform|conglomerate|specialist|unicorn|outfit|corporation|concern|rival|"
          r"seller|parent|investor|newcomer|challenger|incumbent|partner|automaker|carmaker|producer|"
          r"distributor|service|latter|former|target|heavyweight|behemoth|titan|player|leader|pioneer|"
          r"processor|lab|studio|chain|agency|utility|authority|county|city|council|ministry|department|"
          r"government|hospital|university|airline|carrier|broker|brokerage|fund|manager|publisher|"
          r"automaker|insurer|telecom|operator|landlord|tenant|client|customer|merchant|shipper|railway|"
          r"supermarket|grocer|cooperative|broadcaster|telco|miner|brewer|drugmaker|consortium|utility|"
          r"builder|contractor|exporter|importer|wholesaler|trader|refiner|smelter|shipowner|haulier|hauler|"
          r"courier|caterer|packer|roaster|distiller|winemaker|dairy|bakery|co-op")
GRAMMAR = Grammar(
    descriptor=re.compile(rf"[\w\-]*(?:{_HEADS})|fintech|biotech|insurtech|proptech|miner|brewer|drugmaker|"
                          rf"lender|utility|telco|automaker|carmaker|chipmaker|airline|shipper|grocer|"
                          rf"supermarket|conglomerate"),
    description=re.compile(
        # "[Tt](?<=\b[Tt])" is "\b[Tt]" written so that the scan can skip to the next "t".
        rf"[Tt](?<=\b[Tt])h(?:e|is) (?:(?P<ord>first|second|third|former|latter|other|same) )?"
        rf"(?:(?!(?:and|or|of|in|to|for|with)\b)[\w\-]+ ){{0,2}}?(?:{_HEADS})(?: (?:{_HEADS}))?\b(?!-| [A-Z0-9])"
    ),
    pronoun=re.compile(r"[Ii](?<=\b[Ii])t\b(?! (?:is|was|would be|will be|has been|seems|appears) "
                       r"(?:possible|likely|unclear|clear|not|expected|understood|said|reported|unlikely|"
                       r"too|hard|difficult|easy|important|worth))"),
    # Adverbs and connectives that open sentences; an "-ly" word before a comma ("Separately,").
    opener=re.compile(
        r"(?i:even|just|only|indeed|rather|already|again|soon|recently|separately|additionally|likewise|last|"
        r"similarly|ultimately|eventually|finally|lastly|perhaps|maybe|together|elsewhere|otherwise|hence|"
        r"besides|shortly|currently|previously|initially|originally|alternatively|notably|importantly|"
        r"crucially|clearly|almost|nearly|partly|largely|mostly|especially|particularly|nonetheless|"
        r"regardless|accordingly|consequently|subsequently|simultaneously|ahead|alongside|whereas|"
        r"whenever|wherever|whatever|everyone|everything|someone|something|nothing|few|much|little|less|"
        r"enough|too|very|never|always|often|sometimes|usually|rarely|ever|unfortunately|fortunately|"
        r"interestingly|surprisingly|unsurprisingly|arguably|admittedly|reportedly|apparently|allegedly|"
        r"officially|publicly|privately|internally|globally|historically|traditionally|typically|"
        r"generally|broadly|specifically|asked|speaking|beyond|within|across|throughout|including|"
        r"following|given|thanks|amid|above|below|behind|toward|towards|upon|excluding)\b(?![-'’])|"
        r"[A-Za-z]+ly,|"
        # A dateline: "OMAHA, Nebraska, March 4 (Newswire) - ..."
        # ("DES MOINES, Iowa, Dec. 1, 2026 (GLOBE NEWSWIRE) -- ...": a press-release wire's dateline)
        r"[A-Z][A-Z\-]+(?: [A-Z][A-Z\-]+)*(?= ?,[^\n]{0,80}? (?:--|[-—–]) | \([A-Za-z .]+\) (?:--|[-—–]) |"
        r" (?:--|[-—–]) )|"
        # A gerund opening a subheading, a line with no full stop ("Betting on audio").
        r"[A-Za-z]+ing\b(?![-'’])(?=[^.!?]*$)"
    ),
    fronted_clause=re.compile(r"\W*(?i:even |just )?(?i:as|while|after|although|though|when|since|because|if|before|"
                              r"once|until|unless|whilst)\b"),
    media_apposition=re.compile(
        r",\s+(?:a|an|the)\s+(?:[\w\-]+\s+){0,3}?(?:news\s+(?:website|site|agency|outlet|service|portal)|newspaper|"
        r"magazine|publication|journal|newsletter|blog|tabloid|wire\s+service|daily|weekly|news\s+organi[sz]ation)\b"),
    related_after=re.compile(r"\s+(?:long-?time\s+|longstanding\s+|major\s+|key\s+)?(?:customer|client|user|"
                             r"supplier|vendor)s?\b"),
    ordinal_first=frozenset({"first", "former"}),
    ordinal_last=frozenset({"second", "latter"}),
    subject_left=re.compile(
        # The conjunctions as a trie ("a(?:nd|s|...)"): tried at every position, each costs one test.
        r"(?:^|[,;:–—(]\s*|\b(?:a(?:nd|fter|lthough|s)|b(?:ut|ecause)|t(?:hat|hough)|w(?:hile|hereas|hen|hom)|"
        r"s(?:ince|aid|ays)|if|report(?:s)?)\s+)(?:[\"“‘']\s*)?(?:(?:[Tt]he|[Tt]his)\s+)?$|"
        # A sentence's first word or two, then the name ("On Monday, X"; not "With X, ...", its object).
        r"^\W*(?!(?i:with|by|for|from|to|at|of|in|on|without|unlike|like|against|via|per|among|between|"
        r"beyond|despite|except|through|toward|towards|upon|within|under|over|into|onto)\s+$)\w+(?:\s+\w+)?,?\s+$"
    ),
    # subject_left backwards, read from the mention leftwards ("\n?": "$" also matches before a final newline).
    subject_left_reversed=re.compile(
        r"\n?(?:(?:\s+(?:eh[Tt]|sih[Tt]))?(?:\s*[\"“‘'])?(?:\Z|\s*[,;:–—(]|\s+(?:dna|retfa|hguohtla|sa|tub|esuaceb|"
        r"taht|hguoht|elihw|saerehw|nehw|mohw|ecnis|dias|syas|fi|s?troper)(?!\w))|\s+,?(?:\w+\s+)?\w+\W*\Z)"
    ),
)


# Headline words that Title Case capitalises but that name no company.
HEADLINE_LOWER = re.compile(
    r"(?i)(?:to|for|in|of|on|at|by|with|from|and|or|as|after|over|amid|its|a|an|the|is|are|be|will|says?|said|"
    r"reports?|deal|stake|talks|bid|offer|merger|takeover|sale|unit|contract|customer|rival|shares|"
    r"acquires?|acquired|buys?|bought|sells?|sold|merges?|invests?|raises?|takes?|drops?|picks?|wins?|"
    r"weighs?|eyes|agrees?|completes?|closes?|snaps|up|loses?|ends?|cuts?|expands?|renews?|quits?|"
    r"exits?|plans?|seeks?|nears?|confirms?|denies|scraps?|abandons?|calls?|off|away|walks?)$"
)


# --- anaphora: sentences that add a status or an amount to an event told before ----------
# "The transaction closed on Wednesday." "The expanded agreement would be worth about $40m."
# Only sentences that state no event of their own are read this way (see extract.events).
_DEAL_NOUN = (r"(?:deal|transaction|acquisition|takeover|take-over|purchase|merger|combination|sale|divestiture|"
              r"disposal|investment|round|buyout|buy-out|tie-up|venture|jv|offer|bid)")
_CONTRACT_NOUN = r"(?:contract|agreement|order|deal|account|award|partnership|renewal|expansion|engagement|mandate|tender)"
_BOTH_NOUN = rf"(?:{_DEAL_NOUN[3:-1]}|{_CONTRACT_NOUN[3:-1]})"
# Words that make a later verb no fact: "is expected to close", "will be completed once ...".
_NOT_YET = (r"(?:(?!expected |to |will |would |be |could |may |might |should |set |due |until |before |once |if |"
            r"when |not |n't |never |yet |unless )\S+ )")
_DET = r"(?:the|this|that|its|their)"
_ABOUT = r"(?:about |around |roughly |some |nearly |approximately |almost |up to |more than |over |an estimated |a reported |a combined |a total of )?"
ANAPHORA: tuple[Anaphor, ...] = (
    Anaphor("completed_noun", ("deal", "customer_change"), re.compile(
        rf" {_DET} (?:\S+ ){{0,3}}?{_BOTH_NOUN} (?:, (?:\S+ ){{1,12}}?, )?{_NOT_YET}{{0,3}}?"
        rf"(?:was |were |has been |had been |have been |is now |are now )?"
        rf"(?:completed|closed|finali[sz]ed|consummated|went through) "), "completed"),
    Anaphor("completing_noun", ("deal",), re.compile(
        rf" (?:complet(?:ed|ing)|clos(?:ed|ing)|finali[sz](?:ed|ing)) {_DET}? ?(?:a |an )?(?:\S+ ){{0,3}}?{_DEAL_NOUN} "),
        "completed"),
    # '"There is no truth in the suggestion that Y is for sale," a spokesman said': a denial of the
    # event told just before (a report of it).
    Anaphor("denial", ("deal", "customer_change"), re.compile(
        r" (?:there is |there was )?(?:no truth (?:in|to)|(?:is|was|are|were) (?:simply |completely |entirely )?"
        r"(?:untrue|not true)|categorically (?:deni|reject)\S*|(?:flatly |firmly |strongly )(?:rejected|dismissed|denied) "
        r"(?:that|it|the (?:report|claim|suggestion|story|speculation)s?)) "), "denied"),
    Anaphor("cancelled_noun", ("deal",), re.compile(
        rf" {_DET} (?:\S+ ){{0,3}}?{_DEAL_NOUN} (?:(?:talks|negotiations|discussions|plans?) )?(?:\S+ ){{0,3}}?"
        rf"(?:was |were |has been |had been |have been )?(?:called off|abandoned|scrapped|cancell?ed|"
        rf"collapsed|fell through|fallen through|blocked) "), "cancelled"),
    Anaphor("worth", ("deal", "customer_change"), re.compile(
        # ("Y's contract, which covers …, is worth", "the contract covers … and is worth")
        rf" (?:{_DET}|E\d+ 's) (?:\S+ ){{0,2}}?{_BOTH_NOUN} (?:, (?:(?!, )\S+ ){{1,20}}?, )?(?:\S+ ){{0,10}}?"
        rf"(?:is |was |would be |will be |could be |are |were |"
        rf"is said to be |was said to be )?(?:worth|valued at|priced at|bring in|bringing in|brings in|generate|"
        rf"generates) {_ABOUT}(?P<m>M\d+) ")),
    # "The cooperative will spend roughly $96m over five years under the expanded deal"
    Anaphor("spend_under", ("customer_change",), re.compile(
        rf" (?:spend|spending|spends|pay|paying|pays) {_ABOUT}(?P<m>M\d+) (?:\S+ ){{0,4}}?(?:under|on|through) "
        rf"(?:the|this|its|their) (?:\S+ )?{_BOTH_NOUN} ")),
    # "The work, estimated at around $35m a year, will go to Z"
    Anaphor("work_worth", ("customer_change",), re.compile(
        rf" (?:the|this|that|its|their) (?:\S+ ){{0,2}}?(?:work|business|account|volumes?) (?:, )?(?:is |was )?"
        rf"(?:estimated at|worth|valued at) {_ABOUT}(?P<m>M\d+) (?:a year|annually|per year|each year) ")),
    # "bringing the value of its purchases under the contract to $85m"
    Anaphor("value_to", ("customer_change", "deal"), re.compile(
        rf" (?:bringing|brings|bring|taking|takes|lifting|lifts|raising|raises) (?:the )?(?:total |combined |annual )?"
        rf"(?:value|size|worth) of (?:\S+ ){{0,6}}?to {_ABOUT}(?P<m>M\d+) ")),
    Anaphor("amount_noun", ("deal", "customer_change"), re.compile(
        rf" (?:the|this|that|its|their|a|an) (?P<m>M\d+) (?:\S+ ){{0,2}}?{_BOTH_NOUN} ")),
    Anaphor("noun_of_amount", ("deal", "customer_change"), re.compile(
        rf" (?:the|this|that|its|their|a|an) (?:\S+ ){{0,2}}?{_BOTH_NOUN} (?:of|worth) {_ABOUT}(?P<m>M\d+) ")),
    Anaphor("put_it_at", ("deal",), re.compile(
        rf" (?:put|puts|putting|pegged|pegs|estimated|estimates) (?:it|the (?:price|deal|value|transaction)) at "
        rf"{_ABOUT}(?P<m>M\d+) ")),
    # "The partners will invest a combined $800m over three years"
    Anaphor("partners_invest", ("deal",), re.compile(
        rf" the (?:two |three )?(?:partners|companies|venture partners) (?:will |would |plan to |are to |have agreed to )?"
        rf"(?:invest|commit|contribute|put in|inject) {_ABOUT}(?P<m>M\d+) ")),
    Anaphor("invest_in_venture", ("deal",), re.compile(
        rf" (?:invest|put|commit|contribut|inject)\S* {_ABOUT}(?P<m>M\d+) (?:\S+ ){{0,5}}?(?:in|into|to) {_DET} "
        rf"(?:new )?(?:venture|jv|joint venture|company|entity|project) ")),
)
# Cheap tests on the lower-cased sentence before its shadow is built for ANAPHORA: a verb of
# completion or cancellation, or a number (the caller checks) and a word that can carry a price.
ANAPHOR_HINT = re.compile(r"complet|closed|finali|consummat|went through|called off|abandon|scrap|cancel|collaps|"
                          r"fell through|fallen through|blocked|no truth|untrue|not true|categorically|flatly|firmly|"
                          r"strongly")
ANAPHOR_AMOUNT_HINT = re.compile(r"deal|transaction|acqui|takeover|purchase|merger|combination|sale|divest|disposal|"
                                 r"investment|round|buyout|venture|jv|offer|bid|contract|agreement|order|account|"
                                 r"award|partnership|renewal|expansion|engagement|mandate|tender|put|peg|estimat|commit|"
                                 r"invest|inject|contribut|spend|work|business|volume")
