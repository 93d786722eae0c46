# Column labels of the CSV downloads, in order, separated by semicolons.

export-survey-report-columns = groep;stelling;n;gemiddelde;sd;mediaan;antwoord_1;antwoord_2;antwoord_3;antwoord_4;antwoord_5;weet_niet;top2box;rang;opmerking
export-changes-columns = id;tijdstip;door;namens;actie;omschrijving;samenvatting;voor;na
export-involvements-columns = id;naam;soort;wgr_vorm;rol;deelnemer_sinds;uitgetreden_op;start;einde;lopend;controle_instrumenten;volgende_evaluatie;bestuursorganen;positie_raad
export-involvements-year = bijdrage_{ $year }
