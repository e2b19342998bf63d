"""Table-driven German rule tests: one row per German phrasing of an event (or non-event).

Names are invented; each row states what an analyst reads from the sentence.
"""

from __future__ import annotations

import pytest

from extract.events import rule_events
from extract.language import article_language, guess_language
from extract.money import find_amounts
from extract.names_de import find_names_de

# (text, expected): expected maps fields to values; "parties" is a dict of roles.
DEALS = [
    # owners (people) selling their firm; a joint company named by its kind
    ("Die Gesellschafter der Kornmann Elektro GmbH haben ihr Unternehmen an den französischen Dienstleister "
     "Spiekro SA verkauft.",
     dict(subtype="acquisition", parties={"acquirer": "Spiekro", "target": "Kornmann Elektro"}, status="completed")),
    # a perfect whose participle is also a present ("hat ... verkauft"), the unit named before the buyer
    ("Die Nordwerk Energie AG hat ihre Tochter Elbnetz GmbH an die Allianz Capital Partners verkauft.",
     dict(subtype="divestiture", parties={"seller": "Nordwerk Energie", "target": "Elbnetz",
                                          "acquirer": "Allianz Capital Partners"}, status="completed")),
    ("Die Halden Gruppe hat beschlossen, die Elbnetz GmbH an die Triton Partners zu verkaufen.",
     dict(subtype="divestiture", parties={"seller": "Halden Gruppe", "target": "Elbnetz",
                                          "acquirer": "Triton Partners"}, status="announced")),
    ("Die Südwestenergie AG verkauft ihre 40-prozentige Beteiligung an dem Netzbetreiber TransAlb an den "
     "kanadischen Pensionsfonds Maple Infrastructure Partners.",
     dict(subtype="divestiture", parties={"seller": "Südwestenergie", "target": "TransAlb",
                                          "acquirer": "Maple Infrastructure Partners"}, status="announced")),
    # a stake sold with its size after the noun; a regulator is no party of the takeover it blocks
    ("Die Stadtwerke Kiel haben ihre Beteiligung von zwölf Prozent an der Nordgas GmbH an Enwag verkauft.",
     dict(subtype="divestiture", parties={"seller": "Stadtwerke Kiel", "target": "Nordgas", "acquirer": "Enwag"},
          status="completed")),
    ("Das Kartellamt hat die geplante Übernahme des Kies- und Sandproduzenten Rheinsand durch die Moselbau AG untersagt.",
     dict(subtype="acquisition", parties={"acquirer": "Moselbau", "target": "Rheinsand"}, status="cancelled")),
    ("Der Elektromotorenhersteller Wegmann kauft sich bei dem Bielefelder Getriebebauer Kallwitz Antriebe ein.",
     dict(subtype="stake", parties={"acquirer": "Wegmann", "target": "Kallwitz Antriebe"})),
    ("Die Stadtwerke Halden und die Netzfirma Fibrelink haben die Glasnetz Halden GmbH gegründet, an der beide "
     "jeweils 50 Prozent halten.",
     dict(subtype="joint_venture", parties={"acquirer": "Stadtwerke Halden", "target": "Fibrelink"})),
    ("Die Hirschfeld AG gibt bekannt, dass die Übernahme der Sonnwerk GmbH nicht vollzogen wird.",
     dict(subtype="acquisition", parties={"acquirer": "Hirschfeld", "target": "Sonnwerk"}, status="cancelled")),
    # a sale weighed without its buyer (the guide: a party explores it, an event "considering"); a sale agreed
    # "with" its buyer; the parent's compound name ("die Zeppelin-Gruppe") and its unit's longer name apart
    ("Der Finanzinvestor Grauberg lotet einen Verkauf des Laborausrüsters Quantix aus.",
     dict(subtype="divestiture", parties={"seller": "Grauberg", "target": "Quantix"}, status="considering")),
    ("Der Handelskonzern Ostmann-Gruppe prüft den Verkauf seiner Logistiktochter Ostmann Transport.",
     dict(subtype="divestiture", parties={"seller": "Ostmann", "target": "Ostmann Transport"}, status="considering")),
    ("Die Mahrholz SE hat mit dem US-Konzern Carewell Instruments einen Vertrag über den Verkauf des "
     "Geschäftsbereichs Mahrholz Medical unterzeichnet.",
     dict(subtype="divestiture", parties={"seller": "Mahrholz", "target": "Mahrholz Medical",
                                          "acquirer": "Carewell Instruments"})),
    ("Zeppelin verkauft seine skandinavische Mietgeräte-Tochter Zeppelin Rental Nordic an den schwedischen "
     "Konkurrenten Ramirent-Holm.",
     dict(subtype="divestiture", parties={"seller": "Zeppelin", "target": "Zeppelin Rental Nordic",
                                          "acquirer": "Ramirent-Holm"})),
    ("Der Siemens-Konzern hat die Tochter Varian an die Beta Holding verkauft.",
     dict(subtype="divestiture", parties={"seller": "Siemens", "target": "Varian", "acquirer": "Beta"},
          status="completed")),
    # an investor after the verb; talks with an investor about its entry
    ("Parallel dazu beteiligt sich der Klimafonds Breakwater Ventures mit 10 Millionen Euro an der Eolica GmbH.",
     dict(subtype="investment", parties={"acquirer": "Breakwater Ventures", "target": "Eolica"})),
    ("Die Brauckmann AG bestätigte Gespräche mit dem Zulieferer Xingda Auto Parts über einen Einstieg.",
     dict(subtype="stake", parties={"acquirer": "Xingda Auto Parts", "target": "Brauckmann"},
          status="considering")),
    # a sale told as a noun; a buyer that takes a unit from its seller; offers to every shareholder
    ("Die Keltner SE hat den Verkauf ihrer Lichtsparte Lumora GmbH an die Hengmei Group abgeschlossen.",
     dict(subtype="divestiture", parties={"seller": "Keltner", "target": "Lumora", "acquirer": "Hengmei"},
          status="completed")),
    ("Die Beteiligungsgesellschaft Elbwerk Equity übernimmt von der Renata Gruppe deren Sparte Renata Fördertechnik.",
     dict(subtype="acquisition", parties={"acquirer": "Elbwerk Equity", "target": "Renata Fördertechnik",
                                          "seller": "Renata Gruppe"})),
    ("Die Medora Group AG kündigte ein öffentliches Übernahmeangebot für sämtliche Aktien der Halstein Pharma AG an.",
     dict(subtype="acquisition", parties={"acquirer": "Medora", "target": "Halstein Pharma"})),
    ("Die Gipfel Capital AG beabsichtigt, allen Aktionären der Bergbahn Holding AG ein freiwilliges "
     "Übernahmeangebot zu unterbreiten.",
     dict(subtype="acquisition", parties={"acquirer": "Gipfel Capital", "target": "Bergbahn"})),
    ("Der Energieversorger Donauwerk Energie AG hat sich mit 25 Prozent an der Windkraft Koralm GmbH beteiligt.",
     dict(subtype="stake", parties={"acquirer": "Donauwerk Energie", "target": "Windkraft Koralm"}, stake=25.0,
          status="completed")),
    ("Der Handelskonzern Wendrich AG und die Kaufpark Handelsgruppe gründen eine gemeinsame Einkaufsgesellschaft.",
     dict(subtype="joint_venture", parties={"acquirer": "Wendrich", "target": "Kaufpark Handelsgruppe"})),
    ("Die Beteiligungsgesellschaft Aurelon AG prüft eine Mehrheitsübernahme der Knusperland Snacks GmbH.",
     dict(subtype="acquisition", parties={"acquirer": "Aurelon", "target": "Knusperland Snacks"},
          status="considering")),
    # a stake sold is a sale, not a stake taken; a verb-second clause with its subject after the verb
    ("Die Stadtwerke Kiel verkaufen ihre Beteiligung an der Nordgas AG an den Versorger Enwag.",
     dict(subtype="divestiture", parties={"seller": "Stadtwerke Kiel", "target": "Nordgas", "acquirer": "Enwag"})),
    ("Gleichzeitig übernimmt der Chemiekonzern Arnholt den Klebstoffhersteller Velmar.",
     dict(subtype="acquisition", parties={"acquirer": "Arnholt", "target": "Velmar"})),
    ("Der Schweizer Logistikkonzern Planzer hat die fränkische Spedition Gebr. Heinloth übernommen.",
     dict(subtype="acquisition", parties={"acquirer": "Planzer", "target": "Gebr. Heinloth"}, status="completed")),
    # A stake told in words, and a press release's dateline with this year's date (no background).
    ("Der Staatsfonds Qatara beteiligt sich mit zwölf Prozent an dem Windparkentwickler Nordwind.",
     dict(subtype="stake", parties={"acquirer": "Qatara", "target": "Nordwind"}, stake=12.0)),
    ("Ruhla, 30. November 2026 – Der Maschinenbauer Kolbwerk hat 25 Prozent der Anteile an der Hradek GmbH "
     "erworben.",
     dict(subtype="stake", parties={"acquirer": "Kolbwerk", "target": "Hradek"}, stake=25.0)),
    ("Der Chemiekonzern Arnholt übernimmt den Klebstoffhersteller Velmar für 1,2 Mrd. €.",
     dict(subtype="acquisition", parties={"acquirer": "Arnholt", "target": "Velmar"}, amount=1.2e9, currency="EUR",
          status="announced")),
    ("Der Versandhändler Ostwind kauft den Logistiker Brisko für 450 Mio. Euro.",
     dict(subtype="acquisition", parties={"acquirer": "Ostwind", "target": "Brisko"}, amount=450e6)),
    ("Der Finanzinvestor Talgrund hat den Softwareanbieter Quernet übernommen.",
     dict(subtype="acquisition", parties={"acquirer": "Talgrund", "target": "Quernet"}, status="completed")),
    ("Der Zulieferer Pellmann wird von dem US-Konzern Darcy Industries übernommen.",
     dict(subtype="acquisition", parties={"acquirer": "Darcy Industries", "target": "Pellmann"})),
    ("Der Medienkonzern Larsholm steigt mit 49 Prozent bei dem Start-up Fennick ein.",
     dict(subtype="stake", parties={"acquirer": "Larsholm", "target": "Fennick"}, stake=49)),
    ("Der Versicherer Norvia AG erwirbt eine Minderheitsbeteiligung an dem Fintech Quobit.",
     dict(subtype="stake", parties={"acquirer": "Norvia", "target": "Quobit"})),
    ("Der Energieversorger Haldur und der Netzbetreiber Ostkamm fusionieren.",
     dict(subtype="merger", parties={"acquirer": "Haldur", "target": "Ostkamm"})),
    ("Der Maschinenbauer Keltner verkauft seine Sparte Rovia für 2,5 Milliarden Franken an den Finanzinvestor "
     "Alpbach Capital.",
     dict(subtype="divestiture", parties={"seller": "Keltner", "target": "Rovia", "acquirer": "Alpbach Capital"},
          amount=2.5e9, currency="CHF")),
    ("Das Kölner Start-up Plentis sammelt 40 Millionen Euro ein, angeführt von dem Wagniskapitalgeber Birchway "
     "Ventures.",
     dict(subtype="investment", parties={"acquirer": "Birchway Ventures", "target": "Plentis"}, amount=40e6)),
    ("Der Softwarekonzern Valdor will Medienberichten zufolge den Konkurrenten Nexbit kaufen.",
     dict(subtype="acquisition", parties={"acquirer": "Valdor", "target": "Nexbit"}, status="reported")),
    ("Der Chipkonzern Serrano erwägt den Kauf des Sensorherstellers Lumetric.",
     dict(subtype="acquisition", parties={"acquirer": "Serrano", "target": "Lumetric"}, status="considering")),
    ("Der Fonds Kestrel hat Berichte über einen Einstieg bei dem Solarhersteller Helion dementiert.",
     dict(subtype="stake", parties={"acquirer": "Kestrel", "target": "Helion"}, status="denied")),
    ("Der Chipkonzern Vantek verzichtet auf den Kauf des Chipdesigners Orbis.",
     dict(subtype="acquisition", parties={"acquirer": "Vantek", "target": "Orbis"}, status="cancelled")),
    ("Der Autozulieferer Brandis und der Batteriehersteller Koryo Cells gründen ein Gemeinschaftsunternehmen.",
     dict(subtype="joint_venture", parties={"acquirer": "Brandis", "target": "Koryo Cells"})),
    # reports of a sale the target rejects; a sale or takeover the target "stands before"; a majority taken
    ("Der Armaturenhersteller Hammerwerk hat einen Bericht über einen bevorstehenden Verkauf an den Finanzinvestor "
     "Corvant dementiert.",
     dict(subtype="acquisition", parties={"acquirer": "Corvant", "target": "Hammerwerk"}, status="denied")),
    ("Der Optikspezialist Lumaris hat Spekulationen über eine Übernahme durch den US-Konzern Brightfield "
     "zurückgewiesen.",
     dict(subtype="acquisition", parties={"acquirer": "Brightfield", "target": "Lumaris"}, status="denied")),
    ("Die Reederei Kortwig hat einen Bericht über Fusionsgespräche mit der Reederei Nordlys zurückgewiesen.",
     dict(subtype="merger", parties={"acquirer": "Kortwig", "target": "Nordlys"}, status="denied")),
    ("Der Pharmazulieferer Rheinpharm steht vor dem Verkauf an den Finanzinvestor Greyfield.",
     dict(subtype="acquisition", parties={"acquirer": "Greyfield", "target": "Rheinpharm"})),
    ("Der Chemiekonzern Kestner übernimmt die Mehrheit am Faserspezialisten Vezelon.",
     dict(subtype="acquisition", parties={"acquirer": "Kestner", "target": "Vezelon"})),
    ("Die Seilerei Kuhnwald geht an den Seilbahnbauer Castelmont.",
     dict(subtype="acquisition", parties={"acquirer": "Castelmont", "target": "Kuhnwald"})),
    ("Die Holzbau Reutner GmbH gehört seit dem 1. März zum Baukonzern Weinhold.",
     dict(subtype="acquisition", parties={"acquirer": "Weinhold", "target": "Holzbau Reutner"})),
    ("Der Softwareanbieter Gerstwerk führt fortgeschrittene Gespräche mit dem Anbieter Plansoft Nord über eine "
     "Übernahme.",
     dict(subtype="acquisition", parties={"acquirer": "Gerstwerk", "target": "Plansoft Nord"}, status="considering")),
    ("Die Kessburg Biotech AG befindet sich in Gesprächen mit der Marlow Therapeutics, Inc. über ein mögliches "
     "Übernahmeangebot für sämtliche Aktien der Gesellschaft.",
     dict(subtype="acquisition", parties={"acquirer": "Marlow Therapeutics", "target": "Kessburg Biotech"},
          status="considering")),
    ("Das Start-up Quantix Photonics hat eine Finanzierungsrunde über 28 Millionen Euro abgeschlossen, die von dem "
     "Wagniskapitalgeber Ventara Capital angeführt wird.",
     dict(subtype="investment", parties={"acquirer": "Ventara Capital", "target": "Quantix Photonics"}, amount=28e6)),
]

