//! The reference organisations shipped in `data/reference/` (see its PROVENANCE.md): all
//! municipalities, provinces, current water boards, the ministries (current and ended, with
//! their history) and the koepels.

mod ministries;

use samenspel_domain::org::{OrgCode, OrgType, Organisation};

const GEMEENTEN: &str = include_str!("../../../data/reference/gemeenten_2025.csv");
const PROVINCIES: &str = include_str!("../../../data/reference/provincies.csv");
const WATERSCHAPPEN: &str = include_str!("../../../data/reference/waterschappen.csv");
const MINISTERIES: &str = include_str!("../../../data/reference/ministeries_polder.csv");
const KOEPELS: &str = include_str!("../../../data/reference/koepels.csv");

#[derive(Debug, thiserror::Error)]
#[error("reference data {file}, row {row}: {reason}")]
pub struct ReferenceError {
    file: &'static str,
    row: usize,
    reason: String,
}

/// Parses all shipped reference organisations.
pub fn organisations() -> Result<Vec<Organisation>, ReferenceError> {
    let mut all = Vec::with_capacity(400);
    all.extend(read(PROVINCIES, "provincies.csv", |row| {
        Ok(Some(org(
            row.get("provinciecode")?,
            &format!("Provincie {}", row.get("naam_cbs")?),
            OrgType::Provincie,
            Some(row.get("afkorting")?),
            None,
        )?))
    })?);
    all.extend(read(GEMEENTEN, "gemeenten_2025.csv", |row| {
        let name = row.get("gemeentenaam")?;
        let mut municipality = org(
            row.get("gemeentecode")?,
            name,
            OrgType::Gemeente,
            None,
            Some(row.get("provinciecode")?),
        )?;
        municipality.other_names = other_name(name, row.get("officiele_naam_roo")?, "Gemeente ");
        Ok(Some(municipality))
    })?);
    all.extend(read(WATERSCHAPPEN, "waterschappen.csv", |row| {
        if row.get("actief_2026")? != "ja" {
            return Ok(None);
        }
        Ok(Some(org(
            row.get("waterschapcode")?,
            row.get("naam")?,
            OrgType::Waterschap,
            None,
            None,
        )?))
    })?);
    all.extend(ministries::ministries(MINISTERIES)?);
    all.extend(read(KOEPELS, "koepels.csv", |row| {
        Ok(Some(org(
            row.get("code")?,
            row.get("naam")?,
            OrgType::Koepel,
            Some(row.get("afkorting")?),
            None,
        )?))
    })?);
    Ok(all)
}

/// The official name from the Register van Overheidsorganisaties as another name, without
/// the prefix it shares with every organisation of its kind ("Gemeente Den Haag" → "Den
/// Haag" for 's-Gravenhage), when it differs from the name.
fn other_name(name: &str, official: &str, prefix: &str) -> Vec<String> {
    let official = official.trim();
    let official = official.strip_prefix(prefix).unwrap_or(official);
    if official.is_empty() || official == name {
        vec![]
    } else {
        vec![official.to_owned()]
    }
}

fn org(
    code: &str,
    name: &str,
    org_type: OrgType,
    abbreviation: Option<&str>,
    province: Option<&str>,
) -> Result<Organisation, String> {
    let parse = |c: &str| OrgCode::parse(c).map_err(|e| e.to_string());
    Ok(Organisation {
        code: parse(code)?,
        name: name.to_owned(),
        org_type,
        abbreviation: abbreviation.filter(|a| !a.is_empty()).map(str::to_owned),
        province: province.map(parse).transpose()?,
        reference: true,
        ended: false,
        other_names: Vec::new(),
        history: Default::default(),
    })
}

struct Row<'a> {
    headers: &'a csv::StringRecord,
    record: &'a csv::StringRecord,
}

impl Row<'_> {
    fn get(&self, column: &str) -> Result<&str, String> {
        self.headers
            .iter()
            .position(|h| h == column)
            .and_then(|i| self.record.get(i))
            .ok_or_else(|| format!("column {column} missing"))
    }
}

fn read(
    text: &str,
    file: &'static str,
    convert: impl Fn(&Row<'_>) -> Result<Option<Organisation>, String>,
) -> Result<Vec<Organisation>, ReferenceError> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| ReferenceError {
            file,
            row: 1,
            reason: e.to_string(),
        })?
        .clone();
    let mut out = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let row = index + 2;
        let record = record.map_err(|e| ReferenceError {
            file,
            row,
            reason: e.to_string(),
        })?;
        if let Some(org) = convert(&Row {
            headers: &headers,
            record: &record,
        })
        .map_err(|reason| ReferenceError { file, row, reason })?
        {
            out.push(org);
        }
    }
    Ok(out)
}

/// A municipality's code, province and number of inhabitants as the organisation register
/// carries them (`gemeentecode`, `provinciecode`, `aantal_inwoners_roo` of
/// `data/reference/gemeenten_2025.csv`), read once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MunicipalityFigures {
    pub code: String,
    pub province: String,
    pub inhabitants: u32,
}

