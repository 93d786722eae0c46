//! Costs per municipality per Iv3 task field (issue 15, item 3): a CSV file in the CBS or the
//! openspending shape read a row at a time through the import toolkit (no table of the whole
//! file is held), every row checked by the domain
//! ([`samenspel_domain::iv3::costs`]), refused whole with every problem named
//! `bestand:rij:kolom`, summed per organisation, task field, year and kind of report and
//! stored in one transaction. Series per organisation per task field, on the parent code
//! across the 2023 split or as booked.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::{Arc, OnceLock};

use serde::Serialize;

use samenspel_domain::attachment::sha256_hex;
use samenspel_domain::audit::Actor;
use samenspel_domain::auth::{Action, Relation};
use samenspel_domain::iv3::costs::{
    self, CheckedRow, CostFigure, CostShape, ReportKind, RowContext, SeriesOn, SeriesPoint, Totals,
};
use samenspel_domain::iv3::{self, TaskFieldCode};
use samenspel_domain::org::{OrgCode, OrgType};
use samenspel_store::{CostFile, CostImportReport, FiguresRead, ReplacedCost};

use crate::import::{self, Problems};
use crate::{App, AppError, AppResult, Principal};

mod stream;

/// How the problems of a cost file are named: `bestand:rij:kolom`.
pub const FILE: &str = "bestand";

/// The codes of the municipalities (CBS codes of the reference organisations).
pub fn municipalities() -> AppResult<HashSet<OrgCode>> {
    Ok(crate::reference::organisations()
        .map_err(AppError::internal)?
        .into_iter()
        .filter(|o| o.org_type == OrgType::Gemeente)
        .map(|o| o.code)
        .collect())
}

/// [`municipalities`], read once per process: the shipped reference data does not change, and
/// every import checks its rows against it.
fn kept_municipalities() -> AppResult<&'static HashSet<OrgCode>> {
    static KEPT: OnceLock<Result<HashSet<OrgCode>, String>> = OnceLock::new();
    KEPT.get_or_init(|| municipalities().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| AppError::internal(e.clone()))
}

fn catalogue() -> AppResult<&'static iv3::Catalogue> {
    iv3::shipped().map_err(|e| AppError::internal(e.clone()))
}

/// From this size on a file is read by two threads, each half of it (see [`import::halves`]).
const READ_IN_HALVES_FROM: usize = 1 << 20;

/// Reads a whole file of `shape` into its figures (in key order); any problem refuses it
/// whole. The rows are summed as they are read, by the numbers the domain gives each distinct
/// organisation and task field; a large file is read in two halves at once and their figures
/// merged, its problems numbered by their row in the whole file.
pub fn parse(shape: CostShape, bytes: &[u8]) -> AppResult<Vec<CostFigure>> {
    parse_with(shape, bytes, kept_municipalities()?)
}

/// [`parse`] with the codes of the municipalities given (the reference organisations'
/// municipalities in the product; the fuzz targets in `fuzz/` read those once, not per input).
pub fn parse_with(shape: CostShape, bytes: &[u8], known: &HashSet<OrgCode>) -> AppResult<Vec<CostFigure>> {
    let catalogue = catalogue()?;
    let text = import::decoded(bytes);
    let (figures, problems) = match import::halves(&text, READ_IN_HALVES_FROM) {
        None => {
            let (figures, problems, _) = read_part(shape, &text, catalogue, known);
            (figures, problems)
        }
        Some((first, second)) => {
            let (first, second) = std::thread::scope(|scope| {
                let second = scope.spawn(|| read_part(shape, &second, catalogue, known));
                (read_part(shape, first, catalogue, known), second.join())
            });
            let (first, mut problems, rows_before) = first;
            let (second, later, _) =
                second.map_err(|_| AppError::internal("reading the second half of the file"))?;
            problems.add_later(later, rows_before);
            (costs::merged(first, second), problems)
        }
    };
    problems.finish(figures).map_err(AppError::Invalid)
}

