# The national programmes (RES, MIRT, Regio Deals, Woondeals) and their sources.
collab-field-source = Source
error-programme-unknown-code = '{ $value }' is not a known organisation of the kind required
error-programme-no-source = '{ $value }' is not the web address of a source; every fact has a source
error-programme-empty = Fill in { $column }.
error-programme-twice = '{ $value }' occurs twice
error-programme-two-sources = a region has one source; before, it was { $source }
error-programme-no-partners = Name at least one partner.
