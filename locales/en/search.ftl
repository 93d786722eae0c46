# Search across the site: the box in the header and the results page /zoeken.

search-title = Search
search-label = Search the whole site
search-placeholder = Name, code or abbreviation
search-button = Search
search-intro = Search organisations, collaborations and waves of the bottleneck monitor. The words may come in any order; capitals and accents do not matter, and the start of a word is enough.
search-words = Words
search-results-for = Results for « { $query } »
search-capped = More than 500 items contain these words; only the best 500 are ranked. Add a word to find the rest.
search-none = Nothing found for « { $query } »
search-try = Try this:
search-try-spelling = Check the spelling.
search-try-fewer = Use fewer words: a result must contain all of them.
search-try-start = Type the start of a word, for example « woond » for woondeal (housing deal).
search-try-codes = Search by code or abbreviation: « 0344 » or « GM0344 » for Utrecht, « BZK » for the ministry.
search-try-lists = Or browse the lists:
