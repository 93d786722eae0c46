# The Iv3 task fields (taakvelden) of municipalities (ids error-iv3-…, issue 15).

error-iv3-code = '{ $value }' is not an Iv3 task field; write for example 6.72 or 6.72a.
error-iv3-column-missing = The column { $column } is missing.
error-iv3-overlap = Task field { $code } already has a name in these years.
error-iv3-no-successor = Task field { $code } was not split and has no successor.
error-iv3-ambiguous-successor = Task field { $code } was split into { $count } task fields; add them up under { $code } instead of choosing one.
error-iv3-unknown = Task field { $code } does not exist in Iv3.
error-iv3-not-yet-split = Task field { $code } exists only from { $from }; in { $year }, book on { $parent }.
error-iv3-not-yet = Task field { $code } exists only from { $from }.
error-iv3-ended = Task field { $code } no longer exists in { $year }; book on the task fields that replace it.
error-iv3-unreadable = Line { $line } is not a readable CSV line.
error-iv3-required = Fill in { $column }.
error-iv3-until-before-from = The last year ({ $until }) is before the first ({ $from }).
error-iv3-checked = '{ $value }' is not a known check; choose bron (source) or derden (third parties).
error-iv3-url = '{ $value }' is not an https address.
error-iv3-parent-inconsistent = Task field { $code } has a different parent in different lines.
error-iv3-parent-unknown = Parent { $parent } is not in the list.
error-iv3-parent-has-parent = Parent { $parent } has a parent itself; one level is allowed.
error-iv3-parent-gap = Parent { $parent } must end in the year before { $code } begins.
