# Field errors: the message next to a form field and in the API's invalidParams.

message-plain = { $text }

## Text fields

error-required = Fill in this field.
error-control-character = This field contains invisible control characters; please remove them.
error-too-long = Use at most { $max } characters.
error-too-long-now = Use at most { $max } characters (now { $count }).
error-search-required = Enter one or more words to search for (letters or digits).

## Closed lists

error-unknown-Element = '{ $value }' is not a known element of the triangle; choose from: { $choices }.
error-unknown-Support = '{ $value }' is not a known degree of support; choose from: { $choices }.
error-unknown-Strength = '{ $value }' is not a known assessment; choose from: { $choices }.
error-unknown-SearchKind = '{ $value }' is not a known kind of result; choose from: { $choices }.
error-unknown-ElectedBody = '{ $value }' is not a known elected body; choose from: { $choices }.
error-unknown-WgrInstrument = '{ $value }' is not a known Wgr instrument; choose from: { $choices }.
error-unknown-MomentKind = '{ $value }' is not a known kind of moment; choose from: { $choices }.
error-unknown-Theme = '{ $value }' is not a known theme; choose from: { $choices }.
error-unknown-RespondentLayer = '{ $value }' is not a known layer of government; choose from: { $choices }.
error-unknown-Group = '{ $value }' is not a known group; choose from: { $choices }.
error-unknown-CollaborationKind = '{ $value }' is not a known kind of collaboration; choose from: { $choices }.
error-unknown-WgrForm = '{ $value }' is not a known Wgr form; choose from: { $choices }.
error-unknown-PartnerRole = '{ $value }' is not a known role; choose from: { $choices }.
error-unknown-TermStatus = '{ $value }' is not a known status; choose from: { $choices }.
error-unknown-Instrument = '{ $value }' is not a known funding instrument; choose from: { $choices }.
error-unknown-MoneyStatus = '{ $value }' is not a known status of an amount; choose from: { $choices }.
error-unknown-MomentType = '{ $value }' is not a known kind of moment; choose from: { $choices }.
error-unknown-OrgType = '{ $value }' is not a known kind of organisation; choose from: { $choices }.
error-unknown-role = '{ $value }' is not a role; choose lezer (reader), redacteur (editor) or beheerder (administrator).

## Accounts and organisations

error-invalid-email = Enter a valid email address, for example name@municipality.nl.
error-password-too-short = Choose a password of at least { $min } characters.
error-invalid-org-code = '{ $value }' is not a valid organisation code (for example GM0363, PV27, WS0155 or MNRE1034).
error-org-type-not-addable = { $kind ->
    [ministerie] Ministries
    [provincie] Provinces
    [gemeente] Municipalities
    [waterschap] Water boards
    [koepel] Umbrella organisations
   *[other] Organisations of this kind
} come from the reference data and cannot be added.

## Collaborations

error-wgr-form-not-applicable = A Wgr form applies only to a gemeenschappelijke regeling (joint arrangement).
error-end-before-start = The end date is before the start date.
error-invalid-iso-date = '{ $value }' is not a valid date; use yyyy-mm-dd, for example 2026-03-01.
error-invalid-date = '{ $value }' is not a valid date; write for example 1-3-2026 or 2026-03-01.
error-date-required = Enter the date (yyyy-mm-dd).
error-too-many-policy-areas = Use at most { $max } policy areas.
error-duplicate-phase = The phase '{ $name }' is already there.
error-too-many-phases = Use at most { $max } phases.
error-duplicate-partner = { $code } is already a partner in this collaboration.
error-unknown-phase = This collaboration has no phase '{ $phase }'.

## Money and Moore's triangle

error-amount-required = Enter an amount in euros.
error-amount-negative = An amount cannot be negative.
error-not-an-amount = This is not an amount; write for example 1.234,56.
error-amount-decimals = An amount has at most two digits after the decimal comma.
error-amount-too-large = This amount is too large.
error-invalid-year = Enter a year from { $first } to { $last }.
error-invalid-fte = '{ $value }' is not a number of FTE: write for example 2 or 2,5 (at most one decimal, not negative).

## Attachments

error-file-empty = The file is empty.
error-file-too-large = The file is larger than { $megabytes } MB.
error-file-type-not-allowed = This kind of file is not allowed. Allowed are: { $allowed }.

## Stances

error-score-choose = Choose a score from 1 to 5.
error-score-give = Give a score from 1 to 5.
error-score-out-of-range = The score { $score } is outside the scale; choose 1 to 5.
error-not-a-score = { $value } is not a score; choose a whole number from 1 to 5.
error-unknown-dimension = '{ $key }' is not a dimension of the model.

## Survey

