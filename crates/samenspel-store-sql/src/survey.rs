//! The knelpuntenmonitor's storage: waves, responses in batches, and the kept counts updated in
//! the same transaction. Expanded inside the module that `impl_sql_store!` creates.

macro_rules! select_waves {
    ($rest:literal) => {
        concat!(
            "SELECT id, wave_key, title, instrument_version, opens_on, closes_on, collaboration_id, k, closed_at, created_by, created_at FROM survey_waves ",
            $rest
        )
    };
}

pub const WAVE_BY_ID: &str = select_waves!("WHERE id = $1");

pub const WAVE_BY_KEY: &str = select_waves!("WHERE wave_key = $1");

pub const LIST_WAVES: &str = select_waves!("ORDER BY created_at DESC, id DESC");

pub const INSERT_WAVE: &str = "INSERT INTO survey_waves (wave_key, title, instrument_version, opens_on, closes_on, collaboration_id, k, created_by, created_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";

pub const CLOSE_WAVE: &str = "UPDATE survey_waves SET closed_at = $1 WHERE id = $2 AND closed_at IS NULL";

pub const WAVE_CLOSED: &str = "SELECT closed_at FROM survey_waves WHERE id = $1";

/// Takes the wave for an import — the row lock on PostgreSQL, the write lock on SQLite — so
/// that imports into one wave follow each other; touches no row of a closed wave.
pub const LOCK_OPEN_WAVE: &str =
    "UPDATE survey_waves SET closed_at = closed_at WHERE id = $1 AND closed_at IS NULL";

pub const NEXT_BLOCK: &str =
    "SELECT COALESCE(MAX(block), 0) + 1 FROM survey_response_blocks WHERE wave_id = $1";

pub const INSERT_BLOCK: &str =
    "INSERT INTO survey_response_blocks (wave_id, block, responses, packed) VALUES ($1, $2, $3, $4)";

pub const STREAM_BLOCKS: &str = "SELECT packed FROM survey_response_blocks WHERE wave_id = $1 ORDER BY block";

pub const UPSERT_COUNT: &str = "INSERT INTO survey_counts (wave_id, grp, statement, answer, n) VALUES ($1, $2, $3, $4, $5) \
     ON CONFLICT (wave_id, grp, statement, answer) DO UPDATE SET n = survey_counts.n + excluded.n";

pub const UPSERT_GROUP_SIZE: &str = "INSERT INTO survey_group_sizes (wave_id, grp, respondents) VALUES ($1, $2, $3) \
     ON CONFLICT (wave_id, grp) DO UPDATE SET respondents = survey_group_sizes.respondents + excluded.respondents";

/// A count going down (a resumed response replaced): the row exists, and an insert of a
/// negative count would break the check even when it would become an update.
pub const LOWER_COUNT: &str =
    "UPDATE survey_counts SET n = n + $5 WHERE wave_id = $1 AND grp = $2 AND statement = $3 AND answer = $4";

pub const LOWER_GROUP_SIZE: &str =
    "UPDATE survey_group_sizes SET respondents = respondents + $3 WHERE wave_id = $1 AND grp = $2";

pub const SELECT_COUNTS: &str = "SELECT grp, statement, answer, n FROM survey_counts WHERE wave_id = $1";

pub const SELECT_GROUP_SIZES: &str = "SELECT grp, respondents FROM survey_group_sizes WHERE wave_id = $1";

pub const SELECT_RESPONSE: &str =
    "SELECT respondent, layer, domain, answers FROM survey_responses WHERE wave_id = $1 AND respondent = $2";

pub const UPDATE_RESPONSE: &str = "UPDATE survey_responses SET layer = $3, domain = $4, answers = $5, submitted_at = $6 WHERE wave_id = $1 AND respondent = $2";

pub const STREAM_RESPONSES: &str =
    "SELECT respondent, layer, domain, answers FROM survey_responses WHERE wave_id = $1";

pub const INSERT_INVITATION: &str =
    "INSERT INTO survey_invitations (token_hash, wave_id, created_at) VALUES ($1, $2, $3)";

pub const INVITATION_WAVE: &str = "SELECT wave_id FROM survey_invitations WHERE token_hash = $1";

pub const INSERT_RESPONSE: &str = "INSERT INTO survey_responses (wave_id, respondent, layer, domain, answers, submitted_at) VALUES ($1, $2, $3, $4, $5, $6)";

