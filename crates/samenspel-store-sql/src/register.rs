//! Importing a register (the gemeenschappelijke regelingen): all or nothing, idempotent by
//! source key and content hash. Expanded inside the module that `impl_sql_store!` creates.

#[doc(hidden)]
#[macro_export]
macro_rules! impl_register_store {
    ($store:ty, $db:ty) => {
        /// Replaces the money of collaboration `id` when the import brings money.
        async fn replace_money(
            tx: &mut Conn,
            id: i64,
            money: Option<&[$crate::domain::money::Contribution]>,
            actor: &Actor,
            now: DateTime<Utc>,
        ) -> StoreResult<()> {
            let Some(money) = money else { return Ok(()) };
            ::sqlx::query($crate::DELETE_MONEY_OF).bind(id).execute(&mut *tx).await.map_err(db_err)?;
            for c in money {
                ::sqlx::query($crate::UPSERT_CONTRIBUTION)
                    .bind(id)
                    .bind(c.partner.as_str())
                    .bind(c.year)
                    .bind(c.amount.get())
                    .bind(c.instrument.key())
                    .bind(c.status.key())
                    .bind(&actor.name)
                    .bind(now)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
            }
            Ok(())
        }

        #[$crate::async_trait]
        impl RegisterStore for $store {
            async fn import_register(
                &self,
                prefix: &str,
                organisations: &[Organisation],
                collaborations: &[RegisteredCollaboration],
                actor: &Actor,
                progress: &(dyn Fn(usize, usize) + Send + Sync),
            ) -> StoreResult<ImportReport> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let now = Utc::now();
                let mut report = ImportReport::default();
                for org in organisations {
                    report.organisations += ::sqlx::query($crate::UPSERT_REFERENCE_ORGANISATION)
                        .bind(org.code.as_str())
                        .bind(&org.name)
                        .bind($crate::domain::text::search_key(&org.name))
                        .bind(org.org_type.key())
                        .bind(org.abbreviation.as_deref())
                        .bind(org.province.as_ref().map(|p| p.as_str()))
                        .bind(now)
                        .bind(org.ended)
                        .execute(&mut *tx)
                        .await
                        .map_err(db_err)?
                        .rows_affected();
                }
                let mut existing = std::collections::HashMap::new();
                for row in ::sqlx::query($crate::REGISTER_KEYS)
                    .bind(format!("{prefix}%"))
                    .fetch_all(&mut *tx)
                    .await
                    .map_err(db_err)?
                {
                    let key: String = row.try_get("source_key").map_err(db_err)?;
                    let id: i64 = row.try_get("id").map_err(db_err)?;
                    let hash: Option<String> = row.try_get("source_hash").map_err(db_err)?;
                    let version: i64 = row.try_get("version").map_err(db_err)?;
                    existing.insert(key, (id, hash, version));
                }
                let total = collaborations.len();
                for (done, item) in collaborations.iter().enumerate() {
                    match existing.get(&item.source_key) {
                        None => {
                            let id = insert_collaboration(
                                &mut tx,
                                &item.fields,
                                None,
                                Some((&item.source_key, &item.source_hash)),
                                true,
                                now,
                            )
                            .await?;
                            insert_phases(&mut tx, id, &item.fields.phases).await?;
                            for partner in &item.partners {
                                insert_registered_partner(&mut tx, id, partner).await?;
                            }
                            replace_money(&mut tx, id, item.money.as_deref(), actor, now).await?;
                            report.added.push(item.source_key.clone());
                        }
                        Some((_, Some(hash), _)) if *hash == item.source_hash => report.unchanged += 1,
                        Some((id, _, version)) => {
                            let id = *id;
                            update_fields(&mut tx, id, *version, &item.fields).await?;
                            ::sqlx::query($crate::DELETE_PHASES).bind(id).execute(&mut *tx).await.map_err(db_err)?;
                            insert_phases(&mut tx, id, &item.fields.phases).await?;
                            ::sqlx::query($crate::SET_SOURCE_HASH)
                                .bind(&item.source_hash)
                                .bind(id)
                                .execute(&mut *tx)
                                .await
                                .map_err(db_err)?;
                            let current: Vec<String> = ::sqlx::query($crate::PARTNER_CODES)
                                .bind(id)
                                .fetch_all(&mut *tx)
                                .await
                                .map_err(db_err)?
                                .iter()
                                .map(|r| r.try_get::<String, _>("org_code"))
                                .collect::<Result<_, _>>()
                                .map_err(db_err)?;
                            for code in current.iter().filter(|c| !item.partners.iter().any(|p| p.code.as_str() == c.as_str())) {
                                ::sqlx::query($crate::DELETE_PARTNER).bind(id).bind(code).execute(&mut *tx).await.map_err(|e| {
                                    if is_foreign_key_violation(&e) {
                                        StoreError::Conflict(format!(
                                            "{}: partner {code} has stated stances and cannot be removed by the import",
                                            item.source_key
                                        ))
                                    } else {
                                        db_err(e)
                                    }
                                })?;
                            }
                            for partner in &item.partners {
                                if current.iter().any(|c| c.as_str() == partner.code.as_str()) {
                                    ::sqlx::query($crate::UPDATE_PARTNER)
                                        .bind(partner.role.key())
                                        .bind(partner.joined_on)
                                        .bind(partner.notes.as_deref())
                                        .bind(id)
                                        .bind(partner.code.as_str())
                                        .execute(&mut *tx)
                                        .await
                                        .map_err(db_err)?;
                                } else {
                                    insert_registered_partner(&mut tx, id, partner).await?;
                                }
                            }
                            replace_money(&mut tx, id, item.money.as_deref(), actor, now).await?;
                            report.changed.push(item.source_key.clone());
                        }
                    }
                    if (done + 1) % 100 == 0 || done + 1 == total {
                        progress(done + 1, total);
                    }
                }
                if !report.added.is_empty() || !report.changed.is_empty() || report.organisations > 0 {
                    write_audit(
                        &mut tx,
                        &audit(actor, "register.import", "register", prefix.trim_end_matches(':').to_owned(), None, to_json(&report)),
                    )
                    .await?;
                }
                tx.commit().await.map_err(db_err)?;
                Ok(report)
            }
        }
    };
}
