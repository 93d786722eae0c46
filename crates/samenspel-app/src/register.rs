//! The register of gemeenschappelijke regelingen (ROO, via polder; see
//! `data/reference/PROVENANCE.md`): parsed into collaborations of type gemeenschappelijke
//! regeling with their participants, and imported idempotently. The register keeps each
//! version of a regeling as a record of its own; a regeling is imported once, with its versions
//! as its history: keyed by the ROO id of its first version, named and joined by its current
//! (last) version, and re-imported only when its content hash changed.

use std::collections::{BTreeSet, HashMap, HashSet};

use sha2::{Digest, Sha256};

use samenspel_domain::audit::hex;
use samenspel_domain::auth::{Action, Relation};
use samenspel_domain::collaboration::{
    CollaborationFields, CollaborationInput, PartnerRole, WgrForm, parse_iso_date,
};
use samenspel_domain::congruence::{coinciding_region, region_text};
use samenspel_domain::org::{OrgCode, OrgType, Organisation};
use samenspel_domain::regeling::{self, Version, VersionLink, VersionParticipant};
use samenspel_domain::wgr::Bestuursorgaan;
use samenspel_store::{ImportReport, RegisteredCollaboration, RegisteredPartner};

pub use crate::import::RowError;
use crate::import::{self, Problems, Row};
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

/// The parsed register: organisations to add (participants not among the reference data) and
/// the collaborations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedRegister {
    pub organisations: Vec<Organisation>,
    pub collaborations: Vec<RegisteredCollaboration>,
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

/// The columns of the regelingen file that are read.
const REGELING_COLUMNS: &[&str] = &[
    "record_soort",
    "roo_id",
    "naam",
    "samenwerkingsvorm",
    "wettelijke_grondslagen",
    "beleidsterreinen",
    "datum_inwerkingtreding",
    "datum_uitwerkingtreding",
    "doel",
    "vorige_versie_roo_id",
    "volgende_versie_roo_id",
    "instellingsbesluiten",
];

/// The columns of the participants file that are read.
const DEELNEMER_COLUMNS: &[&str] = &[
    "gr_roo_id",
    "deelnemer_naam",
    "deelnemer_type",
    "deelnemer_code",
    "deelnemer_roo_id",
    "toetredingsdatum",
    "verdeelsleutel",
    "bestuursorganen",
];

/// One row of the participants file.
struct Participant {
    /// The ROO id of the regeling.
    regeling: String,
    name: String,
    org_type: OrgType,
    partner: RegisteredPartner,
}

/// Reads a participant: its code (`ROO<id>` for a body without one), date of joining, its
/// bodies that take part (`bestuursorganen`, refused at the row when one is unknown) and its
/// cost-sharing key as notes.
fn participant(row: &Row<'_>, problems: &mut Problems) -> Option<Participant> {
    let raw_code = match row.get("deelnemer_code") {
        "" => format!("ROO{}", row.get("deelnemer_roo_id")),
        code => code.to_owned(),
    };
    let Ok(code) = OrgCode::parse(&raw_code) else {
        problems.add(
            row.number,
            "deelnemer_code",
            samenspel_domain::msg!(
                "error-register-invalid-code",
                "'{value}' is geen geldige code",
                value = raw_code
            ),
        );
        return None;
    };
    let joined = row.get("toetredingsdatum");
    let Ok(joined_on) = parse_iso_date("toetredingsdatum", joined) else {
        problems.add(
            row.number,
            "toetredingsdatum",
            samenspel_domain::msg!(
                "error-register-invalid-date",
                "'{value}' is geen datum (jjjj-mm-dd)",
                value = joined
            ),
        );
        return None;
    };
    let organs = problems.cell(
        row.number,
        "bestuursorganen",
        Bestuursorgaan::parse_register("bestuursorganen", row.get("bestuursorganen")),
    )?;
    let verdeelsleutel = row.get("verdeelsleutel");
    Some(Participant {
        regeling: row.get("gr_roo_id").to_owned(),
        name: row.get("deelnemer_naam").to_owned(),
        org_type: participant_type(row.get("deelnemer_type")),
        partner: RegisteredPartner {
            code,
            role: PartnerRole::Deelnemer,
            joined_on,
            notes: (!verdeelsleutel.is_empty()).then(|| format!("Verdeelsleutel: {verdeelsleutel}")),
            organs,
        },
    })
}

