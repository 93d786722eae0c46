//! Adding the new collaborations of an import a chunk at a time: their rows, phases, partners
//! and money each in one multi-row statement per chunk (see `bulk`), instead of a statement
//! per row. What is written is what adding them one by one writes.

use std::collections::HashMap;

use chrono::{DateTime, TimeDelta, Utc};
use samenspel_domain::audit::Actor;
use samenspel_domain::money::Contribution;
use samenspel_store::{RegisteredCollaboration, RegisteredPartner, StoreError, conflict};
use sqlx::Row;

use super::Conn;
use super::bulk::{Binds, delete_in, insert_rows, values_statement};
use super::collaborations::{FIELD_COLUMNS, organs_text, push_fields};
use crate::error::{Constraint, Result};

const INSERT_HEAD: &str = "INSERT INTO collaborations (";
const INSERT_REST: &str =
    ", demo_key, version, created_at, updated_at, source_key, source_hash, published, source_url) ";

const CLAIM_ADDRESSES: &str = "DELETE FROM collaboration_redirects WHERE old_id IN ";

const INSERT_PHASES: &str = "INSERT INTO collaboration_phases (collaboration_id, position, name) ";

const INSERT_PARTNERS: &str = "INSERT INTO collaboration_partners (collaboration_id, org_code, role, added_at, joined_on, notes, organs) ";

const INSERT_MONEY: &str = "INSERT INTO contributions (collaboration_id, org_code, year, amount_cents, instrument, status, recorded_by, recorded_at) ";

/// Inserts the rows of `items` (new collaborations, all published); returns their ids in the
/// order of `items`.
async fn insert_collaborations(
    conn: &mut Conn,
    items: &[&RegisteredCollaboration],
    now: DateTime<Utc>,
) -> Result<Vec<i64>> {
    let head = format!("{INSERT_HEAD}{FIELD_COLUMNS}{INSERT_REST}");
    let mut builder = values_statement(&head, items, " RETURNING id, source_key", |row, item| {
        push_fields(row, &item.fields)?;
        row.value(None::<&str>)?;
        row.value(1_i64)?;
        row.value(now)?;
        row.value(now)?;
        row.value(&item.source_key)?;
        row.value(&item.source_hash)?;
        row.value(true)?;
        row.value(item.source_url.as_deref())
    })?;
    let rows =
        builder.build().fetch_all(&mut *conn).await.map_err(
            Constraint::Unique.refuses(|| StoreError::Conflict(conflict::collaboration_key_taken())),
        )?;
    let mut ids: HashMap<String, i64> = HashMap::with_capacity(rows.len());
    for row in rows {
        ids.insert(row.try_get("source_key")?, row.try_get("id")?);
    }
    items
        .iter()
        .map(|item| {
            ids.get(&item.source_key)
                .copied()
                .ok_or_else(|| StoreError::Conflict(conflict::collaboration_key_taken()).into())
        })
        .collect()
}

/// The money of one new collaboration, each line once: a line given twice keeps the last
/// amount, as recording the lines one after the other does.
fn money_lines(money: &[Contribution]) -> Vec<&Contribution> {
    let mut lines: Vec<&Contribution> = Vec::with_capacity(money.len());
    for c in money {
        let same = |l: &&Contribution| {
            l.partner == c.partner && l.year == c.year && l.instrument == c.instrument && l.status == c.status
        };
        match lines.iter_mut().find(|l| same(l)) {
            Some(line) => *line = c,
            None => lines.push(c),
        }
    }
    lines
}

/// Adds the new collaborations `items` with their phases, partners and money; returns their
/// ids in order. Versions and how residents take part, which few imports bring, are written
/// per collaboration.
pub(super) async fn add_many(
    conn: &mut Conn,
    items: &[&RegisteredCollaboration],
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Vec<i64>> {
    if items.is_empty() {
        return Ok(Vec::new());
    }
    let ids = insert_collaborations(conn, items, now).await?;
    // SQLite may give a removed collaboration's id to a new one: its address is the new one's.
    delete_in(conn, CLAIM_ADDRESSES, &ids).await?;

    let phases: Vec<(i64, i64, &String)> = ids
        .iter()
        .zip(items)
        .flat_map(|(id, item)| {
            (0i64..)
                .zip(&item.fields.phases)
                .map(move |(p, name)| (*id, p, name))
        })
        .collect();
    insert_rows(conn, INSERT_PHASES, &phases, |row, (id, position, name)| {
        row.value(id)?;
        row.value(position)?;
        row.value(*name)
    })
    .await?;

    // Partners are shown in the order they were added (`added_at`), as in the file: each
    // one of a collaboration a microsecond after the one before.
    let partners: Vec<(i64, DateTime<Utc>, &RegisteredPartner)> = ids
        .iter()
        .zip(items)
        .flat_map(|(id, item)| {
            (0i64..)
                .zip(&item.partners)
                .map(move |(i, p)| (*id, now + TimeDelta::microseconds(i), p))
        })
        .collect();
    insert_rows(conn, INSERT_PARTNERS, &partners, |row, (id, added_at, p)| {
        row.value(id)?;
        row.value(p.code.as_str())?;
        row.value(p.role.key())?;
        row.value(added_at)?;
        row.value(p.joined_on)?;
        row.value(p.notes.as_deref())?;
        row.value(organs_text(&p.organs)?)
    })
    .await?;

    let money: Vec<(i64, &Contribution)> = ids
        .iter()
        .zip(items)
        .flat_map(|(id, item)| {
            money_lines(item.money.as_deref().unwrap_or_default())
                .into_iter()
                .map(move |c| (*id, c))
        })
        .collect();
    insert_rows(conn, INSERT_MONEY, &money, |row, (id, c)| {
        row.value(id)?;
        row.value(c.partner.as_str())?;
        row.value(c.year)?;
        row.value(c.amount.get())?;
        row.value(c.instrument.key())?;
        row.value(c.status.key())?;
        row.value(&actor.name)?;
        row.value(now)
    })
    .await?;

    for (id, item) in ids.iter().zip(items) {
        if let Some(history) = &item.history {
            super::versions::replace_versions(conn, *id, history).await?;
        }
        if let Some(participation) = &item.participation {
            super::participation::store(conn, *id, participation, actor).await?;
        }
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use samenspel_domain::money::{Cents, Instrument, MoneyStatus};
    use samenspel_domain::org::OrgCode;

    use super::*;

    fn line(partner: &str, year: i32, cents: i64) -> Contribution {
        Contribution {
            partner: OrgCode::parse(partner).unwrap(),
            year,
            amount: Cents::new(cents).unwrap(),
            instrument: Instrument::RegioDealBijdrage,
            status: MoneyStatus::Toegezegd,
        }
    }

    #[test]
    fn a_money_line_given_twice_keeps_its_place_and_the_last_amount() {
        let money = [
            line("GM0363", 2026, 100),
            line("MNRE1034", 2026, 200),
            line("GM0363", 2026, 300),
            line("GM0363", 2027, 400),
        ];
        let kept: Vec<(String, i32, i64)> = money_lines(&money)
            .into_iter()
            .map(|c| (c.partner.as_str().to_owned(), c.year, c.amount.get()))
            .collect();
        assert_eq!(
            kept,
            vec![
                ("GM0363".to_owned(), 2026, 300),
                ("MNRE1034".to_owned(), 2026, 200),
                ("GM0363".to_owned(), 2027, 400)
            ]
        );
    }
}
