//! Documents of a UDO dossier: the file in `attachments` (owner `udo_dossier`) and its
//! description in `udo_documents`, written in one transaction with the attachment's audit
//! event, the dossier's row locked first (so a document never lands on a missing dossier).

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use samenspel_domain::attachment::{Attachment, AttachmentOwner, OwnerKind};
use samenspel_domain::audit::Actor;
use samenspel_domain::udo::publication::DocumentMeta;
use samenspel_domain::udo::woo::{AttachmentKind, InformationCategory};
use samenspel_store::{
    AttachmentInfo, AuditEvent, StoreError, StoreResult, StoredUdoDocument, UdoDocumentInfo, UdoDocumentStore,
};

use super::SqlStore;
use super::attachments::insert_file;
use super::read::{fetch_all_into, fetch_optional_into};
use crate::error::{Error, Result, boundary, corrupt};

/// Locks the dossier for the rest of the transaction; no row: no such dossier.
const LOCK_DOSSIER: &str = "UPDATE udo_dossiers SET version = version WHERE id = $1";

const INSERT_DOCUMENT: &str = "INSERT INTO udo_documents (attachment_id, dossier_id, title, kind, category) VALUES ($1, $2, $3, $4, $5)";

/// The columns of [`DocumentRow`], from `udo_documents d` joined with `attachments a`.
macro_rules! columns {
    () => {
        "SELECT a.id AS id, d.dossier_id AS dossier_id, a.name AS name, a.media_type AS media_type, \
         a.size AS size, a.sha256 AS sha256, a.added_by AS added_by, a.added_at AS added_at, \
         d.title AS title, d.kind AS kind, d.category AS category"
    };
}

const DOCUMENTS_OF_DOSSIER: &str = concat!(
    columns!(),
    " FROM udo_documents d JOIN attachments a ON a.id = d.attachment_id WHERE d.dossier_id = $1 ORDER BY a.id"
);

const DOCUMENT_BY_ID: &str = concat!(
    columns!(),
    ", a.content AS content FROM udo_documents d JOIN attachments a ON a.id = d.attachment_id \
     WHERE d.dossier_id = $1 AND d.attachment_id = $2"
);

#[derive(sqlx::FromRow)]
struct DocumentRow {
    id: i64,
    dossier_id: i64,
    name: String,
    media_type: String,
    size: i64,
    sha256: String,
    added_by: String,
    added_at: DateTime<Utc>,
    title: String,
    kind: Option<String>,
    category: String,
}

#[derive(sqlx::FromRow)]
struct FileRow {
    #[sqlx(flatten)]
    info: DocumentRow,
    content: Vec<u8>,
}

fn owner(dossier_id: i64) -> AttachmentOwner {
    AttachmentOwner {
        kind: OwnerKind::UdoDossier,
        id: dossier_id,
    }
}

impl TryFrom<DocumentRow> for UdoDocumentInfo {
    type Error = Error;

    fn try_from(row: DocumentRow) -> Result<Self> {
        let kind = match row.kind.as_deref() {
            None => None,
            Some(k) => Some(AttachmentKind::from_key(k).ok_or_else(|| corrupt("document kind", k))?),
        };
        let category = InformationCategory::from_key(&row.category)
            .ok_or_else(|| corrupt("information category", &row.category))?;
        Ok(UdoDocumentInfo {
            file: AttachmentInfo {
                id: row.id,
                owner: owner(row.dossier_id),
                name: row.name,
                media_type: row.media_type,
                size: row.size,
                sha256: row.sha256,
                added_by: row.added_by,
                added_at: row.added_at,
            },
            meta: DocumentMeta {
                title: row.title,
                kind,
                category,
            },
        })
    }
}

impl TryFrom<FileRow> for StoredUdoDocument {
    type Error = Error;

    fn try_from(row: FileRow) -> Result<Self> {
        Ok(StoredUdoDocument {
            info: row.info.try_into()?,
            bytes: row.content,
        })
    }
}

#[async_trait]
impl UdoDocumentStore for SqlStore {
    async fn add_udo_document(
        &self,
        dossier_id: i64,
        meta: &DocumentMeta,
        file: &Attachment,
        actor: &Actor,
    ) -> StoreResult<i64> {
        boundary(async {
            let mut tx = self.write().await?;
            let locked = sqlx::query(LOCK_DOSSIER)
                .bind(dossier_id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if locked == 0 {
                return Err(Error::Store(StoreError::NotFound));
            }
            let info = insert_file(&mut tx, owner(dossier_id), file, actor).await?;
            sqlx::query(INSERT_DOCUMENT)
                .bind(info.id)
                .bind(dossier_id)
                .bind(&meta.title)
                .bind(meta.kind.map(AttachmentKind::key))
                .bind(meta.category.key())
                .execute(&mut *tx)
                .await?;
            tx.commit(actor, AuditEvent::AttachmentAdd { info: &info })
                .await?;
            Ok(info.id)
        })
        .await
    }

    async fn list_udo_documents(&self, dossier_id: i64) -> StoreResult<Vec<UdoDocumentInfo>> {
        let query = sqlx::query_as::<_, DocumentRow>(DOCUMENTS_OF_DOSSIER).bind(dossier_id);
        boundary(fetch_all_into(query, &self.pool)).await
    }

    async fn get_udo_document(&self, dossier_id: i64, id: i64) -> StoreResult<Option<StoredUdoDocument>> {
        let query = sqlx::query_as::<_, FileRow>(DOCUMENT_BY_ID)
            .bind(dossier_id)
            .bind(id);
        boundary(fetch_optional_into(query, &self.pool)).await
    }
}
