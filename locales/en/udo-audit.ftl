# UDO dossiers in the change log (issue 14).
audit-UdoCreate = UDO dossier opened
audit-UdoUpdate = UDO dossier changed
audit-UdoStep = Step in the UDO dossier
summary-udo-dossier = dossier '{ $title }'
summary-udo-step = from { $from } to { $to }
conflict-stale-udo-version = The UDO dossier has been changed in the meantime (now version { $version }, last changed { $changed }). Reload the page and make your change again.
error-udo-unknown-event = '{ $value }' is not a step of a UDO dossier.
error-udo-step-date-required = Give the date of this step.
error-udo-not-a-current-ministry = '{ $code }' is not a current ministry; choose the ministry that holds the pen.
udo-refused = Only an editor of the ministry that holds the pen may do this; BZK and the koepels only give their advice and judgement here.
errors-page-thing-udo-dossier = the UDO dossier
