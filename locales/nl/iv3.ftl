# The Iv3 task fields (taakvelden) of municipalities (ids error-iv3-…, issue 15). The Dutch
# equals the domain's own text (crates/samenspel-domain/src/iv3.rs).

error-iv3-code = '{ $value }' is geen Iv3-taakveld; schrijf bijvoorbeeld 6.72 of 6.72a.
error-iv3-column-missing = De kolom { $column } ontbreekt.
error-iv3-overlap = Taakveld { $code } heeft al een naam in deze jaren.
error-iv3-no-successor = Taakveld { $code } is niet opgesplitst en heeft geen opvolger.
error-iv3-ambiguous-successor = Taakveld { $code } is opgesplitst in { $count } taakvelden; tel die op onder { $code } in plaats van er één te kiezen.
error-iv3-unknown = Taakveld { $code } bestaat niet in Iv3.
error-iv3-not-yet-split = Taakveld { $code } bestaat pas vanaf { $from }; in { $year } boekt u op { $parent }.
error-iv3-not-yet = Taakveld { $code } bestaat pas vanaf { $from }.
error-iv3-ended = Taakveld { $code } bestaat in { $year } niet meer; boek op de taakvelden die het vervangen.
error-iv3-unreadable = Regel { $line } is geen leesbare CSV-regel.
error-iv3-required = Vul { $column } in.
error-iv3-until-before-from = Het laatste jaar ({ $until }) ligt vóór het eerste ({ $from }).
error-iv3-checked = '{ $value }' is geen bekende controle; kies bron of derden.
error-iv3-url = '{ $value }' is geen https-adres.
error-iv3-parent-inconsistent = Taakveld { $code } heeft in verschillende regels een andere ouder.
error-iv3-parent-unknown = Ouder { $parent } staat niet in de lijst.
error-iv3-parent-has-parent = Ouder { $parent } heeft zelf een ouder; één niveau is toegestaan.
error-iv3-parent-gap = Ouder { $parent } moet eindigen in het jaar vóór { $code } begint.
