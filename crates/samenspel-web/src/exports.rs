//! Column labels of the CSV downloads in a language (`locales/<lang>/exports.ftl`): a page's
//! download in the visitor's language, the API's in that of `Accept-Language`.

use crate::i18n::Lang;

/// The header line of the survey report (without its line end).
pub fn survey_report(lang: Lang) -> String {
    lang.t("export-survey-report-columns")
}

/// The header line of a collaboration's change log, with its line end.
pub fn changes(lang: Lang) -> String {
    format!("{}\r\n", lang.t("export-changes-columns"))
}

/// The header cells of an organisation's collaborations, one contribution column per year.
pub fn involvements(lang: Lang, years: &[i32]) -> Vec<String> {
    let mut header: Vec<String> = lang
        .t("export-involvements-columns")
        .split(';')
        .map(str::to_owned)
        .collect();
    header.extend(
        years
            .iter()
            .map(|y| lang.t_with("export-involvements-year", &[("year", &y.to_string())])),
    );
    header
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dutch_columns_are_those_the_app_and_the_readers_know() {
        assert_eq!(survey_report(Lang::Nl), samenspel_app::survey::REPORT_CSV_HEADER);
        assert_eq!(
            changes(Lang::Nl),
            "id;tijdstip;door;namens;actie;omschrijving;samenvatting;voor;na\r\n"
        );
        assert_eq!(involvements(Lang::Nl, &[2026])[14], "bijdrage_2026");
    }

    #[test]
    fn every_language_has_as_many_columns() {
        let count = |text: String| text.split(';').count();
        for lang in Lang::ALL {
            assert_eq!(
                count(survey_report(lang)),
                count(survey_report(Lang::Nl)),
                "{lang:?}"
            );
            assert_eq!(count(changes(lang)), count(changes(Lang::Nl)), "{lang:?}");
            assert_eq!(involvements(lang, &[2025, 2026]).len(), 16, "{lang:?}");
        }
        assert_eq!(involvements(Lang::En, &[2026])[14], "contribution_2026");
    }
}
