//! Reading across collaborations: the filtered list, one organisation's involvements (with
//! its money and the democratic control), and the municipal partners per collaboration.
//! Every query here applies the reader's [`Visibility`] (drafts only for their partners).

use chrono::NaiveDate;
use samenspel_domain::org::OrgCode;
use samenspel_domain::signals::{Signal, SignalKind};
use samenspel_store::{
    CollaborationFilter, CollaborationSummary, Involvement, ListOrder, MunicipalGroup, Page, Paged,
    SignalFilter, Visibility,
};

use super::collaborations::{kind, partner_role, wgr_form};
use super::control::control;
use super::money::{CONTRIBUTIONS_OF_ORG, ContributionRow};
use super::read::fetch_all_into;
use super::signals::SignalRow;
use super::{Arguments, SqlStore, push};
use crate::error::{Error, Result};
use crate::text::{contains_pattern, count, like_patterns, visibility_flags};

/// The filters of the list. Lists of values arrive as one comma-separated text (`$1` types,
/// `$6` region members, `$10` organisations, `$11` signals or `*` for any); `$12` is the day
/// on which signals are judged.
macro_rules! collaboration_where {
    () => {
        "WHERE ($1 IS NULL OR (',' || $1 || ',') LIKE ('%,' || c.kind || ',%')) \
     AND ($2 IS NULL OR c.name_search LIKE $2 ESCAPE '\\') \
     AND ($3 IS NULL OR EXISTS (SELECT 1 FROM collaboration_partners p WHERE p.collaboration_id = c.id AND p.org_code = $3)) \
     AND ($4 OR c.published OR ($5 IS NOT NULL AND EXISTS (SELECT 1 FROM collaboration_partners p JOIN memberships m ON m.org_code = p.org_code \
          WHERE p.collaboration_id = c.id AND m.user_id = $5))) \
     AND ($6 IS NULL OR EXISTS (SELECT 1 FROM collaboration_partners p WHERE p.collaboration_id = c.id \
          AND (',' || $6 || ',') LIKE ('%,' || p.org_code || ',%'))) \
     AND ($7 IS NULL OR LOWER(c.policy_areas) LIKE $7 ESCAPE '\\') \
     AND ($8 IS NULL \
          OR ($8 = 'lopend' AND (c.start_date IS NULL OR c.start_date <= $9) AND (c.end_date IS NULL OR c.end_date >= $9)) \
          OR ($8 = 'beeindigd' AND c.end_date < $9)) \
     AND ($10 IS NULL OR EXISTS (SELECT 1 FROM collaboration_partners p WHERE p.collaboration_id = c.id \
          AND (',' || $10 || ',') LIKE ('%,' || p.org_code || ',%'))) \
     AND ($11 IS NULL OR EXISTS (SELECT 1 FROM collaboration_signals s WHERE s.collaboration_id = c.id \
          AND ($11 = '*' OR (',' || $11 || ',') LIKE ('%,' || s.signal || ',%')) AND (s.due_on IS NULL OR s.due_on < $12)))"
    };
}

/// The columns of a list row.
macro_rules! summary_columns {
    () => {
        "SELECT c.id, c.name, c.kind, c.region, c.start_date, c.end_date, c.demo_key, c.published, \
     (SELECT COUNT(*) FROM collaboration_partners p WHERE p.collaboration_id = c.id) AS partner_count \
     FROM collaborations c "
    };
}

const COUNT_COLLABORATIONS: &str = concat!("SELECT COUNT(*) FROM collaborations c ", collaboration_where!());

/// Per signal, how many of the collaborations found have it on day `$12`.
const SIGNAL_COUNTS: &str = concat!(
    "SELECT s.signal, COUNT(*) FROM collaboration_signals s JOIN collaborations c ON c.id = s.collaboration_id ",
    collaboration_where!(),
    " AND (s.due_on IS NULL OR s.due_on < $12) GROUP BY s.signal"
);

/// In name order, after collaboration `$13` (keyset paging) when given.
const LIST_BY_NAME: &str = concat!(
    summary_columns!(),
    collaboration_where!(),
    " AND ($13 IS NULL OR (c.name_search, c.id) > (SELECT x.name_search, x.id FROM collaborations x WHERE x.id = $13))",
    " ORDER BY c.name_search, c.id LIMIT $14 OFFSET $15"
);

/// Most signals (on day `$12`) first.
const LIST_BY_SIGNALS: &str = concat!(
    summary_columns!(),
    collaboration_where!(),
    " ORDER BY (SELECT COUNT(*) FROM collaboration_signals s WHERE s.collaboration_id = c.id \
     AND (s.due_on IS NULL OR s.due_on < $12)) DESC, c.name_search, c.id LIMIT $13 OFFSET $14"
);