/// Every municipality's figures, in the file's order.
pub fn municipality_figures() -> crate::AppResult<&'static [MunicipalityFigures]> {
    use std::sync::OnceLock;
    static FIGURES: OnceLock<Result<Vec<MunicipalityFigures>, String>> = OnceLock::new();
    FIGURES
        .get_or_init(|| {
            let mut reader = csv::Reader::from_reader(GEMEENTEN.as_bytes());
            let headers = reader.headers().map_err(|e| e.to_string())?.clone();
            let column = |name: &str| {
                headers
                    .iter()
                    .position(|h| h == name)
                    .ok_or_else(|| format!("gemeenten_2025.csv: column {name} missing"))
            };
            let (code, province, inhabitants) = (
                column("gemeentecode")?,
                column("provinciecode")?,
                column("aantal_inwoners_roo")?,
            );
            let mut all = Vec::new();
            for (i, record) in reader.records().enumerate() {
                let record = record.map_err(|e| e.to_string())?;
                let cell = |index: usize| record.get(index).unwrap_or_default().to_owned();
                let count: u32 = cell(inhabitants)
                    .parse()
                    .map_err(|_| format!("gemeenten_2025.csv row {}: no number of inhabitants", i + 2))?;
                all.push(MunicipalityFigures {
                    code: cell(code),
                    province: cell(province),
                    inhabitants: count,
                });
            }
            Ok(all)
        })
        .as_deref()
        .map_err(|e| crate::AppError::internal(e.clone()))
}

/// Every municipality's number of inhabitants by code (`GM0344`).
pub fn municipal_inhabitants() -> crate::AppResult<&'static std::collections::BTreeMap<String, u32>> {
    use std::sync::OnceLock;
    static INHABITANTS: OnceLock<std::collections::BTreeMap<String, u32>> = OnceLock::new();
    if let Some(map) = INHABITANTS.get() {
        return Ok(map);
    }
    let map = municipality_figures()?
        .iter()
        .map(|m| (m.code.clone(), m.inhabitants))
        .collect();
    Ok(INHABITANTS.get_or_init(|| map))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn count(orgs: &[Organisation], t: OrgType) -> usize {
        orgs.iter().filter(|o| o.org_type == t).count()
    }

    #[test]
    fn all_reference_organisations_parse_with_the_expected_counts() {
        let orgs = organisations().unwrap();
        assert_eq!(count(&orgs, OrgType::Gemeente), 342);
        assert_eq!(count(&orgs, OrgType::Provincie), 12);
        assert_eq!(count(&orgs, OrgType::Waterschap), 21);
        assert_eq!(count(&orgs, OrgType::Ministerie), 26, "current and ended");
        let current = orgs
            .iter()
            .filter(|o| o.org_type == OrgType::Ministerie && !o.ended);
        assert_eq!(current.count(), 12);
        for t in OrgType::ALL.into_iter().filter(|t| *t != OrgType::Ministerie) {
            assert!(orgs.iter().filter(|o| o.org_type == t).all(|o| !o.ended), "{t:?}");
        }
        assert_eq!(count(&orgs, OrgType::Koepel), 3);
        let codes: HashSet<_> = orgs.iter().map(|o| &o.code).collect();
        assert_eq!(codes.len(), orgs.len(), "codes are unique");
    }

    #[test]
    fn known_organisations_are_right() {
        let orgs = organisations().unwrap();
        let find = |c: &str| orgs.iter().find(|o| o.code.as_str() == c).unwrap();
        assert_eq!(find("GM0363").name, "Amsterdam");
        assert_eq!(find("GM0363").province.as_ref().unwrap().as_str(), "PV27");
        assert_eq!(find("PV27").name, "Provincie Noord-Holland");
        assert_eq!(find("MNRE1034").abbreviation.as_deref(), Some("BZK"));
        assert_eq!(find("WS0155").name, "Amstel, Gooi en Vecht");
        assert_eq!(find("UVW").abbreviation.as_deref(), Some("UvW"));
        assert_eq!(find("GM0518").name, "'s-Gravenhage");
        assert_eq!(find("GM0518").other_names, ["Den Haag"]);
        assert_eq!(
            find("GM0363").other_names,
            Vec::<String>::new(),
            "same as the name"
        );
        assert_eq!(find("GM0164").other_names, ["Hengelo"]);
    }

    #[test]
    fn every_municipality_lies_in_a_known_province() {
        let orgs = organisations().unwrap();
        let provinces: HashSet<_> = orgs
            .iter()
            .filter(|o| o.org_type == OrgType::Provincie)
            .map(|o| o.code.clone())
            .collect();
        for gm in orgs.iter().filter(|o| o.org_type == OrgType::Gemeente) {
            assert!(provinces.contains(gm.province.as_ref().unwrap()), "{}", gm.code);
        }
    }
}
