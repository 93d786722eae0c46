//! Attachments: a checked file written with its audit event, read back whole by id, and
//! listed per owner without the bytes.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use samenspel_domain::attachment::{Attachment, AttachmentOwner, OwnerKind};
use samenspel_domain::audit::Actor;
use samenspel_store::{AttachmentInfo, AttachmentStore, AuditEvent, StoreResult, StoredAttachment};

use super::SqlStore;
use super::read::{fetch_all_into, fetch_optional_into};
use super::write::Write;
use crate::error::{Error, Result, boundary, corrupt};

macro_rules! info_columns {
    () => {
        "SELECT id, owner_type, owner_id, name, media_type, size, sha256, added_by, added_at"
    };
}

const INSERT_ATTACHMENT: &str = "INSERT INTO attachments (owner_type, owner_id, name, media_type, size, sha256, content, added_by, added_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";

const ATTACHMENT_BY_ID: &str = concat!(info_columns!(), ", content FROM attachments WHERE id = $1");

const ATTACHMENTS_OF_OWNER: &str = concat!(
    info_columns!(),
    " FROM attachments WHERE owner_type = $1 AND owner_id = $2 ORDER BY id"
);

#[derive(sqlx::FromRow)]
struct InfoRow {
    id: i64,
    owner_type: String,
    owner_id: i64,
    name: String,
    media_type: String,
    size: i64,
    sha256: String,
    added_by: String,
    added_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct FileRow {
    #[sqlx(flatten)]
    info: InfoRow,
    content: Vec<u8>,
}

impl TryFrom<InfoRow> for AttachmentInfo {
    type Error = Error;

    fn try_from(row: InfoRow) -> Result<Self> {
        let kind =
            OwnerKind::from_key(&row.owner_type).ok_or_else(|| corrupt("owner type", &row.owner_type))?;
        Ok(AttachmentInfo {
            id: row.id,
            owner: AttachmentOwner {
                kind,
                id: row.owner_id,
            },
            name: row.name,
            media_type: row.media_type,
            size: row.size,
            sha256: row.sha256,
            added_by: row.added_by,
            added_at: row.added_at,
        })
    }
}

impl TryFrom<FileRow> for StoredAttachment {
    type Error = Error;

    fn try_from(row: FileRow) -> Result<Self> {
        Ok(StoredAttachment {
            info: row.info.try_into()?,
            bytes: row.content,
        })
    }
}

/// Writes a checked file for `owner` inside a write transaction; the caller commits it with
/// the `AttachmentAdd` event of the info returned.
pub(super) async fn insert_file(
    tx: &mut Write,
    owner: AttachmentOwner,
    file: &Attachment,
    actor: &Actor,
) -> Result<AttachmentInfo> {
    let now = Utc::now();
    let id: i64 = sqlx::query_scalar(INSERT_ATTACHMENT)
        .bind(owner.kind.key())
        .bind(owner.id)
        .bind(file.name())
        .bind(file.media_type())
        .bind(file.size())
        .bind(file.sha256())
        .bind(file.bytes())
        .bind(&actor.name)
        .bind(now)
        .fetch_one(&mut **tx)
        .await?;
    Ok(AttachmentInfo {
        id,
        owner,
        name: file.name().to_owned(),
        media_type: file.media_type().to_owned(),
        size: file.size(),
        sha256: file.sha256().to_owned(),
        added_by: actor.name.clone(),
        added_at: now,
    })
}

#[async_trait]
impl AttachmentStore for SqlStore {
    async fn put_attachment(
        &self,
        owner: AttachmentOwner,
        file: &Attachment,
        actor: &Actor,
    ) -> StoreResult<i64> {
        boundary(async {
            let mut tx = self.write().await?;
            let info = insert_file(&mut tx, owner, file, actor).await?;
            tx.commit(actor, AuditEvent::AttachmentAdd { info: &info })
                .await?;
            Ok(info.id)
        })
        .await
    }

    async fn get_attachment(&self, id: i64) -> StoreResult<Option<StoredAttachment>> {
        let query = sqlx::query_as::<_, FileRow>(ATTACHMENT_BY_ID).bind(id);
        boundary(fetch_optional_into(query, &self.pool)).await
    }

    async fn list_attachments(&self, owner: AttachmentOwner) -> StoreResult<Vec<AttachmentInfo>> {
        let query = sqlx::query_as::<_, InfoRow>(ATTACHMENTS_OF_OWNER)
            .bind(owner.kind.key())
            .bind(owner.id);
        boundary(fetch_all_into(query, &self.pool)).await
    }
}
