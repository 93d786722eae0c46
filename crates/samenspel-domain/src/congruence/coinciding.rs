//! The region a collaboration lies in, for the region column of the list: the region of a
//! division whose municipalities are exactly the collaboration's municipal partners (a
//! gemeenschappelijke regeling for the veiligheidsregio coincides with it), else the provinces
//! its partners lie in.

use std::collections::BTreeSet;

/// The first of `candidates` (in the order given: the order of preference between divisions)
/// whose members are exactly `municipalities`; `None` when there is none or no municipality.
pub fn coinciding_region<'a, L>(
    municipalities: &BTreeSet<&str>,
    candidates: &'a [(L, Vec<String>)],
) -> Option<&'a L> {
    if municipalities.is_empty() {
        return None;
    }
    candidates.iter().find_map(|(label, members)| {
        let same = members.len() == municipalities.len()
            && members.iter().all(|m| municipalities.contains(m.as_str()));
        same.then_some(label)
    })
}

/// The region text of a collaboration: the coinciding region's label, else the distinct
/// provinces of its partners, sorted and joined by ", "; `None` when neither is known.
pub fn region_text<'a>(
    coinciding: Option<&str>,
    provinces: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    if let Some(label) = coinciding {
        return Some(label.to_owned());
    }
    let provinces: BTreeSet<&str> = provinces.into_iter().collect();
    (!provinces.is_empty()).then(|| provinces.into_iter().collect::<Vec<_>>().join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set<'a>(items: &[&'a str]) -> BTreeSet<&'a str> {
        items.iter().copied().collect()
    }

    fn candidates() -> Vec<(&'static str, Vec<String>)> {
        let region = |members: &[&str]| members.iter().map(|m| (*m).to_owned()).collect();
        vec![
            ("Veiligheidsregio A", region(&["GM1", "GM2"])),
            ("GGD A", region(&["GM1", "GM2"])),
            ("Jeugdzorgregio B", region(&["GM1", "GM2", "GM3"])),
            ("Provincie P", region(&["GM1", "GM2", "GM3", "GM4"])),
        ]
    }

    #[test]
    fn the_first_region_with_exactly_the_same_municipalities_is_taken() {
        let c = candidates();
        // (municipal partners, expected)
        let table: [(&[&str], Option<&str>); 6] = [
            (&["GM1", "GM2"], Some("Veiligheidsregio A")),
            (&["GM2", "GM1"], Some("Veiligheidsregio A")),
            (&["GM1", "GM2", "GM3"], Some("Jeugdzorgregio B")),
            (&["GM1", "GM2", "GM3", "GM4"], Some("Provincie P")),
            (&["GM1"], None),
            (&[], None),
        ];
        for (members, expected) in table {
            assert_eq!(
                coinciding_region(&set(members), &c).copied(),
                expected,
                "{members:?}"
            );
        }
    }

    #[test]
    fn without_a_coinciding_region_the_provinces_are_named_once_each_sorted() {
        assert_eq!(
            region_text(None, ["Utrecht", "Gelderland", "Utrecht"]).as_deref(),
            Some("Gelderland, Utrecht")
        );
        assert_eq!(
            region_text(Some("Veiligheidsregio Utrecht"), ["Utrecht"]).as_deref(),
            Some("Veiligheidsregio Utrecht")
        );
        assert_eq!(region_text(None, []), None);
    }
}
