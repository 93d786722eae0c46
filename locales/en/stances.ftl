# The stance form (ids stance-…).

stance-title = Stance of { $name }
stance-in = In
stance-intro = Give the intended commitment on each question (1 to 5). Do you deviate from the ideal type? Then explain why: deviating is allowed, but with arguments. An earlier stance is kept in the history.
stance-applies-to = Applies to
stance-whole = The collaboration as a whole
stance-ideal = Ideal type of equal partnership: { $score }.
stance-motivation = Motivation
stance-motivation-hint = Why this score? Required in the spirit of the model if you deviate from the ideal type.
stance-save = Save stance
stance-saved = Stance of { $name } saved.
