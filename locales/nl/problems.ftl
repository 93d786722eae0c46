# Problems of the API (problem+json title and detail) and of the error pages.

problem-not-found-title = Niet gevonden
problem-not-found-detail = De gevraagde { $what } bestaat niet (meer).
problem-invalid-title = Ongeldige invoer
problem-invalid-detail = Een of meer velden zijn niet goed ingevuld; er is niets opgeslagen.
problem-conflict-title = Gelijktijdige wijziging
problem-unauthenticated-title = Aanmelden nodig
problem-unauthenticated-detail = Meld u aan om dit te doen (in de API met Authorization: Bearer <token>).
problem-forbidden-title = Geen toegang
problem-too-many-attempts-title = Te veel pogingen
problem-unavailable-title = Tijdelijk niet beschikbaar
problem-unavailable-detail = De database is even niet bereikbaar; er is niets opgeslagen. Probeer het over een paar seconden opnieuw.
problem-internal-title = Er ging iets mis
problem-internal-detail = Er ging iets mis aan onze kant; er is niets opgeslagen. Probeer het later opnieuw.
problem-bad-request-title = Ongeldig verzoek
problem-bad-request-detail = Het verzoek kon niet worden gelezen; er is niets opgeslagen.
problem-too-large-title = Verzoek te groot
problem-too-large-detail = Het verzoek is groter dan deze functie aanneemt; er is niets opgeslagen.
problem-too-large-reason = Stuur hoogstens { $size } per verzoek.
problem-bad-query-title = Ongeldige zoekvraag
problem-bad-query-detail = Een of meer parameters van de zoekvraag hebben een waarde die niet bestaat.

## Why the permission table refuses an action (the detail of a 403)

problem-forbidden-read-draft = Deze samenwerking is nog niet gepubliceerd; alleen de partners kunnen haar zien.
problem-forbidden-create-collaboration = Alleen redacteuren kunnen een samenwerking vastleggen.
problem-forbidden-edit-collaboration = Alleen redacteuren van de trekker kunnen deze samenwerking bewerken.
problem-forbidden-add-partner = Alleen redacteuren van de trekker kunnen partners toevoegen.
problem-forbidden-publish = Alleen redacteuren van de trekker kunnen deze samenwerking publiceren.
problem-forbidden-record-stance = U kunt alleen een standpunt geven namens een organisatie waarvan u redacteur bent.
problem-forbidden-record-money = Alleen redacteuren van de betalende partner of van de trekker kunnen bedragen vastleggen.
problem-forbidden-state-moore = U kunt alleen de driehoek invullen namens een organisatie waarvan u redacteur bent.
problem-forbidden-add-organisation = Alleen redacteuren kunnen partners toevoegen.
problem-forbidden-manage-users = Alleen beheerders kunnen accounts beheren.
problem-forbidden-import-data = Alleen beheerders kunnen gegevens importeren.
problem-forbidden-manage-surveys = Alleen beheerders kunnen golven van de knelpuntenmonitor beheren.

## Why a change conflicts with the current state (the detail of a 409)

conflict-stale-version = De samenwerking is intussen gewijzigd (nu versie { $version }, laatst gewijzigd { $changed }). Laad de pagina opnieuw en breng uw wijziging opnieuw aan.
conflict-collaboration-key-taken = Er bestaat al een samenwerking met deze sleutel.
conflict-organisation-code-taken = Deze code voor de organisatie werd tegelijk door iemand anders gebruikt; probeer het opnieuw.
conflict-changed-during-import = { $source_key }: gewijzigd tijdens het importeren; probeer het opnieuw.
conflict-partner-has-stances = { $source_key }: partner { $code } heeft standpunten gegeven en kan niet door het importeren worden verwijderd.
conflict-merge-has-records = { $source_key } hoort nu bij een andere regeling, maar er zijn standpunten of een peiling bij vastgelegd; het importeren voegt ze niet samen.
conflict-wave-closed = Deze golf is gesloten; er kunnen geen antwoorden meer bij.
conflict-wave-exists = Er is al een golf '{ $key }'.
wave-refused-closed = Golf '{ $key }' is gesloten; er kunnen geen antwoorden meer bij. Er is niets opgeslagen.
wave-refused-already-closed = Golf '{ $key }' is al gesloten.
wave-refused-still-open = Golf '{ $key }' is nog open: de resultaten zijn er pas na het sluiten.
wave-refused = Golf '{ $key }': { $reason }
refusal-no-invitations-closed = Geen uitnodigingen gemaakt: deze golf is gesloten.
refusal-no-invitations-not-yet-open = Geen uitnodigingen gemaakt: deze golf is nog niet open.
refusal-no-invitations-past-closing = Geen uitnodigingen gemaakt: deze golf neemt geen antwoorden meer aan.

## How long to wait (the detail of a 429)

refusal-too-many-sign-ins = Te veel mislukte pogingen om aan te melden. Probeer het over { $minutes } minuten opnieuw.
refusal-too-many-link-answers = Vanaf dit adres zijn in korte tijd al { $answers } antwoorden op deze golf gegeven. Probeer het over { $minutes } minuten opnieuw; uw antwoorden zijn niet opgeslagen.
refusal-too-many-exports = Vanaf dit adres is de hele lijst van samenwerkingen in korte tijd al { $exports } keer zonder aanmelding opgevraagd. Probeer het over { $minutes } minuten opnieuw, of meld u aan.

## Why a request could not be read (the reason of a 400); { $error } is the library's own text

reason-not-json = Stuur de gegevens als JSON, met Content-Type: application/json.
reason-json-syntax = De JSON is niet goed gevormd: { $error }
reason-json-data = De JSON past niet bij het verwachte schema: { $error }
reason-query = De zoekvraag kon niet worden gelezen: { $error }
reason-path = Het pad kon niet worden gelezen: { $error }
reason-unknown-format = '{ $value }' is geen formaat; kies json of csv.
reason-unknown-field = Dit veld hoort niet bij het verzoek; stuur alleen { $fields }.
reason-import-content-type = Stuur het bestand als text/csv of application/json.