CUSTOMER_CHANGES = [
    # a customer lost, told in the perfect; a supply contract with a parenthesis; work moved from one supplier to another
    ("Die Nordwoll GmbH hat nach Angaben aus Branchenkreisen den Modehändler Carlsen AG als Kunden verloren.",
     dict(subtype="churn", parties={"customer": "Carlsen", "vendor": "Nordwoll"})),
    ("Die Ambros AG hat mit dem Projektierer Nordwind Energie GmbH einen Stromabnahmevertrag (PPA) über zwölf Jahre "
     "geschlossen.",
     dict(subtype="new_customer", parties={"customer": "Ambros", "vendor": "Nordwind Energie"})),
    ("Die Isarmotor AG hat einen Teil der Kabelbaumaufträge von der Brandner GmbH zum Konkurrenten Yazumi Corp. "
     "verlagert.",
     dict(subtype="reduction", parties={"customer": "Isarmotor", "vendor": "Brandner", "competitor": "Yazumi"})),
    ("Die Alpenbahn AG vergeben den Betrieb ihrer beiden Rechenzentren ab 2026 an die Helvetic Data Services AG.",
     dict(subtype="new_customer", parties={"customer": "Alpenbahn", "vendor": "Helvetic Data Services"})),
    # a supplier becoming one, or supplying from a date on (not one that has supplied for years)
    ("Die Verpack Solutions GmbH wird neuer Hauptlieferant der Falkner Lebensmittel AG.",
     dict(subtype="new_customer", parties={"customer": "Falkner Lebensmittel", "vendor": "Verpack Solutions"})),
    ("Die Verpack Solutions GmbH liefert künftig Kartons an die Falkner Lebensmittel AG.",
     dict(subtype="new_customer", parties={"customer": "Falkner Lebensmittel", "vendor": "Verpack Solutions"})),
    ("Die Verpack Solutions GmbH soll die Falkner Lebensmittel AG ab 2026 mit Kartons beliefern.",
     dict(subtype="new_customer", parties={"customer": "Falkner Lebensmittel", "vendor": "Verpack Solutions"})),
    ("Der Motorradhersteller Kestra AG wird Zellen für ein elektrisches Modell bei der Ionwerk GmbH beziehen.",
     dict(subtype="new_customer", parties={"customer": "Kestra", "vendor": "Ionwerk"})),
    # the award told object first, and a firm entrusted with an order
    ("Den Zuschlag für die Lieferung von bis zu 1.500 Ladesäulen hat die Stadtwerke Halden GmbH dem Paderborner "
     "Hersteller Ladeflux erteilt.",
     dict(subtype="new_customer", parties={"customer": "Stadtwerke Halden", "vendor": "Ladeflux"})),
    ("Der Autobauer Veyron Motors hat den Lichtspezialisten Donau Lichttechnik mit einem Serienauftrag betraut.",
     dict(subtype="new_customer", parties={"customer": "Veyron Motors", "vendor": "Donau Lichttechnik"})),
    ("Der Biotechkonzern Modaris will die Abfüllung seines Impfstoffs bei der Rheinpharm AG Ende 2025 beenden.",
     dict(subtype="churn", parties={"customer": "Modaris", "vendor": "Rheinpharm"})),
    ("Der Händler Kaufstern kündigt den Vertrag mit dem Zahlungsdienstleister Paymio.",
     dict(subtype="churn", parties={"customer": "Kaufstern", "vendor": "Paymio"}, status="announced")),
    ("Der Versicherer Alvena will die Zusammenarbeit mit dem IT-Dienstleister Corbit beenden.",
     dict(subtype="churn", parties={"customer": "Alvena", "vendor": "Corbit"})),
    ("Der Autobauer Stelmar setzt künftig auf den Anbieter Voltis statt auf den bisherigen Partner Ladenet.",
     dict(subtype="churn", parties={"customer": "Stelmar", "vendor": "Ladenet", "competitor": "Voltis"})),
    ("Laut Insidern will der Händler Marktfeld sich von dem Dienstleister Paylix trennen.",
     dict(subtype="churn", parties={"customer": "Marktfeld", "vendor": "Paylix"}, status="reported")),
    ("Der Versicherer Rhenova fährt seine Ausgaben beim IT-Dienstleister Dataklar deutlich zurück.",
     dict(subtype="reduction", parties={"customer": "Rhenova", "vendor": "Dataklar"})),
    ("Der Softwareanbieter Baulix gewinnt den Baukonzern Steinhart als Kunden.",
     dict(subtype="new_customer", parties={"customer": "Steinhart", "vendor": "Baulix"})),
    ("Der Dienstleister Logiqa verliert den Versandhändler Paketo als Kunden.",
     dict(subtype="churn", parties={"customer": "Paketo", "vendor": "Logiqa"})),
    ("Der Händler Modhaus ersetzt den Anbieter Kassix durch den Konkurrenten Paynetic.",
     dict(subtype="churn", parties={"customer": "Modhaus", "vendor": "Kassix", "competitor": "Paynetic"})),
    ("Die Stadt Ulmen hat den Auftrag für ihr Schulnetz an den IT-Dienstleister Netzwerk Nord vergeben.",
     dict(subtype="new_customer", parties={"customer": "Stadt Ulmen", "vendor": "Netzwerk Nord"})),
    ("Der Autobauer Ferrant bestellt Batteriezellen für 2 Milliarden Euro bei dem Hersteller Cellvia.",
     dict(subtype="new_customer", parties={"customer": "Ferrant", "vendor": "Cellvia"}, amount=2e9)),
    ("Die Telekom-Tochter Netrion erhält einen Auftrag von der Bundeswehr.",
     dict(subtype="new_customer", parties={"customer": "Bundeswehr", "vendor": "Netrion"})),
    # Customer changes told in other ways (one row per kind of phrasing).
    ("Die Klinikgruppe Sanaris bezieht ihre Medikamente ab Mai nicht mehr vom Großhändler Pharmo, sondern vom "
     "Konkurrenten Medlog.",
     dict(subtype="churn", parties={"customer": "Sanaris", "vendor": "Pharmo", "competitor": "Medlog"})),
    ("Der Versicherer Hanvia will die Software des Anbieters Polisoft künftig nicht mehr einsetzen.",
     dict(subtype="churn", parties={"customer": "Hanvia", "vendor": "Polisoft"})),
    ("Der Autozulieferer Kronwerk bezieht seinen Strom ab Januar vom Ökostromanbieter Windmark.",
     dict(subtype="new_customer", parties={"customer": "Kronwerk", "vendor": "Windmark"})),
    ("Die Stadt Osterfeld lässt ihre Schulrechner ab Herbst vom Dienstleister Datalux betreuen.",
     dict(subtype="new_customer", parties={"customer": "Stadt Osterfeld", "vendor": "Datalux"})),
    ("Der Spielehersteller Pixelforge verlagert seine Server vom Hoster Netzburg zum Cloudanbieter Wolkwerk.",
     dict(subtype="churn", parties={"customer": "Pixelforge", "vendor": "Netzburg", "competitor": "Wolkwerk"})),
    ("Der Chemiekonzern Tarvin verlagert einen Teil seiner Daten in die Cloud des Anbieters Chemlon.",
     dict(subtype="new_customer", parties={"customer": "Tarvin", "vendor": "Chemlon"})),
    ("Das Klinikum Rastede löst seinen langjährigen IT-Dienstleister Medinet zum Jahresende ab.",
     dict(subtype="churn", parties={"customer": "Klinikum Rastede", "vendor": "Medinet"})),
    ("Der Aluminiumhersteller Valcor hat mit dem Windparkbetreiber Nordbrise einen Stromliefervertrag unterzeichnet.",
     dict(subtype="new_customer", parties={"customer": "Valcor", "vendor": "Nordbrise"})),
    ("Der Flugzeugbauer Aerion hat den Spezialisten Kabiro als Lieferanten für seine Sitze ausgewählt.",
     dict(subtype="new_customer", parties={"customer": "Aerion", "vendor": "Kabiro"})),
    # a contract awarded in the perfect is announced (it starts ahead); a delisting in the perfect is done
    ("Der Paketdienst GLS hat den Versandhändler Lenzberg als Neukunden gewonnen.",
     dict(subtype="new_customer", parties={"customer": "Lenzberg", "vendor": "GLS"}, status="announced")),
    ("Die Stadt Kiel hat den Vertrag mit dem Anbieter Trenga verlängert und erweitert.",
     dict(subtype="expansion", parties={"customer": "Stadt Kiel", "vendor": "Trenga"}, status="announced")),
    ("Der Discounter Harlo hat seine Bestellungen bei dem Hersteller Feldmann um ein Drittel reduziert.",
     dict(subtype="reduction", parties={"customer": "Harlo", "vendor": "Feldmann"}, status="completed")),
    # the subject after the verb; plural verbs; compound contract nouns; accented capitals
    ("Gleichzeitig baut der Triebwerksspezialist Aerotek die Zusammenarbeit mit dem Softwarehaus Quernet aus.",
     dict(subtype="expansion", parties={"customer": "Aerotek", "vendor": "Quernet"})),
    ("Wie der Versorger Enwag mitteilte, kündigt der Versorger die Zusammenarbeit mit dem Anbieter Trenga.",
     dict(subtype="churn", parties={"customer": "Enwag", "vendor": "Trenga"})),
    ("Die Stadtwerke Kiel erweitern ihren Vertrag mit dem Anbieter Kapsch TrafficCom.",
     dict(subtype="expansion", parties={"customer": "Stadtwerke Kiel", "vendor": "Kapsch TrafficCom"})),
    ("Die Reederei Elbtrans kündigt den Bunkervertrag mit dem Treibstoffhändler Nordölhandel.",
     dict(subtype="churn", parties={"customer": "Elbtrans", "vendor": "Nordölhandel"})),
    ("Nach einer Ausschreibung erhält der tschechische Hersteller Škoda Transportation einen Auftrag von der Stadt "
     "Plauen.",
     dict(subtype="new_customer", parties={"customer": "Stadt Plauen", "vendor": "Škoda Transportation"})),
    ("Der Zulieferer Antrivo ist von dem Autobauer Ferrant für die Lieferung von Achsen nominiert worden.",
     dict(subtype="new_customer", parties={"customer": "Ferrant", "vendor": "Antrivo"})),
    ("Der Logistiker Packwerk hat einen Großauftrag von dem Versandhändler Modhaus gewonnen.",
     dict(subtype="new_customer", parties={"customer": "Modhaus", "vendor": "Packwerk"})),
    ("Die Stadt Borkum hatte der Firma Funkwerk Nord den Zuschlag für das Funknetz erteilt.",
     dict(subtype="new_customer", parties={"customer": "Stadt Borkum", "vendor": "Funkwerk Nord"})),
    ("Der Zughersteller Railor hat die Lieferung der Bremsen an den Wettbewerber Bremtec vergeben.",
     dict(subtype="new_customer", parties={"customer": "Railor", "vendor": "Bremtec"})),
    ("Der Energiekonzern Voltara hat bei dem Turbinenbauer Windkraft Ost 20 Anlagen bestellt.",
     dict(subtype="new_customer", parties={"customer": "Voltara", "vendor": "Windkraft Ost"})),
    ("Der Logistiker Frachtwerk Nord ruft bei dem Fahrzeugbauer Korvak weitere 300 Lastwagen ab.",
     dict(subtype="expansion", parties={"customer": "Frachtwerk Nord", "vendor": "Korvak"})),
    ("Der Versorger Sunvale hat einen Auftrag für Gasturbinen bei dem Hersteller Turbex storniert.",
     dict(subtype="churn", parties={"customer": "Sunvale", "vendor": "Turbex"})),
    ("Der Stahlkonzern Ferrox zieht sich aus dem Liefervertrag mit dem Gasproduzenten Hydra Gas zurück.",
     dict(subtype="churn", parties={"customer": "Ferrox", "vendor": "Hydra Gas"})),
    ("Der Händler Kaufstern will den Dienst des Anbieters Paymio zwar weiter nutzen, aber nur noch für Zahlungen im Inland.",
     dict(subtype="reduction", parties={"customer": "Kaufstern", "vendor": "Paymio"})),
    ("Die Drogeriekette Rosano nimmt die Pflegeserie der Marke Lindara ins Sortiment.",
     dict(subtype="new_customer", parties={"customer": "Rosano", "vendor": "Lindara"})),
    ("Die Baumarktkette Hobbix nimmt die Werkzeuge des Herstellers Stahlmann aus dem Sortiment.",
     dict(subtype="churn", parties={"customer": "Hobbix", "vendor": "Stahlmann"})),
    ("Der Discounter Preisfix hat die Säfte der Kelterei Obsthof Brandt ausgelistet.",
     dict(subtype="churn", parties={"customer": "Preisfix", "vendor": "Obsthof Brandt"})),
    ("Der Versorger Stadtwerke Ennstal verliert seinen größten Kunden: Der Zulieferer Gusswerk Leoben kauft "
     "Strom künftig selbst an der Börse.",
     dict(subtype="churn", parties={"customer": "Gusswerk Leoben", "vendor": "Stadtwerke Ennstal"})),
    ("Der Versicherer Alvena hat den Vertrag mit dem IT-Dienstleister Corbit über den Betrieb der Rechenzentren "
     "in Köln zum Jahresende gekündigt.",
     dict(subtype="churn", parties={"customer": "Alvena", "vendor": "Corbit"})),
    ("Der Autobauer Stelmar hat seine Abrufe bei dem Zulieferer Lackwerk Süd in diesem Jahr um ein Drittel gesenkt.",
     dict(subtype="reduction", parties={"customer": "Stelmar", "vendor": "Lackwerk Süd"})),
    ("Der Netzbetreiber Voltnetz bestellt bei dem Funkspezialisten Sendix weitere 500 Handfunkgeräte.",
     dict(subtype="expansion", parties={"customer": "Voltnetz", "vendor": "Sendix"})),
    ("Der Roboterbauer Kinetra hat entschieden, künftig auf die Steuerungssoftware des Anbieters Logimatik zu setzen.",
     dict(subtype="new_customer", parties={"customer": "Kinetra", "vendor": "Logimatik"})),
    ("Der Versicherer Hanvia denkt über ein Ende seines Rechenzentrumsvertrags mit dem Dienstleister Corbit nach.",
     dict(subtype="churn", parties={"customer": "Hanvia", "vendor": "Corbit"}, status="considering")),
    ("Die Stadt Ahlen nimmt die Kündigung des Vertrags mit dem Entsorger Grünlog zurück.",
     dict(subtype="churn", parties={"customer": "Stadt Ahlen", "vendor": "Grünlog"}, status="cancelled")),
    ("Im Gegenzug hat der Großhändler Pharmo die Klinikgruppe Sanaris mit zwölf Häusern als Neukunden gewonnen.",
     dict(subtype="new_customer", parties={"customer": "Sanaris", "vendor": "Pharmo"})),
    ("Der Händler Frischmarkt hat die Lieferung von Milch für seine Filialen für 2027 an die Molkerei Talhof vergeben.",
     dict(subtype="new_customer", parties={"customer": "Frischmarkt", "vendor": "Molkerei Talhof"})),
    # "... und lässt": the subject of a joined clause is the first clause's, not the vendor named before it.
    ("Die Stadt Ahlen hat den Vertrag mit dem Entsorger Grünlog gekündigt und lässt den Müll vom Dienstleister "
     "Talhof abholen.",
     dict(subtype="churn", parties={"customer": "Stadt Ahlen", "vendor": "Grünlog", "competitor": "Talhof"})),
    ("Der Netzbetreiber Voltnetz bestellt bei dem Funkspezialisten Sendix weitere 2000 Handfunkgeräte.",
     dict(subtype="expansion", parties={"customer": "Voltnetz", "vendor": "Sendix"})),
    ("Der Händler Kaufstern bezieht seine Kassen nicht mehr vom bisherigen Lieferanten, sondern vom Hersteller Kassix.",
     dict(subtype="new_customer", parties={"customer": "Kaufstern", "vendor": "Kassix"})),
    ("Ab März verschickt der Versandhändler Modhaus seine Pakete mit dem Logistiker Packwerk.",
     dict(subtype="new_customer", parties={"customer": "Modhaus", "vendor": "Packwerk"})),
    ("Das Klinikum Rastede löst seinen IT-Dienstleister Medinet ab und vergibt den Betrieb an den Anbieter Clinara.",
     dict(subtype="churn", parties={"customer": "Klinikum Rastede", "vendor": "Medinet", "competitor": "Clinara"})),
    ("Der Händler Kaufstern hat den Vertrag mit dem Zahlungsdienstleister Paymio gekündigt und setzt künftig auf "
     "den Anbieter Kassix.",
     dict(subtype="churn", parties={"customer": "Kaufstern", "vendor": "Paymio", "competitor": "Kassix"})),
    ("Der Landkreis Osterfeld hat den Vertrag mit dem Schulsoftware-Anbieter Lernwerk gekündigt.",
     dict(subtype="churn", parties={"customer": "Landkreis Osterfeld", "vendor": "Lernwerk"})),
    ("Die Stadtwerke Ennstal verlieren ihren größten Kunden: Der Zulieferer Gusswerk Leoben bezieht Strom ab 2027 "
     "vom Anbieter Windmark.",
     dict(subtype="churn", parties={"customer": "Gusswerk Leoben", "vendor": "Stadtwerke Ennstal",
                                    "competitor": "Windmark"})),
    ("Der Autobauer Stelmar ruft bei dem Zulieferer Lackwerk Süd deutlich weniger Teile ab als geplant.",
     dict(subtype="reduction", parties={"customer": "Stelmar", "vendor": "Lackwerk Süd"})),
    ("Der Autobauer Ferrant hat den Gießereispezialisten Gusswerk Saar als Lieferanten für die Ferrant-Plattform "
     "des neuen Kombis ausgewählt.",
     dict(subtype="new_customer", parties={"customer": "Ferrant", "vendor": "Gusswerk Saar"})),
    ("Der Landtechnikhersteller Claasen hat seine Bestellungen beim Pumpenbauer Nordmann zum Jahresende eingestellt.",
     dict(subtype="churn", parties={"customer": "Claasen", "vendor": "Nordmann"})),
    ("Der Autobauer Velmo wird die Sitzgestelle nicht mehr beim Zulieferer Brandt bestellen.",
     dict(subtype="churn", parties={"customer": "Velmo", "vendor": "Brandt"})),
    ("Der Zulieferer Quirnbach hat vom Netzbetreiber Transnetz den Zuschlag für die Lieferung von Weichen erhalten.",
     dict(subtype="new_customer", parties={"customer": "Transnetz", "vendor": "Quirnbach"})),
    # The one who confirms an end, and a supplier telling of its customer's end.
    ("Wie der Händler Kaufring bestätigte, endet die Zusammenarbeit mit der Spedition Trabold zum 30. Juni.",
     dict(subtype="churn", parties={"customer": "Kaufring", "vendor": "Spedition Trabold"})),
    ("Der Versicherer Nordkammer werde seinen Vertrag über den Betrieb nicht verlängern, teilte der Dienstleister "
     "Wachtmeister mit.",
     dict(subtype="churn", parties={"customer": "Nordkammer", "vendor": "Wachtmeister"})),
    # the separable verb of "abwickeln"; more ordered with words between the supplier and "zusätzliche"
    ("Der Sportartikelhändler Decathlon wickelt die Kartenzahlungen künftig über den niederländischen Anbieter "
     "Adyen ab.",
     dict(subtype="new_customer", parties={"customer": "Decathlon", "vendor": "Adyen"})),
    ("Die Schweizerische Post AG hat bei der Kyburz Switzerland AG aus Freienstein 500 zusätzliche Fahrzeuge "
     "bestellt.",
     dict(subtype="expansion", parties={"customer": "Schweizerische Post", "vendor": "Kyburz Switzerland"})),
    # a company named by its group compound ("die Würth-Gruppe" is Würth); the subject after the verb in a switch
    ("Die Würth-Gruppe hat den Auftrag zur Migration ihrer Kelvo-Landschaft an den Dienstleister Allbit vergeben.",
     dict(subtype="new_customer", parties={"customer": "Würth", "vendor": "Allbit"})),
    ("Seit Mai bezieht die Brauerei Schönbuch ihre Flaschen nicht mehr von der Ernstthal Glas GmbH, sondern vom "
     "italienischen Hersteller Vetrerie Ligure.",
     dict(subtype="churn", parties={"customer": "Brauerei Schönbuch", "vendor": "Ernstthal Glas",
                                    "competitor": "Vetrerie Ligure"})),
    ("Der Stahlkonzern Salzgitter hat einen langfristigen Stromliefervertrag mit dem dänischen Energiekonzern Ørsted "
     "abgeschlossen.",
     dict(subtype="new_customer", parties={"customer": "Salzgitter", "vendor": "Ørsted"})),
    ("Die Airline Lufthansa hat einen Rahmenvertrag mit der Deutschen Telekom AG über Mobilfunk- und Festnetzdienste "
     "für rund 60.000 Anschlüsse abgeschlossen.",
     dict(subtype="new_customer", parties={"customer": "Lufthansa", "vendor": "Deutsche Telekom"})),
    # A move to a new supplier with the old one unnamed: "X stellt ... auf (die Software von) Z um".
    ("Die Sparkasse Ostholm stellt ihr Kernbankensystem auf die Software des Anbieters Avalon um.",
     dict(subtype="new_customer", parties={"customer": "Sparkasse Ostholm", "vendor": "Avalon"})),
    ("Der Händler Kaufstern wird seine Kassensysteme auf die Lösung des Anbieters Kassix umstellen.",
     dict(subtype="new_customer", parties={"customer": "Kaufstern", "vendor": "Kassix"})),
    # a system replaced ("löst ... ab"), a supplier replaced, work pulled, supply stopped, shelves cleared
    ("Die Stadtwerke Lingen lösen ihr Abrechnungssystem des Anbieters Orbitas zum Jahresende ab.",
     dict(subtype="churn", parties={"customer": "Stadtwerke Lingen", "vendor": "Orbitas"})),
    ("Die Stadtwerke Kiel wollen die Software des Anbieters Pergamo bis 2027 ablösen.",
     dict(subtype="churn", parties={"customer": "Stadtwerke Kiel", "vendor": "Pergamo"})),
    ("Die Bäckereikette Lünig ersetzt bis zum Herbst sämtliche Kassen ihres bisherigen Lieferanten Kassbau.",
     dict(subtype="churn", parties={"customer": "Lünig", "vendor": "Kassbau"})),
    ("Der Sportartikelhändler Gipfelwerk hat seine Lagerlogistik von der Hoffner Logistik GmbH abgezogen.",
     dict(subtype="churn", parties={"customer": "Gipfelwerk", "vendor": "Hoffner Logistik"})),
    ("Die Reederei Marcon zieht zwei Liniendienste vom Terminalbetreiber Eurohaven ab.",
     dict(subtype="churn", parties={"customer": "Marcon", "vendor": "Eurohaven"})),
    ("Der Händler Frischland hat die Belieferung durch den Tiefkühlkosthersteller Frostwerk eingestellt.",
     dict(subtype="churn", parties={"customer": "Frischland", "vendor": "Frostwerk"})),
    ("Die Handelskette Alpmarkt hat sämtliche Biere der Brauerei Schwarzbach aus ihren Regalen genommen.",
     dict(subtype="churn", parties={"customer": "Alpmarkt", "vendor": "Brauerei Schwarzbach"})),
    ("Der Chemiekonzern Basolt hat die Gasbezüge beim Versorger Südwerk für seinen Standort im laufenden Jahr um "
     "rund ein Drittel gesenkt.",
     dict(subtype="reduction", parties={"customer": "Basolt", "vendor": "Südwerk"})),
    ("Die Stadtwerke Kassel bestellen beim Waggonbauer Thurwag 20 weitere Doppelstockzüge.",
     dict(subtype="expansion", parties={"customer": "Stadtwerke Kassel", "vendor": "Thurwag"})),
    ("Der Dienstleister Arvanto übernimmt künftig die E-Commerce-Logistik für den Modekonzern Hugo Bosshardt.",
     dict(subtype="new_customer", parties={"customer": "Hugo Bosshardt", "vendor": "Arvanto"})),
]

