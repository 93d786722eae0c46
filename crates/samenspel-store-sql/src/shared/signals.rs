//! The signals of each collaboration (`samenspel_domain::signals`), kept in
//! `collaboration_signals` by every write that changes what they are worked out from — the
//! collaboration and its partners, a stance, the democratic control, the money, how residents
//! take part — in that
//! write's transaction. Lists read them instead of analysing every collaboration per request.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;
use samenspel_domain::collaboration::CollaborationKind;
use samenspel_domain::control::DemocraticControl;
use samenspel_domain::money::Contribution;
use samenspel_domain::signals::{Signal, SignalFacts, SignalKind, SignalPartner, signals_of};
use samenspel_store::ContributionRecord;
use samenspel_store::StanceRecord;

use super::bulk::{Binds, delete_in, insert_rows};
use super::collaborations::kind;
use super::control::control;
use super::id_runs::{IdRange, id_ranges};
use super::money::{ContributionRow, contribution_columns};
use super::organisations::{org_code, org_type};
use super::stances::{StanceRow, stance_columns};
use super::{Conn, SqlStore};
use crate::error::{Error, Result, corrupt};

/// The version of the rules that wrote the rows; the store works every collaboration's
/// signals out again when the database holds an older one (raise it when a rule changes).
const SIGNALS_VERSION: i64 = 2;

const STORED_VERSION: &str = "SELECT version FROM signals_state WHERE id = 1";
const SET_VERSION: &str = "UPDATE signals_state SET version = $1 WHERE id = 1";

// Each statement reads the collaborations with ids `$1` to `$2` (see `id_runs`), ordered by id.
const KINDS: &str = "SELECT id, kind FROM collaborations WHERE id BETWEEN $1 AND $2 ORDER BY id";
const PARTNERS: &str = "SELECT p.collaboration_id, p.org_code, o.org_type FROM collaboration_partners p \
     JOIN organisations o ON o.code = p.org_code WHERE p.collaboration_id BETWEEN $1 AND $2 \
     ORDER BY p.collaboration_id, p.org_code";
const STANCES: &str = concat!(
    stance_columns!(),
    " WHERE collaboration_id BETWEEN $1 AND $2 AND phase IS NULL ORDER BY stated_at, id"
);
const CONTROLS: &str = "SELECT collaboration_id, control_json FROM democratic_control \
     WHERE collaboration_id BETWEEN $1 AND $2";
const CONTRIBUTIONS: &str = concat!(
    contribution_columns!(),
    "WHERE collaboration_id BETWEEN $1 AND $2"
);

/// Takes the collaboration's row lock (PostgreSQL; SQLite has one writer), so two writes to
/// one collaboration work its signals out one after the other, the later seeing the earlier.
const LOCK_COLLABORATION: &str = "UPDATE collaborations SET version = version WHERE id = $1";
const PARTICIPATION: &str =
    "SELECT collaboration_id FROM participation WHERE collaboration_id BETWEEN $1 AND $2";

const DELETE_ALL: &str = "DELETE FROM collaboration_signals";
const DELETE_OF: &str = "DELETE FROM collaboration_signals WHERE collaboration_id IN ";
const INSERT_ROWS: &str = "INSERT INTO collaboration_signals (collaboration_id, signal, count, due_on) ";

#[derive(sqlx::FromRow)]
struct KindRow {
    id: i64,
    kind: String,
}

#[derive(sqlx::FromRow)]
struct PartnerRow {
    collaboration_id: i64,
    org_code: String,
    org_type: String,
}

#[derive(sqlx::FromRow)]
struct ControlRow {
    collaboration_id: i64,
    control_json: String,
}

/// A stored signal of one collaboration.
#[derive(sqlx::FromRow)]
pub(super) struct SignalRow {
    pub collaboration_id: i64,
    signal: String,
    count: i64,
    due_on: Option<NaiveDate>,
}

impl TryFrom<SignalRow> for Signal {
    type Error = Error;

    fn try_from(row: SignalRow) -> Result<Self> {
        Ok(Signal {
            kind: SignalKind::from_key(&row.signal).ok_or_else(|| corrupt("signal", &row.signal))?,
            count: u32::try_from(row.count).map_err(|_| corrupt("signal count", &row.count.to_string()))?,
            due_on: row.due_on,
        })
    }
}

