//! A limit on exports by anonymous visitors: the export is the whole register (at national
//! scale about 15 MB of JSON and a couple of seconds of a core), open to anyone, so one address
//! may start at most [`ANONYMOUS_EXPORTS`] in a window of [`ANONYMOUS_EXPORT_WINDOW`]. Enough
//! for an office behind one address that downloads the open data now and then; a script that
//! asks for it in a loop is refused with 429 instead of keeping the server's cores busy.
//! Signed-in callers (a token or a session) are not counted. Counted per address as
//! [`crate::address_limit`] counts.

use std::time::Duration;

use crate::address_limit::{AddressLimit, hashed_key};
use crate::{App, AppError, AppResult, Principal};

/// Exports an anonymous address may start within one [`ANONYMOUS_EXPORT_WINDOW`].
pub const ANONYMOUS_EXPORTS: u32 = 30;

/// The window of [`ANONYMOUS_EXPORTS`], from the first export counted in it.
pub const ANONYMOUS_EXPORT_WINDOW: Duration = Duration::from_secs(10 * 60);

const EXPORTS: AddressLimit = AddressLimit {
    scope: "anonymous-export",
    most: ANONYMOUS_EXPORTS,
    window: ANONYMOUS_EXPORT_WINDOW,
};

/// The key of an address: a hash, so the table holds no address.
pub fn export_key(address: &str) -> String {
    hashed_key("export", address)
}

impl App {
    /// Counts an export that `who` from `address` is about to start: anonymous visitors are
    /// refused ([`AppError::TooManyAttempts`], nothing counted) once the address has started
    /// [`ANONYMOUS_EXPORTS`] in this window; everyone else passes uncounted.
    pub async fn admit_export(&self, who: &Principal, address: &str) -> AppResult<()> {
        if !matches!(who, Principal::Anonymous) || self.admit(&EXPORTS, &export_key(address)).await? {
            return Ok(());
        }
        Err(AppError::TooManyAttempts(crate::refusals::too_many_exports(
            ANONYMOUS_EXPORTS,
            ANONYMOUS_EXPORT_WINDOW.as_secs() / 60,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::export_key;

    #[test]
    fn the_key_holds_no_address_and_differs_per_address() {
        let key = export_key("10.0.0.1");
        assert_eq!(key.len(), 64);
        assert!(!key.contains("10.0.0.1"));
        assert_ne!(key, export_key("10.0.0.2"));
    }
}
