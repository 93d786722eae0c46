//! What the fuzz targets share: the reference data an importer checks against, built once.

use std::collections::HashSet;
use std::sync::OnceLock;

use samenspel_domain::org::OrgCode;

/// The codes of the shipped reference organisations (ministries, provinces, municipalities,
/// water boards, umbrella bodies): the organisations a fresh database knows.
pub fn reference_codes() -> &'static HashSet<OrgCode> {
    static CODES: OnceLock<HashSet<OrgCode>> = OnceLock::new();
    CODES.get_or_init(|| match samenspel_app::reference::organisations() {
        Ok(all) => all.into_iter().map(|o| o.code).collect(),
        Err(e) => panic!("the shipped reference data cannot be read: {e}"),
    })
}

/// The codes of the shipped municipalities, the ones a cost file may name.
pub fn municipality_codes() -> &'static HashSet<OrgCode> {
    static CODES: OnceLock<HashSet<OrgCode>> = OnceLock::new();
    CODES.get_or_init(|| match samenspel_app::iv3_costs::municipalities() {
        Ok(codes) => codes,
        Err(e) => panic!("the shipped municipalities cannot be read: {e}"),
    })
}

/// The exchange import of `data` in `format`: read, then checked against the reference
/// organisations as the store would answer for the partners it names. What would be stored is
/// keyed in the file's namespace, names only partners that exist, and has money only from those
/// partners; a refusal always gives a reason.
pub fn exchange(data: &[u8], format: samenspel_app::exchange::Format) {
    use samenspel_app::exchange::{FILE_PREFIX, ReadFile};
    let read = ReadFile::read(data, format);
    let known: HashSet<_> = read
        .partner_codes()
        .into_iter()
        .filter(|code| reference_codes().contains(code))
        .collect();
    match read.check(&known) {
        Ok(collaborations) => {
            for c in &collaborations {
                assert!(c.source_key.starts_with(FILE_PREFIX), "{}", c.source_key);
                assert!(c.partners.iter().all(|p| known.contains(&p.code)));
                for m in c.money.iter().flatten() {
                    assert!(
                        c.partners.iter().any(|p| p.code == m.partner),
                        "money of {}",
                        m.partner
                    );
                }
            }
        }
        Err(errors) => assert!(!errors.is_empty(), "a refusal without a reason"),
    }
}
