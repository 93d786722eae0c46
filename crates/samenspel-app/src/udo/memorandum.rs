//! The explanatory memorandum's paragraphs of a dossier (issue 14, item 8), written by
//! [`samenspel_domain::udo::memorandum`] from the dossier as stored and the report over its
//! published reactions. Whoever may read the dossier may read its paragraphs.

use samenspel_domain::udo::memorandum::{
    MemorandumSection, consultation_section, financial_section, plain_text,
};
use serde::Serialize;

use super::stored;
use crate::{App, AppResult, Principal};

/// The two paragraphs of a dossier, as sections and as plain text to copy.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct UdoMemorandum {
    pub id: i64,
    /// The dossier's title.
    pub title: String,
    /// "Financiële gevolgen voor decentrale overheden", then "Advies en consultatie".
    pub sections: Vec<MemorandumSection>,
    /// The same sections as plain text (tables as tab-separated lines).
    pub text: String,
}

impl App {
    /// The memorandum paragraphs of dossier `id`, when `who` may read it.
    pub async fn udo_memorandum(&self, id: i64, who: &Principal) -> AppResult<UdoMemorandum> {
        let record = self.udo_record(id, who).await?;
        let dossier = stored(&record)?;
        let report = self.published_report(id).await?;
        let sections = vec![
            financial_section(&dossier),
            consultation_section(&dossier, &report),
        ];
        Ok(UdoMemorandum {
            id,
            title: dossier.title.clone(),
            text: plain_text(&sections),
            sections,
        })
    }
}