/// A stored response read back; `None` for a layer or answers the code does not write.
pub fn response_from_parts(
    respondent: String,
    layer: &str,
    domain: Option<String>,
    answers: &str,
) -> Option<samenspel_domain::survey::response::Response> {
    Some(samenspel_domain::survey::response::Response {
        respondent,
        layer: samenspel_domain::survey::RespondentLayer::from_key(layer)?,
        domain,
        answers: samenspel_domain::survey::response::decode_answers(answers)?,
    })
}

#[doc(hidden)]
#[macro_export]
macro_rules! impl_survey_store {
    ($store:ty, $db:ty) => {
        fn wave_row(r: &<$db as ::sqlx::Database>::Row) -> StoreResult<Wave> {
            Ok(Wave {
                id: r.try_get("id").map_err(db_err)?,
                key: r.try_get("wave_key").map_err(db_err)?,
                title: r.try_get("title").map_err(db_err)?,
                instrument_version: r.try_get("instrument_version").map_err(db_err)?,
                opens_on: r.try_get("opens_on").map_err(db_err)?,
                closes_on: r.try_get("closes_on").map_err(db_err)?,
                collaboration_id: r.try_get("collaboration_id").map_err(db_err)?,
                k: r
                    .try_get::<i64, _>("k")
                    .or_else(|_| r.try_get::<i32, _>("k").map(i64::from))
                    .map_err(db_err)?,
                closed_at: r.try_get("closed_at").map_err(db_err)?,
                created_by: r.try_get("created_by").map_err(db_err)?,
                created_at: r.try_get("created_at").map_err(db_err)?,
            })
        }

        fn stored_response(
            r: &<$db as ::sqlx::Database>::Row,
        ) -> StoreResult<$crate::domain::survey::response::Response> {
            let respondent: String = r.try_get("respondent").map_err(db_err)?;
            let layer: String = r.try_get("layer").map_err(db_err)?;
            let answers: String = r.try_get("answers").map_err(db_err)?;
            $crate::response_from_parts(respondent, &layer, r.try_get("domain").map_err(db_err)?, &answers)
                .ok_or_else(|| StoreError::Database(format!("unexpected survey response in database: {layer:?} {answers:?}")))
        }

        /// Reads the wave back as the change left it, writes its audit event, and commits.
        async fn audited_wave(
            mut tx: ::sqlx::Transaction<'_, $db>,
            wave_id: i64,
            actor: &Actor,
            action: &'static str,
        ) -> StoreResult<Wave> {
            let row = ::sqlx::query($crate::WAVE_BY_ID)
                .bind(wave_id)
                .fetch_one(&mut *tx)
                .await
                .map_err(db_err)?;
            let wave = wave_row(&row)?;
            write_audit(
                &mut tx,
                &audit(actor, action, "survey_wave", wave_id.to_string(), None, to_json(&wave)),
            )
            .await?;
            tx.commit().await.map_err(db_err)?;
            Ok(wave)
        }

        async fn refuse_if_closed(conn: &mut Conn, wave_id: i64) -> StoreResult<()> {
            let closed: Option<Option<DateTime<Utc>>> = ::sqlx::query_scalar($crate::WAVE_CLOSED)
                .bind(wave_id)
                .fetch_optional(&mut *conn)
                .await
                .map_err(db_err)?;
            match closed {
                None => Err(StoreError::NotFound),
                Some(Some(_)) => Err(StoreError::Conflict(
                    "Deze golf is gesloten; er kunnen geen antwoorden meer bij.".into(),
                )),
                Some(None) => Ok(()),
            }
        }

        async fn apply_tally(
            conn: &mut Conn,
            wave_id: i64,
            tally: &$crate::domain::survey::response::Tally,
            statements: &[$crate::domain::survey::Statement],
        ) -> StoreResult<()> {
            for (group, statement, answer, delta) in tally.count_rows(statements) {
                let sql = if delta < 0 { $crate::LOWER_COUNT } else { $crate::UPSERT_COUNT };
                ::sqlx::query(sql)
                    .bind(wave_id)
                    .bind(group.key())
                    .bind(statement)
                    .bind(answer as i64)
                    .bind(delta)
                    .execute(&mut *conn)
                    .await
                    .map_err(db_err)?;
            }
            for (group, delta) in tally.respondent_rows() {
                let sql = if delta < 0 { $crate::LOWER_GROUP_SIZE } else { $crate::UPSERT_GROUP_SIZE };
                ::sqlx::query(sql)
                    .bind(wave_id)
                    .bind(group.key())
                    .bind(delta)
                    .execute(&mut *conn)
                    .await
                    .map_err(db_err)?;
            }
            Ok(())
        }

        /// Every stored response of a wave, given one at a time: the rows of single answers,
        /// then the packed blocks of imports, a block at a time.
        async fn each_response(
            conn: &mut Conn,
            wave_id: i64,
            each: &mut (dyn FnMut($crate::domain::survey::response::Response) + Send),
        ) -> StoreResult<()> {
            use $crate::futures_util::TryStreamExt as _;
            {
                let mut rows = ::sqlx::query($crate::STREAM_RESPONSES).bind(wave_id).fetch(&mut *conn);
                while let Some(row) = rows.try_next().await.map_err(db_err)? {
                    each(stored_response(&row)?);
                }
            }
            let mut blocks = ::sqlx::query_scalar::<_, String>($crate::STREAM_BLOCKS)
                .bind(wave_id)
                .fetch(&mut *conn);
            while let Some(packed) = blocks.try_next().await.map_err(db_err)? {
                let responses = $crate::domain::survey::packed::unpack(&packed).ok_or_else(|| {
                    StoreError::Database("unexpected block of survey responses in database".into())
                })?;
                responses.into_iter().for_each(&mut *each);
            }
            Ok(())
        }

        #[$crate::async_trait]
        impl SurveyStore for $store {
            async fn create_wave(&self, wave: &NewWave, actor: &Actor) -> StoreResult<Wave> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let inserted = ::sqlx::query_scalar::<_, i64>($crate::INSERT_WAVE)
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
                    .await;
                let id = match inserted {
                    Ok(id) => id,
                    Err(e) if is_unique_violation(&e) => {
                        return Err(StoreError::Conflict(format!("Er is al een golf '{}'.", wave.key)));
                    }
                    Err(e) => return Err(db_err(e)),
                };
                audited_wave(tx, id, actor, "survey.wave.create").await
            }

            async fn get_wave(&self, key: &str) -> StoreResult<Option<Wave>> {
                ::sqlx::query($crate::WAVE_BY_KEY)
                    .bind(key)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(db_err)?
                    .as_ref()
                    .map(wave_row)
                    .transpose()
            }

            async fn list_waves(&self) -> StoreResult<Vec<Wave>> {
                ::sqlx::query($crate::LIST_WAVES)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?
                    .iter()
                    .map(wave_row)
                    .collect()
            }

            async fn close_wave(&self, wave_id: i64, actor: &Actor) -> StoreResult<Wave> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                refuse_if_closed(&mut tx, wave_id).await?;
                ::sqlx::query($crate::CLOSE_WAVE)
                    .bind(Utc::now())
                    .bind(wave_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                audited_wave(tx, wave_id, actor, "survey.wave.close").await
            }

            async fn import_responses(
                &self,
                wave_id: i64,
                source: &mut dyn $crate::domain::survey::packed::ResponseSource,
                statements: &[$crate::domain::survey::Statement],
                actor: Option<&Actor>,
            ) -> StoreResult<usize> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let locked = ::sqlx::query($crate::LOCK_OPEN_WAVE)
                    .bind(wave_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                if locked.rows_affected() == 0 {
                    refuse_if_closed(&mut tx, wave_id).await?;
                }
                each_response(&mut tx, wave_id, &mut |r| source.known(&r.respondent)).await?;
                let mut block: i64 = ::sqlx::query_scalar($crate::NEXT_BLOCK)
                    .bind(wave_id)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(db_err)?;
                let mut stored = 0;
                while let Some(packed) = source.next_block() {
                    ::sqlx::query($crate::INSERT_BLOCK)
                        .bind(wave_id)
                        .bind(block)
                        .bind(packed.responses as i64)
                        .bind(packed.text)
                        .execute(&mut *tx)
                        .await
                        .map_err(db_err)?;
                    block += 1;
                    stored += packed.responses;
                }
                let tally = source.finish()?;
                apply_tally(&mut tx, wave_id, &tally, statements).await?;
                if let Some(actor) = actor {
                    write_audit(
                        &mut tx,
                        &audit(
                            actor,
                            "survey.import",
                            "survey_wave",
                            wave_id.to_string(),
                            None,
                            Some($crate::serde_json::json!({"responses": stored})),
                        ),
                    )
                    .await?;
                }
                tx.commit().await.map_err(db_err)?;
                Ok(stored)
            }

            async fn put_response(
                &self,
                wave_id: i64,
                response: &$crate::domain::survey::response::Response,
                statements: &[$crate::domain::survey::Statement],
            ) -> StoreResult<bool> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                refuse_if_closed(&mut tx, wave_id).await?;
                let earlier = ::sqlx::query($crate::SELECT_RESPONSE)
                    .bind(wave_id)
                    .bind(&response.respondent)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(db_err)?
                    .as_ref()
                    .map(stored_response)
                    .transpose()?;
                let mut tally = $crate::domain::survey::response::Tally::default();
                let answers = $crate::domain::survey::response::encode_answers(&response.answers);
                if let Some(earlier) = &earlier {
                    tally.add(earlier, -1);
                    ::sqlx::query($crate::UPDATE_RESPONSE)
                        .bind(wave_id)
                        .bind(&response.respondent)
                        .bind(response.layer.key())
                        .bind(&response.domain)
                        .bind(answers)
                        .bind(Utc::now())
                        .execute(&mut *tx)
                        .await
                        .map_err(db_err)?;
                } else {
                    ::sqlx::query($crate::INSERT_RESPONSE)
                        .bind(wave_id)
                        .bind(&response.respondent)
                        .bind(response.layer.key())
                        .bind(&response.domain)
                        .bind(answers)
                        .bind(Utc::now())
                        .execute(&mut *tx)
                        .await
                        .map_err(db_err)?;
                }
                tally.add(response, 1);
                apply_tally(&mut tx, wave_id, &tally, statements).await?;
                tx.commit().await.map_err(db_err)?;
                Ok(earlier.is_some())
            }

            async fn get_response(
                &self,
                wave_id: i64,
                respondent: &str,
            ) -> StoreResult<Option<$crate::domain::survey::response::Response>> {
                ::sqlx::query($crate::SELECT_RESPONSE)
                    .bind(wave_id)
                    .bind(respondent)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(db_err)?
                    .as_ref()
                    .map(stored_response)
                    .transpose()
            }

            async fn kept_counts(&self, wave_id: i64) -> StoreResult<KeptCounts> {
                let group = |key: String| {
                    $crate::domain::survey::Group::from_key(&key)
                        .ok_or_else(|| StoreError::Database(format!("unexpected survey group in database: {key:?}")))
                };
                let mut kept = KeptCounts::default();
                for r in ::sqlx::query($crate::SELECT_GROUP_SIZES)
                    .bind(wave_id)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?
                {
                    let n: i64 = r.try_get("respondents").map_err(db_err)?;
                    kept.respondents.push((group(r.try_get("grp").map_err(db_err)?)?, n.max(0) as u64));
                }
                for r in ::sqlx::query($crate::SELECT_COUNTS)
                    .bind(wave_id)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?
                {
                    let answer: i64 = r
                        .try_get::<i64, _>("answer")
                        .or_else(|_| r.try_get::<i32, _>("answer").map(i64::from))
                        .map_err(db_err)?;
                    let n: i64 = r.try_get("n").map_err(db_err)?;
                    kept.counts.push((
                        group(r.try_get("grp").map_err(db_err)?)?,
                        r.try_get("statement").map_err(db_err)?,
                        answer.max(0) as usize,
                        n.max(0) as u64,
                    ));
                }
                Ok(kept)
            }

            async fn recount(
                &self,
                wave_id: i64,
                statements: &[$crate::domain::survey::Statement],
            ) -> StoreResult<KeptCounts> {
                let mut tally = $crate::domain::survey::response::Tally::default();
                let mut conn = self.pool.acquire().await.map_err(db_err)?;
                each_response(&mut conn, wave_id, &mut |r| tally.add(&r, 1)).await?;
                Ok(KeptCounts {
                    respondents: tally
                        .respondent_rows()
                        .into_iter()
                        .map(|(g, n)| (g, n.max(0) as u64))
                        .collect(),
                    counts: tally
                        .count_rows(statements)
                        .into_iter()
                        .map(|(g, s, a, n)| (g, s.to_owned(), a, n.max(0) as u64))
                        .collect(),
                })
            }

            async fn add_invitations(&self, wave_id: i64, token_hashes: &[String]) -> StoreResult<()> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let now = Utc::now();
                for hash in token_hashes {
                    ::sqlx::query($crate::INSERT_INVITATION)
                        .bind(hash)
                        .bind(wave_id)
                        .bind(now)
                        .execute(&mut *tx)
                        .await
                        .map_err(db_err)?;
                }
                tx.commit().await.map_err(db_err)?;
                Ok(())
            }

            async fn invitation_wave(&self, token_hash: &str) -> StoreResult<Option<i64>> {
                ::sqlx::query_scalar($crate::INVITATION_WAVE)
                    .bind(token_hash)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(db_err)
            }
        }
    };
}