error-invalid-answer = '{ $value }' is not an answer: 1 to 5, n (don't know / not applicable) or empty.
error-wrong-number-of-answers = Respondent '{ $respondent }' has { $answers } answers; the instrument has { $statements } statements.
error-respondent-already-answered = Respondent '{ $respondent }' has already answered in this wave; nothing has been saved.

## Organisations, accounts and partners (use cases)

error-unknown-organisation = There is no organisation with code { $code }.
error-organisation-lookup-failed = The organisation could not be looked up; please try again later.
error-partner-listed-twice = { $code } is already in the list of partners.
error-not-a-partner-stance = { $code } is not a partner in this collaboration; only partners give their stance.
error-not-a-partner-moore = { $code } is not a partner in this collaboration; only partners fill in their triangle.
error-not-a-partner-money = { $code } is not a partner in this collaboration; only partners contribute money.
error-not-a-ministry = { $code } is not a ministry; choose the ministry of the responsible minister.
error-unknown-user = There is no account with email address { $email }.
error-no-membership = { $email } has no role at { $code }.
error-wrong-password = The current password is not correct.
error-email-taken = There is already an account with email address { $email }.
error-phase-in-use = The phase '{ $phase }' already has stances and cannot be removed or renamed.
error-unknown-collaboration = There is no collaboration with number { $id }.
error-unknown-region = '{ $value }' is not a known region; write for example veiligheidsregio:VR13.
error-unknown-grouping = '{ $value }' is not a known grouping; choose a regional division, 'samenwerking-<number>' or 'soort-<kind>'.
error-grouping-required = Choose a grouping.
error-unknown-status = '{ $value }' is not a status; choose lopend (running) or beeindigd (ended).

## Waves of the survey

error-wave-invalid-key = Give the wave a short name of lower-case letters, digits and hyphens (at most 60), for example 2026-najaar.
error-wave-invalid-title = The title is too long (at most 200 characters) or contains control characters.
error-wave-invalid-k = '{ $value }' is not a valid k: a whole number from 2 to 1000 (default { $default }).
error-wave-closes-before-open = The closing date is before the opening date.
error-wave-invalid-collaboration = '{ $value }' is not the number of a collaboration; leave the field empty for a national wave.
error-wave-no-collaboration-named = No collaboration found with « { $words } »; type part of its name or its number.
error-wave-several-collaborations-named = « { $words } » matches more than one collaboration; choose one or type more of the name.
error-survey-layer-required = Choose which government or organisation you work for.
error-invalid-invitation-count = Make 1 to 100,000 invitations at a time.

## Files that are read in

error-file-unreadable = The file cannot be read: { $error }
error-survey-row-unreadable = The line cannot be read: { $error }
error-survey-header = The header line must be exactly: { $expected } (found: { $found }).
error-survey-columns = This line has { $count } columns; { $expected } are expected.
error-survey-respondent-required = Enter a respondent number (at most 100 characters).
error-survey-respondent-answered = Respondent '{ $respondent }' has already answered in this wave.
error-survey-respondent-twice = Respondent '{ $respondent }' appears earlier in the file.
error-survey-unknown-layer = '{ $value }' is not a known layer of government. Choose from rijk, provincie, gemeente, waterschap, gemeenschappelijke-regeling or overig.
error-survey-no-answers = The file contains no answers.
error-import-column-missing = This column is missing from the header line.
error-import-header-unreadable = The header line cannot be read: { $error }
error-import-row-unreadable = This line cannot be read: { $error }
error-import-not-json = This is not a valid JSON document: { $error }
error-import-unknown-line-kind = '{ $value }' is not a kind of line; use samenwerking, partner, geld, participatie or participatieproces.
error-import-duplicate-key = The key '{ $key }' appears earlier.
error-import-unknown-key = There is no collaboration with key '{ $key }' in this file.
error-import-partner-twice = { $code } is already listed as a partner of this collaboration.
error-import-not-a-partner = { $code } is not a partner of this collaboration in this file.
error-import-amount-twice = This amount (partner, year, instrument, status) is already there.
error-import-key-required = Enter a key that names the collaboration in this file.
error-register-invalid-code = '{ $value }' is not a valid code
error-register-invalid-date = '{ $value }' is not a date (yyyy-mm-dd)
error-register-partner-twice = { $code } appears twice in arrangement { $regeling }
error-register-id-twice = { $id } appears twice
error-register-unknown-regeling = arrangement { $regeling } ({ $count } participants) is not in { $file }
error-register-regions = the regional divisions cannot be read: { $reason }
error-regeling-circle = version { $id } is part of a circle of versions without a first version
error-regeling-own-version = version { $id } names itself as another version
error-regeling-missing-version = version { $other } is not in the file
error-regeling-version-claimed-twice = version { $other } already belongs to { $first }; a version belongs to one arrangement
error-regeling-link-not-returned = version { $other } does not link back to { $id }

## Forms of the pages and the API

error-version-missing-form = The version is missing; please reload the form.
error-version-required = Give the version the change is based on.
error-passwords-differ = The two passwords are not the same.
error-form-too-large = The form is too large.
problem-forbidden-metrics = Only administrators can read the metrics.
