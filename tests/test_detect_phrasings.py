"""How news phrases customer changes, one sentence per form, and sentences that tell none.

Written as a battery against the general frames (not taken from the corpus); names are invented.
Each positive row states the one change an analyst reads: subtype, customer, vendor and, when
named, the competitor the customer moves to.
"""

from __future__ import annotations

import pytest

from extract.events import rule_events

C, V, K = "Norvale Foods", "Pellam Packaging", "Astra Cartons"

CHANGES = [
    ("Norvale Foods is dropping Pellam Packaging as its supplier of cartons.", "churn", None),
    ("Norvale Foods said it would no longer buy from Pellam Packaging.", "churn", None),
    ("Norvale Foods has switched to Astra Cartons from Pellam Packaging.", "churn", K),
    ("Norvale Foods will phase out Pellam Packaging's equipment over two years.", "churn", None),
    ("Norvale Foods has stopped using Pellam Packaging's software.", "churn", None),
    ("Pellam Packaging lost a major customer, Norvale Foods, last month.", "churn", None),
    ("Norvale Foods will not extend its agreement with Pellam Packaging.", "churn", None),
    ("Pellam Packaging's contract with Norvale Foods will not be renewed when it expires.", "churn", None),
    ("Norvale Foods will source the cartons from Astra Cartons instead of Pellam Packaging.", "churn", K),
    ("Norvale Foods has chosen Astra Cartons over incumbent Pellam Packaging.", "churn", K),
    ("Norvale Foods will delist Pellam Packaging's products.", "churn", None),
    ("Norvale Foods has told Pellam Packaging it will not renew.", "churn", None),
    ("Pellam Packaging has been replaced by Astra Cartons at Norvale Foods.", "churn", K),
    ("Norvale Foods cut its orders from Pellam Packaging by 30%.", "reduction", None),
    ("Norvale Foods is diversifying away from Pellam Packaging.", "reduction", None),
    ("Norvale Foods has qualified Astra Cartons as a second source, reducing its reliance on Pellam Packaging.",
     "reduction", None),
    ("Norvale Foods is winding down its use of Pellam Packaging.", "reduction", None),
    ("Pellam Packaging signed Norvale Foods as a customer.", "new_customer", None),
    ("Norvale Foods awarded Pellam Packaging a $50m contract.", "new_customer", None),
    ("Pellam Packaging will supply Norvale Foods with cartons under a new five-year deal.", "new_customer", None),
    ("Norvale Foods has signed a multi-year deal to use Pellam Packaging's platform.", "new_customer", None),
    ("Norvale Foods became one of Pellam Packaging's biggest customers this year.", "new_customer", None),
    ("Norvale Foods renewed its agreement with Pellam Packaging on larger terms.", "expansion", None),
    ("Norvale Foods more than doubled its order with Pellam Packaging.", "expansion", None),
    ("Norvale Foods handed Pellam Packaging a five-year extension to its contract.", "expansion", None),
    # The vendor in an apposition or relative clause about the customer, or the one who tells.
    ("Norvale Foods, a Pellam Packaging customer since 2019, has expanded its agreement to cover all plants.",
     "expansion", None),
    ("Norvale Foods, which already buys cartons from Pellam Packaging, increased its order in the quarter.",
     "expansion", None),
    ("Norvale Foods has shifted a third of the work it used to send to Pellam Packaging to its own plant.",
     "reduction", None),
    ("Pellam Packaging said on Tuesday that Norvale Foods would reduce its purchases from July.", "reduction", None),
    ("Pellam Packaging has signed an agreement to supply Norvale Foods with cartons for five years.",
     "new_customer", None),
    ("Norvale Foods is pausing its projects with Pellam Packaging, according to two people familiar with the matter.",
     "churn", None),
    ("Norvale Foods will keep some orders with Pellam Packaging but is cutting its spending there by half.",
     "reduction", None),
    ("Norvale Foods has signed a multi-year agreement with Pellam Packaging covering carton supplies.",
     "new_customer", None),
    ("Norvale Foods is cutting back the number of Pellam Packaging machines it runs.", "reduction", None),
    # a customer's cut told in an apposition; a contract left to lapse; a listing lost; work outsourced
    ("Norvale Foods, Pellam Packaging's largest customer, cut its orders by a third.", "reduction", None),
    ("Norvale Foods will let its contract with Pellam Packaging expire at the end of June.", "churn", None),
    ("Pellam Packaging has lost its listing with Norvale Foods.", "churn", None),
    ("Norvale Foods will outsource the printing of its cartons at three plants to Pellam Packaging.", "new_customer", None),
    ("Norvale Foods said it had moved its orders to Astra Cartons, replacing the system it had licensed from "
     "Pellam Packaging since 2012.", "churn", K),
]


@pytest.mark.parametrize(("text", "subtype", "competitor"), CHANGES, ids=[r[0][:60] for r in CHANGES])
def test_reads_the_change(text: str, subtype: str, competitor: str | None) -> None:
    events = [(e.subtype, e.customer, e.vendor, e.competitor) for e in rule_events(text)]
    assert events == [(subtype, C, V, competitor)]


@pytest.mark.parametrize(("text", "status"), [
    ("Norvale Foods cut its orders from Pellam Packaging by a third last month.", "completed"),
    ("Norvale Foods has cut its orders from Pellam Packaging by a third.", "completed"),
    ("Norvale Foods plans to cut its orders from Pellam Packaging by a third.", "announced"),
    ("Norvale Foods will cut its orders from Pellam Packaging by a third.", "announced"),
    # a frame that spells the words around its verb: the modal word stands inside the match
    ("Norvale Foods told Pellam Packaging it will cut its orders by a third.", "announced"),
])
def test_cut_is_done_unless_a_modal_word_comes_before_it(text: str, status: str) -> None:
    """"cut" is a past tense as well as a present: a plan ("plans to", "will") makes it one ahead."""
    events = [(e.subtype, e.customer, e.vendor, e.status) for e in rule_events(text)]
    assert events == [("reduction", C, V, status)]


def test_reviewing_a_contract_is_a_churn_being_weighed() -> None:
    [event] = rule_events("Norvale Foods is reviewing its contract with Pellam Packaging.")
    assert (event.subtype, event.status) == ("churn", "considering")


@pytest.mark.parametrize("text", [
    "Norvale Foods reported revenue of $2.1bn, up 4%, and said it had added 120 new customers.",
    "Norvale Foods, which bought Pellam Packaging in 2019, reported higher sales.",
    "Norvale Foods launched a new range of oat snacks supplied by Pellam Packaging.",
    "Pellam Packaging supplies cartons to Norvale Foods and several other grocers.",
    "Norvale Foods will continue to buy cartons from Pellam Packaging on the same terms.",
    "Norvale Foods signed a memorandum of understanding with Pellam Packaging to explore recycling.",
    "The stock exchange delisted Pellam Packaging's shares after it failed to file accounts.",
    "Pellam Packaging replaced Norvale Foods as the region's largest employer.",
    "Norvale Foods and Pellam Packaging combined have a 40% share of the market.",
    "Pellam Packaging's chief executive told Norvale Foods that prices would rise.",
    "Norvale Foods has long been Pellam Packaging's biggest customer.",
])
def test_tells_no_change(text: str) -> None:
    assert rule_events(text) == []