/// The participants per regeling; a participant given twice for one regeling is a problem.
fn partners_per_regeling(
    participants: &[(usize, Participant)],
    problems: &mut Problems,
) -> HashMap<String, Vec<RegisteredPartner>> {
    let mut partners_of: HashMap<String, Vec<RegisteredPartner>> = HashMap::new();
    for (row, p) in participants {
        let partners = partners_of.entry(p.regeling.clone()).or_default();
        if partners.iter().any(|q| q.code == p.partner.code) {
            problems.add(
                *row,
                "deelnemer_code",
                samenspel_domain::msg!(
                    "error-register-partner-twice",
                    "{code} staat twee keer bij regeling {regeling}",
                    code = p.partner.code,
                    regeling = p.regeling
                ),
            );
        } else {
            partners.push(p.partner.clone());
        }
    }
    partners_of
}

/// The participants that are not among the `known` reference organisations, as
/// organisations: a government body of a kind the reference data holds completely has ended.
fn organisations_to_add(
    participants: &[(usize, Participant)],
    known: &HashSet<OrgCode>,
) -> Vec<Organisation> {
    let mut organisations: HashMap<&OrgCode, Organisation> = HashMap::new();
    for (_, p) in participants {
        let code = &p.partner.code;
        if known.contains(code) || organisations.contains_key(code) {
            continue;
        }
        let ended = matches!(
            p.org_type,
            OrgType::Gemeente | OrgType::Provincie | OrgType::Waterschap | OrgType::Ministerie
        );
        organisations.insert(
            code,
            Organisation {
                code: code.clone(),
                name: p.name.clone(),
                org_type: p.org_type,
                abbreviation: None,
                province: None,
                reference: true,
                ended,
                other_names: Vec::new(),
                history: Default::default(),
            },
        );
    }
    let mut organisations: Vec<Organisation> = organisations.into_values().collect();
    organisations.sort_by(|a, b| a.code.cmp(&b.code));
    organisations
}

/// One version of a regeling as the regelingen file gives it.
struct RegelingRecord {
    roo_id: String,
    previous: String,
    next: String,
    fields: CollaborationFields,
    /// The web addresses of its text (instellingsbesluiten); other entries are left out.
    documents: Vec<String>,
}

/// Reads a row of the regelingen file (other records, such as amendments, are skipped):
/// its ROO id, once, its links to the versions before and after it, and its fields as the
/// domain checks them.
fn regeling(row: &Row<'_>, seen: &mut HashSet<String>, problems: &mut Problems) -> Option<RegelingRecord> {
    if row.get("record_soort") != "regeling" {
        return None;
    }
    let roo_id = row.get("roo_id");
    if !seen.insert(roo_id.to_owned()) {
        problems.add(
            row.number,
            "roo_id",
            samenspel_domain::msg!("error-register-id-twice", "{id} komt twee keer voor", id = roo_id),
        );
        return None;
    }
    let form = wgr_form(row.get("samenwerkingsvorm"));
    let input = CollaborationInput {
        name: row.get("naam").to_owned(),
        kind: "gemeenschappelijke-regeling".into(),
        wgr_form: form.map(|f| f.key().to_owned()).unwrap_or_default(),
        task: row.get("doel").to_owned(),
        start_date: row.get("datum_inwerkingtreding").to_owned(),
        end_date: row.get("datum_uitwerkingtreding").to_owned(),
        legal_basis: row.get("wettelijke_grondslagen").replace('|', "; "),
        policy_areas: row
            .get("beleidsterreinen")
            .split('|')
            .map(str::to_owned)
            .collect(),
        ..Default::default()
    };
    match input.parse() {
        Ok(fields) => Some(RegelingRecord {
            roo_id: roo_id.to_owned(),
            previous: row.get("vorige_versie_roo_id").to_owned(),
            next: row.get("volgende_versie_roo_id").to_owned(),
            fields,
            documents: row
                .get("instellingsbesluiten")
                .split('|')
                .map(str::trim)
                .filter(|d| d.starts_with("https://") || d.starts_with("http://"))
                .map(str::to_owned)
                .collect(),
        }),
        Err(errors) => {
            problems.add_all(row.number, errors, |field| field);
            None
        }
    }
}

