# Field errors: the message next to a form field and in the API's invalidParams.
# The Dutch text equals the domain's (a test in the web crate holds them equal).

message-plain = { $text }

## Text fields

error-required = Vul dit veld in.
error-control-character = Dit veld bevat onzichtbare stuurtekens; verwijder die.
error-too-long = Gebruik ten hoogste { $max } tekens.
error-too-long-now = Gebruik ten hoogste { $max } tekens (nu { $count }).
error-search-required = Vul een of meer woorden in om te zoeken (letters of cijfers).

## Closed lists

error-unknown-Element = '{ $value }' is geen bekend element van de driehoek; kies uit: { $choices }.
error-unknown-Support = '{ $value }' is geen bekend mate van steun; kies uit: { $choices }.
error-unknown-Strength = '{ $value }' is geen bekend beoordeling; kies uit: { $choices }.
error-unknown-SearchKind = '{ $value }' is geen bekend soort resultaat; kies uit: { $choices }.
error-unknown-ElectedBody = '{ $value }' is geen bekend gekozen orgaan; kies uit: { $choices }.
error-unknown-WgrInstrument = '{ $value }' is geen bekend Wgr-instrument; kies uit: { $choices }.
error-unknown-MomentKind = '{ $value }' is geen bekend soort moment; kies uit: { $choices }.
error-unknown-Theme = '{ $value }' is geen bekend thema; kies uit: { $choices }.
error-unknown-RespondentLayer = '{ $value }' is geen bekend bestuurslaag; kies uit: { $choices }.
error-unknown-Group = '{ $value }' is geen bekend groep; kies uit: { $choices }.
error-unknown-CollaborationKind = '{ $value }' is geen bekend soort samenwerking; kies uit: { $choices }.
error-unknown-WgrForm = '{ $value }' is geen bekend Wgr-vorm; kies uit: { $choices }.
error-unknown-PartnerRole = '{ $value }' is geen bekend rol; kies uit: { $choices }.
error-unknown-TermStatus = '{ $value }' is geen bekend status; kies uit: { $choices }.
error-unknown-Instrument = '{ $value }' is geen bekend financieringsinstrument; kies uit: { $choices }.
error-unknown-MoneyStatus = '{ $value }' is geen bekend status van een bedrag; kies uit: { $choices }.
error-unknown-MomentType = '{ $value }' is geen bekend soort moment; kies uit: { $choices }.
error-unknown-OrgType = '{ $value }' is geen bekend soort organisatie; kies uit: { $choices }.
error-unknown-role = '{ $value }' is geen rol; kies lezer, redacteur of beheerder.

## Accounts and organisations

error-invalid-email = Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl.
error-password-too-short = Kies een wachtwoord van ten minste { $min } tekens.
error-invalid-org-code = '{ $value }' is geen geldige organisatiecode (bijvoorbeeld GM0363, PV27, WS0155 of MNRE1034).
error-org-type-not-addable = { $label } komen uit de referentiegegevens en kunnen niet worden toegevoegd.

## Collaborations

error-wgr-form-not-applicable = Een Wgr-vorm hoort alleen bij een gemeenschappelijke regeling.
error-end-before-start = De einddatum ligt vóór de startdatum.
error-invalid-iso-date = '{ $value }' is geen geldige datum; gebruik jjjj-mm-dd, bijvoorbeeld 2026-03-01.
error-invalid-date = '{ $value }' is geen geldige datum; schrijf bijvoorbeeld 1-3-2026 of 2026-03-01.
error-date-required = Vul de datum in (jjjj-mm-dd).
error-too-many-policy-areas = Gebruik ten hoogste { $max } beleidsterreinen.
error-duplicate-phase = De fase '{ $name }' staat er al.
error-too-many-phases = Gebruik ten hoogste { $max } fasen.
error-duplicate-partner = { $code } is al partner in deze samenwerking.
error-unknown-phase = Deze samenwerking heeft geen fase '{ $phase }'.

## Money and Moore's triangle

error-amount-required = Vul een bedrag in euro in.
error-amount-negative = Een bedrag kan niet negatief zijn.
error-not-an-amount = Dit is geen bedrag; schrijf bijvoorbeeld 1.234,56.
error-amount-decimals = Een bedrag heeft hoogstens twee cijfers achter de komma.
error-amount-too-large = Dit bedrag is te groot.
error-invalid-year = Vul een jaar in van { $first } tot en met { $last }.
error-invalid-fte = '{ $value }' is geen aantal FTE: schrijf bijvoorbeeld 2 of 2,5 (hoogstens één decimaal, niet negatief).

## Attachments

error-file-empty = Het bestand is leeg.
error-file-too-large = Het bestand is groter dan { $megabytes } MB.
error-file-type-not-allowed = Dit soort bestand is niet toegestaan. Toegestaan zijn: { $allowed }.

## Stances

error-score-choose = Kies een score van 1 tot en met 5.
error-score-give = Geef een score van 1 tot en met 5.
error-score-out-of-range = De score { $score } ligt buiten de schaal; kies 1 tot en met 5.
error-not-a-score = { $value } is geen score; kies een geheel getal van 1 tot en met 5.
error-unknown-dimension = '{ $key }' is geen dimensie van het model.

## Survey

error-invalid-answer = '{ $value }' is geen antwoord: 1 tot en met 5, n (weet niet / niet van toepassing) of leeg.
error-wrong-number-of-answers = Respondent '{ $respondent }' heeft { $answers } antwoorden; het instrument heeft { $statements } stellingen.
error-respondent-already-answered = Respondent '{ $respondent }' heeft al geantwoord in deze golf; er is niets opgeslagen.

## Organisations, accounts and partners (use cases)

