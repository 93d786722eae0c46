# The democratic control page of a collaboration (ids control-…).

control-title = Democratische controle — { $name }
control-heading = Democratische controle van { $name }
control-intro = Welke gekozen organen zijn betrokken, wanneer stellen zij kaders en wanneer leggen bestuurders verantwoording af? Raadsleden moeten weten wat een samenwerking voor hun gemeente betekent en hoe zij haar sturen (brief 2019); de Wet gemeenschappelijke regelingen (2022) geeft de raden instrumenten.
control-findings = Wat ontbreekt of achterloopt
control-no-findings = Niets: organen, momenten, instrumenten en evaluatie zijn vastgelegd.
control-attention = Let op
control-recorded = Vastgelegd
control-bodies = Betrokken gekozen organen
control-instruments-short = Wgr-instrumenten
control-instruments = Instrumenten van de Wet gemeenschappelijke regelingen
control-minister = Verantwoordelijke minister
control-minister-label = Verantwoordelijke minister (als het Rijk meedoet)
control-not-named = Niet genoemd
control-next-evaluation = Volgende evaluatie
control-next-evaluation-label = Volgende periodieke evaluatie
control-not-planned = Niet gepland
control-moments-caption = Momenten van kaderstelling en verantwoording
control-date = Datum
control-body = Orgaan
control-description = Omschrijving
control-update = Bijwerken
control-who-updates = Redacteuren van de trekker houden dit bij.
control-errors-heading = Er is iets niet goed ingevuld
control-errors-text = Er is niets opgeslagen. Verbeter het volgende:
control-moment = Moment { $number }
control-choose = Kies
control-saved = Democratische controle opgeslagen.

# What is missing or overdue (the domain's findings, control-finding-…).
control-finding-no-evaluation = Er is geen volgende evaluatie gepland; evalueer periodiek of de samenwerking nog meerwaarde heeft.
control-finding-evaluation-overdue = De evaluatie van { $date } is achterstallig.
control-finding-no-kaderstelling = Er is geen moment van kaderstelling vooraf door een gekozen orgaan.
control-finding-no-verantwoording = Er is geen moment van verantwoording achteraf aan een gekozen orgaan.
control-finding-councils-not-involved = Gemeenten doen mee, maar de gemeenteraden zijn niet als betrokken orgaan genoemd.
control-finding-states-not-involved = Provincies doen mee, maar Provinciale Staten zijn niet als betrokken orgaan genoemd.
control-finding-no-minister = Het Rijk doet mee, maar er is geen verantwoordelijke minister genoemd.
control-finding-no-minister-several = { $count } ministeries doen mee, maar er is niet één verantwoordelijke minister genoemd; de ROB vraagt één minister per grote opgave (Rol nemen, ruimte geven, 2021, §5.4.1).
control-finding-no-zienswijze = Bij een gemeenschappelijke regeling geven de raden een zienswijze op de begroting (Wgr); die is niet vastgelegd.
