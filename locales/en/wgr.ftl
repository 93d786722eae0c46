# The Wgr calendar and what a council can do (ids wgr-…, error-wgr-table-…, the labels of
# the Wgr lists). Dutch legal terms stay in brackets where a reader may need them.

# The month of { $maand } (a Dutch month name) in English, for the messages below.
wgr-month = { $maand ->
    [januari] January
    [februari] February
    [maart] March
    [april] April
    [mei] May
    [juni] June
    [juli] July
    [augustus] August
    [september] September
    [oktober] October
    [november] November
    [december] December
   *[other] { $maand }
}

WgrChapter-gemeenten = Chapter I: arrangements between municipalities
WgrChapter-gemeenten-provincies = Chapter IV: arrangements between municipalities and provinces
WgrMoment-kaders = General financial and policy frame to the councils
WgrMoment-voorlopige-jaarrekening = Provisional annual accounts to the councils
WgrMoment-ontwerpbegroting = Draft budget to the councils
WgrMoment-zienswijze-begroting = The councils' view (zienswijze) on the draft budget
WgrMoment-begroting-toezicht = Adopted budget to the supervisor
WgrMoment-jaarrekening-toezicht = Adopted annual accounts to the supervisor
WgrMoment-zienswijze-regeling = View (zienswijze) on changing, joining or leaving
WgrMoment-toestemming-regeling = Consent to changing, joining or leaving
Party-bestuur = The arrangement's board
Party-raden = The councils of the participating municipalities
Party-colleges = The municipal executives (colleges) and the mayors
Party-gedeputeerde-staten = The provincial executive (gedeputeerde staten)
Party-minister-bzk = The Minister of the Interior and Kingdom Relations
TermKind-voor-datum = Before a fixed day of the year
TermKind-weken-voor = A number of weeks before another moment
TermKind-weken-na = A number of weeks after another moment
TermKind-na-ontvangst = Within a number of weeks after a document arrives
TermKind-zonder-termijn = At a decision, without a term
Verification-wettekst = Law text read
Verification-onze-lezing = Our reading: law text not read, see the sources named
Origin-volgens-de-wet = By law
Origin-vastgelegd = Recorded
NoCalendar-geen-vorm = The arrangement's Wgr form is not recorded, so its terms cannot be derived.
NoCalendar-zonder-bestuur = An arrangement without a body (regeling zonder meer) and a lead-municipality arrangement (centrumgemeenteconstructie) have no board of their own and so no budget of their own.
NoCalendar-beeindigd = The arrangement has ended.
NoCalendar-deelnemers-onbekend = The arrangement's participants are not known.
NoCalendar-hoofdstuk-niet-afgeleid = For arrangements with these participants (for example water boards, the Rijk or provinces alone) the terms have not been derived.
Bestuursorgaan-gemeenteraad = Municipal council
Bestuursorgaan-college = Municipal executive (college van burgemeester en wethouders)
Bestuursorgaan-burgemeester = Mayor
Bestuursorgaan-provinciale-staten = Provincial council (provinciale staten)
Bestuursorgaan-gedeputeerde-staten = Provincial executive (gedeputeerde staten)
Bestuursorgaan-commissaris-van-de-koning = King's Commissioner
Bestuursorgaan-algemeen-bestuur = General board (algemeen bestuur)
Bestuursorgaan-dagelijks-bestuur = Executive board (dagelijks bestuur)
Bestuursorgaan-dijkgraaf = Chair of the water board (dijkgraaf)
Bestuursorgaan-minister = Minister
Bestuursorgaan-staatssecretaris = State Secretary
CouncilPosition-raad-neemt-deel = The council takes part itself
CouncilPosition-raad-en-college = The council takes part, beside the executive or the mayor
CouncilPosition-college-of-burgemeester = The executive or the mayor takes part, not the council
CouncilPosition-niet-vastgelegd = Not recorded which body of the municipality takes part
CouncilStep-raad = Decision of the council itself
CouncilStep-college = Decision of the executive or the mayor
CouncilStep-bestuur = Step of the regeling's board

error-unknown-WgrChapter = '{ $value }' is not a known chapter of the Wgr; choose from: { $choices }.
error-unknown-WgrMoment = '{ $value }' is not a known Wgr moment; choose from: { $choices }.
error-unknown-Party = '{ $value }' is not a known party to a Wgr moment; choose from: { $choices }.
error-unknown-TermKind = '{ $value }' is not a known kind of term; choose from: { $choices }.
error-unknown-Verification = '{ $value }' is not a known kind of confirmation; choose from: { $choices }.
error-unknown-Origin = '{ $value }' is not a known origin of a moment; choose from: { $choices }.
error-unknown-NoCalendar = '{ $value }' is not a known reason for having no calendar; choose from: { $choices }.
error-unknown-Bestuursorgaan = '{ $value }' is not a known governing body; choose from: { $choices }.
error-unknown-CouncilPosition = '{ $value }' is not a known position of the council; choose from: { $choices }.
error-unknown-CouncilStep = '{ $value }' is not a known step at a Wgr moment; choose from: { $choices }.
error-unknown-register-organ = '{ $value }' is not a governing body of the register; known are: { $choices }.