/// Parses the register. `known` are the codes of the reference organisations; participants
/// with other codes become organisations too (a municipality or other government body not in
/// the reference data has ended; bodies without a code are named `ROO<id>`).
pub fn parse(source: GrSource<'_>, known: &HashSet<OrgCode>) -> Result<ParsedRegister, Vec<RowError>> {
    let mut problems = Problems::new(REGELINGEN_FILE);
    let mut seen = HashSet::new();
    let regelingen = import::read_rows(
        source.regelingen,
        REGELING_COLUMNS,
        &mut problems,
        |row, problems| regeling(row, &mut seen, problems),
    );
    problems.reading(DEELNEMERS_FILE);
    let participants = import::read_rows(source.deelnemers, DEELNEMER_COLUMNS, &mut problems, participant);
    let (Some(regelingen), Some(participants)) = (regelingen, participants) else {
        return Err(problems.into_list());
    };
    let mut partners_of = partners_per_regeling(&participants, &mut problems);
    let in_file: HashSet<&str> = regelingen.iter().map(|(_, r)| r.roo_id.as_str()).collect();
    let mut orphans: Vec<(&String, usize)> = partners_of
        .iter()
        .filter(|(id, _)| !in_file.contains(id.as_str()))
        .map(|(id, partners)| (id, partners.len()))
        .collect();
    orphans.sort();
    for (gr, count) in orphans {
        problems.add(
            0,
            "gr_roo_id",
            samenspel_domain::msg!(
                "error-register-unknown-regeling",
                "regeling {regeling} ({count} deelnemers) staat niet in {file}",
                regeling = gr,
                count = count,
                file = REGELINGEN_FILE
            ),
        );
    }
    problems.reading(REGELINGEN_FILE);
    let chains = versions_per_regeling(&regelingen, &mut problems);
    let regions = crate::regions::labelled_regions().unwrap_or_else(|reason| {
        problems.add(
            0,
            "region",
            samenspel_domain::msg!(
                "error-register-regions",
                "de regio-indelingen zijn niet te lezen: {reason}",
                reason = reason
            ),
        );
        Vec::new()
    });
    let places = Places::new(&participants, &regions);
    let collaborations = chains
        .into_iter()
        .map(|chain| {
            let versions: Vec<(&RegelingRecord, Vec<RegisteredPartner>)> = chain
                .into_iter()
                .map(|i| {
                    let record = &regelingen[i].1;
                    (record, partners_of.remove(&record.roo_id).unwrap_or_default())
                })
                .collect();
            one_regeling(versions, &places)
        })
        .collect();
    if !problems.is_empty() {
        return Err(problems.into_list());
    }
    Ok(ParsedRegister {
        organisations: organisations_to_add(&participants, known),
        collaborations,
    })
}

/// The versions of each regeling, oldest first, as indices into `records`; a link that does
/// not make one chain per regeling is a problem at its row.
fn versions_per_regeling(records: &[(usize, RegelingRecord)], problems: &mut Problems) -> Vec<Vec<usize>> {
    let link = |text: &str| (!text.is_empty()).then(|| text.to_owned());
    let owned: Vec<(String, Option<String>, Option<String>)> = records
        .iter()
        .map(|(_, r)| (r.roo_id.clone(), link(&r.previous), link(&r.next)))
        .collect();
    let links: Vec<VersionLink<'_>> = owned
        .iter()
        .map(|(id, previous, next)| VersionLink {
            id,
            previous: previous.as_deref(),
            next: next.as_deref(),
        })
        .collect();
    regeling::chains(&links).unwrap_or_else(|found| {
        for problem in found {
            problems.add(records[problem.index].0, problem.column, problem.message);
        }
        Vec::new()
    })
}

/// Where the register's participants lie, for the region column.
struct Places<'a> {
    /// Those the register gives as type `gemeente`.
    municipal: HashSet<OrgCode>,
    /// Every region of every division with its municipalities (see `labelled_regions`).
    regions: Vec<(String, Vec<String>)>,
    /// Participants that are themselves a region by name ("Veiligheidsregio IJsselland"), with
    /// that region's municipalities.
    region_bodies: HashMap<OrgCode, &'a [String]>,
}

impl<'a> Places<'a> {
    fn new(participants: &[(usize, Participant)], regions: &'a [(String, Vec<String>)]) -> Self {
        let region_bodies = participants
            .iter()
            .filter_map(|(_, p)| {
                let (_, members) = regions.iter().find(|(label, _)| *label == p.name)?;
                Some((p.partner.code.clone(), members.as_slice()))
            })
            .collect();
        Places {
            municipal: participants
                .iter()
                .filter(|(_, p)| p.org_type == OrgType::Gemeente)
                .map(|(_, p)| p.partner.code.clone())
                .collect(),
            regions: regions.to_vec(),
            region_bodies,
        }
    }

