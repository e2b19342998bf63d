"""Customer changes told in the general forms the rules read: verb frames with customer and
vendor roles, passives, quantities, and German separable and verb-final verbs.

Each sentence is new wording (not from the corpus), so these pin the linguistic pattern,
not a corpus sentence.
"""

from __future__ import annotations

import pytest

from extract.events import rule_events

CASES = [
    # (language, sentence, subtype, customer, vendor, competitor)
    ("en", "Northgate Bank is ditching Corvel for rival Paystream, the lender said on Monday.",
     "churn", "Northgate Bank", "Corvel", "Paystream"),
    ("en", "Brimley Foods has lost the Castell Stores account, the company said.",
     "churn", "Castell Stores", "Brimley Foods", None),
    ("en", "Trovant Systems was selected by Harwick Council to supply its new payroll software.",
     "new_customer", "Harwick Council", "Trovant Systems", None),
    ("en", "Marlin Freight has won the Osgood Retail business after a tender.",
     "new_customer", "Osgood Retail", "Marlin Freight", None),
    # a retailer dropping a brand; a platform commitment; a second supplier qualified
    ("en", "From 1 March, Hartley Hardware will no longer stock Bosch power tools.",
     "churn", "Hartley Hardware", "Bosch", None),
    ("en", "Kvist Group has signed a $250 million, five-year agreement to run its e-commerce and data systems on "
           "Google Cloud, the companies said.",
     "new_customer", "Kvist", "Google Cloud", None),
    ("en", "Auralis Mobile has qualified Weiwen Micro as a second supplier of power-management chips.",
     "new_customer", "Auralis Mobile", "Weiwen Micro", None),
    ("en", "Trentham Rail has awarded a $140 million signalling contract to Vossberg Systems.",
     "new_customer", "Trentham Rail", "Vossberg Systems", None),
    ("en", "The signalling contract was awarded to Vossberg Systems by Trentham Rail in March.",
     "new_customer", "Trentham Rail", "Vossberg Systems", None),
    ("en", "Fashion retailer Lumora has signed with Caspian Data to run its customer analytics.",
     "new_customer", "Lumora", "Caspian Data", None),
    ("en", "Keller Motors has doubled the number of gearboxes it buys from Astrin Drive.",
     "expansion", "Keller Motors", "Astrin Drive", None),
    ("en", "Pavlo Airlines will route a smaller share of its bookings through Skyfare from January.",
     "reduction", "Pavlo Airlines", "Skyfare", None),
    ("en", "Halvorsen Shipping will continue to use Deltamar's terminals in Hamburg, but to a lesser extent.",
     "reduction", "Halvorsen Shipping", "Deltamar", None),
    ("en", "Ardley District Council has awarded a seven-year, £12m street lighting and signal maintenance "
           "contract to Brenwick Services.",
     "new_customer", "Ardley District Council", "Brenwick Services", None),
    ("en", "A £9m contract to digitise the archive of planning records held across the county has been awarded "
           "to Orvell Data by Kestry Council.",
     "new_customer", "Kestry Council", "Orvell Data", None),
    ("en", "Tolland Motors will buy brake assemblies for its two electric vans from Varro Parts instead of "
           "Hessing Brakes from next year.",
     "churn", "Tolland Motors", "Hessing Brakes", "Varro Parts"),
    ("en", "Quillan Stores has moved its frozen and chilled home delivery volume in northern regions from "
           "Tarrow Logistics to Penmark Freight.",
     "churn", "Quillan Stores", "Tarrow Logistics", "Penmark Freight"),
    ("en", "Grocer Belmora has stopped selling biscuits from baker Ostley Foods in its shops.",
     "churn", "Belmora", "Ostley Foods", None),
    ("en", "Ravena Air has ordered 12 regional turboprops from manufacturer Caldor Aero.",
     "new_customer", "Ravena Air", "Caldor Aero", None),
    ("en", "Ravena Air has ordered six additional turboprops from Caldor Aero.",
     "expansion", "Ravena Air", "Caldor Aero", None),
    ("en", "The utility Norwell Power will purchase 400 transformers from Aster Grid over four years.",
     "new_customer", "Norwell Power", "Aster Grid", None),
    ("en", "Ravena Air has chosen Caldor Aero, a maker of turboprops, to supply its regional fleet.",
     "new_customer", "Ravena Air", "Caldor Aero", None),
    ("en", "Cobham Water ended its 12-year meter reading contract with Tessell Metering last month.",
     "churn", "Cobham Water", "Tessell Metering", None),
    ("en", "Marrow Bank has ended its contract for Quenby's payments software.",
     "churn", "Marrow Bank", "Quenby", None),
    ("en", "Dunmore Freight has lost the contract to run retailer Ashcombe's northern depot.",
     "churn", "Ashcombe", "Dunmore Freight", None),
    ("en", "Pelham Press has won a four-year contract to print Lorne Media's weekly titles.",
     "new_customer", "Lorne Media", "Pelham Press", None),
    ("en", "Ferris Health notified Calder Billing of its intention to terminate the services agreement.",
     "churn", "Ferris Health", "Calder Billing", None),
    ("en", "Ferris Health has told Calder Billing it will stop sending new claims work.",
     "churn", "Ferris Health", "Calder Billing", None),
    ("en", "Hexa Optics said that camera maker Ludlow would stop buying its lenses after 2027.",
     "churn", "Ludlow", "Hexa Optics", None),
    ("en", "Tamber Software announced that Ostrow Stores had selected its checkout platform for every shop.",
     "new_customer", "Ostrow Stores", "Tamber Software", None),
    ("en", "Kilbride Hospital has signed an eight-year contract with Corra Systems for its patient records.",
     "new_customer", "Kilbride Hospital", "Corra Systems", None),
    ("en", "Ashby College will replace Fennel Catering as its food provider from September.",
     "churn", "Ashby College", "Fennel Catering", None),
    ("en", "Ostend Telecom has picked Varga Networks to replace Lindell Radio across its network.",
     "churn", "Ostend Telecom", "Lindell Radio", "Varga Networks"),
    ("en", "Corvin Insurance renewed its licence with Parlo Analytics for two years, but at a lower price.",
     "reduction", "Corvin Insurance", "Parlo Analytics", None),
    ("en", "Corvin Insurance renewed its licence with Parlo Analytics for two years, adding two more modules.",
     "expansion", "Corvin Insurance", "Parlo Analytics", None),
    ("en", "Harlow Trust has extended Medwyn's cleaning contract to cover three more hospitals.",
     "expansion", "Harlow Trust", "Medwyn", None),
    ("en", "Brisa Chips said its biggest customer, handset maker Olvane, would cut orders for its modems by a third.",
     "reduction", "Olvane", "Brisa Chips", None),
    ("en", "Dornell Pharma has appointed Quayle Medical as its sole wholesaler in Ireland.",
     "new_customer", "Dornell Pharma", "Quayle Medical", None),
    ("en", "Westby Council has awarded the work, worth about £3m a year, to grounds firm Larch Services.",
     "new_customer", "Westby Council", "Larch Services", None),
    ("en", "Orrin Medical has tripled its orders for Pashley's moulded parts.",
     "expansion", "Orrin Medical", "Pashley", None),
    ("en", "Tarvo Foods has cut the number of lorries it charters from Helm Haulage by a quarter.",
     "reduction", "Tarvo Foods", "Helm Haulage", None),
    ("en", "Selby Care will hand its patient transport to Rowan Medical from May, ending a ten-year contract "
           "with Dalton Ambulance.",
     "churn", "Selby Care", "Dalton Ambulance", "Rowan Medical"),
    ("en", "Pinewood Schools ended its catering contract with Brookfare and hired Vell Kitchens for three years.",
     "churn", "Pinewood Schools", "Brookfare", "Vell Kitchens"),
    ("en", "Harlan Water has awarded a £20m pipe repair contract to Osmond Civils, taking the work from its "
           "current contractor, Drayton Pipes.",
     "churn", "Harlan Water", "Drayton Pipes", "Osmond Civils"),
    ("en", "Kelso Print has won a three-year contract to print Arden Media's magazines, taking the work from "
           "Morwen Press.",
     "churn", "Arden Media", "Morwen Press", "Kelso Print"),
    ("en", "Calloway Mining will not renew Tarn Drilling's services contract when it expires.",
     "churn", "Calloway Mining", "Tarn Drilling", None),
    ("en", "Corvia Defence has placed a follow-on order with Halden Marine for four patrol boats.",
     "expansion", "Corvia Defence", "Halden Marine", None),
    ("en", "Lesko Bus has placed an order with Varna Coachworks for 60 electric buses.",
     "new_customer", "Lesko Bus", "Varna Coachworks", None),
    ("en", "Orrin Farms will continue to buy fertiliser from Tallis Agri, but in smaller volumes.",
     "reduction", "Orrin Farms", "Tallis Agri", None),
    ("en", "Pelton Motors said it will source gearboxes from Astor Drive from 2028.",
     "new_customer", "Pelton Motors", "Astor Drive", None),
    ("en", "Kestrel Airways has signed a six-year agreement with Palmer Catering worth about £30m.",
     "new_customer", "Kestrel Airways", "Palmer Catering", None),
    ("en", "Palmer Catering has signed a six-year contract with Kestrel Airways to supply meals on its routes.",
     "new_customer", "Kestrel Airways", "Palmer Catering", None),
    ("en", "Brisk Rail has chosen Tovell Signals instead of Marden Systems to upgrade its depots.",
     "churn", "Brisk Rail", "Marden Systems", "Tovell Signals"),
    ("en", "Ledgerly said that the building society Harrow Mutual had signed on as a client for its payroll tools.",
     "new_customer", "Harrow Mutual", "Ledgerly", None),
    ("en", "Ostby Data has signed a ten-year power purchase agreement (PPA) with wind developer Kelda Renewables "
           "to buy the output of its new farm.",
     "new_customer", "Ostby Data", "Kelda Renewables", None),
    ("en", "Tarvo Power has signed a 15-year agreement to buy gas from Wexley Pipelines for its plants.",
     "new_customer", "Tarvo Power", "Wexley Pipelines", None),
    ("en", "Carmaker Veltra has nominated Oskar Sensors as supplier of its parking cameras.",
     "new_customer", "Veltra", "Oskar Sensors", None),
    ("en", "Paylo has added the furniture chain Hemston as a merchant.",
     "new_customer", "Hemston", "Paylo", None),
    ("en", "Tillmark has signed a new three-year agreement with Oakfield Bank, a customer since 2018.",
     "new_customer", "Oakfield Bank", "Tillmark", None),
    ("en", "Corra Systems has signed a seven-year contract with Kilbride Hospital to run its patient records.",
     "new_customer", "Kilbride Hospital", "Corra Systems", None),
    ("en", "Dunmore Bank has selected Quenby's lending software for its branches.",
     "new_customer", "Dunmore Bank", "Quenby", None),
    ("en", "The retailer Hollins will start stocking Barnaby Tea's loose-leaf range in May.",
     "new_customer", "Hollins", "Barnaby Tea", None),
    ("de", "Die Spedition Haller kehrt dem Softwareanbieter Trenga den Rücken.",
     "churn", "Spedition Haller", "Trenga", None),
    ("de", "Der Versorger Enerwa verzichtet künftig auf den Dienstleister Netcom.",
     "churn", "Enerwa", "Netcom", None),
    ("de", "Die Stadtwerke Lindau steigen beim IT-Dienstleister Netcom aus.",
     "churn", "Stadtwerke Lindau", "Netcom", None),
    ("de", "Die Stadtwerke Lindau verlängern den Vertrag mit dem Dienstleister Netcom nicht.",
     "churn", "Stadtwerke Lindau", "Netcom", None),
    ("de", "Die Stadtwerke Lindau wenden sich vom Dienstleister Netcom ab.",
     "churn", "Stadtwerke Lindau", "Netcom", None),
    ("de", "Der Zulieferer Brandt Guss verliert den Großkunden Kronmark.",
     "churn", "Kronmark", "Brandt Guss", None),
    ("de", "Der Versicherer Alvena bestellt weniger bei der Druckerei Hess.",
     "reduction", "Alvena", "Hess", None),
]