/// The figures of one part of a file, its problems and how many rows it has.
fn read_part(
    shape: CostShape,
    text: &str,
    catalogue: &iv3::Catalogue,
    known: &HashSet<OrgCode>,
) -> (Vec<CostFigure>, Problems, usize) {
    read_checked(
        shape,
        text,
        catalogue,
        known,
        Totals::default(),
        |totals, checked, _, _| totals.add(checked),
        |totals, context| totals.figures(context),
    )
}

/// Reads one part of a file of `shape`, every row checked: each good row goes to `good` with
/// `state`, the context that checked it and the problems so far; at the end `state` and the
/// context go to `end`. What `end` gives, the part's problems and how many rows it has.
fn read_checked<S, T>(
    shape: CostShape,
    text: &str,
    catalogue: &iv3::Catalogue,
    known: &HashSet<OrgCode>,
    mut state: S,
    mut good: impl FnMut(&mut S, CheckedRow, &RowContext<'_>, &Problems),
    end: impl FnOnce(S, &RowContext<'_>) -> T,
) -> (T, Problems, usize) {
    let is_known = |code: &OrgCode| known.contains(code);
    let context = RowContext::new(catalogue, &is_known);
    let mut problems = Problems::new(FILE);
    let rows = import::each_record(
        text,
        shape.columns(),
        &mut problems,
        |row, problems| match context.check(shape, &|place| row.text(place)) {
            Ok(checked) => good(&mut state, checked, &context, problems),
            Err(errors) => problems.add_all(row.number, errors, |field| field),
        },
    );
    (end(state, &context), problems, rows)
}

/// The series of one task field of one organisation per kind of report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct CostSeries {
    pub organisation: OrgCode,
    pub task_field: TaskFieldCode,
    pub on: SeriesOn,
    /// The codes that add up under this one from 2023 (empty when it was not split).
    pub children: Vec<TaskFieldCode>,
    /// Generated demonstration figures, not real ones.
    pub demo: bool,
    pub series: Vec<ReportSeries>,
}

/// One kind of report's years.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ReportSeries {
    pub report: ReportKind,
    pub points: Vec<SeriesPoint>,
}

/// An organisation's costs: every task field it has figures on, with its series on the
/// parent, and the figures later imports replaced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct CostOverview {
    pub organisation: OrgCode,
    pub demo: bool,
    pub series: Vec<CostSeries>,
    pub replaced: Vec<ReplacedCost>,
}

impl App {
    /// Imports a cost file: refused whole with `bestand:rij:kolom` problems, else stored in
    /// one transaction; the same file again, or figures already stored as they are, change
    /// nothing. A redacteur may import the figures of their own municipalities only.
    pub async fn import_costs(
        &self,
        shape: CostShape,
        file_name: &str,
        bytes: &[u8],
        who: &Principal,
    ) -> AppResult<CostImportReport> {
        self.import_cost_file(shape, file_name, bytes, false, who).await
    }

    /// [`App::import_costs`], marking the figures as generated demonstration figures when
    /// `demo`.
    pub(crate) async fn import_cost_file(
        &self,
        shape: CostShape,
        file_name: &str,
        bytes: &[u8],
        demo: bool,
        who: &Principal,
    ) -> AppResult<CostImportReport> {
        // Anonymous visitors, lezers and redacteuren of no municipality are refused before the
        // file is read.
        who.authorise(Action::ImportCosts, municipality_itself)?;
        let bytes: Arc<[u8]> = Arc::from(bytes);
        let known = kept_municipalities()?;
        // The file is read on threads of its own while the store stores what is read.
        let (sender, receiver) = tokio::sync::mpsc::channel(4);
        let reading = tokio::task::spawn_blocking({
            let (bytes, who) = (bytes.clone(), who.clone());
            move || stream::read(shape, &bytes, known, &who, sender)
        });
        let file = CostFile {
            sha256: sha256_hex(&bytes),
            shape,
            file_name: file_name.chars().take(200).collect(),
            demo,
        };
        let stored = self
            .store
            .import_costs(&file, &mut stream::Received(receiver))
            .await;
        let reading = reading
            .await
            .map_err(|_| AppError::internal("reading the cost file"))?;
        let stored = match reading {
            stream::Reading::Given => stored?,
            stream::Reading::Refused(refused) => return Err(refused),
            stream::Reading::NotInRuns => {
                // A municipality's rows come back later in the file: read whole, then stored.
                let figures = parse(shape, &bytes)?;
                let actor = actor_for_all(who, &figures)?;
                self.store
                    .import_costs(&file, &mut FiguresRead::new(figures, actor))
                    .await?
            }
        };
        stored.ok_or_else(|| AppError::internal("the store stored nothing of a file read whole"))
    }

