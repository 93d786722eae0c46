# Search across the site: the box in the header and the results page /zoeken.

search-title = Zoeken
search-label = Zoeken op de hele site
search-placeholder = Naam, code of afkorting
search-button = Zoeken
search-intro = Zoek in organisaties, samenwerkingen en golven van de knelpuntenmonitor. De woorden mogen in elke volgorde staan; hoofdletters en accenten tellen niet, en het begin van een woord is genoeg.
search-words = Woorden
search-results-for = Resultaten voor « { $query } »
search-capped = Meer dan 500 onderdelen bevatten deze woorden; alleen de 500 beste zijn gerangschikt. Voeg een woord toe om de rest te vinden.
search-none = Niets gevonden voor « { $query } »
search-try = Probeer dit:
search-try-spelling = Controleer de spelling.
search-try-fewer = Gebruik minder woorden: een resultaat moet ze allemaal bevatten.
search-try-start = Typ het begin van een woord, bijvoorbeeld « woond » voor woondeal.
search-try-codes = Zoek op een code of afkorting: « 0344 » of « GM0344 » voor Utrecht, « BZK » voor het ministerie.
search-try-lists = Of blader door de lijsten:
