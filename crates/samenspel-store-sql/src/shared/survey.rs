//! The knelpuntenmonitor's storage: waves, responses (one row each, or packed in blocks by an
//! import), and the kept counts updated in the same transaction as the responses.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use futures_util::TryStreamExt as _;
use samenspel_domain::audit::Actor;
use samenspel_domain::survey::packed::{ResponseSource, unpack};
use samenspel_domain::survey::response::{Response, Tally, decode_answers, encode_answers};
use samenspel_domain::survey::{Group, RespondentLayer, Statement};
use samenspel_store::{
    AuditEvent, KeptCounts, NewWave, StoreError, StoreResult, SurveyStore, Wave, conflict,
};

use super::costs::values;
use super::read::{fetch_all_into, fetch_optional_into};
use super::search::refresh_wave;
use super::{Conn, SqlStore};
use crate::error::{Constraint, Error, Result, boundary, corrupt};
use crate::text::count;

macro_rules! select_waves {
    ($rest:literal) => {
        concat!(
            "SELECT id, wave_key, title, instrument_version, opens_on, closes_on, collaboration_id, k, closed_at, created_by, created_at \
             FROM survey_waves ",
            $rest
        )
    };
}

const WAVE_BY_ID: &str = select_waves!("WHERE id = $1");

const WAVE_BY_KEY: &str = select_waves!("WHERE wave_key = $1");

const LIST_WAVES: &str = select_waves!("ORDER BY created_at DESC, id DESC");

const INSERT_WAVE: &str = "INSERT INTO survey_waves (wave_key, title, instrument_version, opens_on, closes_on, collaboration_id, k, created_by, created_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";

const CLOSE_WAVE: &str = "UPDATE survey_waves SET closed_at = $1 WHERE id = $2 AND closed_at IS NULL";

const WAVE_CLOSED: &str = "SELECT closed_at FROM survey_waves WHERE id = $1";

/// Takes the wave for an import — the row lock on PostgreSQL (SQLite's write transaction holds
/// the database) — so that imports into one wave follow each other; touches no row of a
/// closed wave.
const LOCK_OPEN_WAVE: &str =
    "UPDATE survey_waves SET closed_at = closed_at WHERE id = $1 AND closed_at IS NULL";

const NEXT_BLOCK: &str = "SELECT COALESCE(MAX(block), 0) + 1 FROM survey_response_blocks WHERE wave_id = $1";

const INSERT_BLOCK: &str =
    "INSERT INTO survey_response_blocks (wave_id, block, responses, packed) VALUES ($1, $2, $3, $4)";

const STREAM_BLOCKS: &str = "SELECT packed FROM survey_response_blocks WHERE wave_id = $1 ORDER BY block";

const UPSERT_GROUP_SIZE: &str = "INSERT INTO survey_group_sizes (wave_id, grp, respondents) VALUES ($1, $2, $3) \
     ON CONFLICT (wave_id, grp) DO UPDATE SET respondents = survey_group_sizes.respondents + excluded.respondents";

/// A count going down (a resumed response replaced): the row exists, and an insert of a
/// negative count would break the check even when it would become an update.
const LOWER_COUNT: &str =
    "UPDATE survey_counts SET n = n + $5 WHERE wave_id = $1 AND grp = $2 AND statement = $3 AND answer = $4";

const LOWER_GROUP_SIZE: &str =
    "UPDATE survey_group_sizes SET respondents = respondents + $3 WHERE wave_id = $1 AND grp = $2";

const SELECT_COUNTS: &str = "SELECT grp, statement, answer, n FROM survey_counts WHERE wave_id = $1";

const SELECT_GROUP_SIZES: &str = "SELECT grp, respondents FROM survey_group_sizes WHERE wave_id = $1";

const SELECT_RESPONSE: &str =
    "SELECT respondent, layer, domain, answers FROM survey_responses WHERE wave_id = $1 AND respondent = $2";

const UPDATE_RESPONSE: &str = "UPDATE survey_responses SET layer = $3, domain = $4, answers = $5, submitted_at = $6 WHERE wave_id = $1 AND respondent = $2";

const INSERT_RESPONSE: &str = "INSERT INTO survey_responses (wave_id, respondent, layer, domain, answers, submitted_at) VALUES ($1, $2, $3, $4, $5, $6)";

const STREAM_RESPONSES: &str =
    "SELECT respondent, layer, domain, answers FROM survey_responses WHERE wave_id = $1";

const INSERT_INVITATION: &str =
    "INSERT INTO survey_invitations (token_hash, wave_id, created_at) VALUES ($1, $2, $3)";

const INVITATION_WAVE: &str = "SELECT wave_id FROM survey_invitations WHERE token_hash = $1";

#[derive(sqlx::FromRow)]
struct WaveRow {
    id: i64,
    wave_key: String,
    title: String,
    instrument_version: i32,
    opens_on: Option<NaiveDate>,
    closes_on: Option<NaiveDate>,
    collaboration_id: Option<i64>,
    k: i32,
    closed_at: Option<DateTime<Utc>>,
    created_by: String,
    created_at: DateTime<Utc>,
}

impl From<WaveRow> for Wave {
    fn from(row: WaveRow) -> Self {
        Wave {
            id: row.id,
            key: row.wave_key,
            title: row.title,
            instrument_version: row.instrument_version,
            opens_on: row.opens_on,
            closes_on: row.closes_on,
            collaboration_id: row.collaboration_id,
            k: i64::from(row.k),
            closed_at: row.closed_at,
            created_by: samenspel_domain::Message::plain(row.created_by),
            created_at: row.created_at,
        }
    }
}

#[derive(sqlx::FromRow)]
struct ResponseRow {
    respondent: String,
    layer: String,
    domain: Option<String>,
    answers: String,
}

impl TryFrom<ResponseRow> for Response {
    type Error = Error;

    fn try_from(row: ResponseRow) -> Result<Self> {
        let unexpected = || corrupt("survey response", &format!("{} {}", row.layer, row.answers));
        Ok(Response {
            layer: RespondentLayer::from_key(&row.layer).ok_or_else(unexpected)?,
            answers: decode_answers(&row.answers).ok_or_else(unexpected)?,
            respondent: row.respondent,
            domain: row.domain,
        })
    }
}

#[derive(sqlx::FromRow)]
struct GroupSizeRow {
    grp: String,
    respondents: i64,
}

#[derive(sqlx::FromRow)]
struct CountRow {
    grp: String,
    statement: String,
    answer: i32,
    n: i64,
}

fn group(key: &str) -> Result<Group> {
    Group::from_key(key).ok_or_else(|| corrupt("survey group", key))
}

/// The wave as it is now.
async fn wave_by_id(conn: &mut Conn, wave_id: i64) -> Result<Wave> {
    let row: WaveRow = sqlx::query_as(WAVE_BY_ID)
        .bind(wave_id)
        .fetch_one(&mut *conn)
        .await?;
    Ok(row.into())
}

async fn refuse_if_closed(conn: &mut Conn, wave_id: i64) -> Result<()> {
    let closed: Option<Option<DateTime<Utc>>> = sqlx::query_scalar(WAVE_CLOSED)
        .bind(wave_id)
        .fetch_optional(&mut *conn)
        .await?;
    match closed {
        None => Err(StoreError::NotFound.into()),
        Some(Some(_)) => Err(StoreError::Conflict(conflict::wave_closed()).into()),
        Some(None) => Ok(()),
    }
}

/// Kept counts raised in one statement, at most (five parameters each).
const COUNTS_AT_ONCE: usize = 256;

/// Moves the kept counts by a tally (positive for new responses, negative for replaced ones):
/// the raised counts many rows a statement (an import raises about a thousand), the lowered
/// ones a row at a time.
async fn apply_tally(conn: &mut Conn, wave_id: i64, tally: &Tally, statements: &[Statement]) -> Result<()> {
    let mut raised = Vec::new();
    for (group, statement, answer, delta) in tally.count_rows(statements) {
        let answer = i32::try_from(answer).map_err(|_| corrupt("answer index", &answer.to_string()))?;
        if delta < 0 {
            sqlx::query(LOWER_COUNT)
                .bind(wave_id)
                .bind(group.key())
                .bind(statement)
                .bind(answer)
                .bind(delta)
                .execute(&mut *conn)
                .await?;
        } else {
            raised.push((group, statement, answer, delta));
        }
    }
    for chunk in raised.chunks(COUNTS_AT_ONCE) {
        let sql = format!(
            "INSERT INTO survey_counts (wave_id, grp, statement, answer, n) VALUES {} \
             ON CONFLICT (wave_id, grp, statement, answer) DO UPDATE SET n = survey_counts.n + excluded.n",
            values(chunk.len(), 5)
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for (group, statement, answer, delta) in chunk {
            query = query
                .bind(wave_id)
                .bind(group.key())
                .bind(*statement)
                .bind(*answer)
                .bind(*delta);
        }
        query.execute(&mut *conn).await?;
    }
    for (group, delta) in tally.respondent_rows() {
        let sql = if delta < 0 {
            LOWER_GROUP_SIZE
        } else {
            UPSERT_GROUP_SIZE
        };
        sqlx::query(sql)
            .bind(wave_id)
            .bind(group.key())
            .bind(delta)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Every stored response of a wave, given one at a time: the rows of single answers, then the
/// packed blocks of imports, a block at a time.
async fn each_response(conn: &mut Conn, wave_id: i64, each: &mut (dyn FnMut(Response) + Send)) -> Result<()> {
    {
        let mut rows = sqlx::query_as::<_, ResponseRow>(STREAM_RESPONSES)
            .bind(wave_id)
            .fetch(&mut *conn);
        while let Some(row) = rows.try_next().await? {
            each(row.try_into()?);
        }
    }
    let mut blocks = sqlx::query_scalar::<_, String>(STREAM_BLOCKS)
        .bind(wave_id)
        .fetch(&mut *conn);
    while let Some(packed) = blocks.try_next().await? {
        let responses = unpack(&packed).ok_or_else(|| corrupt("block of survey responses", "…"))?;
        responses.into_iter().for_each(&mut *each);
    }
    Ok(())
}

#[async_trait]
impl SurveyStore for SqlStore {
    async fn create_wave(&self, wave: &NewWave, actor: &Actor) -> StoreResult<Wave> {
        boundary(async {
            let mut tx = self.write().await?;
            let id: i64 = sqlx::query_scalar(INSERT_WAVE)
                .bind(&wave.key)
                .bind(&wave.title)
                .bind(wave.instrument_version)
                .bind(wave.opens_on)
                .bind(wave.closes_on)
                .bind(wave.collaboration_id)
                .bind(wave.k)
                .bind(&actor.name)
                .bind(Utc::now())
                .fetch_one(&mut *tx)
                .await
                .map_err(
                    Constraint::Unique.refuses(|| StoreError::Conflict(conflict::wave_exists(&wave.key))),
                )?;
            refresh_wave(&mut tx, id).await?;
            let wave = wave_by_id(&mut tx, id).await?;
            tx.commit(actor, AuditEvent::WaveCreate { wave: &wave }).await?;
            Ok(wave)
        })
        .await
    }

    async fn get_wave(&self, key: &str) -> StoreResult<Option<Wave>> {
        let query = sqlx::query_as::<_, WaveRow>(WAVE_BY_KEY).bind(key);
        boundary(fetch_optional_into(query, &self.pool)).await
    }

    async fn list_waves(&self) -> StoreResult<Vec<Wave>> {
        boundary(fetch_all_into(
            sqlx::query_as::<_, WaveRow>(LIST_WAVES),
            &self.pool,
        ))
        .await
    }

    async fn close_wave(&self, wave_id: i64, actor: &Actor) -> StoreResult<Wave> {
        boundary(async {
            let mut tx = self.write().await?;
            refuse_if_closed(&mut tx, wave_id).await?;
            sqlx::query(CLOSE_WAVE)
                .bind(Utc::now())
                .bind(wave_id)
                .execute(&mut *tx)
                .await?;
            let wave = wave_by_id(&mut tx, wave_id).await?;
            tx.commit(actor, AuditEvent::WaveClose { wave: &wave }).await?;
            Ok(wave)
        })
        .await
    }

    async fn import_responses(
        &self,
        wave_id: i64,
        source: &mut dyn ResponseSource,
        statements: &[Statement],
        actor: Option<&Actor>,
    ) -> StoreResult<usize> {
        boundary(async {
            let mut tx = self.write().await?;
            let locked = sqlx::query(LOCK_OPEN_WAVE)
                .bind(wave_id)
                .execute(&mut *tx)
                .await?;
            if locked.rows_affected() == 0 {
                refuse_if_closed(&mut tx, wave_id).await?;
            }
            each_response(&mut tx, wave_id, &mut |r| source.known(&r.respondent)).await?;
            let mut block: i64 = sqlx::query_scalar(NEXT_BLOCK)
                .bind(wave_id)
                .fetch_one(&mut *tx)
                .await?;
            let mut stored = 0;
            while let Some(packed) = source.next_block() {
                let responses = i64::try_from(packed.responses)
                    .map_err(|_| corrupt("block size", &packed.responses.to_string()))?;
                let insert = sqlx::query(INSERT_BLOCK)
                    .bind(wave_id)
                    .bind(block)
                    .bind(responses)
                    .bind(packed.text);
                insert.execute(&mut *tx).await?;
                block += 1;
                stored += packed.responses;
            }
            let tally = source.finish()?;
            apply_tally(&mut tx, wave_id, &tally, statements).await?;
            match actor {
                Some(actor) => {
                    tx.commit(
                        actor,
                        AuditEvent::SurveyImport {
                            wave_id,
                            responses: stored,
                        },
                    )
                    .await?
                }
                None => tx.commit_unaudited_shown().await?,
            }
            Ok(stored)
        })
        .await
    }

    async fn put_response(
        &self,
        wave_id: i64,
        response: &Response,
        statements: &[Statement],
    ) -> StoreResult<bool> {
        boundary(async {
            let mut tx = self.write().await?;
            refuse_if_closed(&mut tx, wave_id).await?;
            let query = sqlx::query_as::<_, ResponseRow>(SELECT_RESPONSE)
                .bind(wave_id)
                .bind(&response.respondent);
            let earlier: Option<Response> = fetch_optional_into(query, &mut *tx).await?;
            let mut tally = Tally::default();
            if let Some(earlier) = &earlier {
                tally.add(earlier, -1);
            }
            // Both statements take the same six values in the same places.
            let sql = if earlier.is_some() {
                UPDATE_RESPONSE
            } else {
                INSERT_RESPONSE
            };
            sqlx::query(sql)
                .bind(wave_id)
                .bind(&response.respondent)
                .bind(response.layer.key())
                .bind(&response.domain)
                .bind(encode_answers(&response.answers))
                .bind(Utc::now())
                .execute(&mut *tx)
                .await?;
            tally.add(response, 1);
            apply_tally(&mut tx, wave_id, &tally, statements).await?;
            tx.commit_unaudited_shown().await?;
            Ok(earlier.is_some())
        })
        .await
    }

    async fn get_response(&self, wave_id: i64, respondent: &str) -> StoreResult<Option<Response>> {
        let query = sqlx::query_as::<_, ResponseRow>(SELECT_RESPONSE)
            .bind(wave_id)
            .bind(respondent);
        boundary(fetch_optional_into(query, &self.pool)).await
    }

    async fn kept_counts(&self, wave_id: i64) -> StoreResult<KeptCounts> {
        boundary(async {
            let sizes: Vec<GroupSizeRow> = sqlx::query_as(SELECT_GROUP_SIZES)
                .bind(wave_id)
                .fetch_all(&self.pool)
                .await?;
            let counts: Vec<CountRow> = sqlx::query_as(SELECT_COUNTS)
                .bind(wave_id)
                .fetch_all(&self.pool)
                .await?;
            let mut kept = KeptCounts::default();
            for row in sizes {
                kept.respondents.push((group(&row.grp)?, count(row.respondents)));
            }
            for row in counts {
                let answer = usize::try_from(row.answer).unwrap_or(0);
                kept.counts
                    .push((group(&row.grp)?, row.statement, answer, count(row.n)));
            }
            Ok(kept)
        })
        .await
    }

    async fn recount(&self, wave_id: i64, statements: &[Statement]) -> StoreResult<KeptCounts> {
        boundary(async {
            let mut tally = Tally::default();
            each_response(&mut *self.pool.acquire().await?, wave_id, &mut |r| {
                tally.add(&r, 1)
            })
            .await?;
            Ok(KeptCounts {
                respondents: tally
                    .respondent_rows()
                    .into_iter()
                    .map(|(g, n)| (g, count(n)))
                    .collect(),
                counts: tally
                    .count_rows(statements)
                    .into_iter()
                    .map(|(g, s, a, n)| (g, s.to_owned(), a, count(n)))
                    .collect(),
            })
        })
        .await
    }

    async fn add_invitations(&self, wave_id: i64, token_hashes: &[String]) -> StoreResult<()> {
        boundary(async {
            let mut tx = self.write().await?;
            let now = Utc::now();
            for hash in token_hashes {
                sqlx::query(INSERT_INVITATION)
                    .bind(hash)
                    .bind(wave_id)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit_unaudited_shown().await
        })
        .await
    }

    async fn invitation_wave(&self, token_hash: &str) -> StoreResult<Option<i64>> {
        boundary(async {
            Ok(sqlx::query_scalar(INVITATION_WAVE)
                .bind(token_hash)
                .fetch_optional(&self.pool)
                .await?)
        })
        .await
    }
}