NOT_EVENTS = [
    "Die Verpack Solutions GmbH liefert weiterhin Kartons an die Falkner Lebensmittel AG.",
    "Die frühere Managerin Petra Lindqvist übernimmt den Vorstandsvorsitz des Versorgers Nordstrom Energie.",
    "Der Konsumgüterkonzern Harlo kauft eigene Aktien für bis zu 2 Milliarden Euro zurück.",
    "Der Zulieferer Brakon trennt sich von 3.000 Beschäftigten.",
    "Der Softwarekonzern Moltrix sollte nach Ansicht von Analysten den Konkurrenten Quellbit kaufen.",
    "Bereits 2019 hatte der Konzern Vestor den Wettbewerber Rondel übernommen.",
    "Der Energieversorger Lechwerk steigt aus der Projektgesellschaft Windpark Halden aus.",
    "Der Windparkbetreiber Nordbrise hatte einen ähnlichen Vertrag mit dem Chemiekonzern Evalon unterzeichnet.",
    "Post-Tochter Paynord verliert Kunden: Kreditbank Elm übernimmt Zahlungsverkehr",
]


def _check(text: str, expected: dict, family: str) -> None:
    events = [e for e in rule_events(text, language="de") if e.event_type == family]
    assert len(events) == 1, [e.to_dict() for e in events]
    ev = events[0]
    assert ev.subtype == expected["subtype"]
    assert ev.parties() == expected["parties"]
    assert ev.evidence == text
    if "amount" in expected:
        assert ev.amount == expected["amount"]
    if "currency" in expected:
        assert ev.currency == expected["currency"]
    if "stake" in expected:
        assert ev.stake_pct == expected["stake"]
    if "status" in expected:
        assert ev.status == expected["status"]


