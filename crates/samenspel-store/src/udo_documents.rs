//! The documents of a UDO dossier (issue 14, item 9): each a file kept by the attachments
//! port (owner kind `udo_dossier`) with its title, the kind of document and its Woo
//! information category, written together in one transaction.

use async_trait::async_trait;
use samenspel_domain::attachment::Attachment;
use samenspel_domain::audit::Actor;
use samenspel_domain::udo::publication::DocumentMeta;
use serde::Serialize;

use crate::{AttachmentInfo, StoreResult};

/// A document of a dossier without its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UdoDocumentInfo {
    pub file: AttachmentInfo,
    pub meta: DocumentMeta,
}

/// A document read back whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredUdoDocument {
    pub info: UdoDocumentInfo,
    pub bytes: Vec<u8>,
}

/// Documents of UDO dossiers.
#[async_trait]
pub trait UdoDocumentStore {
    /// Stores a checked file as a document of the dossier, with its description and the
    /// attachment's audit event, in one transaction (the dossier's row locked); returns the
    /// document's id (the attachment's). Not found: no such dossier.
    async fn add_udo_document(
        &self,
        dossier_id: i64,
        meta: &DocumentMeta,
        file: &Attachment,
        actor: &Actor,
    ) -> StoreResult<i64>;
    /// The dossier's documents, oldest first.
    async fn list_udo_documents(&self, dossier_id: i64) -> StoreResult<Vec<UdoDocumentInfo>>;
    /// One document of the dossier with its bytes, if it belongs to that dossier.
    async fn get_udo_document(&self, dossier_id: i64, id: i64) -> StoreResult<Option<StoredUdoDocument>>;
}
