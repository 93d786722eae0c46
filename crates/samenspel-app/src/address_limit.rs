//! Limits per address on what anyone may do without signing in (answers by a wave's link,
//! exports of the whole register). Counted in the database
//! ([`samenspel_store::Store::admit_hit`]), so every process on one database shares a count
//! (issue 16, item 2) and a restart does not forget it; the database keeps a hash of the
//! address with what it is counted for, never the address, and forgets it when the window ends.

use std::time::Duration;

use crate::{App, AppResult};

/// How many hits of one key a window allows, and under which scope they are counted.
pub(crate) struct AddressLimit {
    pub scope: &'static str,
    pub most: u32,
    pub window: Duration,
}

/// The key of `address` counted for `what`: a hash, so the table holds no address.
pub(crate) fn hashed_key(what: &str, address: &str) -> String {
    samenspel_domain::attachment::sha256_hex(format!("{what}\u{1f}{address}").as_bytes())
}

impl App {
    /// Counts a hit of `key` under `limit`; false once the key has reached the limit in this
    /// window (that hit is not counted).
    pub(crate) async fn admit(&self, limit: &AddressLimit, key: &str) -> AppResult<bool> {
        let window = i64::try_from(limit.window.as_secs()).unwrap_or(i64::MAX);
        Ok(self
            .store
            .admit_hit(limit.scope, key, limit.most, window, self.clock.now().timestamp())
            .await?)
    }
}
