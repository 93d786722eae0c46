# The pages every government website must have: about, accessibility, privacy, contact.

operator-unknown = de organisatie die deze installatie beheert
contact-unknown = De beheerder van deze installatie heeft nog geen contactadres ingesteld (instelling SAMENSPEL_CONTACT).

about-title = Over Samenspel
about-intro = Samenspel is open-source software die de instrumenten voor interbestuurlijke samenwerking in de praktijk brengt: voor het Rijk, de provincies, de gemeenten en de waterschappen die samen werken aan wonen, energie, klimaat en werk.
about-what-heading = Wat Samenspel doet
about-what-1 = Het register van samenwerkingen laat per samenwerking zien wie meedoet, in welke rol, met welk geld en onder welke democratische controle, en per organisatie aan welke samenwerkingen zij deelneemt.
about-what-2 = Met het Model voor gelijkwaardig partnerschap van de Raad voor het Openbaar Bestuur (advies « Rol nemen, ruimte geven », 2021) geven de partners hun standpunt op zes dimensies; Samenspel laat zien waar zij verschillen en welke rolverdeling past.
about-what-3 = De knelpuntenmonitor vraagt betrokkenen periodiek naar de knelpunten in de samenwerking en rapporteert alleen over groepen die groot genoeg zijn om niemand herkenbaar te maken.
about-sources-heading = Bronnen
about-sources-1 = De organisaties komen uit het Register van Overheidsorganisaties en de gemeentecodes van het CBS; de regio-indelingen uit CBS / PDOK; de gemeenschappelijke regelingen uit het register van de Rijksoverheid (ROO). Per bestand staat de herkomst in docs/DATA.md en in de map met referentiegegevens.
about-licence-heading = Licentie en versie
about-licence-1 = Samenspel is vrijgegeven onder de European Union Public Licence (EUPL-1.2). Dit is versie { $version }.
about-licence-2 = De API is beschreven in een OpenAPI-document op /api/openapi.json.

accessibility-title = Toegankelijkheidsverklaring
accessibility-intro = Iedereen moet deze website kunnen gebruiken. Deze verklaring volgt het Nederlandse model voor toegankelijkheidsverklaringen; verantwoordelijk voor deze installatie is { $operator }.
accessibility-standard-heading = Norm
accessibility-standard-1 = Overheidswebsites moeten voldoen aan de Europese norm EN 301 549, dat wil zeggen de Web Content Accessibility Guidelines (WCAG) 2.1 op niveau AA (Besluit digitale toegankelijkheid overheid).
accessibility-status-heading = Status
accessibility-status-1 = Status C — eerste maatregelen genomen. De software wordt bij elke wijziging automatisch gecontroleerd, maar er is nog geen volledig handmatig onderzoek volgens WCAG-EM door een onafhankelijke partij gedaan. De beheerder van een installatie publiceert de officiële verklaring in het register op toegankelijkheidsverklaring.nl.
accessibility-checks-heading = Hoe het is gecontroleerd
accessibility-checks-1 = Bij elke wijziging aan de software controleert de bouwstraat elke pagina met axe-core (op WCAG 2.1 AA) en met de Nu HTML Checker van het W3C; een test beantwoordt de vragenlijst van de knelpuntenmonitor alleen met het toetsenbord bij een schermbreedte van 320 pixels.
accessibility-checks-2 = De pagina's hebben geen JavaScript nodig, gebruiken de componenten van NL Design System, en bieden bij elke grafiek een tabel met dezelfde gegevens.
accessibility-limits-heading = Bekende beperkingen
accessibility-limits-1 = Op smalle schermen (375 pixels en minder) moeten sommige brede tabellen horizontaal worden gescrold, en zijn de labels van de radargrafiek klein. Hier wordt aan gewerkt.
accessibility-limits-2 = Niet alle pagina's en meldingen zijn al in het Engels beschikbaar; de Nederlandse tekst is dan leidend.
accessibility-contact-heading = Contact over toegankelijkheid
accessibility-contact-1 = Loopt u tegen een probleem aan, of is iets niet toegankelijk? Neem contact op via de pagina Contact. U krijgt een reactie van de beheerder van deze installatie.

