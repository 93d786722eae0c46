# The error and refusal pages (and the titles and messages of the API's problems, which stay
# Dutch): not found, refused input, conflicts, signing in, no access, a page past the end of
# a list, an expired form.

errors-page-not-found-title = Niet gevonden
errors-page-not-found-message = De gevraagde { $thing } bestaat niet (meer).
errors-page-thing-bedrag = bedrag
errors-page-thing-bron = bron
errors-page-thing-gegeven = gegeven
errors-page-thing-golf = golf
errors-page-thing-indeling = indeling
errors-page-thing-organisatie = organisatie
errors-page-thing-pagina = pagina
errors-page-thing-partner = partner
errors-page-thing-samenwerking = samenwerking
errors-page-thing-uitnodiging = uitnodiging
errors-page-invalid-title = Ongeldige invoer
errors-page-invalid-message = Een of meer velden zijn niet goed ingevuld; er is niets opgeslagen.
errors-page-conflict-title = Gelijktijdige wijziging
errors-page-unauthenticated-title = Aanmelden nodig
errors-page-unauthenticated-message = Meld u aan om dit te doen (in de API met Authorization: Bearer <token>).
errors-page-forbidden-title = Geen toegang
errors-page-too-many-title = Te veel pogingen
errors-page-unavailable-title = Tijdelijk niet beschikbaar
errors-page-unavailable-message = De database is even niet bereikbaar; er is niets opgeslagen. Probeer het over een paar seconden opnieuw.
errors-page-internal-title = Er ging iets mis
errors-page-internal-message = Er ging iets mis aan onze kant; er is niets opgeslagen. Probeer het later opnieuw.
errors-page-sign-in = Aanmelden
errors-page-home = Naar de startpagina
errors-page-sign-in-to = Meld u aan om dit te doen. { $reason }
errors-page-not-allowed-title = Niet toegestaan
errors-page-past-end-title = Pagina bestaat niet
errors-page-past-end-message = Deze lijst heeft { $last } pagina's; deze pagina ligt daarna.
errors-page-past-end-link = Naar de laatste pagina ({ $last })
errors-page-csrf-title = Formulier verlopen
errors-page-csrf-message = Dit formulier is verlopen of kwam niet van deze site, en is daarom niet verwerkt. Ga terug, laad de pagina opnieuw en probeer het nog eens.
errors-page-missing-title = Pagina niet gevonden
errors-page-missing-message = Deze pagina bestaat niet. Controleer het adres, of ga naar de startpagina.
errors-page-render-failed = Er ging iets mis bij het tonen van deze pagina.
