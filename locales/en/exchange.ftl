# Importing collaborations from a file, and the table of a refused file's problems (ids exchange-…).

exchange-title = Import collaborations
exchange-intro-1 = Import collaborations with their partners and money from a CSV file (as Excel saves it: semicolons, comma as decimal separator, UTF-8 or Windows-1252) or a JSON file, in the format of the
exchange-export = export
exchange-intro-2 = The whole file is imported or nothing: if a row is wrong, nothing is saved. Samenspel recognises a collaboration by its
exchange-intro-3 = { " " }(key): importing the same file again changes nothing. Only administrators can import.
exchange-imported = Imported: { $added } added, { $changed } changed, { $unchanged } unchanged.
exchange-file = File (CSV or JSON)
exchange-import = Import
exchange-missing = Choose a file (CSV or JSON) to import.
exchange-unreadable = The file could not be read: { $reason }
exchange-refused = { $name } has not been imported; nothing has been saved. Correct the { $count } row(s) below and try again.
exchange-problems-caption = Errors in the file (the header is row 1)
exchange-row = Row
exchange-column = Column
exchange-problem = What is wrong
