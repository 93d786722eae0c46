# The error and refusal pages (and the titles and messages of the API's problems, which stay
# Dutch): not found, refused input, conflicts, signing in, no access, a page past the end of
# a list, an expired form.

errors-page-not-found-title = Not found
errors-page-not-found-message = The requested { $thing } does not exist (any more).
errors-page-thing-bedrag = amount
errors-page-thing-bron = source
errors-page-thing-gegeven = record
errors-page-thing-golf = wave
errors-page-thing-indeling = division
errors-page-thing-organisatie = organisation
errors-page-thing-pagina = page
errors-page-thing-partner = partner
errors-page-thing-samenwerking = collaboration
errors-page-thing-uitnodiging = invitation
errors-page-invalid-title = Invalid input
errors-page-invalid-message = One or more fields are not filled in correctly; nothing has been saved.
errors-page-conflict-title = Simultaneous change
errors-page-unauthenticated-title = Sign-in required
errors-page-unauthenticated-message = Sign in to do this (in the API with Authorization: Bearer <token>).
errors-page-forbidden-title = No access
errors-page-too-many-title = Too many attempts
errors-page-unavailable-title = Service unavailable
errors-page-unavailable-message = The database cannot be reached just now; nothing has been saved. Please try again in a few seconds.
errors-page-internal-title = Something went wrong
errors-page-internal-message = Something went wrong on our side; nothing has been saved. Please try again later.
errors-page-sign-in = Sign in
errors-page-home = To the home page
errors-page-sign-in-to = Sign in to do this. { $reason }
errors-page-not-allowed-title = Not allowed
errors-page-past-end-title = Page does not exist
errors-page-past-end-message = This list has { $last } pages; this page lies beyond the last one.
errors-page-past-end-link = To the last page ({ $last })
errors-page-csrf-title = Form expired
errors-page-csrf-message = This form has expired or did not come from this site, so it has not been processed. Go back, reload the page and try again.
errors-page-missing-title = Page not found
errors-page-missing-message = This page does not exist. Check the address, or go to the home page.
errors-page-render-failed = Something went wrong while showing this page.
