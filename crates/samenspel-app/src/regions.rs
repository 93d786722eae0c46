//! The regional divisions of the 342 municipalities (2025, `data/reference/regio/`) and the
//! map geometry (`data/reference/geo/`), parsed once from the files built into the binary.

mod provinces;

use std::collections::HashMap;
use std::sync::OnceLock;

use samenspel_domain::map::{Topology, parse_topojson};
use serde::Serialize;

const REGIO_CSV: &str = include_str!("../../../data/reference/regio/gemeente_regio_indeling_2025.csv");
const GEMEENTE_TOPOJSON: &str = include_str!("../../../data/reference/geo/gemeente_2025.topojson");
/// The five MIRT regions by province (sources per row in the file).
const MIRT_CSV: &str = include_str!("../../../data/reference/programmes/mirt_regions.csv");

/// One region of a division with its member municipalities (GM codes, sorted).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Region {
    pub code: String,
    pub name: String,
    pub members: Vec<String>,
}

/// A division of all municipalities into regions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Division {
    pub key: &'static str,
    pub name: &'static str,
    pub regions: Vec<Region>,
}

impl Division {
    /// The region of each municipality, as (municipality, region code) pairs.
    pub fn assignment(&self) -> impl Iterator<Item = (&str, &str)> {
        self.regions
            .iter()
            .flat_map(|r| r.members.iter().map(move |m| (m.as_str(), r.code.as_str())))
    }

    pub fn region_of(&self, municipality: &str) -> Option<&Region> {
        self.regions
            .iter()
            .find(|r| r.members.iter().any(|m| m == municipality))
    }
}

/// (key, Dutch name, code column, name column); the RES column has names only.
const DIVISIONS: [(&str, &str, &str, &str); 6] = [
    ("provincie", "Provincies", "provinciecode", "provincienaam"),
    (
        "veiligheidsregio",
        "Veiligheidsregio's",
        "veiligheidsregio_code",
        "veiligheidsregio_naam",
    ),
    ("ggd-regio", "GGD-regio's", "ggdregio_code", "ggdregio_naam"),
    (
        "jeugdzorgregio",
        "Jeugdzorgregio's",
        "jeugdregio_code",
        "jeugdregio_naam",
    ),
    (
        "arbeidsmarktregio",
        "Arbeidsmarktregio's",
        "arbeidsmarktregio_code",
        "arbeidsmarktregio_naam",
    ),
    ("res-regio", "RES-regio's", "res_regio", "res_regio"),
];

struct Parsed {
    divisions: Vec<Division>,
    names: HashMap<String, String>,
}

fn parse() -> Result<Parsed, String> {
    let mut reader = csv::Reader::from_reader(REGIO_CSV.as_bytes());
    let headers = reader.headers().map_err(|e| e.to_string())?.clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| format!("column {name} missing"))
    };
    let code_col = col("gemeentecode")?;
    let name_col = col("gemeentenaam")?;
    let columns: Vec<(usize, usize)> = DIVISIONS
        .iter()
        .map(|(_, _, c, n)| Ok((col(c)?, col(n)?)))
        .collect::<Result<_, String>>()?;
    let mut regions: Vec<HashMap<String, Region>> = vec![HashMap::new(); DIVISIONS.len()];
    let mut names = HashMap::new();
    for record in reader.records() {
        let record = record.map_err(|e| e.to_string())?;
        let gm = record.get(code_col).unwrap_or_default().to_owned();
        names.insert(gm.clone(), record.get(name_col).unwrap_or_default().to_owned());
        for (i, (c, n)) in columns.iter().enumerate() {
            let code = record.get(*c).unwrap_or_default().to_owned();
            let name = record.get(*n).unwrap_or_default().to_owned();
            regions[i]
                .entry(code.clone())
                .or_insert_with(|| Region {
                    code,
                    name,
                    members: Vec::new(),
                })
                .members
                .push(gm.clone());
        }
    }
    let mut divisions: Vec<Division> = DIVISIONS
        .iter()
        .zip(regions)
        .map(|((key, name, _, _), map)| {
            let mut regions: Vec<Region> = map.into_values().collect();
            for r in &mut regions {
                r.members.sort();
            }
            regions.sort_by(|a, b| a.name.cmp(&b.name));
            Division { key, name, regions }
        })
        .collect();
    let mirt = mirt_division(&divisions[0])?;
    divisions.push(mirt);
    Ok(Parsed { divisions, names })
}