/// Everything the signals of the collaborations in scope are worked out from.
async fn facts(conn: &mut Conn, ids: IdRange) -> Result<BTreeMap<i64, SignalFacts>> {
    let kinds: Vec<KindRow> = sqlx::query_as(KINDS)
        .bind(ids.first)
        .bind(ids.last)
        .fetch_all(&mut *conn)
        .await?;
    let mut facts: BTreeMap<i64, SignalFacts> = BTreeMap::new();
    for row in kinds {
        let kind: CollaborationKind = kind(&row.kind)?;
        facts.insert(
            row.id,
            SignalFacts {
                kind,
                partners: Vec::new(),
                control: None,
                contributions: Vec::new(),
                participation_recorded: false,
            },
        );
    }
    let partners: Vec<PartnerRow> = sqlx::query_as(PARTNERS)
        .bind(ids.first)
        .bind(ids.last)
        .fetch_all(&mut *conn)
        .await?;
    for row in partners {
        if let Some(f) = facts.get_mut(&row.collaboration_id) {
            f.partners.push(SignalPartner {
                code: org_code(&row.org_code)?,
                org_type: org_type(&row.org_type)?,
                stance: None,
            });
        }
    }
    // The latest stance on the collaboration as a whole: the rows come oldest first.
    let stances: Vec<StanceRow> = sqlx::query_as(STANCES)
        .bind(ids.first)
        .bind(ids.last)
        .fetch_all(&mut *conn)
        .await?;
    for row in stances {
        let record = StanceRecord::try_from(row)?;
        let partner = facts
            .get_mut(&record.collaboration_id)
            .and_then(|f| f.partners.iter_mut().find(|p| p.code == record.code));
        if let Some(partner) = partner {
            partner.stance = Some(record.stance);
        }
    }
    let controls: Vec<ControlRow> = sqlx::query_as(CONTROLS)
        .bind(ids.first)
        .bind(ids.last)
        .fetch_all(&mut *conn)
        .await?;
    for row in controls {
        let stored: DemocraticControl = control(&row.control_json)?;
        if let Some(f) = facts.get_mut(&row.collaboration_id) {
            f.control = Some(stored);
        }
    }
    let money: Vec<ContributionRow> = sqlx::query_as(CONTRIBUTIONS)
        .bind(ids.first)
        .bind(ids.last)
        .fetch_all(&mut *conn)
        .await?;
    for row in money {
        let collaboration = row.collaboration_id;
        let contribution: Contribution = ContributionRecord::try_from(row)?.contribution;
        if let Some(f) = facts.get_mut(&collaboration) {
            f.contributions.push(contribution);
        }
    }
    let recorded: Vec<i64> = sqlx::query_scalar(PARTICIPATION)
        .bind(ids.first)
        .bind(ids.last)
        .fetch_all(&mut *conn)
        .await?;
    for collaboration in recorded {
        if let Some(f) = facts.get_mut(&collaboration) {
            f.participation_recorded = true;
        }
    }
    Ok(facts)
}

/// Writes the signals of the collaborations in `facts` (whose rows are gone).
async fn insert<'a>(conn: &mut Conn, facts: impl Iterator<Item = (i64, &'a SignalFacts)>) -> Result<()> {
    let rows: Vec<(i64, Signal)> = facts
        .flat_map(|(id, f)| signals_of(f).into_iter().map(move |s| (id, s)))
        .collect();
    insert_rows(conn, INSERT_ROWS, &rows, |row, (id, signal)| {
        row.value(id)?;
        row.value(signal.kind.key())?;
        row.value(i64::from(signal.count))?;
        row.value(signal.due_on)
    })
    .await
}

/// Works out the signals of collaboration `id` again, after a change to it or to what they
/// are worked out from; a collaboration that no longer exists keeps none.
pub(super) async fn refresh_signals(conn: &mut Conn, id: i64) -> Result<()> {
    sqlx::query(LOCK_COLLABORATION)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    refresh_signals_of(conn, &[id]).await
}

/// Works out the signals of the collaborations `ids` again, reading what they are worked out
/// from one range of ids at a time (an import's many collaborations in a few queries). The
/// caller has written each of them in this transaction (which holds its row lock on
/// PostgreSQL), or calls [`refresh_signals`], which takes it.
pub(super) async fn refresh_signals_of(conn: &mut Conn, ids: &[i64]) -> Result<()> {
    write_signals(conn, ids, true).await
}

/// Works out the signals of the collaborations `ids`, which this transaction created (and
/// which so have none yet: a removed collaboration's signals go with it).
pub(super) async fn signals_of_new(conn: &mut Conn, ids: &[i64]) -> Result<()> {
    write_signals(conn, ids, false).await
}

async fn write_signals(conn: &mut Conn, ids: &[i64], replace: bool) -> Result<()> {
    let wanted: HashSet<i64> = ids.iter().copied().collect();
    for range in id_ranges(ids) {
        let facts = facts(conn, range).await?;
        let these: Vec<i64> = (range.first..=range.last)
            .filter(|id| wanted.contains(id))
            .collect();
        if replace {
            delete_in(conn, DELETE_OF, &these).await?;
        }
        insert(
            conn,
            these.iter().filter_map(|id| facts.get(id).map(|f| (*id, f))),
        )
        .await?;
    }
    Ok(())
}

/// Works out every collaboration's signals again; returns how many collaborations there are.
async fn rebuild(conn: &mut Conn) -> Result<usize> {
    sqlx::query(DELETE_ALL).execute(&mut *conn).await?;
    let all = facts(conn, IdRange::ALL).await?;
    insert(conn, all.iter().map(|(id, f)| (*id, f))).await?;
    sqlx::query(SET_VERSION)
        .bind(SIGNALS_VERSION)
        .execute(&mut *conn)
        .await?;
    Ok(all.len())
}

impl SqlStore {
    /// Works the signals out again when the database's rows were written by older rules
    /// (after the migration that adds them, or a change of [`SIGNALS_VERSION`]).
    pub(super) async fn bring_signals_up_to_date(&self) -> Result<()> {
        let mut conn = self.pool.acquire().await?;
        let stored: i64 = sqlx::query_scalar(STORED_VERSION).fetch_one(&mut *conn).await?;
        drop(conn);
        if stored < SIGNALS_VERSION {
            let mut tx = self.write().await?;
            rebuild(&mut tx).await?;
            tx.commit_unaudited_shown().await?;
        }
        Ok(())
    }
}
