//! The register of gemeenschappelijke regelingen (ROO, via polder; see
//! `data/reference/PROVENANCE.md`): parsed into collaborations of type gemeenschappelijke
//! regeling with their participants, and imported idempotently — a regeling is keyed by its ROO
//! id and re-imported only when its content hash changed.

use std::collections::{HashMap, HashSet};

use sha2::{Digest, Sha256};

use samenspel_domain::audit::hex;
use samenspel_domain::auth::{Action, Relation};
use samenspel_domain::collaboration::{
    CollaborationFields, CollaborationInput, PartnerRole, WgrForm, parse_date,
};
use samenspel_domain::org::{OrgCode, OrgType, Organisation};
use samenspel_store::{ImportReport, RegisteredCollaboration, RegisteredPartner};

use crate::{App, AppError, AppResult, Principal};

/// The two files of the register, as text.
#[derive(Debug, Clone, Copy)]
pub struct GrSource<'a> {
    pub regelingen: &'a str,
    pub deelnemers: &'a str,
}

pub const REGELINGEN_FILE: &str = "gemeenschappelijke_regelingen.csv";
pub const DEELNEMERS_FILE: &str = "gr_deelnemers.csv";

/// The register as shipped in `data/reference/samenwerking/`.
pub const SHIPPED: GrSource<'static> = GrSource {
    regelingen: include_str!("../../../data/reference/samenwerking/gemeenschappelijke_regelingen.csv"),
    deelnemers: include_str!("../../../data/reference/samenwerking/gr_deelnemers.csv"),
};

/// The prefix of the source keys of the register's collaborations.
pub const SOURCE_PREFIX: &str = "gr:";

/// A problem in one cell of a source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub file: &'static str,
    pub row: usize,
    pub column: String,
    pub reason: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}, rij {}, kolom {}: {}",
            self.file, self.row, self.column, self.reason
        )
    }
}

/// The parsed register: organisations to add (participants not among the reference data) and
/// the collaborations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedRegister {
    pub organisations: Vec<Organisation>,
    pub collaborations: Vec<RegisteredCollaboration>,
}

struct Table<'a> {
    file: &'static str,
    headers: csv::StringRecord,
    rows: Vec<csv::StringRecord>,
    _text: std::marker::PhantomData<&'a str>,
}

impl<'a> Table<'a> {
    fn read(file: &'static str, text: &'a str) -> Result<Self, RowError> {
        let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let headers = reader
            .headers()
            .map_err(|e| RowError {
                file,
                row: 1,
                column: String::new(),
                reason: e.to_string(),
            })?
            .clone();
        let mut rows = Vec::new();
        for (i, record) in reader.records().enumerate() {
            rows.push(record.map_err(|e| RowError {
                file,
                row: i + 2,
                column: String::new(),
                reason: e.to_string(),
            })?);
        }
        Ok(Self {
            file,
            headers,
            rows,
            _text: std::marker::PhantomData,
        })
    }

    fn column(&self, name: &str) -> Result<usize, RowError> {
        self.headers
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| RowError {
                file: self.file,
                row: 1,
                column: name.to_owned(),
                reason: "deze kolom ontbreekt".into(),
            })
    }
}

fn wgr_form(code: &str) -> Option<WgrForm> {
    match code {
        "OL" => Some(WgrForm::OpenbaarLichaam),
        "GO" => Some(WgrForm::GemeenschappelijkOrgaan),
        "BVO" => Some(WgrForm::Bedrijfsvoeringsorganisatie),
        "CG" => Some(WgrForm::Centrumgemeenteconstructie),
        "RZM" => Some(WgrForm::RegelingZonderMeer),
        _ => None,
    }
}

fn participant_type(key: &str) -> OrgType {
    match key {
        "gemeente" => OrgType::Gemeente,
        "provincie" => OrgType::Provincie,
        "waterschap" => OrgType::Waterschap,
        "ministerie" => OrgType::Ministerie,
        "so" => OrgType::GemeenschappelijkeRegeling,
        _ => OrgType::Overig,
    }
}