privacy-title = Privacyverklaring
privacy-intro = Deze verklaring zegt welke persoonsgegevens Samenspel verwerkt, waarom, en welke rechten u heeft. Verwerkingsverantwoordelijke is { $operator }.
privacy-data-heading = Welke gegevens
privacy-data-1 = Van wie een account heeft: naam, e-mailadres, de organisaties waarvoor u werkt en uw rol daar (lezer, redacteur, beheerder), en een versleutelde afgeleide (hash) van uw wachtwoord. Van aanmeldsessies en API-sleutels bewaren we alleen een hash.
privacy-data-2 = Bij elke wijziging legt Samenspel vast wie haar deed, namens welke organisatie en wanneer (het wijzigingslogboek). Dat logboek is een hashketen: een latere aanpassing valt op.
privacy-data-3 = Antwoorden op de knelpuntenmonitor bewaren we zonder naam of e-mailadres; uitkomsten worden alleen getoond voor groepen die groot genoeg zijn. Om herhaald insturen te beperken, telt de server kort per netwerkadres; dat adres wordt niet opgeslagen in de database.
privacy-data-4 = Bij elke aanmeldpoging bewaren we het ingevulde e-mailadres, het netwerkadres, het tijdstip en of de poging slaagde, om het raden van wachtwoorden te kunnen begrenzen.
privacy-purpose-heading = Waarom
privacy-purpose-1 = Om geautoriseerde medewerkers namens hun organisatie gegevens over samenwerkingen te laten vastleggen, en om elke wijziging verantwoord en controleerbaar te maken.
privacy-basis-heading = Grondslag
privacy-basis-1 = De vervulling van een taak van algemeen belang door de organisatie die deze installatie beheert (artikel 6, lid 1, onder e, van de Algemene verordening gegevensbescherming, AVG).
privacy-visible-heading = Wie wat ziet
privacy-visible-1 = Bezoekers zonder account en medewerkers van organisaties die niet meedoen zien bij een wijziging alleen de organisatie ("namens Provincie Utrecht"). Medewerkers van de deelnemende organisaties zien de naam van de persoon. Alleen beheerders zien e-mailadressen.
privacy-retention-heading = Bewaartermijn
privacy-retention-1 = Een account blijft bestaan tot een beheerder het verwijdert. Het wijzigingslogboek wordt bewaard zolang de gegevens van de samenwerking bestaan, omdat het de verantwoording daarvan is; de beheerder van de installatie bepaalt de termijnen volgens de Archiefwet.
privacy-rights-heading = Uw rechten
privacy-rights-1 = U kunt vragen om inzage, correctie of verwijdering van uw gegevens en bezwaar maken tegen de verwerking (artikelen 15 tot en met 21 AVG), via de pagina Contact. Gegevens in het wijzigingslogboek worden niet verwijderd, omdat dan de verantwoording verloren gaat. U kunt een klacht indienen bij de Autoriteit Persoonsgegevens.
privacy-cookies-heading = Cookies
privacy-cookies-1 = Samenspel gebruikt alleen functionele cookies: uw aanmelding, een beveiligingscode tegen vervalste formulieren, een bevestiging na het opslaan en uw taalkeuze. Er zijn geen cookies of scripts van derden en er wordt niets gemeten voor statistiek.

contact-title = Contact
contact-intro = Deze installatie van Samenspel wordt beheerd door { $operator }.
contact-address-heading = Contactadres
contact-address-1 = U bereikt de beheerder via: { $contact }
contact-data-heading = Vragen over gegevens
contact-data-1 = Vragen over de gegevens van een samenwerking stelt u het best aan de trekker van die samenwerking; die staat op de pagina van de samenwerking. Vragen over uw account stelt u aan de beheerder.
