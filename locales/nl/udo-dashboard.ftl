# Het dashboard van het gebruik van de UDO (issue 14, punt 10): keuze, grafiek, meldingen.
udo-dashboard-filter-label = Kies jaar en ministerie
udo-dashboard-filter-year = Jaar waarin het dossier is geopend
udo-dashboard-filter-year-hint = Bijvoorbeeld 2025; leeg laten voor alle jaren.
udo-dashboard-filter-submit = Tonen
udo-dashboard-filter-invalid = Parameter { $field }: { $message }
udo-dashboard-filter-ignored = Alle dossiers zijn geteld.
udo-dashboard-none = Er zijn geen UDO-dossiers voor deze keuze.
udo-dashboard-chart-title = Dossiers per ministerie: geconsulteerd met de UDO-uitkomst vooraf, geconsulteerd zonder, en nog niet geconsulteerd
udo-dashboard-chart-desc = Per ministerie één balk, zo lang als het aantal dossiers; het getal erachter is dat aantal. De tabel hieronder geeft dezelfde cijfers per jaar.
udo-dashboard-chart-caption = Dossiers per ministerie over de gekozen jaren. De tabel hieronder geeft dezelfde cijfers per jaar.
udo-dashboard-chart-bar = { $ministry }: { $dossiers } in totaal; { $before } geconsulteerd met de UDO-uitkomst vooraf, { $without } geconsulteerd zonder, { $pending } nog niet geconsulteerd
udo-dashboard-part-udo-before = Geconsulteerd, UDO-uitkomst vooraf
udo-dashboard-part-consulted-without = Geconsulteerd zonder UDO-uitkomst vooraf
udo-dashboard-part-not-consulted = Nog niet geconsulteerd
error-udo-dashboard-year = '{ $value }' is geen jaartal van { $first } tot en met { $last }.
error-udo-dashboard-ministry = '{ $code }' is geen ministerie.
