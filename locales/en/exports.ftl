# Column labels of the CSV downloads, in order, separated by semicolons.

export-survey-report-columns = group;statement;n;mean;sd;median;answer_1;answer_2;answer_3;answer_4;answer_5;dont_know;top2box;rank;note
export-changes-columns = id;time;by;on_behalf_of;action;description;summary;before;after
export-involvements-columns = id;name;kind;wgr_form;role;partner_since;left_on;start;end;running;control_instruments;next_evaluation;bodies;council_position
export-involvements-year = contribution_{ $year }
