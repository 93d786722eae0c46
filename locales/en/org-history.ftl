# The history of an organisation (issue 13): the period it existed, its predecessors and its
# successor, on its own page and wherever a collaboration shows it as a partner.

org-history-period = Period
org-history-from-until = { $from } – { $until }
org-history-since = since { $from }
org-history-until = until { $until }
org-history-predecessors = Predecessors
org-history-successor = Successor
org-history-no-successor = no successor known
org-history-carried-on-by = Carried on by
org-history-partner-ended = no longer exists
org-history-succeeded-by = succeeded by
org-history-show-ended = Also show organisations that no longer exist
org-history-ended-tag = no longer exists