@pytest.mark.parametrize(("text", "expected"), DEALS, ids=[row[0][:50] for row in DEALS])
def test_german_deal_phrasings(text: str, expected: dict) -> None:
    _check(text, expected, "deal")


@pytest.mark.parametrize(("text", "expected"), CUSTOMER_CHANGES, ids=[row[0][:50] for row in CUSTOMER_CHANGES])
def test_german_customer_change_phrasings(text: str, expected: dict) -> None:
    _check(text, expected, "customer_change")


@pytest.mark.parametrize("text", NOT_EVENTS, ids=[t[:50] for t in NOT_EVENTS])
def test_german_non_events(text: str) -> None:
    assert rule_events(text, language="de") == []


def test_a_contract_winner_takes_the_customer_told_just_before() -> None:
    text = "Die Stadt Harlingen kündigt den Vertrag mit dem Entsorger Grauwald. Den Zuschlag erhält die Firma Ostler."
    got = [(e.subtype, e.customer, e.vendor) for e in rule_events(text, language="de")]
    assert got == [("churn", "Stadt Harlingen", "Grauwald"), ("new_customer", "Stadt Harlingen", "Ostler")]
    # With no customer told before, the winner alone is no event an analyst can file.
    assert rule_events("Den Zuschlag erhält die Firma Ostler.", language="de") == []


