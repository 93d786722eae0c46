# The frame of every page: skip link, navigation, account, language switch and footer.

site-name = Samenspel
skip-to-content = Direct naar de inhoud
nav-label = Hoofdmenu
nav-home = Start
nav-collaborations = Samenwerkingen
nav-organisations = Organisaties
nav-regions = Regio's
nav-survey = Knelpuntenmonitor
nav-api = API
account-signed-in-as = Aangemeld als { $name }
account-password = Wachtwoord
account-sign-out = Afmelden
account-sign-in = Aanmelden
language-switch-label = Taal: { $language }
footer-label = Over deze website
footer-about = Over Samenspel
footer-accessibility = Toegankelijkheid
footer-privacy = Privacy
footer-contact = Contact
footer-text = Samenspel — open-source software voor interbestuurlijke samenwerking (EUPL-1.2). Het partnerschapsmodel komt uit het advies « Rol nemen, ruimte geven » van de Raad voor het Openbaar Bestuur (2021). Referentiegegevens: CBS / PDOK en het Register van Overheidsorganisaties.
page-not-translated = Deze pagina is nog alleen in het Engels beschikbaar.
