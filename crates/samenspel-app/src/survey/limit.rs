//! A limit on anonymous answers by a wave's link: anyone with the link may answer, so one
//! address may give at most [`LINK_ANSWERS`] answers per wave in a window of [`LINK_WINDOW`].
//! Generous enough for an office behind one address, tight enough that a script cannot flood a
//! wave. Counted per wave and address as [`crate::address_limit`] counts. Personal invitations
//! are not limited: each gives one response.

use std::time::Duration;

use crate::address_limit::{AddressLimit, hashed_key};
use crate::{App, AppResult};

/// Answers by link allowed per address and wave within one [`LINK_WINDOW`].
pub const LINK_ANSWERS: u32 = 30;

pub const LINK_WINDOW: Duration = Duration::from_secs(10 * 60);

const LINK: AddressLimit = AddressLimit {
    scope: "survey-link",
    most: LINK_ANSWERS,
    window: LINK_WINDOW,
};

/// The key of an address for a wave: a hash, so the table holds no address.
pub fn link_key(wave_id: i64, address: &str) -> String {
    hashed_key(&wave_id.to_string(), address)
}

impl App {
    /// Counts an answer by `address` to wave `wave_id` by its link; false when the address has
    /// reached the limit in this window.
    pub(crate) async fn admit_link_answer(&self, wave_id: i64, address: &str) -> AppResult<bool> {
        self.admit(&LINK, &link_key(wave_id, address)).await
    }
}

#[cfg(test)]
mod tests {
    use super::link_key;

    #[test]
    fn the_key_holds_no_address_and_differs_per_wave_and_address() {
        let key = link_key(1, "10.0.0.1");
        assert_eq!(key.len(), 64);
        assert!(!key.contains("10.0.0.1"));
        assert_ne!(key, link_key(2, "10.0.0.1"));
        assert_ne!(key, link_key(1, "10.0.0.2"));
        assert_ne!(
            link_key(1, "1"),
            link_key(11, ""),
            "the separator keeps them apart"
        );
    }
}
