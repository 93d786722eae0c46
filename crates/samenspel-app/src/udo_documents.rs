//! Publication of UDO dossiers under the Wet open overheid (issue 14, item 9) as use cases:
//! the owning ministry's redacteuren (and beheerders: the permission to change the dossier)
//! add documents to a dossier, each with a title and its Woo information category; whoever
//! may read the dossier lists and downloads them (everyone once the dossier has gone into
//! consultation, see [`samenspel_domain::udo::publication::published`]); and the published
//! dossiers are listed for the public page and its Atom feed.

use chrono::{DateTime, NaiveDate, Utc};
use samenspel_domain::ValidationErrors;
use samenspel_domain::udo::publication::{DocumentInput, check_file, published};
use samenspel_domain::udo::woo::{AttachmentKind, InformationCategory};
use samenspel_domain::udo::workflow::UdoState;
use samenspel_domain::udo::workflow::permissions::DossierAction;
use samenspel_store::{StoredUdoDocument, UdoDocumentInfo};
use serde::Serialize;

use crate::udo::{authorise, stored};
use crate::{App, AppError, AppResult, Principal};

/// A document of a dossier as the pages and the API show it (who added it is not shown:
/// visitors see organisations, never people).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct UdoDocumentView {
    pub id: i64,
    pub title: String,
    /// The kind of document, when it was given.
    pub kind: Option<AttachmentKind>,
    /// Its Woo information category (art. 3.3 Woo), as the DiWoo waardelijst names it.
    pub category: InformationCategory,
    /// The category's TOOI concept, as DiWoo's `informatiecategorie@resource` carries it.
    pub category_tooi: String,
    /// The category's name in the DiWoo waardelijst.
    pub category_label: String,
    /// The file name as uploaded (without folders).
    pub file_name: String,
    /// The type recognised in the content, e.g. `application/pdf`.
    pub media_type: String,
    /// The size in bytes.
    pub size: i64,
    /// The SHA-256 of the content, lower-case hexadecimal.
    pub sha256: String,
    pub added_at: DateTime<Utc>,
    /// Where the file is downloaded (relative to the site).
    pub href: String,
}

fn view(doc: UdoDocumentInfo) -> UdoDocumentView {
    let dossier_id = doc.file.owner.id;
    UdoDocumentView {
        id: doc.file.id,
        href: format!("/api/v1/udo/dossiers/{dossier_id}/attachments/{}", doc.file.id),
        title: doc.meta.title,
        kind: doc.meta.kind,
        category: doc.meta.category,
        category_tooi: doc.meta.category.tooi_uri(),
        category_label: doc.meta.category.label_nl().to_owned(),
        file_name: doc.file.name,
        media_type: doc.file.media_type,
        size: doc.file.size,
        sha256: doc.file.sha256,
        added_at: doc.file.added_at,
    }
}

/// A published dossier in the public list and the feed.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct UdoPublication {
    pub id: i64,
    pub title: String,
    /// The ministry that holds the pen (its code).
    pub ministry: String,
    pub state: UdoState,
    /// The day it went into consultation (and so became public).
    #[schema(value_type = String, format = Date)]
    pub published_on: NaiveDate,
    pub demo: bool,
}

impl App {
    /// Adds a document to the dossier: the same people who may change the dossier may; the
    /// description and the file are checked together (every bad field named, 422) before
    /// anything is stored.
    /// Whether `who` may add a document to the dossier: checked before an upload's body is
    /// read, so a visitor who may not gets 401, 403 or 404 whatever the body holds.
    pub async fn may_add_udo_document(&self, id: i64, who: &Principal) -> AppResult<()> {
        let record = self.udo_record(id, who).await?;
        authorise(who, DossierAction::Edit, &stored(&record)?)?;
        Ok(())
    }

    pub async fn add_udo_document(
        &self,
        id: i64,
        input: &DocumentInput,
        file: Option<(String, Vec<u8>)>,
        who: &Principal,
    ) -> AppResult<i64> {
        let record = self.udo_record(id, who).await?;
        let dossier = stored(&record)?;
        let actor = authorise(who, DossierAction::Edit, &dossier)?;
        let mut errors = ValidationErrors::new();
        let meta = errors.collect(input.parse());
        let file = match file {
            Some((name, bytes)) => errors.collect(check_file(&name, bytes)),
            None => {
                errors.add(
                    samenspel_domain::udo::publication::FILE_FIELD,
                    "required",
                    samenspel_domain::msg!("udo-document-file-required", "Kies een bestand."),
                );
                None
            }
        };
        let (Some(meta), Some(file)) = (meta, file) else {
            return Err(AppError::Invalid(errors));
        };
        Ok(self.store.add_udo_document(id, &meta, &file, &actor).await?)
    }

    /// The dossier's documents, when `who` may read the dossier.
    pub async fn udo_documents(&self, id: i64, who: &Principal) -> AppResult<Vec<UdoDocumentView>> {
        self.udo_record(id, who).await?;
        let documents = self.store.list_udo_documents(id).await?;
        Ok(documents.into_iter().map(view).collect())
    }

    /// One document with its bytes, when `who` may read the dossier it belongs to.
    pub async fn udo_document_file(
        &self,
        id: i64,
        document: i64,
        who: &Principal,
    ) -> AppResult<(UdoDocumentView, Vec<u8>)> {
        self.udo_record(id, who).await?;
        let StoredUdoDocument { info, bytes } = self
            .store
            .get_udo_document(id, document)
            .await?
            .ok_or(AppError::NotFound("udo-document"))?;
        Ok((view(info), bytes))
    }

    /// The published dossiers (in consultation or later), most recently published first; never
    /// a draft, whoever asks.
    pub async fn udo_publications(&self) -> AppResult<Vec<UdoPublication>> {
        let mut list: Vec<UdoPublication> = self
            .store
            .list_udo_dossiers()
            .await?
            .into_iter()
            .filter(|d| published(d.progress.state))
            .map(|d| UdoPublication {
                published_on: d.consultation_opened_on.unwrap_or(d.opened_on),
                id: d.id,
                title: d.facts.title,
                ministry: d.facts.ministry.as_str().to_owned(),
                state: d.progress.state,
                demo: d.demo_key.is_some(),
            })
            .collect();
        list.sort_by(|a, b| b.published_on.cmp(&a.published_on).then(b.id.cmp(&a.id)));
        Ok(list)
    }
}
