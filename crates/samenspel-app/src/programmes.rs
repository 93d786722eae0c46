//! The national programmes as collaborations, each with its public source (see
//! `data/reference/PROVENANCE.md`): the 30 RES regions with their municipalities and those
//! municipalities' provinces, the five MIRT regions with their provinces, each with the ministry
//! responsible for the programme, and the Regio Deals and Woondeals a public source lists.
//! Every organisation code must be a reference organisation; a file with any problem is refused
//! whole, and importing the same files again changes nothing.

use std::collections::{BTreeMap, HashMap, HashSet};

use sha2::{Digest, Sha256};

use samenspel_domain::audit::hex;
use samenspel_domain::auth::{Action, Relation};
use samenspel_domain::collaboration::{CollaborationFields, CollaborationKind, PartnerRole};
use samenspel_domain::money::Cents;
use samenspel_domain::org::{OrgCode, OrgType, Organisation};
use samenspel_store::{ImportReport, RegisteredCollaboration, RegisteredPartner};

pub use crate::import::RowError;
use crate::import::{self, Problems, Row};
use crate::{App, AppError, AppResult, Principal};

/// The files of the national programmes, as text.
#[derive(Debug, Clone, Copy)]
pub struct ProgrammeSource<'a> {
    pub res: &'a str,
    pub mirt: &'a str,
    pub ministries: &'a str,
    pub regio_deals: &'a str,
    pub woondeals: &'a str,
}

pub const RES_FILE: &str = "res_regions.csv";
pub const MIRT_FILE: &str = "mirt_regions.csv";
pub const MINISTRIES_FILE: &str = "programma_ministeries.csv";
pub const REGIO_DEALS_FILE: &str = "regio_deals.csv";
pub const WOONDEALS_FILE: &str = "woondeals.csv";

/// The programmes as shipped in `data/reference/programmes/`.
pub const SHIPPED: ProgrammeSource<'static> = ProgrammeSource {
    res: include_str!("../../../data/reference/programmes/res_regions.csv"),
    mirt: include_str!("../../../data/reference/programmes/mirt_regions.csv"),
    ministries: include_str!("../../../data/reference/programmes/programma_ministeries.csv"),
    regio_deals: include_str!("../../../data/reference/programmes/regio_deals.csv"),
    woondeals: include_str!("../../../data/reference/programmes/woondeals.csv"),
};

/// The prefix of the source keys of the programmes' collaborations
/// (`programma:res:achterhoek`, `programma:mirt:noord-nederland`, …).
pub const SOURCE_PREFIX: &str = "programma:";

/// A lower-case key of letters, digits and hyphens for a name (`Noord-en Midden-Limburg` →
/// `noord-en-midden-limburg`, `Fryslân` → `fryslan`).
pub fn slug(name: &str) -> String {
    let folded = samenspel_domain::text::search_key(name);
    let mut out = String::with_capacity(folded.len());
    for ch in folded.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// What the reference organisations tell the parser: which codes exist, and each
/// municipality's province.
struct Known<'a> {
    by_code: HashMap<&'a str, &'a Organisation>,
}

impl<'a> Known<'a> {
    fn new(organisations: &'a [Organisation]) -> Self {
        Self {
            by_code: organisations.iter().map(|o| (o.code.as_str(), o)).collect(),
        }
    }

    /// The organisation for `raw` in `column` of row `row`, of one of `types`; else a problem.
    fn code(
        &self,
        raw: &str,
        types: &[OrgType],
        row: usize,
        column: &str,
        problems: &mut Problems,
    ) -> Option<&'a Organisation> {
        let found = OrgCode::parse(raw.trim())
            .ok()
            .and_then(|code| self.by_code.get(code.as_str()).copied())
            .filter(|o| types.contains(&o.org_type) && !o.ended);
        if found.is_none() {
            problems.add(
                row,
                column,
                samenspel_domain::msg!(
                    "error-programme-unknown-code",
                    "'{value}' is geen bekende organisatie van de gevraagde soort",
                    value = raw
                ),
            );
        }
        found
    }
}

/// The public source in column `bron`: a web address, else a problem.
fn source(row: &Row<'_>, column: &str, problems: &mut Problems) -> Option<String> {
    let value = row.text(column);
    if value.starts_with("https://") || value.starts_with("http://") {
        Some(value.to_owned())
    } else {
        problems.add(
            row.number,
            column,
            samenspel_domain::msg!(
                "error-programme-no-source",
                "'{value}' is geen webadres van een bron; elk feit heeft een bron",
                value = value
            ),
        );
        None
    }
}

