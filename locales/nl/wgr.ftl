# The Wgr calendar and what a council can do (ids wgr-…, error-wgr-table-…, the labels of
# the Wgr lists). The Dutch equals the domain's own text (crates/samenspel-domain/src/wgr*).

WgrChapter-gemeenten = Hoofdstuk I: regelingen tussen gemeenten
WgrChapter-gemeenten-provincies = Hoofdstuk IV: regelingen tussen gemeenten en provincies
WgrMoment-kaders = Algemene financiële en beleidsmatige kaders naar de raden
WgrMoment-voorlopige-jaarrekening = Voorlopige jaarrekening naar de raden
WgrMoment-ontwerpbegroting = Ontwerpbegroting naar de raden
WgrMoment-zienswijze-begroting = Zienswijze van de raden op de ontwerpbegroting
WgrMoment-begroting-toezicht = Vastgestelde begroting naar de toezichthouder
WgrMoment-jaarrekening-toezicht = Vastgestelde jaarrekening naar de toezichthouder
WgrMoment-zienswijze-regeling = Zienswijze op wijziging, toetreding of uittreding
WgrMoment-toestemming-regeling = Toestemming voor wijziging, toetreding of uittreding
Party-bestuur = Het bestuur van de regeling
Party-raden = De raden van de deelnemende gemeenten
Party-colleges = De colleges van burgemeester en wethouders en de burgemeesters
Party-gedeputeerde-staten = Gedeputeerde staten
Party-minister-bzk = De minister van Binnenlandse Zaken en Koninkrijksrelaties
TermKind-voor-datum = Vóór een vaste datum in het jaar
TermKind-weken-voor = Een aantal weken vóór een ander moment
TermKind-weken-na = Een aantal weken na een ander moment
TermKind-na-ontvangst = Binnen een aantal weken na ontvangst van een stuk
TermKind-zonder-termijn = Bij een besluit, zonder termijn
Verification-wettekst = Wettekst gelezen
Verification-onze-lezing = Onze lezing: wettekst niet gelezen, zie de vermelde bronnen
Origin-volgens-de-wet = Volgens de wet
Origin-vastgelegd = Vastgelegd
NoCalendar-geen-vorm = De Wgr-vorm van de regeling is niet vastgelegd, dus de termijnen zijn niet af te leiden.
NoCalendar-zonder-bestuur = Een regeling zonder meer en een centrumgemeenteconstructie hebben geen eigen bestuur en dus geen eigen begroting.
NoCalendar-beeindigd = De regeling is beëindigd.
NoCalendar-deelnemers-onbekend = De deelnemers van de regeling zijn niet bekend.
NoCalendar-hoofdstuk-niet-afgeleid = Voor regelingen met deze deelnemers (bijvoorbeeld waterschappen, het Rijk of alleen provincies) zijn de termijnen niet afgeleid.
Bestuursorgaan-gemeenteraad = Gemeenteraad
Bestuursorgaan-college = College van burgemeester en wethouders
Bestuursorgaan-burgemeester = Burgemeester
Bestuursorgaan-provinciale-staten = Provinciale staten
Bestuursorgaan-gedeputeerde-staten = Gedeputeerde staten
Bestuursorgaan-commissaris-van-de-koning = Commissaris van de Koning
Bestuursorgaan-algemeen-bestuur = Algemeen bestuur
Bestuursorgaan-dagelijks-bestuur = Dagelijks bestuur
Bestuursorgaan-dijkgraaf = Dijkgraaf
Bestuursorgaan-minister = Minister
Bestuursorgaan-staatssecretaris = Staatssecretaris
CouncilPosition-raad-neemt-deel = De raad neemt zelf deel
CouncilPosition-raad-en-college = De raad neemt deel, naast het college of de burgemeester
CouncilPosition-college-of-burgemeester = Het college of de burgemeester neemt deel, de raad niet
CouncilPosition-niet-vastgelegd = Niet vastgelegd welk bestuursorgaan van de gemeente deelneemt

error-unknown-WgrChapter = '{ $value }' is geen bekend hoofdstuk van de Wgr; kies uit: { $choices }.
error-unknown-WgrMoment = '{ $value }' is geen bekend Wgr-moment; kies uit: { $choices }.
error-unknown-Party = '{ $value }' is geen bekend partij bij een Wgr-moment; kies uit: { $choices }.
error-unknown-TermKind = '{ $value }' is geen bekend soort termijn; kies uit: { $choices }.
error-unknown-Verification = '{ $value }' is geen bekend soort bevestiging; kies uit: { $choices }.
error-unknown-Origin = '{ $value }' is geen bekend herkomst van een moment; kies uit: { $choices }.
error-unknown-NoCalendar = '{ $value }' is geen bekend reden zonder kalender; kies uit: { $choices }.
error-unknown-Bestuursorgaan = '{ $value }' is geen bekend bestuursorgaan; kies uit: { $choices }.
error-unknown-CouncilPosition = '{ $value }' is geen bekend positie van de raad; kies uit: { $choices }.
error-unknown-register-organ = '{ $value }' is geen bestuursorgaan uit het register; bekend zijn: { $choices }.

# A Dutch month name as given (English chooses its own word by it).
wgr-month = { $maand }

wgr-party-bestuur-bvo = het bestuur van de bedrijfsvoeringsorganisatie
wgr-party-bestuur-go = het gemeenschappelijk orgaan
wgr-party-bestuur-ol = het dagelijks bestuur
wgr-party-raden = de raden van de deelnemende gemeenten
wgr-party-colleges = de colleges van burgemeester en wethouders en de burgemeesters
wgr-party-gs = gedeputeerde staten
wgr-party-minister-bzk = de minister van Binnenlandse Zaken en Koninkrijksrelaties
wgr-party-algemeen-bestuur = het algemeen bestuur
wgr-actor-bestuur-bvo = Het bestuur van de bedrijfsvoeringsorganisatie
wgr-actor-bestuur-go = Het gemeenschappelijk orgaan
wgr-actor-bestuur-ol = Het dagelijks bestuur
wgr-timing-before = vóór { $date }
wgr-timing-no-later-than = uiterlijk { $date }

