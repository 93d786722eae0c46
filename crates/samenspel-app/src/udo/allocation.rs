//! The task-allocation advice of a dossier (issue 14, item 6): the dossier's allocation part
//! checked against the facts the app knows — the smallest province from the reference data
//! (`data/reference/gemeenten_2025.csv`: inhabitants as registered in the ROO, municipalities
//! per province) and the congruence figure of the division the dossier names, computed from the
//! seven divisions of 2025 (`crate::regions`) with [`coinciding_region`]: the share of the
//! division's regions whose municipalities are exactly those of a region of another division.
//! Nobody types these figures in.

use std::collections::BTreeMap;

use samenspel_domain::congruence::coinciding_region;
use samenspel_domain::udo::allocation::principles::{
    ROB_PRINCIPLES, congruence_suggestion, open_principles, source as principles_source,
};
use samenspel_domain::udo::allocation::{
    AllocationLayer, AllocationOption, AllocationPart, DivisionFacts, ProvinceScale, ScaleNeed, advise,
    preferred,
};
use samenspel_domain::udo::dossier::Dossier;
use samenspel_domain::{Message, ValidationErrors, msg};
use serde::Serialize;

use crate::regions;
use crate::{AppError, AppResult};

/// The advice as the dossier page and the JSON show it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct UdoAllocationView {
    /// Every option in order of preference, with its verdict, reason and source.
    #[schema(value_type = Vec<Object>)]
    pub options: Vec<AllocationOption>,
    /// The first option that fits.
    #[schema(value_type = Option<String>)]
    pub advice: Option<AllocationLayer>,
    /// The place the proposal chooses, if recorded.
    #[schema(value_type = Option<String>)]
    pub choice: Option<AllocationLayer>,
    pub justification: Option<String>,
    /// The needed scale in words.
    pub need: String,
    /// The needed scale as a number, in inhabitants or in municipalities (one of the two).
    #[schema(value_type = Object)]
    pub need_scale: ScaleNeed,
    /// The smallest province, from the reference data.
    #[schema(value_type = Object)]
    pub province_scale: ProvinceScale,
    /// The division the task would use, with its congruence figure as computed here.
    #[schema(value_type = Option<Object>)]
    pub division: Option<DivisionFacts>,
    /// The divisions the named division's regions coincide with (their names).
    pub coinciding_with: Vec<String>,
    /// The ROB's six principles, each answered or open.
    pub principles: Vec<PrincipleRow>,
    /// How many of the six are still open.
    pub principles_open: usize,
    #[schema(value_type = String)]
    pub principles_source: Message,
}

/// One principle of the ROB with the dossier's answer.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PrincipleRow {
    pub key: &'static str,
    pub text: &'static str,
    /// `Some(true)` met, `Some(false)` not met, `None` open.
    pub met: Option<bool>,
    pub note: Option<String>,
    /// For the congruence principle: what the division's figure suggests.
    #[schema(value_type = Option<String>)]
    pub suggestion: Option<Message>,
}

fn internal(e: String) -> AppError {
    AppError::internal(e)
}

/// The smallest province by inhabitants and by number of municipalities (each taken on its
/// own), from the reference data.
pub fn province_scale() -> AppResult<ProvinceScale> {
    let mut per_province: BTreeMap<&str, (u64, u32)> = BTreeMap::new();
    for m in crate::reference::municipality_figures()? {
        let entry = per_province.entry(m.province.as_str()).or_default();
        entry.0 += u64::from(m.inhabitants);
        entry.1 += 1;
    }
    let smallest_inhabitants = per_province.values().map(|v| v.0).min();
    let smallest_municipalities = per_province.values().map(|v| v.1).min();
    match (smallest_inhabitants, smallest_municipalities) {
        (Some(smallest_inhabitants), Some(smallest_municipalities)) => Ok(ProvinceScale {
            smallest_inhabitants,
            smallest_municipalities,
        }),
        _ => Err(internal("gemeenten_2025.csv: no provinces".to_owned())),
    }
}

/// The divisions a task can use, as (key, name), in the fixed order of `crate::regions`.
pub fn allocation_divisions() -> AppResult<Vec<(&'static str, &'static str)>> {
    Ok(regions::divisions()
        .map_err(internal)?
        .iter()
        .map(|d| (d.key, d.name))
        .collect())
}