/// A required text cell, else a problem.
fn required<'r>(row: &'r Row<'_>, column: &str, problems: &mut Problems) -> Option<&'r str> {
    let value = row.text(column);
    if value.is_empty() {
        problems.add(
            row.number,
            column,
            samenspel_domain::msg!("error-programme-empty", "Vul {column} in.", column = column),
        );
        None
    } else {
        Some(value)
    }
}

fn twice(row: usize, column: &str, value: &str, problems: &mut Problems) {
    problems.add(
        row,
        column,
        samenspel_domain::msg!(
            "error-programme-twice",
            "'{value}' komt twee keer voor",
            value = value
        ),
    );
}

/// The ministry responsible for a programme, with why and the source.
struct Ministry {
    partner: RegisteredPartner,
}

fn ministries(
    text: &str,
    known: &Known<'_>,
    problems: &mut Problems,
) -> HashMap<CollaborationKind, Ministry> {
    let mut out = HashMap::new();
    let rows = import::read_rows(
        text,
        &["soort", "code", "rol", "toelichting", "bron"],
        problems,
        |row, problems| {
            let kind = problems.cell(
                row.number,
                "soort",
                CollaborationKind::parse_field("soort", row.get("soort")),
            );
            let org = known.code(
                row.get("code"),
                &[OrgType::Ministerie],
                row.number,
                "code",
                problems,
            );
            let role = problems.cell(row.number, "rol", PartnerRole::parse_field("rol", row.get("rol")));
            let note = required(row, "toelichting", problems);
            let url = source(row, "bron", problems);
            let partner = RegisteredPartner {
                code: org?.code.clone(),
                role: role?,
                joined_on: None,
                organs: Vec::new(),
                notes: Some(format!("{} Bron: {}", note?, url?)),
            };
            Some((kind?, partner))
        },
    );
    for (row, (kind, partner)) in rows.unwrap_or_default() {
        match out.entry(kind) {
            std::collections::hash_map::Entry::Occupied(_) => twice(row, "soort", kind.key(), problems),
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(Ministry { partner });
            }
        }
    }
    out
}

/// Members of one region, in file order, with the region's source.
#[derive(Default)]
struct Region {
    members: Vec<RegisteredPartner>,
    source: String,
}

