# The national programmes (RES, MIRT, Regio Deals, Woondeals) and their sources.
collab-field-source = Bron
error-programme-unknown-code = '{ $value }' is geen bekende organisatie van de gevraagde soort
error-programme-no-source = '{ $value }' is geen webadres van een bron; elk feit heeft een bron
error-programme-empty = Vul { $column } in.
error-programme-twice = '{ $value }' komt twee keer voor
error-programme-two-sources = een regio heeft één bron; eerder stond er { $source }
error-programme-no-partners = Noem ten minste één partner.
