//! Money per partner per year: recorded, replaced and removed with an audit event in the same
//! transaction. Expanded inside the module that `impl_sql_store!` creates.

#[doc(hidden)]
#[macro_export]
macro_rules! impl_money_store {
    ($store:ty, $db:ty) => {
        fn contribution_row(r: &<$db as ::sqlx::Database>::Row) -> StoreResult<ContributionRecord> {
            $crate::contribution_from_parts($crate::ContributionParts {
                id: r.try_get("id").map_err(db_err)?,
                org_code: r.try_get("org_code").map_err(db_err)?,
                year: r
                    .try_get::<i64, _>("year")
                    .or_else(|_| r.try_get::<i32, _>("year").map(i64::from))
                    .map_err(db_err)?,
                amount_cents: r.try_get("amount_cents").map_err(db_err)?,
                instrument: r.try_get("instrument").map_err(db_err)?,
                status: r.try_get("status").map_err(db_err)?,
                recorded_by: r.try_get("recorded_by").map_err(db_err)?,
                recorded_at: r.try_get("recorded_at").map_err(db_err)?,
            })
        }

        #[$crate::async_trait]
        impl MoneyStore for $store {
            async fn list_contributions(
                &self,
                collaboration_id: i64,
            ) -> StoreResult<Vec<ContributionRecord>> {
                ::sqlx::query($crate::LIST_CONTRIBUTIONS)
                    .bind(collaboration_id)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?
                    .iter()
                    .map(contribution_row)
                    .collect()
            }

            async fn set_contribution(
                &self,
                collaboration_id: i64,
                contribution: &$crate::domain::money::Contribution,
                actor: &Actor,
            ) -> StoreResult<ContributionRecord> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let is_partner = ::sqlx::query($crate::IS_PARTNER)
                    .bind(collaboration_id)
                    .bind(contribution.partner.as_str())
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(db_err)?
                    .is_some();
                if !is_partner {
                    return Err(StoreError::Invalid($crate::not_a_paying_partner(
                        &contribution.partner,
                    )));
                }
                let before = ::sqlx::query($crate::CONTRIBUTION_BY_KEY)
                    .bind(collaboration_id)
                    .bind(contribution.partner.as_str())
                    .bind(contribution.year)
                    .bind(contribution.instrument.key())
                    .bind(contribution.status.key())
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(db_err)?
                    .map(|r| contribution_row(&r))
                    .transpose()?;
                let now = Utc::now();
                let id: i64 = ::sqlx::query($crate::UPSERT_CONTRIBUTION)
                    .bind(collaboration_id)
                    .bind(contribution.partner.as_str())
                    .bind(contribution.year)
                    .bind(contribution.amount.get())
                    .bind(contribution.instrument.key())
                    .bind(contribution.status.key())
                    .bind(&actor.name)
                    .bind(now)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(db_err)?
                    .try_get("id")
                    .map_err(db_err)?;
                let record = ContributionRecord {
                    id,
                    contribution: contribution.clone(),
                    recorded_by: actor.name.clone(),
                    recorded_at: now,
                };
                write_audit(
                    &mut tx,
                    &audit(
                        actor,
                        "money.record",
                        "collaboration",
                        collaboration_id.to_string(),
                        before.as_ref().and_then(to_json),
                        to_json(&record),
                    ),
                )
                .await?;
                tx.commit().await.map_err(db_err)?;
                Ok(record)
            }

            async fn delete_contribution(
                &self,
                collaboration_id: i64,
                id: i64,
                actor: &Actor,
            ) -> StoreResult<()> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let Some(before) = ::sqlx::query($crate::CONTRIBUTION_BY_ID)
                    .bind(collaboration_id)
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(db_err)?
                else {
                    return Err(StoreError::NotFound);
                };
                let before = contribution_row(&before)?;
                ::sqlx::query($crate::DELETE_CONTRIBUTION)
                    .bind(collaboration_id)
                    .bind(id)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                write_audit(
                    &mut tx,
                    &audit(
                        actor,
                        "money.delete",
                        "collaboration",
                        collaboration_id.to_string(),
                        to_json(&before),
                        None,
                    ),
                )
                .await?;
                tx.commit().await.map_err(db_err)?;
                Ok(())
            }
        }
    };
}