    /// The series of `code` for `organisation`, per kind of report: on the parent (the new
    /// codes added up under it from 2023) or as booked.
    pub async fn cost_series(
        &self,
        organisation: &OrgCode,
        code: &TaskFieldCode,
        on: SeriesOn,
    ) -> AppResult<CostSeries> {
        let catalogue = catalogue()?;
        catalogue.check_known("code", code)?;
        let stored = self.store.costs_of(organisation).await?;
        let demo = !stored.is_empty() && stored.iter().all(|s| s.demo);
        let figures: Vec<CostFigure> = stored.into_iter().map(|s| s.figure).collect();
        series_of(catalogue, &figures, organisation, code, on, demo)
    }

    /// Everything of one organisation: each task field with figures (a new code of the split
    /// under its parent), with its series on the parent, and the replaced figures.
    pub async fn cost_overview(&self, organisation: &OrgCode) -> AppResult<CostOverview> {
        let catalogue = catalogue()?;
        let stored = self.store.costs_of(organisation).await?;
        let demo = !stored.is_empty() && stored.iter().all(|s| s.demo);
        let figures: Vec<CostFigure> = stored.into_iter().map(|s| s.figure).collect();
        let codes: BTreeSet<TaskFieldCode> = figures
            .iter()
            .map(|f| {
                catalogue
                    .parent_of(&f.key.task_field)
                    .cloned()
                    .unwrap_or_else(|| f.key.task_field.clone())
            })
            .collect();
        let mut series = Vec::with_capacity(codes.len());
        for code in &codes {
            series.push(series_of(
                catalogue,
                &figures,
                organisation,
                code,
                SeriesOn::Parent,
                demo,
            )?);
        }
        series.sort_by_key(|s| task_field_order(&s.task_field));
        Ok(CostOverview {
            organisation: organisation.clone(),
            demo,
            series,
            replaced: self.store.cost_history_of(organisation).await?,
        })
    }

    /// The organisations with cost figures, each with whether its figures are all
    /// demonstration figures.
    pub async fn cost_organisations(&self) -> AppResult<Vec<(OrgCode, bool)>> {
        Ok(self.store.cost_organisations().await?)
    }
}

/// Sorts task fields as Iv3 numbers them: chapter, then number (0.10 after 0.9), then letter.
pub fn task_field_order(code: &TaskFieldCode) -> (u32, u32, String) {
    let (chapter, rest) = code.as_str().split_once('.').unwrap_or((code.as_str(), ""));
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let letter: String = rest.chars().skip_while(char::is_ascii_digit).collect();
    (chapter.parse().unwrap_or(0), digits.parse().unwrap_or(0), letter)
}

fn series_of(
    catalogue: &iv3::Catalogue,
    figures: &[CostFigure],
    organisation: &OrgCode,
    code: &TaskFieldCode,
    on: SeriesOn,
    demo: bool,
) -> AppResult<CostSeries> {
    let reports: BTreeSet<ReportKind> = figures.iter().map(|f| f.key.report).collect();
    let mut series = Vec::new();
    for report in reports {
        let points = costs::series(catalogue, figures, organisation, code, report, on)?;
        if !points.is_empty() {
            series.push(ReportSeries { report, points });
        }
    }
    Ok(CostSeries {
        organisation: organisation.clone(),
        task_field: code.clone(),
        on,
        children: catalogue.children_of(code).into_iter().cloned().collect(),
        demo,
        series,
    })
}

