# UDO-dossiers in de wijzigingslog (issue 14).
audit-UdoCreate = UDO-dossier geopend
audit-UdoUpdate = UDO-dossier gewijzigd
audit-UdoStep = Stap in het UDO-dossier
summary-udo-dossier = dossier '{ $title }'
summary-udo-step = van { $from } naar { $to }
conflict-stale-udo-version = Het UDO-dossier is intussen gewijzigd (nu versie { $version }, laatst gewijzigd { $changed }). Laad de pagina opnieuw en breng uw wijziging opnieuw aan.
error-udo-unknown-event = '{ $value }' is geen stap van een UDO-dossier.
error-udo-step-date-required = Geef de datum van deze stap.
error-udo-not-a-current-ministry = '{ $code }' is geen ministerie van nu; kies het ministerie dat de pen voert.
udo-refused = Dit mag alleen een redacteur van het ministerie dat de pen voert; BZK en de koepels geven hier alleen hun advies en oordeel.
errors-page-thing-udo-dossier = het UDO-dossier