error-unknown-organisation = Er is geen organisatie met code { $code }.
error-organisation-lookup-failed = De organisatie kon niet worden opgezocht; probeer het later opnieuw.
error-partner-listed-twice = { $code } staat al in de lijst van partners.
error-not-a-partner-stance = { $code } is geen partner in deze samenwerking; alleen partners geven hun standpunt.
error-not-a-partner-moore = { $code } is geen partner in deze samenwerking; alleen partners vullen hun driehoek in.
error-not-a-partner-money = { $code } is geen partner in deze samenwerking; alleen partners brengen geld in.
error-not-a-ministry = { $code } is geen ministerie; kies het ministerie van de verantwoordelijke minister.
error-unknown-user = Er is geen account met e-mailadres { $email }.
error-no-membership = { $email } heeft geen rol bij { $code }.
error-wrong-password = Het huidige wachtwoord klopt niet.
error-email-taken = Er is al een account met e-mailadres { $email }.
error-phase-in-use = De fase '{ $phase }' heeft al standpunten en kan niet worden verwijderd of hernoemd.
error-unknown-collaboration = Er is geen samenwerking met nummer { $id }.
error-unknown-region = '{ $value }' is geen bekende regio; schrijf bijvoorbeeld veiligheidsregio:VR13.
error-unknown-grouping = '{ $value }' is geen bekende indeling; kies een regio-indeling, 'samenwerking-<nummer>' of 'soort-<soort>'.
error-grouping-required = Kies een indeling.
error-unknown-status = '{ $value }' is geen status; kies lopend of beeindigd.

## Waves of the survey

error-wave-invalid-key = Geef de golf een korte naam van kleine letters, cijfers en streepjes (hoogstens 60), bijvoorbeeld 2026-najaar.
error-wave-invalid-title = De titel is te lang (hoogstens 200 tekens) of bevat stuurtekens.
error-wave-invalid-k = '{ $value }' is geen geldige k: een geheel getal van 2 tot en met 1000 (standaard { $default }).
error-wave-closes-before-open = De sluitdatum ligt voor de openingsdatum.
error-wave-invalid-collaboration = '{ $value }' is geen nummer van een samenwerking; laat het veld leeg voor een landelijke golf.
error-wave-no-collaboration-named = Geen samenwerking gevonden met « { $words } »; typ een deel van haar naam of haar nummer.
error-wave-several-collaborations-named = « { $words } » past bij meer dan één samenwerking; kies er een of typ meer van de naam.
error-survey-layer-required = Kies bij welke overheid of organisatie u werkt.
error-invalid-invitation-count = Maak 1 tot en met 100.000 uitnodigingen tegelijk.

## Files that are read in

error-file-unreadable = Het bestand kan niet worden gelezen: { $error }
error-survey-row-unreadable = De regel kan niet worden gelezen: { $error }
error-survey-header = De kopregel moet precies zijn: { $expected } (gevonden: { $found }).
error-survey-columns = Deze regel heeft { $count } kolommen; verwacht zijn er { $expected }.
error-survey-respondent-required = Vul een respondentnummer in (hoogstens 100 tekens).
error-survey-respondent-answered = Respondent '{ $respondent }' heeft al geantwoord in deze golf.
error-survey-respondent-twice = Respondent '{ $respondent }' staat al eerder in het bestand.
error-survey-unknown-layer = '{ $value }' is geen bekende bestuurslaag. Kies uit rijk, provincie, gemeente, waterschap, gemeenschappelijke-regeling of overig.
error-survey-no-answers = Het bestand bevat geen antwoorden.
error-import-column-missing = Deze kolom ontbreekt in de kopregel.
error-import-header-unreadable = De kopregel kan niet worden gelezen: { $error }
error-import-row-unreadable = Deze regel kan niet worden gelezen: { $error }
error-import-not-json = Dit is geen geldig JSON-document: { $error }
error-import-unknown-line-kind = '{ $value }' is geen soort regel; gebruik samenwerking, partner, geld, participatie of participatieproces.
error-import-duplicate-key = De sleutel '{ $key }' komt al eerder voor.
error-import-unknown-key = Er is geen samenwerking met sleutel '{ $key }' in dit bestand.
error-import-partner-twice = { $code } staat al als partner bij deze samenwerking.
error-import-not-a-partner = { $code } is geen partner van deze samenwerking in dit bestand.
error-import-amount-twice = Dit bedrag (partner, jaar, instrument, status) staat er al.
error-import-key-required = Vul een sleutel in die de samenwerking in dit bestand aanduidt.
error-register-invalid-code = '{ $value }' is geen geldige code
error-register-invalid-date = '{ $value }' is geen datum (jjjj-mm-dd)
error-register-partner-twice = { $code } staat twee keer bij regeling { $regeling }
error-register-id-twice = { $id } komt twee keer voor
error-register-unknown-regeling = regeling { $regeling } ({ $count } deelnemers) staat niet in { $file }
error-register-regions = de regio-indelingen zijn niet te lezen: { $reason }
error-regeling-circle = versie { $id } hoort bij een kring van versies zonder eerste versie
error-regeling-own-version = versie { $id } noemt zichzelf als andere versie
error-regeling-missing-version = versie { $other } staat niet in het bestand
error-regeling-version-claimed-twice = versie { $other } hoort ook al bij { $first }; een versie hoort bij één regeling
error-regeling-link-not-returned = versie { $other } verwijst niet terug naar { $id }

## Forms of the pages and the API

error-version-missing-form = De versie ontbreekt; laad het formulier opnieuw.
error-version-required = Geef de versie waarop de wijziging is gebaseerd.
error-passwords-differ = De twee wachtwoorden zijn niet gelijk.
error-form-too-large = Het formulier is te groot.
problem-forbidden-metrics = Alleen beheerders kunnen de meetgegevens lezen.