/// Per task field (as booked) the sum of lasten in cents over the figures: what the
/// benchmark compares with DuckDB.
pub fn lasten_per_task_field(figures: &[CostFigure]) -> BTreeMap<TaskFieldCode, i64> {
    let mut sums = BTreeMap::new();
    for f in figures {
        *sums.entry(f.key.task_field.clone()).or_insert(0) += f.lasten.get();
    }
    sums
}

/// The relation to costs of a municipality of one's own: `Itself` for a municipality (its code
/// is `GM` and four digits, as CBS writes it), none for any other organisation.
fn municipality_itself(own: &OrgCode) -> Relation {
    let code = own.as_str();
    let municipality =
        code.len() == 6 && code.starts_with("GM") && code[2..].chars().all(|c| c.is_ascii_digit());
    if municipality {
        Relation::Itself
    } else {
        Relation::None
    }
}

/// The actor in whose name `figures` (in key order) are stored: `who` authorised for each of
/// their municipalities, named for the last.
fn actor_for_all(who: &Principal, figures: &[CostFigure]) -> AppResult<Actor> {
    let mut organisations: Vec<&OrgCode> = figures.iter().map(|f| &f.key.organisation).collect();
    organisations.dedup();
    let mut actor = None;
    for organisation in organisations {
        actor = Some(stream::allowed(who, organisation)?);
    }
    match actor {
        Some(actor) => Ok(actor),
        None => who.authorise(Action::ImportCosts, municipality_itself),
    }
}

