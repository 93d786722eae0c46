# The navigation between the pages of a long list, and what a list says about the address
# it could not read.

paging-label = Pagination
paging-summary = { $first }–{ $last } of { $total }
paging-none = No results.
paging-first = First page
paging-previous = Previous page
paging-next = Next page
paging-last = Last page
paging-page = Page
paging-current = (this page)
paging-query-unreadable = The query in the address could not be read; the default view is shown.
paging-filter-unknown = Parameter { $field }: { $message } All types are shown.