def test_a_contract_winner_takes_the_company_the_article_is_about() -> None:
    text = ("Die Stadtwerke Lindenau modernisieren ihre Abrechnung. Die Stadtwerke Lindenau hatten dafür eine "
            "europaweite Ausschreibung gestartet. Den Zuschlag hat die Saphir Utility Solutions GmbH aus Leipzig erhalten.")
    assert [(e.subtype, e.customer, e.vendor) for e in rule_events(text, language="de")] == [
        ("new_customer", "Stadtwerke Lindenau", "Saphir Utility Solutions")]


@pytest.mark.parametrize("second", [
    "Verkäuferin ist die Beteiligungsgesellschaft Alpenfels Capital, die seit 2019 an dem Unternehmen beteiligt ist.",
    "Kerschbaumer Transport gehört derzeit dem Finanzinvestor Alpenfels Capital.",
    "Die Anteile stammen vom Finanzinvestor Alpenfels Capital.",
])
def test_a_seller_told_on_its_own_joins_the_deal(second: str) -> None:
    text = "Der Logistiker Nordwind übernimmt die Spedition Kerschbaumer Transport. " + second
    assert [e.parties() for e in rule_events(text, language="de")] == [
        {"acquirer": "Nordwind", "target": "Kerschbaumer Transport", "seller": "Alpenfels Capital"}]


