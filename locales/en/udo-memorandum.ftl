udo-memorandum-link = Paragraphs for the explanatory memorandum
udo-memorandum-title = Explanatory memorandum: { $title }
udo-memorandum-intro = Samenspel writes these two paragraphs of the explanatory memorandum from the dossier's data: the financial consequences per layer of government and year (instruction 4.46 of the Aanwijzingen voor de regelgeving) and the advice and consultation, with the number of published reactions and what was done with them. The memorandum is a Dutch legal text, so the paragraphs are in Dutch. Check the text before you use it.
udo-memorandum-back = Back to the dossier
udo-memorandum-odt = Download as OpenDocument text (.odt)
udo-memorandum-txt = Download as plain text (.txt)
udo-memorandum-plain = Plain text to copy
udo-memorandum-plain-label = The paragraphs as plain text (the table with tabs between the columns)