/// The MIRT regions as a division: each the municipalities of its provinces; like the RES
/// regions, a MIRT region is named by its name only.
fn mirt_division(provinces: &Division) -> Result<Division, String> {
    let mut reader = csv::Reader::from_reader(MIRT_CSV.as_bytes());
    let mut regions: Vec<Region> = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| e.to_string())?;
        let (name, province) = (
            record.get(0).unwrap_or_default(),
            record.get(1).unwrap_or_default(),
        );
        let members = &provinces
            .regions
            .iter()
            .find(|r| r.code == province)
            .ok_or_else(|| format!("MIRT region {name}: unknown province {province}"))?
            .members;
        match regions.iter_mut().find(|r| r.name == name) {
            Some(r) => r.members.extend(members.iter().cloned()),
            None => regions.push(Region {
                code: name.to_owned(),
                name: name.to_owned(),
                members: members.clone(),
            }),
        }
    }
    for r in &mut regions {
        r.members.sort();
    }
    regions.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(Division {
        key: "mirt-regio",
        name: "MIRT-regio's",
        regions,
    })
}

fn parsed() -> Result<&'static Parsed, String> {
    static PARSED: OnceLock<Result<Parsed, String>> = OnceLock::new();
    PARSED.get_or_init(parse).as_ref().map_err(Clone::clone)
}

/// All divisions, in a fixed order.
pub fn divisions() -> Result<&'static [Division], String> {
    parsed().map(|p| p.divisions.as_slice())
}

pub fn division(key: &str) -> Result<Option<&'static Division>, String> {
    Ok(divisions()?.iter().find(|d| d.key == key))
}

/// The municipalities of one region, named `<division>:<region code>` (e.g.
/// `veiligheidsregio:VR13`), for filtering the register; `field` names the parameter.
pub fn region_members(
    field: &str,
    raw: &str,
) -> Result<Vec<samenspel_domain::org::OrgCode>, samenspel_domain::ValidationErrors> {
    let unknown = || {
        samenspel_domain::ValidationErrors::single(
            field,
            "unknown_region",
            samenspel_domain::msg!(
                "error-unknown-region",
                "'{value}' is geen bekende regio; schrijf bijvoorbeeld veiligheidsregio:VR13.",
                value = raw.trim()
            ),
        )
    };
    let (key, code) = raw.trim().split_once(':').ok_or_else(unknown)?;
    let division = division(key).ok().flatten().ok_or_else(unknown)?;
    let region = division
        .regions
        .iter()
        .find(|r| r.code.eq_ignore_ascii_case(code) || r.name == code)
        .ok_or_else(unknown)?;
    region
        .members
        .iter()
        .map(|m| samenspel_domain::org::OrgCode::parse(m).map_err(|_| unknown()))
        .collect()
}

/// Municipality code → name (2025).
pub fn municipality_names() -> Result<&'static HashMap<String, String>, String> {
    parsed().map(|p| &p.names)
}

/// The division and region with this label in the region column (see [`labelled_regions`]),
/// as (division key, region code), for a link to the region's page.
pub fn region_of_label(label: &str) -> Option<(&'static str, &'static str)> {
    divisions().ok()?.iter().find_map(|d| {
        d.regions
            .iter()
            .find(|r| region_label(d.key, &r.name) == label)
            .map(|r| (d.key, r.code.as_str()))
    })
}

/// The municipality geometry of 2025.
pub fn topology() -> Result<&'static Topology, String> {
    static TOPOLOGY: OnceLock<Result<Topology, String>> = OnceLock::new();
    TOPOLOGY
        .get_or_init(|| parse_topojson(GEMEENTE_TOPOJSON, "gemeente_2025").map_err(|e| e.to_string()))
        .as_ref()
        .map_err(Clone::clone)
}

/// The label of a region in the region column: "Veiligheidsregio Utrecht",
/// "Jeugdzorgregio …", "Arbeidsmarktregio …", "RES-regio …", "Provincie …"; a GGD region is
/// named by its GGD already.
fn region_label(division: &str, name: &str) -> String {
    match division {
        "veiligheidsregio" => format!("Veiligheidsregio {name}"),
        "jeugdzorgregio" => format!("Jeugdzorgregio {name}"),
        "arbeidsmarktregio" => format!("Arbeidsmarktregio {name}"),
        "res-regio" => format!("RES-regio {name}"),
        "mirt-regio" => format!("MIRT-regio {name}"),
        "provincie" => format!("Provincie {name}"),
        _ => name.to_owned(),
    }
}