    /// The region of a regeling with these partners: the region of a division whose
    /// municipalities are exactly its municipal partners, else the provinces its partners lie
    /// in (a partner that is a region by name lies in the provinces of its municipalities).
    fn region_of(&self, partners: &[RegisteredPartner]) -> Option<String> {
        let municipalities: BTreeSet<&str> = partners
            .iter()
            .filter(|p| self.municipal.contains(&p.code))
            .map(|p| p.code.as_str())
            .collect();
        let coinciding = coinciding_region(&municipalities, &self.regions).map(String::as_str);
        let provinces = partners.iter().flat_map(|p| {
            let members = self.region_bodies.get(&p.code).copied().unwrap_or_default();
            std::iter::once(p.code.as_str())
                .chain(members.iter().map(String::as_str))
                .filter_map(crate::regions::province_name)
        });
        region_text(coinciding, provinces)
    }
}

/// A regeling from its versions (oldest first) with their participants: named by its last
/// version, with that version's participants, in force from the start of its first, and in
/// the region its current partners make up.
fn one_regeling(
    versions: Vec<(&RegelingRecord, Vec<RegisteredPartner>)>,
    places: &Places<'_>,
) -> RegisteredCollaboration {
    let (first, _) = versions[0];
    let (last, partners) = versions[versions.len() - 1].clone();
    let history: Vec<Version> = versions
        .iter()
        .map(|(record, partners)| Version {
            id: record.roo_id.clone(),
            name: record.fields.name.clone(),
            wgr_form: record.fields.wgr_form,
            start_date: record.fields.start_date,
            end_date: record.fields.end_date,
            participants: partners
                .iter()
                .map(|p| VersionParticipant {
                    code: p.code.clone(),
                    joined_on: p.joined_on,
                    organs: p.organs.clone(),
                })
                .collect(),
            documents: record.documents.clone(),
        })
        .collect();
    let mut fields = last.fields.clone();
    fields.start_date = first.fields.start_date.or(fields.start_date);
    fields.region = places.region_of(&partners);
    RegisteredCollaboration {
        source_key: format!("{SOURCE_PREFIX}{}", first.roo_id),
        source_hash: content_hash(&fields, &partners, &history),
        merges: versions[1..]
            .iter()
            .map(|(record, _)| format!("{SOURCE_PREFIX}{}", record.roo_id))
            .collect(),
        fields,
        partners,
        money: None,
        history: Some(history),
        source_url: None,
        participation: None,
    }
}

