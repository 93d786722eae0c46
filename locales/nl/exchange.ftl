# Importing collaborations from a file, and the table of a refused file's problems (ids exchange-…).

exchange-title = Samenwerkingen importeren
exchange-intro-1 = Importeer samenwerkingen met hun partners en geld uit een CSV-bestand (zoals Excel het opslaat: puntkomma's, komma als decimaalteken, UTF-8 of Windows-1252) of een JSON-bestand, in het formaat van de
exchange-export = export
exchange-intro-2 = Het hele bestand wordt geïmporteerd of niets: bij een fout regel wordt niets opgeslagen. Een samenwerking herkent Samenspel aan haar
exchange-intro-3 = : hetzelfde bestand opnieuw importeren verandert niets. Alleen beheerders kunnen importeren.
exchange-imported = Geïmporteerd: { $added } toegevoegd, { $changed } gewijzigd, { $unchanged } ongewijzigd.
exchange-file = Bestand (CSV of JSON)
exchange-import = Importeren
exchange-missing = Kies een bestand (CSV of JSON) om te importeren.
exchange-unreadable = Het bestand kon niet worden gelezen: { $reason }
exchange-refused = { $name } is niet geïmporteerd; er is niets opgeslagen. Verbeter de { $count } regel(s) hieronder en probeer het opnieuw.
exchange-problems-caption = Fouten in het bestand (de kopregel is rij 1)
exchange-row = Rij
exchange-column = Kolom
exchange-problem = Wat er niet klopt
