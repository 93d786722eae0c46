//! Democratic control per collaboration, stored as one JSON record with an audit event.
//! Expanded inside the module that `impl_sql_store!` creates.

#[doc(hidden)]
#[macro_export]
macro_rules! impl_control_store {
    ($store:ty, $db:ty) => {
        async fn load_control(
            conn: &mut Conn,
            id: i64,
        ) -> StoreResult<Option<$crate::domain::control::DemocraticControl>> {
            let Some(row) = ::sqlx::query($crate::SELECT_CONTROL)
                .bind(id)
                .fetch_optional(&mut *conn)
                .await
                .map_err(db_err)?
            else {
                return Ok(None);
            };
            let text: String = row.try_get("control_json").map_err(db_err)?;
            $crate::json_record("democratic control", &text).map(Some)
        }

        #[$crate::async_trait]
        impl ControlStore for $store {
            async fn get_control(
                &self,
                collaboration_id: i64,
            ) -> StoreResult<Option<$crate::domain::control::DemocraticControl>> {
                let mut conn = self.pool.acquire().await.map_err(db_err)?;
                load_control(&mut conn, collaboration_id).await
            }

            async fn set_control(
                &self,
                collaboration_id: i64,
                control: &$crate::domain::control::DemocraticControl,
                actor: &Actor,
            ) -> StoreResult<()> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let before = load_control(&mut tx, collaboration_id).await?;
                let text = $crate::serde_json::to_string(control)
                    .map_err(|e| StoreError::Database(e.to_string()))?;
                ::sqlx::query($crate::UPSERT_CONTROL)
                    .bind(collaboration_id)
                    .bind(text)
                    .bind(control.next_evaluation)
                    .bind(&actor.name)
                    .bind(Utc::now())
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                write_audit(
                    &mut tx,
                    &audit(
                        actor,
                        "control.update",
                        "collaboration",
                        collaboration_id.to_string(),
                        before.as_ref().and_then(to_json),
                        to_json(control),
                    ),
                )
                .await?;
                tx.commit().await.map_err(db_err)?;
                Ok(())
            }
        }
    };
}
