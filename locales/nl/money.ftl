# The money page of a collaboration (ids money-…).

money-title = Geld — { $name }
money-heading = Wie betaalt? Geld in { $name }
money-intro = Per partner per jaar: het bedrag, het instrument en hoe vast het staat. Voor totalen en aandelen telt per partner, jaar en instrument alleen het vastste bedrag (gerealiseerd boven begroot boven toegezegd).
money-total = Totaal: { $total }
money-rules = Regels
money-source = Bron: { $source }
money-outcome-meets = Voldoet
money-outcome-fails = Voldoet niet
money-outcome-not-applicable = Niet van toepassing
money-dimension3 = Dimensie 3: decentrale middelen
money-decentral-share = De decentrale overheden brengen { $share } in van het geld van Rijk en decentrale overheden samen.
money-implied = Op de schaal van dimensie 3 ("In hoeverre dienen de decentrale overheden eigen middelen in te zetten?") past daarbij score { $score } (1 + 4 × het decentrale aandeel, afgerond).
money-no-mismatch = De gegeven standpunten wijken daar niet 2 of meer van af.
money-mismatch = Standpunt en geld verschillen
money-stated = { $partner } gaf score { $score }.
money-no-government-money = Er is nog geen geld van Rijk of decentrale overheden vastgelegd.
money-per-partner = Per partner
money-per-layer = Per bestuurslaag
money-per-year = Per jaar
money-per-status = Per status, zoals vastgelegd
money-layer-rijk = Rijk
money-layer-decentraal = Decentrale overheden
money-layer-overig = Koepels en niet-overheden
money-who-or-what = Wie of wat
money-amount = Bedrag
money-share = Aandeel
money-recorded = Vastgelegde bedragen
money-none-recorded = Nog geen bedragen vastgelegd.
money-all-caption = Alle bedragen, per jaar
money-year = Jaar
money-instrument = Instrument
money-recorded-by = Vastgelegd door
money-action = Actie
money-remove = Verwijderen
money-record = Bedrag vastleggen
money-record-intro = Redacteuren van de betalende partner of van de trekker leggen bedragen vast. Hetzelfde partner, jaar, instrument en status opnieuw vervangt het bedrag.
money-amount-euro = Bedrag in euro
money-amount-hint = Bijvoorbeeld 1.250.000 of 1.250.000,50
money-record-button = Vastleggen
money-saved = Bedrag van { $partner } voor { $year } vastgelegd: { $amount }.
money-removed = Bedrag verwijderd.

# The money rules, their verdicts and their sources (the domain's rule table, money-rule-…,
# money-source-…). The sources quote the ROB's report as published.
money-rule-regio-deal = In een Regio Deal betaalt het Rijk hoogstens de helft; de regio legt minstens evenveel in.
money-rule-res = In een RES brengt de regio eigen uren en financiële middelen in.
money-rule-not-a-regio-deal = Geen Regio Deal.
money-rule-not-a-res = Geen RES.
money-rule-no-money = Er zijn nog geen bedragen vastgelegd.
money-rule-rijk-pays = Het Rijk betaalt { $rijk } van { $total }.
money-rule-rijk-pays-more-than-half = Het Rijk betaalt { $rijk } van { $total }: meer dan de helft.
money-rule-no-own-money = De decentrale overheden brengen geen eigen middelen in.
money-rule-own-money = De decentrale overheden brengen { $amount } eigen middelen in.
money-source-regio-deal = { $report }, tabel 3.1: financiering Regio Deal { $table }; §3.1: { $passage }
money-source-res = { $report }, tabel 3.1: financiering RES { $table }.