@pytest.mark.parametrize(("text", "amount"), [
    ("Das Münchner Start-up Aerolift Robotics hat in einer Finanzierungsrunde 45 Millionen Euro eingesammelt. "
     "Angeführt wurde die Runde vom Wagniskapitalgeber Isartal Ventures.", 45e6),
    ("Das Berliner Start-up Aerolift Robotics hat eine Series-A-Finanzierung abgeschlossen. Die Runde führte der "
     "Wagniskapitalgeber Isartal Ventures an.", None),
])
def test_a_round_takes_its_lead_investor_from_the_next_sentence(text: str, amount: float | None) -> None:
    events = rule_events(text, language="de")
    assert [(e.subtype, e.acquirer, e.target, e.amount, e.status) for e in events] == [
        ("investment", "Isartal Ventures", "Aerolift Robotics", amount, "completed")]


def test_an_attribution_in_the_next_sentence_makes_the_event_reported() -> None:
    text = ("Die Versicherungsgruppe Helvetia wechselt mit ihrem Firmennetz von der Swisscom AG zur Sunrise AG. "
            "Das berichtet die «Handelszeitung» unter Berufung auf mehrere mit dem Vorgang vertraute Personen.")
    events = rule_events(text, language="de")
    assert [(e.subtype, e.customer, e.vendor, e.status) for e in events] == [
        ("churn", "Helvetia", "Swisscom", "reported")]
    assert rule_events(text.split(" Das berichtet")[0], language="de")[0].status == "announced"