/// The stored signals of the collaborations on one page (their ids, written into the
/// statement as numbers).
fn signals_of_page(ids: &[i64]) -> String {
    let list: Vec<String> = ids.iter().map(i64::to_string).collect();
    format!(
        "SELECT collaboration_id, signal, count, due_on FROM collaboration_signals \
         WHERE collaboration_id IN ({}) ORDER BY collaboration_id, signal",
        list.join(",")
    )
}

const INVOLVEMENTS: &str = "SELECT c.id, c.name, c.name_search, c.kind, c.wgr_form, c.start_date, c.end_date, c.published, \
     p.role, p.joined_on, NULL AS left_on, p.organs, \
     (SELECT d.control_json FROM democratic_control d WHERE d.collaboration_id = c.id) AS control_json \
     FROM collaboration_partners p JOIN collaborations c ON c.id = p.collaboration_id \
     WHERE p.org_code = $1 AND ($2 OR c.published OR ($3 IS NOT NULL AND EXISTS (SELECT 1 FROM collaboration_partners q \
     JOIN memberships m ON m.org_code = q.org_code WHERE q.collaboration_id = c.id AND m.user_id = $3))) \
     UNION ALL \
     SELECT c.id, c.name, c.name_search, c.kind, c.wgr_form, c.start_date, c.end_date, c.published, \
     'deelnemer' AS role, f.joined_on, f.left_on, '[]' AS organs, NULL AS control_json \
     FROM collaboration_former_partners f JOIN collaborations c ON c.id = f.collaboration_id \
     WHERE f.org_code = $1 AND ($2 OR c.published OR ($3 IS NOT NULL AND EXISTS (SELECT 1 FROM collaboration_partners q \
     JOIN memberships m ON m.org_code = q.org_code WHERE q.collaboration_id = c.id AND m.user_id = $3))) \
     ORDER BY name_search, id";

/// The municipal partners of every collaboration the reader may see, one row per partner.
/// The organisation's type is asked with `EXISTS`, not joined: joined, SQLite started from the
/// municipalities and their partnerships and sorted every row at the end; this way it walks
/// the collaborations in id order and each one's partners in code order (the primary key), so
/// nothing is sorted (2.4 times faster at 21,191 collaborations, docs/BENCHMARKS.md).
const MUNICIPAL_GROUPS: &str = "SELECT c.id, c.name, c.kind, c.start_date, c.end_date, p.org_code \
     FROM collaborations c JOIN collaboration_partners p ON p.collaboration_id = c.id \
     WHERE EXISTS (SELECT 1 FROM organisations o WHERE o.code = p.org_code AND o.org_type = 'gemeente') AND ($1 OR c.published OR ($2 IS NOT NULL AND EXISTS (SELECT 1 FROM collaboration_partners q \
     JOIN memberships m ON m.org_code = q.org_code WHERE q.collaboration_id = c.id AND m.user_id = $2))) \
     ORDER BY c.id, p.org_code";

/// The municipal partners of [`MUNICIPAL_GROUPS`] without the rest: one row per collaboration,
/// its GM codes in code order joined by commas (codes hold no commas). Reading 65,000 partner
/// rows one by one cost more than the query itself (each row is handed from SQLite's thread
/// to the runtime's); one row per collaboration is a third of them. The terms on `c` alone
/// (the visibility) are tested once per collaboration, in the outer loop.
const MUNICIPAL_PARTNERS: &str = "SELECT c.id, string_agg(p.org_code, ',' ORDER BY p.org_code) \
     FROM collaborations c JOIN collaboration_partners p ON p.collaboration_id = c.id \
     WHERE EXISTS (SELECT 1 FROM organisations o WHERE o.code = p.org_code AND o.org_type = 'gemeente') AND ($1 OR c.published OR ($2 IS NOT NULL AND EXISTS (SELECT 1 FROM collaboration_partners q \
     JOIN memberships m ON m.org_code = q.org_code WHERE q.collaboration_id = c.id AND m.user_id = $2))) \
     GROUP BY c.id ORDER BY c.id";