/// Parses the register. `known` are the codes of the reference organisations; participants
/// with other codes become organisations too (a municipality or other government body not in
/// the reference data has ended; bodies without a code are named `ROO<id>`).
pub fn parse(source: GrSource<'_>, known: &HashSet<OrgCode>) -> Result<ParsedRegister, Vec<RowError>> {
    let regelingen = Table::read(REGELINGEN_FILE, source.regelingen).map_err(|e| vec![e])?;
    let deelnemers = Table::read(DEELNEMERS_FILE, source.deelnemers).map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    let columns = |table: &Table<'_>, names: &[&str]| -> Result<Vec<usize>, Vec<RowError>> {
        names
            .iter()
            .map(|n| table.column(n))
            .collect::<Result<_, _>>()
            .map_err(|e| vec![e])
    };
    let [
        c_soort,
        c_roo,
        c_naam,
        c_vorm,
        c_grond,
        c_terrein,
        c_start,
        c_end,
        c_doel,
    ] = columns(
        &regelingen,
        &[
            "record_soort",
            "roo_id",
            "naam",
            "samenwerkingsvorm",
            "wettelijke_grondslagen",
            "beleidsterreinen",
            "datum_inwerkingtreding",
            "datum_uitwerkingtreding",
            "doel",
        ],
    )?[..]
    else {
        return Err(errors);
    };
    let [d_gr, d_naam, d_type, d_code, d_roo, d_join, d_key, d_organen] = columns(
        &deelnemers,
        &[
            "gr_roo_id",
            "deelnemer_naam",
            "deelnemer_type",
            "deelnemer_code",
            "deelnemer_roo_id",
            "toetredingsdatum",
            "verdeelsleutel",
            "bestuursorganen",
        ],
    )?[..] else {
        return Err(errors);
    };

    // Participants per regeling, and the organisations they need.
    let mut partners_of: HashMap<&str, Vec<RegisteredPartner>> = HashMap::new();
    let mut organisations: HashMap<OrgCode, Organisation> = HashMap::new();
    for (i, row) in deelnemers.rows.iter().enumerate() {
        let row_number = i + 2;
        let cell = |c: usize| row.get(c).unwrap_or_default().trim();
        let error = |column: &str, reason: String| RowError {
            file: DEELNEMERS_FILE,
            row: row_number,
            column: column.into(),
            reason,
        };
        let raw_code = if cell(d_code).is_empty() {
            format!("ROO{}", cell(d_roo))
        } else {
            cell(d_code).to_owned()
        };
        let Ok(code) = OrgCode::parse(&raw_code) else {
            errors.push(error(
                "deelnemer_code",
                format!("'{raw_code}' is geen geldige code"),
            ));
            continue;
        };
        let joined_on = match parse_date("toetredingsdatum", cell(d_join)) {
            Ok(date) => date,
            Err(_) => {
                errors.push(error(
                    "toetredingsdatum",
                    format!("'{}' is geen datum (jjjj-mm-dd)", cell(d_join)),
                ));
                continue;
            }
        };
        let notes: Vec<String> = [
            ("Verdeelsleutel", cell(d_key)),
            ("Bestuursorganen", cell(d_organen)),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}: {v}"))
        .collect();
        if !known.contains(&code) && !organisations.contains_key(&code) {
            let org_type = participant_type(cell(d_type));
            let ended = matches!(
                org_type,
                OrgType::Gemeente | OrgType::Provincie | OrgType::Waterschap | OrgType::Ministerie
            );
            organisations.insert(
                code.clone(),
                Organisation {
                    code: code.clone(),
                    name: cell(d_naam).to_owned(),
                    org_type,
                    abbreviation: None,
                    province: None,
                    reference: true,
                    ended,
                },
            );
        }
        let partners = partners_of.entry(row.get(d_gr).unwrap_or_default()).or_default();
        if partners.iter().any(|p| p.code == code) {
            errors.push(error(
                "deelnemer_code",
                format!("{code} staat twee keer bij regeling {}", cell(d_gr)),
            ));
            continue;
        }
        partners.push(RegisteredPartner {
            code,
            role: PartnerRole::Deelnemer,
            joined_on,
            notes: (!notes.is_empty()).then(|| notes.join("; ")),
        });
    }

    let mut collaborations = Vec::new();
    let mut seen = HashSet::new();
    for (i, row) in regelingen.rows.iter().enumerate() {
        let cell = |c: usize| row.get(c).unwrap_or_default().trim();
        if cell(c_soort) != "regeling" {
            continue;
        }
        let row_number = i + 2;
        let roo_id = cell(c_roo);
        if !seen.insert(roo_id.to_owned()) {
            errors.push(RowError {
                file: REGELINGEN_FILE,
                row: row_number,
                column: "roo_id".into(),
                reason: format!("{roo_id} komt twee keer voor"),
            });
            continue;
        }
        let form = wgr_form(cell(c_vorm));
        let input = CollaborationInput {
            name: cell(c_naam).to_owned(),
            kind: "gemeenschappelijke-regeling".into(),
            wgr_form: form.map(|f| f.key().to_owned()).unwrap_or_default(),
            task: cell(c_doel).to_owned(),
            start_date: cell(c_start).to_owned(),
            end_date: cell(c_end).to_owned(),
            legal_basis: cell(c_grond).replace('|', "; "),
            policy_areas: cell(c_terrein).split('|').map(str::to_owned).collect(),
            ..Default::default()
        };
        let fields = match input.parse() {
            Ok(fields) => fields,
            Err(problems) => {
                errors.extend(problems.errors.into_iter().map(|e| RowError {
                    file: REGELINGEN_FILE,
                    row: row_number,
                    column: e.field,
                    reason: e.message,
                }));
                continue;
            }
        };
        let partners = partners_of.remove(roo_id).unwrap_or_default();
        collaborations.push(RegisteredCollaboration {
            source_key: format!("{SOURCE_PREFIX}{roo_id}"),
            source_hash: content_hash(&fields, &partners),
            fields,
            partners,
            money: None,
        });
    }
    for (gr, partners) in partners_of {
        errors.push(RowError {
            file: DEELNEMERS_FILE,
            row: 0,
            column: "gr_roo_id".into(),
            reason: format!(
                "regeling {gr} ({} deelnemers) staat niet in {REGELINGEN_FILE}",
                partners.len()
            ),
        });
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| (e.file, e.row));
        return Err(errors);
    }
    let mut organisations: Vec<Organisation> = organisations.into_values().collect();
    organisations.sort_by(|a, b| a.code.cmp(&b.code));
    Ok(ParsedRegister {
        organisations,
        collaborations,
    })
}

