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
   *[other] { $what }
} does not exist (any more).
problem-invalid-title = Invalid input
problem-invalid-detail = One or more fields have not been filled in correctly; nothing has been saved.
problem-conflict-title = Simultaneous change
problem-unauthenticated-title = Sign-in required
problem-unauthenticated-detail = Sign in to do this (in the API with Authorization: Bearer <token>).
problem-forbidden-title = No access
problem-too-many-attempts-title = Too many attempts
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