/// The bind values `$1`–`$12` of [`collaboration_where!`] for `filter`.
fn filter_arguments(filter: &CollaborationFilter) -> Result<Arguments> {
    let joined = |values: Vec<&str>| (!values.is_empty()).then(|| values.join(","));
    let (name_like, _) = like_patterns(filter.query.as_deref());
    let (see_all, user_id) = visibility_flags(&filter.visibility);
    let any_partner = filter
        .any_partner
        .as_ref()
        .map(|codes| codes.iter().map(OrgCode::as_str).collect::<Vec<_>>().join(","));
    let policy_like = filter
        .policy_area
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(contains_pattern);
    let signals = match &filter.signals {
        SignalFilter::None => None,
        SignalFilter::Any => Some("*".to_owned()),
        SignalFilter::AnyOf(kinds) => Some(kinds.iter().map(|k| k.key()).collect::<Vec<_>>().join(",")),
    };
    let mut args = Arguments::default();
    push(&mut args, joined(filter.kinds.iter().map(|k| k.key()).collect()))?;
    push(&mut args, name_like.as_deref())?;
    push(&mut args, filter.organisation.as_ref().map(OrgCode::as_str))?;
    push(&mut args, see_all)?;
    push(&mut args, user_id)?;
    push(&mut args, any_partner.as_deref())?;
    push(&mut args, policy_like.as_deref())?;
    push(&mut args, filter.activity.map(|(a, _)| a.key()))?;
    push(&mut args, filter.activity.map(|(_, day)| day))?;
    push(
        &mut args,
        joined(filter.organisations.iter().map(OrgCode::as_str).collect()),
    )?;
    push(&mut args, signals.as_deref())?;
    push(&mut args, filter.today)?;
    Ok(args)
}

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: i64,
    name: String,
    kind: String,
    region: Option<String>,
    start_date: Option<NaiveDate>,
    end_date: Option<NaiveDate>,
    partner_count: i64,
    demo_key: Option<String>,
    published: bool,
}

impl TryFrom<SummaryRow> for CollaborationSummary {
    type Error = Error;

    fn try_from(row: SummaryRow) -> Result<Self> {
        Ok(CollaborationSummary {
            id: row.id,
            kind: kind(&row.kind)?,
            name: row.name,
            region: row.region,
            start_date: row.start_date,
            end_date: row.end_date,
            partner_count: count(row.partner_count),
            demo: row.demo_key.is_some(),
            published: row.published,
            signals: Vec::new(),
        })
    }
}

#[derive(sqlx::FromRow)]
struct InvolvementRow {
    id: i64,
    name: String,
    kind: String,
    wgr_form: Option<String>,
    start_date: Option<NaiveDate>,
    end_date: Option<NaiveDate>,
    published: bool,
    role: String,
    joined_on: Option<NaiveDate>,
    left_on: Option<NaiveDate>,
    /// A JSON array of body keys.
    organs: String,
    control_json: Option<String>,
}

impl TryFrom<InvolvementRow> for Involvement {
    type Error = Error;

    fn try_from(row: InvolvementRow) -> Result<Self> {
        Ok(Involvement {
            id: row.id,
            name: row.name,
            kind: kind(&row.kind)?,
            wgr_form: wgr_form(row.wgr_form.as_deref())?,
            role: partner_role(&row.role)?,
            joined_on: row.joined_on,
            left_on: row.left_on,
            start_date: row.start_date,
            end_date: row.end_date,
            published: row.published,
            organs: super::collaborations::organs(&row.organs)?,
            control: row.control_json.as_deref().map(control).transpose()?,
            money: Vec::new(),
        })
    }
}

#[derive(sqlx::FromRow)]
struct GroupRow {
    id: i64,
    name: String,
    kind: String,
    start_date: Option<NaiveDate>,
    end_date: Option<NaiveDate>,
    org_code: String,
}

impl SqlStore {
    pub(super) async fn summaries(
        &self,
        filter: &CollaborationFilter,
        page: Page,
    ) -> Result<Paged<CollaborationSummary>> {
        let mut args = filter_arguments(filter)?;
        let total: i64 = sqlx::query_scalar_with(COUNT_COLLABORATIONS, args.clone())
            .fetch_one(&self.pool)
            .await?;
        let mut offset = page.offset;
        let statement = match filter.order {
            ListOrder::Name => {
                push(&mut args, filter.after)?;
                if filter.after.is_some() {
                    offset = 0;
                }
                LIST_BY_NAME
            }
            ListOrder::Signals => LIST_BY_SIGNALS,
        };
        push(&mut args, i64::from(page.limit))?;
        push(&mut args, i64::from(offset))?;
        let query = sqlx::query_as_with::<_, SummaryRow, _>(statement, args);
        let mut items: Vec<CollaborationSummary> = fetch_all_into(query, &self.pool).await?;
        self.attach_signals(&mut items, filter.today).await?;
        Ok(Paged {
            items,
            total: count(total),
        })
    }

