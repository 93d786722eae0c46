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