fn content_hash(fields: &CollaborationFields, partners: &[RegisteredPartner]) -> String {
    let partners: Vec<(&str, &str, Option<String>, Option<&str>)> = partners
        .iter()
        .map(|p| {
            (
                p.code.as_str(),
                p.role.key(),
                p.joined_on.map(|d| d.to_string()),
                p.notes.as_deref(),
            )
        })
        .collect();
    let text = serde_json::to_string(&(fields, partners)).unwrap_or_default();
    hex(&Sha256::digest(text.as_bytes()))
}

impl App {
    /// Imports the register of gemeenschappelijke regelingen: all or nothing; importing the
    /// same files again changes nothing; a changed regeling is updated, not duplicated.
    pub async fn import_gr_register(
        &self,
        source: GrSource<'_>,
        who: &Principal,
        progress: &(dyn Fn(usize, usize) + Send + Sync),
    ) -> AppResult<ImportReport> {
        let actor = who.authorise(Action::ImportData, |_| Relation::None)?;
        let known: HashSet<OrgCode> = crate::reference::organisations()
            .map_err(AppError::internal)?
            .into_iter()
            .map(|o| o.code)
            .collect();
        let parsed = parse(source, &known).map_err(|errors| {
            let mut list = samenspel_domain::ValidationErrors::new();
            for e in errors {
                list.add(
                    format!("{}:{}:{}", e.file, e.row, e.column),
                    "invalid_row",
                    e.reason,
                );
            }
            AppError::Invalid(list)
        })?;
        Ok(self
            .store
            .import_register(
                SOURCE_PREFIX,
                &parsed.organisations,
                &parsed.collaborations,
                &actor,
                progress,
            )
            .await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> HashSet<OrgCode> {
        crate::reference::organisations()
            .unwrap()
            .into_iter()
            .map(|o| o.code)
            .collect()
    }

    #[test]
    fn the_shipped_register_parses_completely() {
        let parsed = parse(SHIPPED, &known()).unwrap();
        assert_eq!(parsed.collaborations.len(), 1186);
        let participations: usize = parsed.collaborations.iter().map(|c| c.partners.len()).sum();
        assert_eq!(participations, 9516);
        let forms = |f: WgrForm| {
            parsed
                .collaborations
                .iter()
                .filter(|c| c.fields.wgr_form == Some(f))
                .count()
        };
        assert_eq!(forms(WgrForm::OpenbaarLichaam), 829);
        assert_eq!(forms(WgrForm::Bedrijfsvoeringsorganisatie), 165);
        assert_eq!(forms(WgrForm::RegelingZonderMeer), 137);
        assert_eq!(forms(WgrForm::GemeenschappelijkOrgaan), 55);
        assert!(
            parsed
                .organisations
                .iter()
                .any(|o| o.code.as_str() == "GM0003" && o.ended),
            "Appingedam merged in 2021"
        );
        assert!(
            parsed.organisations.iter().all(|o| o.code.as_str() != "GM0363"),
            "current municipalities are reference data"
        );
    }

    #[test]
    fn hashes_are_stable_and_change_with_the_content() {
        let a = parse(SHIPPED, &known()).unwrap();
        let b = parse(SHIPPED, &known()).unwrap();
        assert_eq!(a.collaborations[0].source_hash, b.collaborations[0].source_hash);
        let edited = SHIPPED.regelingen.replacen("Brandweer", "Brandweer Zuid", 1);
        let c = parse(
            GrSource {
                regelingen: &edited,
                deelnemers: SHIPPED.deelnemers,
            },
            &known(),
        )
        .unwrap();
        let changed = a
            .collaborations
            .iter()
            .zip(&c.collaborations)
            .filter(|(x, y)| x.source_hash != y.source_hash)
            .count();
        assert!(changed <= 1);
    }

    #[test]
    fn bad_rows_are_reported_with_file_row_and_column() {
        let header = SHIPPED.deelnemers.lines().next().unwrap();
        let first = SHIPPED.deelnemers.lines().nth(1).unwrap();
        let bad_date = first.replacen("2017-03-23", "23-03-2017", 1);
        let text = format!("{header}\n{bad_date}\n");
        let errors = parse(
            GrSource {
                regelingen: SHIPPED.regelingen,
                deelnemers: &text,
            },
            &known(),
        )
        .unwrap_err();
        assert_eq!(
            (errors[0].file, errors[0].row, errors[0].column.as_str()),
            (DEELNEMERS_FILE, 2, "toetredingsdatum")
        );
        let missing = parse(
            GrSource {
                regelingen: "naam\nx\n",
                deelnemers: SHIPPED.deelnemers,
            },
            &known(),
        )
        .unwrap_err();
        assert_eq!(missing[0].column, "record_soort");
    }
}