def test_a_council_stands_for_its_public_body() -> None:
    text = ("Die Stadt Harlingen schreibt die Müllabfuhr neu aus. Der Stadtrat hat den Auftrag an den Entsorger "
            "Ostler vergeben.")
    assert [(e.subtype, e.customer, e.vendor) for e in rule_events(text, language="de")] == [
        ("new_customer", "Stadt Harlingen", "Ostler")]
    # "das Land" with no "Land X" named is the country, not the last company named: no customer, no event.
    text = "Der Versorger Strela baut aus. Das Land hat den Auftrag an den Anbieter Kassix vergeben."
    assert rule_events(text, language="de") == []


def test_english_quote_inside_german_article_keeps_german_detection() -> None:
    text = ("Der Münchner Softwarekonzern Tessaro übernimmt den Berliner Anbieter Quantis für 300 Millionen Euro. "
            "Das teilten beide Unternehmen am Montag mit. Die Kartellbehörden müssen dem Geschäft noch zustimmen. "
            "„We are thrilled to join forces and to grow together in Europe“, sagte Quantis-Chef Tom Baker.")
    events = rule_events(text, title="Tessaro übernimmt Quantis", language=guess_language(text))
    assert [(e.subtype, e.acquirer, e.target, e.amount, e.currency) for e in events] == [
        ("acquisition", "Tessaro", "Quantis", 300e6, "EUR")]


