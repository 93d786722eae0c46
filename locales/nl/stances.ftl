# The stance form (ids stance-…).

stance-title = Standpunt van { $name }
stance-in = In
stance-intro = Geef op elke vraag de beoogde inzet aan (1 tot en met 5). Wijkt u af van het ideaaltype? Licht dat dan toe: afwijken mag, maar met argumenten. Een eerder standpunt blijft bewaard in de geschiedenis.
stance-applies-to = Geldt voor
stance-whole = De samenwerking als geheel
stance-ideal = Ideaaltype van gelijkwaardig partnerschap: { $score }.
stance-motivation = Motivering
stance-motivation-hint = Waarom deze score? Verplicht in de geest van het model als u afwijkt van het ideaaltype.
stance-save = Standpunt opslaan
stance-saved = Standpunt van { $name } opgeslagen.
