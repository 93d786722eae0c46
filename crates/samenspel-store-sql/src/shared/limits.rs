//! Limits per key shared by every process on one database: one row per (scope, key) with the
//! start of its fixed window (from the first hit) and the hits in it, counted by one atomic
//! upsert, so two processes cannot both let the last hit through. A refused hit is not kept.

use super::SqlStore;
use crate::error::Result;

/// A hit: a new row, or a row whose window has ended starts again at one; otherwise one more.
const HIT: &str = "INSERT INTO rate_limits (scope, key, window_start, hits) VALUES ($1, $2, $3, 1) \
     ON CONFLICT (scope, key) DO UPDATE SET \
     hits = CASE WHEN rate_limits.window_start <= $4 THEN 1 ELSE rate_limits.hits + 1 END, \
     window_start = CASE WHEN rate_limits.window_start <= $4 THEN $3 ELSE rate_limits.window_start END \
     RETURNING hits";

const FORGET: &str = "DELETE FROM rate_limits WHERE scope = $1 AND window_start <= $2";

pub(super) async fn admit_hit(
    store: &SqlStore,
    scope: &str,
    key: &str,
    limit: u32,
    window_seconds: i64,
    now: i64,
) -> Result<bool> {
    let ended = now - window_seconds;
    let mut tx = store.write().await?;
    sqlx::query(FORGET)
        .bind(scope)
        .bind(ended)
        .execute(&mut *tx)
        .await?;
    let hits: i64 = sqlx::query_scalar(HIT)
        .bind(scope)
        .bind(key)
        .bind(now)
        .bind(ended)
        .fetch_one(&mut *tx)
        .await?;
    if hits > i64::from(limit) {
        // Refused: the transaction is dropped unfinished, so a refusal stores nothing.
        return Ok(false);
    }
    tx.commit_unaudited().await?;
    Ok(true)
}