def test_german_quote_inside_english_article_keeps_english_detection() -> None:
    text = ("Velmora agreed to buy Castor Systems for $1.2 billion, the companies said on Monday. "
            "„Wir freuen uns auf die Zusammenarbeit mit dem neuen Eigentümer“, sagte ein Castor-Sprecher.")
    assert guess_language(text) == "en"
    events = rule_events(text, language="en")
    assert [(e.subtype, e.acquirer, e.target, e.amount) for e in events] == [
        ("acquisition", "Velmora", "Castor Systems", 1.2e9)]


@pytest.mark.parametrize(("text", "value", "currency"), [
    ("1,2 Mrd. €", 1.2e9, "EUR"),
    ("450 Mio. Euro", 450e6, "EUR"),
    ("14,3 Milliarden US-Dollar", 14.3e9, "USD"),
    ("2,5 Milliarden Franken", 2.5e9, "CHF"),
    ("80 Millionen Pfund", 80e6, "GBP"),
])
def test_german_money_formats(text: str, value: float, currency: str) -> None:
    [money] = find_amounts(text, "de")
    assert (money.value, money.currency) == (value, currency)


@pytest.mark.parametrize(("sentence", "names"), [
    ("Der Facebook-Konzern Meta hat 49 Prozent an Scale AI erworben.", ["Meta", "Scale AI"]),
    ("Für die Aktionäre des Chipherstellers Nvidia ist das verkraftbar.", ["Nvidia"]),
    ("Die Bahn kündigt den Vertrag mit der Infomatrix GmbH.", ["Infomatrix GmbH"]),
    ("Der Maschinenbauer Waldner SE & Co. KGaA erwägt einen Kauf.", ["Waldner SE & Co. KGaA"]),
    ("Der Analyst sagte, Vorstandschef Klaus Berger habe nichts gesagt.", []),
])
def test_german_company_mentions(sentence: str, names: list[str]) -> None:
    assert [s.surface for s in find_names_de([sentence])[0]] == names


@pytest.mark.parametrize(("metadata", "text", "expected"), [
    ("de-DE", "Der Konzern hat die Firma übernommen.", "de"),
    (None, "Der Konzern hat die Firma für 1,2 Mrd. Euro übernommen und will sie in die Sparte eingliedern.", "de"),
    (None, "Meta has acquired a stake in the start-up and will invest in its growth.", "en"),
    ("fr", "Le groupe a racheté la société.", "fr"),
    # A site-wide lang="en" on a page whose text is plainly German: the text wins.
    ("en", " ".join(["Der Konzern hat die Firma mit dem Geld der Bank in der Stadt übernommen, und es ist gut."] * 4),
     "de"),
])
def test_article_language(metadata: str | None, text: str, expected: str) -> None:
    assert article_language(metadata, text) == expected


# Written for these tests: the price or the status in a sentence of its own that names no party.
@pytest.mark.parametrize(("text", "amount", "status"), [
    ("Der Armaturenhersteller Kolbtal AG will den Pumpenbauer Wendrich GmbH übernehmen. "
     "Der Kaufpreis liegt bei 212 Millionen Euro, wie das Unternehmen mitteilte.", 212e6, "announced"),
    ("Der Versorger Rheinquell kauft den Solarprojektierer Sonnfeld Energie. "
     "Das Geschäft ist rund 1,4 Milliarden Euro schwer.", 1.4e9, "announced"),
    ("Der Anlagenbauer Kolbtal wollte im März den Zulieferer Wendrich übernehmen. "
     "Kolbtal hatte 95 Millionen Euro für das Familienunternehmen geboten. "
     "Die Übernahme ist geplatzt.", 95e6, "cancelled"),
    ("Der Anlagenbauer Kolbtal übernimmt den Zulieferer Wendrich. "
     "Die Transaktion wurde am Freitag vollzogen.", None, "completed"),
    # a price per share is no deal's price; a closing still to come no completion
    ("Der Anlagenbauer Kolbtal will den Zulieferer Wendrich übernehmen. "
     "Kolbtal bietet 45 Euro je Aktie. Die Übernahme soll im Herbst abgeschlossen werden.", None, "announced"),
])
def test_german_price_and_status_in_a_later_sentence(text: str, amount: float | None, status: str) -> None:
    [e] = [e for e in rule_events(text, title="Meldung") if e.event_type == "deal"]
    assert (e.acquirer, e.target) in (("Kolbtal", "Wendrich"), ("Rheinquell", "Sonnfeld Energie"))
    assert (e.amount, e.status) == (amount, status)