/// Every region of every division, labelled for the region column, in the order of
/// preference when a collaboration coincides with several (veiligheidsregio, GGD, jeugdzorg,
/// arbeidsmarkt, RES, then the province).
pub fn labelled_regions() -> Result<Vec<(String, Vec<String>)>, String> {
    let divisions = divisions()?;
    let order = [
        "veiligheidsregio",
        "ggd-regio",
        "jeugdzorgregio",
        "arbeidsmarktregio",
        "res-regio",
        "provincie",
    ];
    Ok(order
        .iter()
        .filter_map(|key| divisions.iter().find(|d| d.key == *key))
        .flat_map(|d| {
            d.regions
                .iter()
                .map(move |r| (region_label(d.key, &r.name), r.members.clone()))
        })
        .collect())
}

/// The region of a collaboration whose partners have these codes: the region of a division
/// (in the order of [`labelled_regions`]) whose municipalities are exactly its municipal
/// partners, else the provinces its partners lie in; none when neither is known.
pub fn region_of_partners<'a>(
    codes: impl Iterator<Item = &'a str> + Clone,
) -> Result<Option<String>, String> {
    let names = municipality_names()?;
    let municipalities: std::collections::BTreeSet<&str> =
        codes.clone().filter(|c| names.contains_key(*c)).collect();
    let regions = labelled_regions()?;
    let coinciding =
        samenspel_domain::congruence::coinciding_region(&municipalities, &regions).map(String::as_str);
    Ok(samenspel_domain::congruence::region_text(
        coinciding,
        codes.filter_map(province_name),
    ))
}

/// The name of the province with code `PVxx`, of the province municipality `GMxxxx` lies in
/// (municipalities of 2025), or of the province of a former municipality or a water board
/// (see `regions/provinces.rs`).
pub fn province_name(code: &str) -> Option<&'static str> {
    let provinces = divisions().ok()?.iter().find(|d| d.key == "provincie")?;
    let place = provinces::of_former_or_water_board(code).unwrap_or(code);
    provinces
        .regions
        .iter()
        .find(|r| r.code == place || r.members.iter().any(|m| m == place))
        .map(|r| r.name.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_division_covers_all_342_municipalities() {
        let expected_regions = [
            ("provincie", 12),
            ("veiligheidsregio", 25),
            ("ggd-regio", 25),
            ("jeugdzorgregio", 42),
            ("arbeidsmarktregio", 35),
            ("res-regio", 30),
            ("mirt-regio", 5),
        ];
        for (key, count) in expected_regions {
            let d = division(key).unwrap().unwrap();
            assert_eq!(d.regions.len(), count, "{key}");
            assert_eq!(d.assignment().count(), 342, "{key}");
        }
        assert_eq!(
            division("provincie")
                .unwrap()
                .unwrap()
                .region_of("GM0363")
                .unwrap()
                .name,
            "Noord-Holland"
        );
    }

    #[test]
    fn the_mirt_regions_are_their_provinces() {
        let mirt = division("mirt-regio").unwrap().unwrap();
        let north = mirt.regions.iter().find(|r| r.code == "Noord-Nederland").unwrap();
        let provinces = division("provincie").unwrap().unwrap();
        let of = |code: &str| {
            provinces
                .regions
                .iter()
                .find(|r| r.code == code)
                .unwrap()
                .members
                .len()
        };
        assert_eq!(north.members.len(), of("PV20") + of("PV21") + of("PV22"));
        assert_eq!(
            region_of_label("Veiligheidsregio Utrecht"),
            Some(("veiligheidsregio", "VR09"))
        );
        assert_eq!(
            region_of_label("MIRT-regio Oost-Nederland"),
            Some(("mirt-regio", "Oost-Nederland"))
        );
        assert_eq!(region_of_label("Nergens"), None);
    }

    #[test]
    fn a_region_is_named_by_division_and_code() {
        let members = region_members("region", "provincie:PV20").unwrap();
        assert_eq!(members.len(), 10, "the municipalities of Groningen");
        assert!(region_members("region", "provincie:PV99").is_err());
        assert!(region_members("region", "PV20").is_err());
        assert_eq!(
            region_members("regio", "x:y").unwrap_err().errors[0].field,
            "regio"
        );
    }

    #[test]
    fn the_map_has_every_municipality_of_the_divisions() {
        let topology = topology().unwrap();
        assert_eq!(topology.areas().len(), 342);
        for (gm, _) in division("provincie").unwrap().unwrap().assignment() {
            assert!(topology.area(gm).is_some(), "{gm}");
        }
    }
}
