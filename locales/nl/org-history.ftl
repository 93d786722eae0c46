# The history of an organisation (issue 13): the period it existed, its predecessors and its
# successor, on its own page and wherever a collaboration shows it as a partner.

org-history-period = Periode
org-history-from-until = { $from } – { $until }
org-history-since = sinds { $from }
org-history-until = tot { $until }
org-history-predecessors = Voorgangers
org-history-successor = Opvolger
org-history-no-successor = geen opvolger bekend
org-history-carried-on-by = Voortgezet door
org-history-partner-ended = bestaat niet meer
org-history-succeeded-by = opgevolgd door
org-history-show-ended = Ook organisaties tonen die niet meer bestaan
org-history-ended-tag = bestaat niet meer
