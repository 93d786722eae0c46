# Problems of the API (problem+json title and detail) and of the error pages.

problem-not-found-title = Not found
problem-not-found-detail = The requested { $what ->
    [samenwerking] collaboration
    [golf] wave
    [uitnodiging] invitation
    [bedrag] amount
    [organisatie] organisation
    [partner] partner
    [pagina] page
    [indeling] grouping
    [gegeven] record
    [bron] resource
    [regio] region
   *[other] { $what }
} does not exist (any more).
problem-invalid-title = Invalid input
problem-invalid-detail = One or more fields have not been filled in correctly; nothing has been saved.
problem-conflict-title = Simultaneous change
problem-unauthenticated-title = Sign-in required
problem-unauthenticated-detail = Sign in to do this (in the API with Authorization: Bearer <token>).
problem-forbidden-title = No access
problem-too-many-attempts-title = Too many attempts
problem-unavailable-title = Service unavailable
problem-unavailable-detail = The database cannot be reached just now; nothing has been saved. Please try again in a few seconds.
problem-internal-title = Something went wrong
problem-internal-detail = Something went wrong on our side; nothing has been saved. Please try again later.
problem-bad-request-title = Invalid request
problem-bad-request-detail = The request could not be read; nothing has been saved.
problem-too-large-title = Request too large
problem-too-large-detail = The request is larger than this function accepts; nothing has been saved.
problem-too-large-reason = Send at most { $size } per request.
problem-bad-query-title = Invalid query
problem-bad-query-detail = One or more parameters of the query have a value that does not exist.

## Why the permission table refuses an action (the detail of a 403)

problem-forbidden-read-draft = This collaboration has not been published yet; only the partners can see it.
problem-forbidden-create-collaboration = Only editors can record a collaboration.
problem-forbidden-edit-collaboration = Only editors of the lead organisation can edit this collaboration.
problem-forbidden-add-partner = Only editors of the lead organisation can add partners.
problem-forbidden-publish = Only editors of the lead organisation can publish this collaboration.
problem-forbidden-record-stance = You can only give a stance on behalf of an organisation you are an editor of.
problem-forbidden-record-money = Only editors of the paying partner or of the lead organisation can record amounts.
problem-forbidden-state-moore = You can only fill in the triangle on behalf of an organisation you are an editor of.
problem-forbidden-add-organisation = Only editors can add partners.
problem-forbidden-manage-users = Only administrators can manage accounts.
problem-forbidden-import-data = Only administrators can import data.
problem-forbidden-manage-surveys = Only administrators can manage waves of the knelpuntenmonitor (bottleneck monitor).

## Why a change conflicts with the current state (the detail of a 409)

conflict-stale-version = The collaboration has been changed in the meantime (now version { $version }, last changed { $changed }). Reload the page and make your change again.
conflict-collaboration-key-taken = A collaboration with this key exists already.
conflict-organisation-code-taken = Someone else used this organisation code at the same moment; please try again.
conflict-changed-during-import = { $source_key }: changed during the import; please try again.
conflict-partner-has-stances = { $source_key }: partner { $code } has given stances and cannot be removed by the import.
conflict-merge-has-records = { $source_key } now belongs to another arrangement, but stances or a survey wave were recorded on it; the import does not merge them.
conflict-wave-closed = This wave is closed; no more answers can be added.
conflict-wave-exists = There is already a wave '{ $key }'.
wave-refused-closed = Wave '{ $key }' is closed; no more answers can be added. Nothing has been saved.
wave-refused-already-closed = Wave '{ $key }' is already closed.
wave-refused-still-open = Wave '{ $key }' is still open: the results are available only after it has been closed.
wave-refused = Wave '{ $key }': { $reason }
refusal-no-invitations-closed = No invitations made: this wave is closed.
refusal-no-invitations-not-yet-open = No invitations made: this wave is not open yet.
refusal-no-invitations-past-closing = No invitations made: this wave takes no more answers.

## How long to wait (the detail of a 429)

refusal-too-many-sign-ins = Too many failed attempts to sign in. Please try again in { $minutes } minutes.
refusal-too-many-link-answers = { $answers } answers to this wave have already been given from this address in a short time. Please try again in { $minutes } minutes; your answers have not been saved.
refusal-too-many-exports = The whole list of collaborations has already been requested { $exports } times from this address without signing in in a short time. Please try again in { $minutes } minutes, or sign in.

## Why a request could not be read (the reason of a 400); { $error } is the library's own text

reason-not-json = Send the data as JSON, with Content-Type: application/json.
reason-json-syntax = The JSON is not well-formed: { $error }
reason-json-data = The JSON does not fit the expected schema: { $error }
reason-query = The query could not be read: { $error }
reason-path = The path could not be read: { $error }
reason-unknown-format = '{ $value }' is not a format; choose json or csv.
reason-unknown-field = This field is not part of the request; send only { $fields }.
reason-import-content-type = Send the file as text/csv or application/json.