/// Reads a file of `region column, code column, …, bron` rows into regions by name; a code
/// given twice for one region, or a region with two sources, is a problem.
fn regions(
    text: &str,
    columns: [&str; 2],
    types: &[OrgType],
    known: &Known<'_>,
    note: impl Fn(&Row<'_>) -> Option<String>,
    problems: &mut Problems,
) -> BTreeMap<String, Region> {
    let [region_column, code_column] = columns;
    let rows = import::read_rows(
        text,
        &[region_column, code_column, "bron"],
        problems,
        |row, problems| {
            let region = required(row, region_column, problems);
            let org = known.code(row.get(code_column), types, row.number, code_column, problems);
            let url = source(row, "bron", problems);
            Some((region?.to_owned(), org?, url?, note(row)))
        },
    );
    let mut out: BTreeMap<String, Region> = BTreeMap::new();
    for (row, (name, org, url, notes)) in rows.unwrap_or_default() {
        let region = out.entry(name).or_default();
        if region.source.is_empty() {
            region.source = url;
        } else if region.source != url {
            problems.add(
                row,
                "bron",
                samenspel_domain::msg!(
                    "error-programme-two-sources",
                    "een regio heeft één bron; eerder stond er {source}",
                    source = region.source.clone()
                ),
            );
        }
        if region.members.iter().any(|m| m.code == org.code) {
            twice(row, code_column, org.code.as_str(), problems);
            continue;
        }
        region.members.push(RegisteredPartner {
            code: org.code.clone(),
            role: PartnerRole::Deelnemer,
            joined_on: None,
            organs: Vec::new(),
            notes,
        });
    }
    out
}

fn fields(
    name: String,
    kind: CollaborationKind,
    region: Option<String>,
    task: Option<String>,
) -> CollaborationFields {
    CollaborationFields {
        name,
        kind,
        wgr_form: None,
        task,
        public_value: None,
        region,
        start_date: None,
        end_date: None,
        phases: Vec::new(),
        legal_basis: None,
        policy_areas: Vec::new(),
    }
}

/// The region a Regio Deal is named for: "Regio Deal Twente" → "Twente". The announcements
/// name most deals of rounds 4 and 5 by their region only, without the municipalities.
fn named_region(name: &str) -> Option<String> {
    let region = name.strip_prefix("Regio Deal ")?.trim();
    (!region.is_empty()).then(|| region.to_owned())
}

fn collaboration(
    kind: CollaborationKind,
    fields: CollaborationFields,
    partners: Vec<RegisteredPartner>,
    source_url: String,
) -> RegisteredCollaboration {
    let named = fields.region.as_deref().unwrap_or(&fields.name);
    let key = format!("{SOURCE_PREFIX}{}:{}", kind.key(), slug(named));
    // A deal names no region: it gets the one its partners make up (after the key, which stays
    // the deal's name), else the region it is named for. The divisions are built in; they
    // cannot be unreadable here.
    let mut fields = fields;
    if fields.region.is_none() {
        fields.region = crate::regions::region_of_partners(partners.iter().map(|p| p.code.as_str()))
            .ok()
            .flatten()
            .or_else(|| named_region(&fields.name));
    }
    let summary: Vec<(&str, &str, Option<&str>)> = partners
        .iter()
        .map(|p| (p.code.as_str(), p.role.key(), p.notes.as_deref()))
        .collect();
    let text = serde_json::to_string(&(&fields, summary, &source_url)).unwrap_or_default();
    RegisteredCollaboration {
        source_key: key,
        source_hash: hex(&Sha256::digest(text.as_bytes())),
        fields,
        partners,
        money: None,
        history: None,
        merges: Vec::new(),
        source_url: Some(source_url),
        participation: None,
    }
}

/// The RES regions: their municipalities, the provinces those lie in, and the ministry.
fn res_regions(
    text: &str,
    known: &Known<'_>,
    ministry: Option<&Ministry>,
    problems: &mut Problems,
) -> Vec<RegisteredCollaboration> {
    let regions = regions(
        text,
        ["res_regio", "gemeentecode"],
        &[OrgType::Gemeente],
        known,
        |row| match row.text("afleiding") {
            "" | "direct (lijst 2020)" => None,
            how => Some(format!("Deelname afgeleid: {how}")),
        },
        problems,
    );
    regions
        .into_iter()
        .map(|(name, region)| {
            let mut partners = region.members;
            let mut provinces: Vec<OrgCode> = partners
                .iter()
                .filter_map(|p| {
                    known
                        .by_code
                        .get(p.code.as_str())
                        .and_then(|o| o.province.clone())
                })
                .collect();
            provinces.sort();
            provinces.dedup();
            partners.extend(provinces.into_iter().map(|code| RegisteredPartner {
                code,
                role: PartnerRole::Deelnemer,
                joined_on: None,
                organs: Vec::new(),
                notes: Some(
                    "Provincie van een of meer deelnemende gemeenten (gemeenten_2025.csv).".to_owned(),
                ),
            }));
            partners.extend(ministry.map(|m| m.partner.clone()));
            let fields = fields(format!("RES {name}"), CollaborationKind::Res, Some(name), None);
            collaboration(CollaborationKind::Res, fields, partners, region.source)
        })
        .collect()
}

/// The MIRT regions with their provinces and the ministry.
fn mirt_regions(
    text: &str,
    known: &Known<'_>,
    ministry: Option<&Ministry>,
    problems: &mut Problems,
) -> Vec<RegisteredCollaboration> {
    regions(
        text,
        ["mirt_regio", "provinciecode"],
        &[OrgType::Provincie],
        known,
        |_| None,
        problems,
    )
    .into_iter()
    .map(|(name, region)| {
        let mut partners = region.members;
        partners.extend(ministry.map(|m| m.partner.clone()));
        let fields = fields(format!("MIRT {name}"), CollaborationKind::Mirt, Some(name), None);
        collaboration(CollaborationKind::Mirt, fields, partners, region.source)
    })
    .collect()
}

/// One deal: its partners (`|`-separated codes; a ministry finances, others take part) and the
/// Rijk's contribution where published.
fn deal(
    row: &Row<'_>,
    kind: CollaborationKind,
    task: String,
    known: &Known<'_>,
    problems: &mut Problems,
) -> Option<RegisteredCollaboration> {
    let name = required(row, "naam", problems);
    let url = source(row, "bron", problems);
    let amount = match row.text("rijksbijdrage_euro") {
        "" => Some(None),
        raw => problems
            .cell(
                row.number,
                "rijksbijdrage_euro",
                Cents::parse_euro("rijksbijdrage_euro", raw),
            )
            .map(Some),
    };
    let partner_source = row.text("bron_partners");
    let mut partners: Vec<RegisteredPartner> = Vec::new();
    let mut ok = true;
    for raw in row.get("partners").split('|').filter(|c| !c.trim().is_empty()) {
        let types = [
            OrgType::Ministerie,
            OrgType::Provincie,
            OrgType::Gemeente,
            OrgType::Waterschap,
        ];
        let Some(org) = known.code(raw, &types, row.number, "partners", problems) else {
            ok = false;
            continue;
        };
        if partners.iter().any(|p| p.code == org.code) {
            twice(row.number, "partners", org.code.as_str(), problems);
            ok = false;
            continue;
        }
        let ministry = org.org_type == OrgType::Ministerie;
        let notes = match (ministry, amount.flatten()) {
            (true, Some(euro)) => Some(format!("Rijksbijdrage {}", euro.format_nl())),
            (false, _) if !partner_source.is_empty() => Some(format!("Bron: {partner_source}")),
            _ => None,
        };
        partners.push(RegisteredPartner {
            code: org.code.clone(),
            role: if ministry {
                PartnerRole::Financier
            } else {
                PartnerRole::Deelnemer
            },
            joined_on: None,
            organs: Vec::new(),
            notes,
        });
    }
    if partners.is_empty() && ok {
        problems.add(
            row.number,
            "partners",
            samenspel_domain::msg!("error-programme-no-partners", "Noem ten minste één partner."),
        );
        ok = false;
    }
    let (name, url, _) = (name?, url?, amount?);
    ok.then(|| {
        collaboration(
            kind,
            fields(name.to_owned(), kind, None, Some(task)),
            partners,
            url,
        )
    })
}

fn regio_deals(
    text: &str,
    known: &Known<'_>,
    problems: &mut Problems,
) -> Vec<(usize, RegisteredCollaboration)> {
    import::read_rows(
        text,
        &[
            "naam",
            "ronde",
            "jaar",
            "partners",
            "rijksbijdrage_euro",
            "bron",
            "bron_partners",
        ],
        problems,
        |row, problems| {
            let task = format!(
                "Regio Deal uit ronde {} ({}).",
                row.text("ronde"),
                row.text("jaar")
            );
            deal(row, CollaborationKind::RegioDeal, task, known, problems)
        },
    )
    .unwrap_or_default()
}

fn woondeals(
    text: &str,
    known: &Known<'_>,
    problems: &mut Problems,
) -> Vec<(usize, RegisteredCollaboration)> {
    import::read_rows(
        text,
        &["naam", "jaar", "partners", "rijksbijdrage_euro", "bron"],
        problems,
        |row, problems| {
            let task = format!("Regionale woondeal ({}).", row.text("jaar"));
            deal(row, CollaborationKind::Woondeal, task, known, problems)
        },
    )
    .unwrap_or_default()
}

/// Reads one file of deals into collaborations, with their row numbers.
type DealReader = fn(&str, &Known<'_>, &mut Problems) -> Vec<(usize, RegisteredCollaboration)>;

/// Parses the programme files against the reference `organisations`: every code must be a
/// current one of the right kind; any problem refuses the whole set, named by file, row and
/// column.
pub fn parse(
    source: ProgrammeSource<'_>,
    organisations: &[Organisation],
) -> Result<Vec<RegisteredCollaboration>, Vec<RowError>> {
    let known = Known::new(organisations);
    let mut problems = Problems::new(MINISTRIES_FILE);
    let ministries = ministries(source.ministries, &known, &mut problems);
    problems.reading(RES_FILE);
    let mut all = res_regions(
        source.res,
        &known,
        ministries.get(&CollaborationKind::Res),
        &mut problems,
    );
    problems.reading(MIRT_FILE);
    all.extend(mirt_regions(
        source.mirt,
        &known,
        ministries.get(&CollaborationKind::Mirt),
        &mut problems,
    ));
    let mut keys: HashSet<String> = all.iter().map(|c| c.source_key.clone()).collect();
    let readers: [(&'static str, &str, DealReader); 2] = [
        (REGIO_DEALS_FILE, source.regio_deals, regio_deals),
        (WOONDEALS_FILE, source.woondeals, woondeals),
    ];
    for (file, text, read) in readers {
        problems.reading(file);
        for (row, deal) in read(text, &known, &mut problems) {
            if keys.insert(deal.source_key.clone()) {
                all.push(deal);
            } else {
                twice(row, "naam", &deal.fields.name, &mut problems);
            }
        }
    }
    if problems.is_empty() {
        Ok(all)
    } else {
        Err(problems.into_list())
    }
}

impl App {
    /// Imports the national programmes: all or nothing; importing the same files again
    /// changes nothing.
    pub async fn import_programmes(
        &self,
        source: ProgrammeSource<'_>,
        who: &Principal,
        progress: &(dyn Fn(usize, usize) + Send + Sync),
    ) -> AppResult<ImportReport> {
        let actor = who.authorise(Action::ImportData, |_| Relation::None)?;
        let organisations = crate::reference::organisations().map_err(AppError::internal)?;
        let parsed =
            parse(source, &organisations).map_err(|errors| AppError::Invalid(import::errors_of(errors)))?;
        Ok(self
            .store
            .import_register(SOURCE_PREFIX, &[], &parsed, &actor, progress)
            .await?)
    }
}

#[cfg(test)]
#[path = "programmes_tests.rs"]
mod tests;
