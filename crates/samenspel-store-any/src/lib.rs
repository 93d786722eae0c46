//! Chooses the backend once, from the URL: the only place besides the backends themselves
//! that knows which databases exist.

use std::sync::Arc;

use samenspel_store::{DatabaseUrl, Store, StoreResult};

/// Connects to the database at `url` (without migrating).
pub async fn connect(url: &str) -> StoreResult<Arc<dyn Store>> {
    Ok(match DatabaseUrl::parse(url)? {
        DatabaseUrl::Sqlite(url) => Arc::new(samenspel_store_sqlite::connect(&url).await?),
        DatabaseUrl::Postgres(url) => Arc::new(samenspel_store_postgres::connect(&url).await?),
    })
}