wgr-what-kaders = Algemene financiële en beleidsmatige kaders voor de begroting { $year } naar de raden
wgr-what-voorlopige-jaarrekening = Voorlopige jaarrekening over { $year } naar de raden
wgr-what-ontwerpbegroting = Ontwerpbegroting { $year } naar de raden, { $weeks } weken voordat zij ter vaststelling wordt aangeboden
wgr-what-zienswijze-begroting = Einde van de zienswijzetermijn op de ontwerpbegroting { $year }, { $weeks } weken na ontvangst
wgr-what-begroting-toezicht = Vastgestelde begroting { $year } naar { $recipient }
wgr-what-jaarrekening-toezicht = Vastgestelde jaarrekening over { $year } naar { $recipient }

wgr-can-kaders = De raad ontvangt de kaders en kan ze bespreken; de wet geeft hierop geen zienswijzetermijn.
wgr-can-voorlopige-jaarrekening = De raad ontvangt de voorlopige jaarrekening; de wet geeft hierop geen zienswijzetermijn.
wgr-can-ontwerpbegroting = De raad ontvangt de ontwerpbegroting; vanaf ontvangst lopen de { $weeks } weken voor zijn zienswijze.
wgr-can-zienswijze-begroting = Zienswijze indienen bij { $body }, binnen { $weeks } weken na ontvangst; kwam de ontwerpbegroting eerder, dan eindigt de termijn eerder.
wgr-can-begroting-toezicht = Geen eigen stap van de raad: de begroting gaat binnen twee weken na vaststelling door { $adopter } naar { $recipient }.
wgr-can-jaarrekening-toezicht = Geen eigen stap van de raad: de jaarrekening gaat binnen twee weken na vaststelling door { $adopter } naar { $recipient }.

wgr-power-kaders = Vóór { $dag } { $maand } van het jaar vóór het begrotingsjaar ontvangt de raad de algemene financiële en beleidsmatige kaders en kan hij ze bespreken.
wgr-power-voorlopige-jaarrekening = Vóór { $dag } { $maand } ontvangt de raad de voorlopige jaarrekening over het vorige jaar.
wgr-power-ontwerpbegroting = De raad ontvangt de ontwerpbegroting { $weeks } weken voordat zij ter vaststelling wordt aangeboden.
wgr-power-zienswijze-begroting = De raad kan binnen { $weeks } weken na ontvangst zijn zienswijze over de ontwerpbegroting naar voren brengen bij { $body }.
wgr-power-begroting-toezicht = De vastgestelde begroting gaat vóór { $dag } { $maand } naar { $recipient }; de raad heeft hier geen eigen stap.
wgr-power-jaarrekening-toezicht = De vastgestelde jaarrekening gaat vóór { $dag } { $maand } naar { $recipient }; de raad heeft hier geen eigen stap.
wgr-power-regeling-raad = De raad neemt zelf deel: hij beslist zelf over wijziging, toetreding en uittreding, en het ontwerp gaat niet ter zienswijze naar de raden.
wgr-power-regeling-college = Bij een wijziging, toetreding of uittreding krijgt de raad het ontwerp en kan hij binnen { $weeks } weken na ontvangst zijn zienswijze geven aan het college of de burgemeester.
wgr-power-regeling-onbekend = Niet vastgelegd is welk bestuursorgaan van de gemeente deelneemt. Neemt de raad niet zelf deel, dan krijgt hij het ontwerp van een wijziging, toetreding of uittreding en kan hij binnen { $weeks } weken na ontvangst zijn zienswijze geven.
wgr-power-toestemming = Het college of de burgemeester gaat pas over tot wijziging, toetreding of uittreding na toestemming van de raad; de raad kan die alleen onthouden wegens strijd met het recht of het algemeen belang.
wgr-power-toestemming-onbekend = Neemt het college of de burgemeester deel, dan is voor wijziging, toetreding of uittreding toestemming van de raad nodig; die kan alleen worden onthouden wegens strijd met het recht of het algemeen belang.

error-wgr-table-required = Vul { $column } in.
error-wgr-table-not-empty = Laat { $column } leeg bij een termijn van de soort { $term }.
error-wgr-table-number = '{ $value }' is geen geheel getal van { $min } tot en met { $max }.
error-wgr-table-url = '{ $value }' is geen https-adres.
error-wgr-table-day = { $day }-{ $month } is niet elk jaar een datum.
error-wgr-table-anchor = '{ $value }' is geen eerdere regel van hetzelfde hoofdstuk.
error-wgr-table-year-offset = '{ $value }' is geen jaar ten opzichte van het moment; gebruik 1 (het volgende jaar) of -1 (het vorige jaar).
error-wgr-table-until = De einddatum ligt niet na de begindatum.
error-wgr-table-bwb = '{ $value }' is geen BWB-nummer (BWBR en zeven cijfers).
error-wgr-table-term-kind = { $moment } past niet bij een termijn van de soort { $term }.
error-wgr-table-found = Vermeld bij onze lezing wat er gevonden is en waar.
error-wgr-table-column-missing = De kolom { $column } ontbreekt.
error-wgr-table-overlap = Er is al een regel voor { $moment } in dit hoofdstuk die in dezelfde periode geldt.
error-wgr-table-empty = Het bestand bevat geen regels.
error-wgr-table-unreadable = Deze regel is niet te lezen: { $reason }.
