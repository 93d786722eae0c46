# The money page of a collaboration (ids money-…).

money-title = Money — { $name }
money-heading = Who pays? Money in { $name }
money-intro = Per partner per year: the amount, the instrument and how firm it is. For totals and shares only the firmest amount counts per partner, year and instrument (realised above budgeted above promised).
money-total = Total: { $total }
money-rules = Rules
money-source = Source: { $source }
money-outcome-meets = Meets the rule
money-outcome-fails = Does not meet the rule
money-outcome-not-applicable = Not applicable
money-dimension3 = Dimension 3: decentral resources
money-decentral-share = The decentral governments contribute { $share } of the money of central and decentral government together.
money-implied = On the scale of dimension 3 ("To what extent must the decentral governments contribute resources of their own?") this fits score { $score } (1 + 4 × the decentral share, rounded).
money-no-mismatch = The stances stated do not differ from it by 2 or more.
money-mismatch = Stance and money differ
money-stated = { $partner } gave score { $score }.
money-no-government-money = No money of central or decentral government has been recorded yet.
money-per-partner = Per partner
money-per-layer = Per layer of government
money-per-year = Per year
money-per-status = Per status, as recorded
money-layer-rijk = Central government
money-layer-decentraal = Decentral governments
money-layer-overig = Umbrella and non-government organisations
money-who-or-what = Who or what
money-amount = Amount
money-share = Share
money-recorded = Recorded amounts
money-none-recorded = No amounts recorded yet.
money-all-caption = All amounts, per year
money-year = Year
money-instrument = Instrument
money-recorded-by = Recorded by
money-action = Action
money-remove = Remove
money-record = Record an amount
money-record-intro = Editors of the paying partner or of the lead partner (trekker) record amounts. The same partner, year, instrument and status again replaces the amount.
money-amount-euro = Amount in euros
money-amount-hint = For example 1.250.000 or 1.250.000,50 (Dutch notation)
money-record-button = Record
money-saved = Amount of { $partner } for { $year } recorded: { $amount }.
money-removed = Amount removed.

# The money rules, their verdicts and their sources (the domain's rule table, money-rule-…,
# money-source-…). The sources quote the ROB's report as published (in Dutch).
money-rule-regio-deal = In a Region Deal central government pays at most half; the region puts in at least as much.
money-rule-res = In a Regional Energy Strategy (RES) the region puts in its own hours and financial resources.
money-rule-not-a-regio-deal = Not a Region Deal.
money-rule-not-a-res = Not a Regional Energy Strategy (RES).
money-rule-no-money = No amounts have been recorded yet.
money-rule-rijk-pays = Central government pays { $rijk } of { $total }.
money-rule-rijk-pays-more-than-half = Central government pays { $rijk } of { $total }: more than half.
money-rule-no-own-money = The decentral governments put in no resources of their own.
money-rule-own-money = The decentral governments put in { $amount } of their own resources.
money-source-regio-deal = { $report }, table 3.1: funding of the Region Deal { $table }; §3.1: { $passage }
money-source-res = { $report }, table 3.1: funding of the RES { $table }.