/// The division `key` with its congruence figure, and the names of the other divisions with
/// which at least one of its regions coincides; `None` for a key that names no division.
pub fn division_facts(key: &str) -> AppResult<Option<(DivisionFacts, Vec<String>)>> {
    let all = regions::divisions().map_err(internal)?;
    let Some(division) = all.iter().find(|d| d.key == key) else {
        return Ok(None);
    };
    let candidates: Vec<(&str, Vec<String>)> = all
        .iter()
        .filter(|d| d.key != division.key)
        .flat_map(|d| d.regions.iter().map(move |r| (d.name, r.members.clone())))
        .collect();
    let mut coinciding = 0u32;
    let mut with: Vec<String> = Vec::new();
    for region in &division.regions {
        let members = region.members.iter().map(String::as_str).collect();
        if let Some(name) = coinciding_region(&members, &candidates) {
            coinciding += 1;
            if !with.iter().any(|w| w == name) {
                with.push((*name).to_owned());
            }
        }
    }
    let regions = u32::try_from(division.regions.len()).map_err(|e| internal(e.to_string()))?;
    let share = if regions == 0 {
        0.0
    } else {
        f64::from(coinciding) / f64::from(regions)
    };
    let facts = DivisionFacts::new(division.name, regions, share).map_err(|e| internal(e.to_string()))?;
    Ok(Some((facts, with)))
}

/// The division named by the part, refused (field `allocation.division`) when it names none.
fn division_of(part: &AllocationPart) -> AppResult<Option<(DivisionFacts, Vec<String>)>> {
    let Some(key) = &part.division else {
        return Ok(None);
    };
    match division_facts(key)? {
        Some(found) => Ok(Some(found)),
        None => Err(AppError::Invalid(ValidationErrors::single(
            "allocation.division",
            "unknown_division",
            msg!(
                "error-allocation-unknown-division",
                "'{value}' is geen regio-indeling; kies een van de indelingen van 2025.",
                value = key
            ),
        ))),
    }
}

/// Checks the dossier's allocation part against the facts: the division must be one of the
/// divisions, the chosen place must fit, and mandatory cooperation needs its written
/// justification. Field names begin with `allocation.`.
pub(crate) fn check_allocation(dossier: &Dossier) -> AppResult<()> {
    let Some(part) = &dossier.allocation else {
        return Ok(());
    };
    let division = division_of(part)?.map(|(d, _)| d);
    let facts = part.facts(province_scale()?, division);
    part.check(&facts, dossier.aspects.mandatory_cooperation)
        .map_err(|mut errors| {
            for e in &mut errors.errors {
                e.field = format!("allocation.{}", e.field);
            }
            AppError::Invalid(errors)
        })
}

/// The advice for the dossier's allocation part, `None` without one.
pub(crate) fn allocation_view(dossier: &Dossier) -> AppResult<Option<UdoAllocationView>> {
    let Some(part) = &dossier.allocation else {
        return Ok(None);
    };
    // A division that no longer exists is shown as none rather than failing the page.
    let (division, coinciding_with) = match part.division.as_deref().map(division_facts).transpose()? {
        Some(Some((d, with))) => (Some(d), with),
        _ => (None, Vec::new()),
    };
    let facts = part.facts(province_scale()?, division.clone());
    let suggestion = congruence_suggestion(division.as_ref()).map(|(_, m)| m);
    let principles = ROB_PRINCIPLES
        .iter()
        .map(|p| {
            let answer = part.principles.get(p.key);
            PrincipleRow {
                key: p.key,
                text: p.text,
                met: answer.and_then(|a| a.met),
                note: answer.and_then(|a| a.note.clone()),
                suggestion: (p.key == "congruente-indeling")
                    .then(|| suggestion.clone())
                    .flatten(),
            }
        })
        .collect();
    let options = advise(&facts);
    Ok(Some(UdoAllocationView {
        advice: preferred(&facts),
        choice: part.choice,
        justification: part.justification.clone(),
        need: facts.need_text(),
        need_scale: facts.need,
        province_scale: facts.province_scale,
        principles_open: open_principles(&part.principles).len(),
        principles,
        principles_source: principles_source(),
        options,
        division,
        coinciding_with,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_smallest_province_comes_from_the_reference_data() {
        let scale = province_scale().unwrap();
        // Flevoland has six municipalities, the fewest of the twelve.
        assert_eq!(scale.smallest_municipalities, 6);
        assert!(scale.smallest_inhabitants > 300_000 && scale.smallest_inhabitants < 500_000);
    }

    #[test]
    fn a_division_figure_is_computed_from_the_divisions() {
        let (vr, with) = division_facts("veiligheidsregio").unwrap().unwrap();
        assert_eq!(vr.regions, 25);
        assert!(vr.coinciding_share > 0.0 && vr.coinciding_share <= 1.0);
        assert!(!with.is_empty());
        assert!(division_facts("geen-indeling").unwrap().is_none());
    }
}
