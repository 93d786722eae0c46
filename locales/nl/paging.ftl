# The navigation between the pages of a long list, and what a list says about the address
# it could not read.

paging-label = Paginering
paging-summary = { $first }–{ $last } van { $total }
paging-none = Geen resultaten.
paging-first = Eerste pagina
paging-previous = Vorige pagina
paging-next = Volgende pagina
paging-last = Laatste pagina
paging-page = Pagina
paging-current = (deze pagina)
paging-query-unreadable = De zoekvraag in het adres kon niet worden gelezen; de standaardweergave wordt getoond.
paging-filter-unknown = Parameter { $field }: { $message } Alle soorten worden getoond.