fn content_hash(fields: &CollaborationFields, partners: &[RegisteredPartner], history: &[Version]) -> String {
    type PartnerHash<'a> = (&'a str, &'a str, Option<String>, Option<&'a str>, Vec<&'a str>);
    let partners: Vec<PartnerHash<'_>> = partners
        .iter()
        .map(|p| {
            (
                p.code.as_str(),
                p.role.key(),
                p.joined_on.map(|d| d.to_string()),
                p.notes.as_deref(),
                p.organs.iter().map(|o| o.key()).collect(),
            )
        })
        .collect();
    let text = serde_json::to_string(&(fields, partners, history)).unwrap_or_default();
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
        let parsed = parse(source, &known).map_err(|errors| AppError::Invalid(import::errors_of(errors)))?;
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
        assert_eq!(parsed.collaborations.len(), 549, "one per regeling");
        let versions: usize = parsed
            .collaborations
            .iter()
            .map(|c| c.history.as_ref().map_or(0, Vec::len))
            .sum();
        assert_eq!(versions, 1186, "every record a version of one regeling");
        let participations: usize = parsed
            .collaborations
            .iter()
            .flat_map(|c| c.history.iter().flatten())
            .map(|v| v.participants.len())
            .sum();
        assert_eq!(participations, 9516, "every participant row in its version");
        let current: usize = parsed.collaborations.iter().map(|c| c.partners.len()).sum();
        assert_eq!(current, 4000, "the partners are those of the current versions");
        let forms = |f: WgrForm| {
            parsed
                .collaborations
                .iter()
                .filter(|c| c.fields.wgr_form == Some(f))
                .count()
        };
        // The form of the current version.
        assert_eq!(forms(WgrForm::OpenbaarLichaam), 343);
        assert_eq!(forms(WgrForm::Bedrijfsvoeringsorganisatie), 77);
        assert_eq!(forms(WgrForm::RegelingZonderMeer), 94);
        assert_eq!(forms(WgrForm::GemeenschappelijkOrgaan), 35);
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
        let region = |key: &str| {
            parsed
                .collaborations
                .iter()
                .find(|c| c.source_key == key)
                .and_then(|c| c.fields.region.clone())
        };
        assert_eq!(
            region("gr:24221387").as_deref(),
            Some("Veiligheidsregio Utrecht"),
            "the VRU coincides with its veiligheidsregio"
        );
        assert_eq!(
            region("gr:24221387").as_deref(),
            Some("Veiligheidsregio Utrecht"),
            "the VRU coincides with its veiligheidsregio"
        );
        let without: Vec<&str> = parsed
            .collaborations
            .iter()
            .filter(|c| c.fields.region.is_none())
            .map(|c| c.fields.name.as_str())
            .collect();
        assert_eq!(without, Vec::<&str>::new(), "every regeling has a region");
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

    #[test]
    fn the_bodies_of_each_participant_are_kept_as_keys_not_as_notes() {
        let parsed = parse(SHIPPED, &known()).unwrap();
        let vru = parsed
            .collaborations
            .iter()
            .find(|c| c.source_key == "gr:24221387")
            .unwrap();
        let utrecht = vru.partners.iter().find(|p| p.code.as_str() == "GM0344").unwrap();
        assert_eq!(utrecht.organs, [Bestuursorgaan::College]);
        let versions = vru.history.as_ref().unwrap();
        assert!(versions.iter().all(|v| {
            v.participants
                .iter()
                .any(|p| p.code.as_str() == "GM0344" && p.organs == [Bestuursorgaan::College])
        }));
        let all = || parsed.collaborations.iter().flat_map(|c| &c.partners);
        assert!(all().all(|p| !p.notes.as_deref().unwrap_or_default().contains("Bestuursorganen")));
        assert!(all().any(|p| p.organs.contains(&Bestuursorgaan::Gemeenteraad)));
        assert!(all().all(|p| p.organs.len() <= Bestuursorgaan::ALL.len()));
    }

    #[test]
    fn an_unknown_body_refuses_the_import_at_its_row_and_column() {
        let header = SHIPPED.deelnemers.lines().next().unwrap();
        let mut lines: Vec<String> = SHIPPED.deelnemers.lines().skip(1).map(str::to_owned).collect();
        lines[4] = lines[4].replacen(
            "College van burgemeester en wethouders",
            "College van burgemeester en wethouders|Wethouder",
            1,
        );
        let text = format!("{header}\n{}\n", lines.join("\n"));
        let errors = parse(
            GrSource {
                regelingen: SHIPPED.regelingen,
                deelnemers: &text,
            },
            &known(),
        )
        .unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(
            (errors[0].file, errors[0].row, errors[0].column.as_str()),
            (DEELNEMERS_FILE, 6, "bestuursorganen")
        );
        assert!(
            errors[0]
                .reason
                .contains("'Wethouder' is geen bestuursorgaan uit het register")
        );
    }

    #[test]
    fn municipalities_are_told_by_their_type_in_the_register_not_their_code() {
        let regions = vec![(
            "Regio A".to_owned(),
            vec!["GM0001".to_owned(), "GM0002".to_owned()],
        )];
        let partner = |code: &str| RegisteredPartner {
            code: OrgCode::parse(code).unwrap(),
            role: PartnerRole::Deelnemer,
            joined_on: None,
            notes: None,
            organs: Vec::new(),
        };
        let partners = [partner("GM0001"), partner("GM0002"), partner("GM9999")];
        let places = |municipal: &[&str]| Places {
            municipal: municipal.iter().map(|c| OrgCode::parse(c).unwrap()).collect(),
            regions: regions.clone(),
            region_bodies: HashMap::new(),
        };
        assert_eq!(
            places(&["GM0001", "GM0002"]).region_of(&partners).as_deref(),
            Some("Regio A"),
            "GM9999 is not given as a municipality, so the two municipalities make up Regio A"
        );
        let all = places(&["GM0001", "GM0002", "GM9999"]);
        assert_ne!(all.region_of(&partners).as_deref(), Some("Regio A"));
    }

    #[test]
    fn a_participant_that_is_a_region_by_name_lies_in_the_provinces_of_its_municipalities() {
        let parsed = parse(SHIPPED, &known()).unwrap();
        let meldkamer = parsed
            .collaborations
            .iter()
            .find(|c| c.fields.name == "Gemeenschappelijke regeling Meldkamer Oost Nederland 2020")
            .unwrap();
        assert_eq!(meldkamer.fields.region.as_deref(), Some("Gelderland, Overijssel"));
        let hoeksche_waard = parsed
            .collaborations
            .iter()
            .find(|c| c.fields.name == "Gemeenschappelijke Regeling WIHW")
            .unwrap();
        assert_eq!(
            hoeksche_waard.fields.region.as_deref(),
            Some("Zuid-Holland"),
            "its five municipalities merged in 2019; the register names them by their ROO id"
        );
    }
}