wgr-party-bestuur-bvo = the board of the operational organisation (bedrijfsvoeringsorganisatie)
wgr-party-bestuur-go = the joint body (gemeenschappelijk orgaan)
wgr-party-bestuur-ol = the executive board (dagelijks bestuur)
wgr-party-raden = the councils of the participating municipalities
wgr-party-colleges = the municipal executives and the mayors
wgr-party-gs = the provincial executive (gedeputeerde staten)
wgr-party-minister-bzk = the Minister of the Interior and Kingdom Relations
wgr-party-algemeen-bestuur = the general board (algemeen bestuur)
wgr-actor-bestuur-bvo = The board of the operational organisation (bedrijfsvoeringsorganisatie)
wgr-actor-bestuur-go = The joint body (gemeenschappelijk orgaan)
wgr-actor-bestuur-ol = The executive board (dagelijks bestuur)
wgr-timing-before = before { $date }
wgr-timing-no-later-than = no later than { $date }

wgr-what-kaders = General financial and policy frame for the { $year } budget to the councils
wgr-what-voorlopige-jaarrekening = Provisional annual accounts for { $year } to the councils
wgr-what-ontwerpbegroting = Draft budget { $year } to the councils, { $weeks } weeks before it is put forward for adoption
wgr-what-zienswijze-begroting = End of the term for views on the draft budget { $year }, { $weeks } weeks after receipt
wgr-what-begroting-toezicht = Adopted budget { $year } to { $recipient }
wgr-what-jaarrekening-toezicht = Adopted annual accounts for { $year } to { $recipient }

wgr-can-kaders = The council receives the frame and can discuss it; the law sets no term for a view on it.
wgr-can-voorlopige-jaarrekening = The council receives the provisional accounts; the law sets no term for a view on them.
wgr-can-ontwerpbegroting = The council receives the draft budget; its { $weeks } weeks for a view start on receipt.
wgr-can-zienswijze-begroting = Submit a view (zienswijze) to { $body }, within { $weeks } weeks after receipt; if the draft budget came earlier, the term ends earlier.
wgr-can-begroting-toezicht = No step of the council's own: within two weeks after { $adopter } adopts the budget, it goes to { $recipient }.
wgr-can-jaarrekening-toezicht = No step of the council's own: within two weeks after { $adopter } adopts the annual accounts, they go to { $recipient }.

wgr-power-kaders = Before { wgr-month } { $dag } of the year before the budget year, the council receives the general financial and policy frame and can discuss it.
wgr-power-voorlopige-jaarrekening = Before { wgr-month } { $dag }, the council receives the provisional annual accounts for the previous year.
wgr-power-ontwerpbegroting = The council receives the draft budget { $weeks } weeks before it is put forward for adoption.
wgr-power-zienswijze-begroting = Within { $weeks } weeks after receipt, the council can put its view (zienswijze) on the draft budget to { $body }.
wgr-power-begroting-toezicht = The adopted budget goes to { $recipient } before { wgr-month } { $dag }; the council has no step of its own here.
wgr-power-jaarrekening-toezicht = The adopted annual accounts go to { $recipient } before { wgr-month } { $dag }; the council has no step of its own here.
wgr-power-regeling-raad = The council takes part itself: it decides itself on changing, joining and leaving, and the draft is not sent to the councils for their view.
wgr-power-regeling-college = When the arrangement is changed, joined or left, the council receives the draft and can give its view to the executive or the mayor within { $weeks } weeks after receipt.
wgr-power-regeling-onbekend = It is not recorded which body of the municipality takes part. If the council does not take part itself, it receives the draft of a change, joining or leaving and can give its view within { $weeks } weeks after receipt.
wgr-power-toestemming = The executive or the mayor can change, join or leave only with the council's consent; the council can withhold it only for conflict with the law or the public interest.
wgr-power-toestemming-onbekend = If the executive or the mayor takes part, changing, joining or leaving needs the council's consent; it can be withheld only for conflict with the law or the public interest.

error-wgr-table-required = Fill in { $column }.
error-wgr-table-not-empty = Leave { $column } empty for a term of the kind { $term }.
error-wgr-table-number = '{ $value }' is not a whole number from { $min } to { $max }.
error-wgr-table-url = '{ $value }' is not an https address.
error-wgr-table-day = { $day }-{ $month } is not a date in every year.
error-wgr-table-anchor = '{ $value }' is not an earlier row of the same chapter.
error-wgr-table-year-offset = '{ $value }' is not a year relative to the moment; use 1 (the next year) or -1 (the previous year).
error-wgr-table-until = The end date is not after the start date.
error-wgr-table-bwb = '{ $value }' is not a BWB number (BWBR and seven digits).
error-wgr-table-term-kind = { $moment } does not fit a term of the kind { $term }.
error-wgr-table-found = For our reading, state what was found and where.
error-wgr-table-column-missing = The column { $column } is missing.
error-wgr-table-overlap = There is already a row for { $moment } in this chapter that holds in the same period.
error-wgr-table-empty = The file holds no rows.
error-wgr-table-unreadable = This line cannot be read: { $reason }.
