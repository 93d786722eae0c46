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
