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