@pytest.mark.parametrize(("lang", "sentence", "subtype", "customer", "vendor", "competitor"), CASES,
                         ids=[c[1][:40] for c in CASES])
def test_customer_change_forms(lang: str, sentence: str, subtype: str, customer: str, vendor: str,
                               competitor: str | None) -> None:
    events = rule_events(sentence, language=lang)
    assert [(e.event_type, e.subtype, e.customer, e.vendor, e.competitor) for e in events] == [
        ("customer_change", subtype, customer, vendor, competitor)]


@pytest.mark.parametrize(("lang", "sentence"), [
    ("en", "Kestrel Software plans to acquire new customers in Latin America next year."),
    ("en", "Vandra Group will continue to be a customer of Polaris Cloud, its chief information officer said."),
    ("en", "Ardent Labs said the number of customers using its platform rose to 1,200."),
    ("en", "Halden Capital will buy the remaining shares from Corvo Holdings next year."),
    ("en", "Ravena Air has ordered its pilots to stay away from Caldor Aero's plant."),
    ("en", "Dunmore Freight has lost the right to use the Ashcombe name after the licence expired."),
    ("en", "Tamber Software said that Ostrow Stores had chosen its new chief executive from outside."),
    ("en", "Dunmore Bank has selected Quenby's former finance chief as its new chair."),
    ("de", "Der Investor Kalmar steigt mit 20 Prozent bei Voltavia aus."),
    ("de", "Milliardendeal geplatzt: Nvidia verzichtet auf Arm-Übernahme."),
    ("de", "Verano zählt inzwischen 1,2 Millionen Kunden und will im kommenden Jahr weitere Kunden gewinnen."),
])
def test_no_customer_change(lang: str, sentence: str) -> None:
    assert [e for e in rule_events(sentence, language=lang) if e.event_type == "customer_change"] == []