/// Whether `who` may import the figures of at least one municipality (to offer the form).
pub fn may_import_costs(who: &Principal) -> bool {
    who.authorise(Action::ImportCosts, municipality_itself).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(raw: &str) -> TaskFieldCode {
        TaskFieldCode::parse("c", raw).unwrap()
    }

    #[test]
    fn a_cbs_file_is_read_and_summed() {
        let file = "Gemeenten;TaakveldBalanspost;Categorie;Verslagsoort;Perioden;Bedrag\n\
                    GM0363;6.72;L3.1;jaarrekening;2022JJ00;10\n\
                    GM0363;6.72;L4.3;jaarrekening;2022JJ00;2,5\n\
                    GM0363;6.72;B3;jaarrekening;2022JJ00;1\n";
        let figures = parse(CostShape::Cbs, file.as_bytes()).unwrap();
        assert_eq!(figures.len(), 1);
        assert_eq!(figures[0].lasten.get(), 1_250_000);
        assert_eq!(figures[0].baten.get(), 100_000);
    }

    #[test]
    fn a_file_as_excel_saves_it_is_read_with_a_bom_or_in_windows_1252() {
        let utf8 = "\u{feff}GEMEENTEN,TaakveldBalanspost,Categorie,Verslagsoort,Perioden,Bedrag\r\n\
                    GM0363,6.72,L3.1,Jaarrekening,2022jj00, 10 \r\n\
                    GM0363,6.72,B3,jaarrekening,2022JJ00,\"1,5\"\r\n";
        let figures = parse(CostShape::Cbs, utf8.as_bytes()).unwrap();
        assert_eq!(
            (figures.len(), figures[0].lasten.get(), figures[0].baten.get()),
            (1, 1_000_000, 150_000)
        );
        // Windows-1252 (\x80 is the euro sign): the file is read, the bad cell named as written.
        let cp1252 = b"Gemeenten;TaakveldBalanspost;Categorie;Verslagsoort;Perioden;Bedrag\n\
                       GM0363;6.72;L3.1;jaarrekening;2022JJ00;\x80 10\n";
        let Err(AppError::Invalid(errors)) = parse(CostShape::Cbs, cp1252) else {
            panic!("accepted");
        };
        assert_eq!(errors.errors[0].field, "bestand:2:bedrag");
        assert!(errors.errors[0].message.to_string().contains("€ 10"));
    }

    #[test]
    fn figures_come_in_key_order_whatever_the_order_of_the_rows() {
        let file = "Gemeenten;TaakveldBalanspost;Categorie;Verslagsoort;Perioden;Bedrag\n\
                    GM0363;6.72;L3.1;jaarrekening;2022JJ00;1\n\
                    GM0014;6.72;L3.1;jaarrekening;2022JJ00;2\n\
                    GM0363;6.1;L3.1;jaarrekening;2022JJ00;3\n\
                    GM0363;6.72;L3.1;begroting;2022JJ00;4\n\
                    GM0363;6.72;L4.3;jaarrekening;2022JJ00;5\n";
        let figures = parse(CostShape::Cbs, file.as_bytes()).unwrap();
        let mut sorted = figures.clone();
        sorted.sort_by(|a, b| a.key.cmp(&b.key));
        assert_eq!(figures, sorted);
        let thousands: Vec<i64> = figures.iter().map(|f| f.lasten.get() / 100_000).collect();
        assert_eq!(thousands, [2, 3, 4, 6]);
    }

    #[test]
    fn a_bad_file_is_refused_whole_naming_row_and_column() {
        let file = "overheid,taakveld,jaar,soort,kant,bedrag\n\
                    GM0363,6.72,2022,realisatie,lasten,10\n\
                    GM0363,6.72,2023,realisatie,lasten,10\n\
                    GM9999,6.1,2023,realisatie,lasten,-1\n";
        let Err(AppError::Invalid(errors)) = parse(CostShape::Openspending, file.as_bytes()) else {
            panic!("accepted");
        };
        let fields: Vec<&str> = errors.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            ["bestand:3:taakveld", "bestand:4:overheid", "bestand:4:bedrag"]
        );
        let missing = parse(CostShape::Openspending, b"overheid,taakveld\n").unwrap_err();
        assert!(matches!(missing, AppError::Invalid(_)));
    }

    /// A CBS file large enough to be read in two halves: `rows` rows of three municipalities
    /// by turns, each key's three categories on rows that follow each other.
    fn large_cbs(rows: usize) -> String {
        let mut file = String::from("Gemeenten;TaakveldBalanspost;Categorie;Verslagsoort;Perioden;Bedrag\n");
        for row in 0..rows {
            let gm = ["GM0014", "GM0344", "GM0363"][(row / 3) % 3];
            let year = 2017 + (row / 9) % 8;
            let category = ["L3.1", "L4.3", "B3"][row % 3];
            file.push_str(&format!(
                "{gm};6.1;{category};jaarrekening;{year}JJ00;{},{}\n",
                row % 97,
                row % 10
            ));
        }
        file
    }

    #[test]
    fn a_large_file_read_in_two_halves_gives_the_figures_and_row_numbers_of_the_whole() {
        let file = large_cbs(30_000);
        assert!(file.len() > READ_IN_HALVES_FROM, "{} bytes", file.len());
        let halves = parse(CostShape::Cbs, file.as_bytes()).unwrap();
        let (whole, problems, rows) = read_part(
            CostShape::Cbs,
            &file,
            catalogue().unwrap(),
            &municipalities().unwrap(),
        );
        assert!(problems.is_empty());
        assert_eq!(rows, 30_000);
        assert_eq!(halves, whole);
        assert_eq!(halves.len(), 3 * 8);
        // Bad rows on either side of the middle are named by their row in the whole file.
        let mut lines: Vec<String> = file.lines().map(str::to_owned).collect();
        lines[100] = lines[100].replace("GM0", "GM9");
        lines[29_000] = lines[29_000].replace("jaarrekening", "raming");
        let bad = lines.join("\n");
        let Err(AppError::Invalid(errors)) = parse(CostShape::Cbs, bad.as_bytes()) else {
            panic!("accepted");
        };
        let fields: Vec<&str> = errors.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["bestand:101:gemeenten", "bestand:29001:verslagsoort"]);
    }

    #[test]
    fn task_fields_sort_as_iv3_numbers_them() {
        let mut codes = [
            code("0.10"),
            code("6.72a"),
            code("0.9"),
            code("6.72"),
            code("6.4"),
        ];
        codes.sort_by_key(task_field_order);
        let sorted: Vec<&str> = codes.iter().map(|c| c.as_str()).collect();
        assert_eq!(sorted, ["0.9", "0.10", "6.4", "6.72", "6.72a"]);
    }
}