    pub(super) async fn signals_found(&self, filter: &CollaborationFilter) -> Result<Vec<(SignalKind, u64)>> {
        let rows: Vec<(String, i64)> = sqlx::query_as_with(SIGNAL_COUNTS, filter_arguments(filter)?)
            .fetch_all(&self.pool)
            .await?;
        let mut counts = Vec::new();
        for kind in SignalKind::ALL {
            if let Some((_, n)) = rows.iter().find(|(key, _)| key == kind.key()) {
                counts.push((*kind, count(*n)));
            }
        }
        Ok(counts)
    }

    /// Gives each listed collaboration its signals that hold on `today`.
    async fn attach_signals(&self, items: &mut [CollaborationSummary], today: NaiveDate) -> Result<()> {
        let ids: Vec<i64> = items.iter().map(|c| c.id).collect();
        for (id, signals) in self.stored_signals(&ids, today).await? {
            if let Some(item) = items.iter_mut().find(|c| c.id == id) {
                item.signals = signals;
            }
        }
        Ok(())
    }

    /// The stored signals of collaborations `ids` that hold on `today`, in the kinds' order.
    pub(super) async fn stored_signals(
        &self,
        ids: &[i64],
        today: NaiveDate,
    ) -> Result<Vec<(i64, Vec<Signal>)>> {
        let mut out: Vec<(i64, Vec<Signal>)> = Vec::new();
        for chunk in ids.chunks(500) {
            let rows: Vec<SignalRow> = sqlx::query_as(sqlx::AssertSqlSafe(signals_of_page(chunk)))
                .fetch_all(&self.pool)
                .await?;
            for row in rows {
                let id = row.collaboration_id;
                let signal = Signal::try_from(row)?;
                if !signal.active_on(today) {
                    continue;
                }
                match out.last_mut() {
                    Some((last, signals)) if *last == id => signals.push(signal),
                    _ => out.push((id, vec![signal])),
                }
            }
        }
        for (_, signals) in &mut out {
            signals.sort_by_key(|s| SignalKind::ALL.iter().position(|k| *k == s.kind));
        }
        Ok(out)
    }

    pub(super) async fn involvements_of(
        &self,
        code: &OrgCode,
        visibility: &Visibility,
    ) -> Result<Vec<Involvement>> {
        let (see_all, user_id) = visibility_flags(visibility);
        let query = sqlx::query_as::<_, InvolvementRow>(INVOLVEMENTS)
            .bind(code.as_str())
            .bind(see_all)
            .bind(user_id);
        let mut items: Vec<Involvement> = fetch_all_into(query, &self.pool).await?;
        let money: Vec<ContributionRow> = sqlx::query_as(CONTRIBUTIONS_OF_ORG)
            .bind(code.as_str())
            .fetch_all(&self.pool)
            .await?;
        for row in money {
            let collaboration = row.collaboration_id;
            if let Some(item) = items.iter_mut().find(|i| i.id == collaboration) {
                item.money
                    .push(samenspel_store::ContributionRecord::try_from(row)?.contribution);
            }
        }
        Ok(items)
    }

    pub(super) async fn groups(&self, visibility: &Visibility) -> Result<Vec<MunicipalGroup>> {
        let (see_all, user_id) = visibility_flags(visibility);
        let rows: Vec<GroupRow> = sqlx::query_as(MUNICIPAL_GROUPS)
            .bind(see_all)
            .bind(user_id)
            .fetch_all(&self.pool)
            .await?;
        let mut groups: Vec<MunicipalGroup> = Vec::new();
        for row in rows {
            match groups.last_mut() {
                Some(group) if group.id == row.id => group.members.push(row.org_code),
                _ => groups.push(MunicipalGroup {
                    id: row.id,
                    kind: kind(&row.kind)?,
                    name: row.name,
                    start_date: row.start_date,
                    end_date: row.end_date,
                    members: vec![row.org_code],
                }),
            }
        }
        Ok(groups)
    }

    pub(super) async fn partner_codes(&self, visibility: &Visibility) -> Result<Vec<(i64, Vec<String>)>> {
        let (see_all, user_id) = visibility_flags(visibility);
        let rows: Vec<(i64, String)> = sqlx::query_as(MUNICIPAL_PARTNERS)
            .bind(see_all)
            .bind(user_id)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows
            .into_iter()
            .map(|(id, codes)| (id, codes.split(',').map(str::to_owned).collect()))
            .collect())
    }
}
