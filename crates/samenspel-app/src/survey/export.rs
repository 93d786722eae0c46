//! The report of a wave as CSV (semicolon-separated, decimal comma, as Dutch spreadsheets read
//! it): one row per group and statement, then one row per suppressed group with the note.

use super::SurveyReport;

fn number(x: Option<f64>, decimals: usize) -> String {
    x.map(|v| format!("{v:.decimals$}").replace('.', ","))
        .unwrap_or_default()
}

/// The CSV of a report; suppressed groups appear only as a note, never with figures.
pub fn report_csv(r: &SurveyReport) -> String {
    report_csv_with_header(r, REPORT_CSV_HEADER)
}

/// The column labels of [`report_csv`] in Dutch (the web layer has them in other languages).
pub const REPORT_CSV_HEADER: &str = "groep;stelling;n;gemiddelde;sd;mediaan;antwoord_1;antwoord_2;antwoord_3;antwoord_4;antwoord_5;weet_niet;top2box;rang;opmerking";

/// [`report_csv`] with the column labels `header` (the same columns, in another language).
pub fn report_csv_with_header(r: &SurveyReport, header: &str) -> String {
    let mut out = format!("{header}\r\n");
    for (group, g) in &r.report.groups {
        for s in &r.statements {
            let Some(st) = g.statements.get(s.id) else {
                continue;
            };
            let counts: Vec<String> = st.counts.iter().map(u64::to_string).collect();
            out.push_str(&format!(
                "{group};{};{};{};{};{};{};{};{};{};\r\n",
                s.id,
                st.n,
                number(st.mean, 2),
                number(st.sd, 2),
                number(st.median, 1),
                counts.join(";"),
                st.dont_know,
                number(st.top2box, 3),
                st.rank.map(|r| r.to_string()).unwrap_or_default(),
            ));
        }
    }
    for s in &r.report.suppressed {
        out.push_str(&format!(
            "{};;;;;;;;;;;;;;{}\r\n",
            s.group.key(),
            s.note.replace(';', ",")
        ));
    }
    out
}
