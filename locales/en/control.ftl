# The democratic control page of a collaboration (ids control-…).

control-title = Democratic control — { $name }
control-heading = Democratic control of { $name }
control-intro = Which elected bodies are involved, when do they set the framework and when do executives account to them? Council members must know what a collaboration means for their municipality and how they steer it (letter of 2019); the Wet gemeenschappelijke regelingen (Joint Arrangements Act, 2022) gives the councils instruments.
control-findings = What is missing or overdue
control-no-findings = Nothing: bodies, moments, instruments and evaluation are recorded.
control-attention = Note
control-recorded = Recorded
control-bodies = Elected bodies involved
control-instruments-short = Wgr instruments
control-instruments = Instruments of the Wet gemeenschappelijke regelingen (Joint Arrangements Act)
control-minister = Responsible minister
control-minister-label = Responsible minister (if central government takes part)
control-not-named = Not named
control-next-evaluation = Next evaluation
control-next-evaluation-label = Next periodic evaluation
control-not-planned = Not planned
control-moments-caption = Moments of setting the framework and of accountability
control-date = Date
control-body = Body
control-description = Description
control-update = Update
control-who-updates = Editors of the lead partner (trekker) keep this up to date.
control-errors-heading = Something has not been filled in correctly
control-errors-text = Nothing has been saved. Please correct the following:
control-moment = Moment { $number }
control-choose = Choose
control-saved = Democratic control saved.

# What is missing or overdue (the domain's findings, control-finding-…).
control-finding-no-evaluation = No next evaluation has been planned; evaluate periodically whether the collaboration still adds value.
control-finding-evaluation-overdue = The evaluation of { $date } is overdue.
control-finding-no-kaderstelling = There is no moment at which an elected body sets the framework beforehand.
control-finding-no-verantwoording = There is no moment at which executives account afterwards to an elected body.
control-finding-councils-not-involved = Municipalities take part, but the municipal councils are not named as a body involved.
control-finding-states-not-involved = Provinces take part, but the provincial councils (Provinciale Staten) are not named as a body involved.
control-finding-no-minister = Central government takes part, but no responsible minister has been named.
control-finding-no-minister-several = { $count } ministries take part, but no single responsible minister is named; the ROB asks for one minister per major task (Rol nemen, ruimte geven, 2021, §5.4.1).
control-finding-no-zienswijze = In a joint arrangement (gemeenschappelijke regeling) the councils give their opinion on the budget (zienswijze, Wgr); this has not been recorded.
