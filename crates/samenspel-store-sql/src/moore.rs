//! Moore's triangle: one JSON statement per partner per collaboration, replaced with an audit
//! event in the same transaction. Expanded inside the module that `impl_sql_store!` creates.

#[doc(hidden)]
#[macro_export]
macro_rules! impl_moore_store {
    ($store:ty, $db:ty) => {
        fn moore_from_json(text: &str) -> StoreResult<$crate::domain::moore::MooreStatement> {
            $crate::json_record("Moore statement", text)
        }

        #[$crate::async_trait]
        impl MooreStore for $store {
            async fn list_moore(&self, collaboration_id: i64) -> StoreResult<Vec<MooreRecord>> {
                let rows = ::sqlx::query($crate::LIST_MOORE)
                    .bind(collaboration_id)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?;
                let mut out = Vec::with_capacity(rows.len());
                for r in &rows {
                    let code: String = r.try_get("org_code").map_err(db_err)?;
                    let text: String = r.try_get("statement_json").map_err(db_err)?;
                    out.push(MooreRecord {
                        code: OrgCode::parse(&code)
                            .map_err(|_| StoreError::Database(format!("unexpected organisation code in database: {code:?}")))?,
                        statement: moore_from_json(&text)?,
                        updated_by: r.try_get("updated_by").map_err(db_err)?,
                        updated_at: r.try_get("updated_at").map_err(db_err)?,
                    });
                }
                Ok(out)
            }

            async fn set_moore(
                &self,
                collaboration_id: i64,
                code: &OrgCode,
                statement: &$crate::domain::moore::MooreStatement,
                actor: &Actor,
            ) -> StoreResult<()> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let before = match ::sqlx::query($crate::SELECT_MOORE)
                    .bind(collaboration_id)
                    .bind(code.as_str())
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(db_err)?
                {
                    Some(row) => Some(moore_from_json(&row.try_get::<String, _>("statement_json").map_err(db_err)?)?),
                    None => None,
                };
                let text = $crate::serde_json::to_string(statement)
                    .map_err(|e| StoreError::Database(e.to_string()))?;
                ::sqlx::query($crate::UPSERT_MOORE)
                    .bind(collaboration_id)
                    .bind(code.as_str())
                    .bind(text)
                    .bind(&actor.name)
                    .bind(Utc::now())
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                write_audit(
                    &mut tx,
                    &audit(
                        actor,
                        "moore.update",
                        "collaboration",
                        collaboration_id.to_string(),
                        before
                            .as_ref()
                            .and_then(|b| to_json(&$crate::serde_json::json!({"partner": code, "statement": b}))),
                        to_json(&$crate::serde_json::json!({"partner": code, "statement": statement})),
                    ),
                )
                .await?;
                tx.commit().await.map_err(db_err)?;
                Ok(())
            }
        }
    };
}
