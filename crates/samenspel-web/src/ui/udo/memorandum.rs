//! The explanatory memorandum's paragraphs of a dossier (`/udo/{id}/toelichting`): the two
//! sections as HTML, as plain text to copy, and as downloads (`.odt` and `.txt`). The
//! paragraphs are Dutch whatever the page's language, since the memorandum is a Dutch legal
//! text; the page marks them `lang="nl"`.

use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;
use samenspel_app::udo::UdoMemorandum;
use samenspel_domain::udo::memorandum::MemorandumSection;

use crate::error::PageError;
use crate::odt::{Block, Document, MEDIA_TYPE};
use crate::ui::request::Visit;
use crate::ui::{Layout, download, render};

/// The table's column heads, as the plain text has them.
const TABLE_HEADER: [&str; 5] = ["Bestuurslaag", "Jaar", "Structureel", "Incidenteel", "Totaal"];

#[derive(Template)]
#[template(path = "udo/memorandum.html")]
pub struct MemorandumPage {
    pub layout: Layout,
    pub id: i64,
    pub sections: Vec<MemorandumSection>,
    pub table_header: [&'static str; 5],
    pub text: String,
    /// Rows of the text area: the text's lines, at most 30.
    pub text_rows: usize,
}

pub async fn page(Visit(app, ctx, id): Visit<i64>) -> Result<Response, PageError> {
    let memorandum = app.udo_memorandum(id, &ctx.who).await?;
    let heading = ctx
        .lang
        .t_with("udo-memorandum-title", &[("title", &memorandum.title)]);
    Ok(render(
        StatusCode::OK,
        &MemorandumPage {
            layout: Layout::translated(&ctx, heading, "udo"),
            id,
            text_rows: memorandum.text.lines().count().clamp(5, 30),
            sections: memorandum.sections,
            table_header: TABLE_HEADER,
            text: memorandum.text,
        },
    ))
}

pub async fn text(Visit(app, ctx, id): Visit<i64>) -> Result<Response, PageError> {
    let memorandum = app.udo_memorandum(id, &ctx.who).await?;
    Ok(download(
        &filename(id, "txt"),
        "text/plain; charset=utf-8",
        memorandum.text.into_bytes(),
    ))
}

pub async fn odt(Visit(app, ctx, id): Visit<i64>) -> Result<Response, PageError> {
    let memorandum = app.udo_memorandum(id, &ctx.who).await?;
    let bytes = document(&memorandum)
        .to_odt()
        .map_err(|e| samenspel_app::AppError::internal(format!("UDO dossier {id}: {e}")))?;
    Ok(download(&filename(id, "odt"), MEDIA_TYPE, bytes))
}

fn filename(id: i64, extension: &str) -> String {
    format!("udo-{id}-toelichting.{extension}")
}

/// The memorandum as a document: the title, then per section its heading, table and paragraphs
/// in the order the page shows them.
pub fn document(memorandum: &UdoMemorandum) -> Document {
    let mut blocks = vec![Block::Heading {
        level: 1,
        text: memorandum.title.clone(),
    }];
    for section in &memorandum.sections {
        blocks.push(Block::Heading {
            level: 2,
            text: section.heading.clone(),
        });
        if !section.table.is_empty() {
            blocks.push(Block::Table {
                header: TABLE_HEADER.iter().map(|h| (*h).to_owned()).collect(),
                rows: section
                    .table
                    .iter()
                    .map(|l| {
                        vec![
                            l.layer.clone(),
                            l.year.to_string(),
                            l.structural.clone(),
                            l.incidental.clone(),
                            l.total.clone(),
                        ]
                    })
                    .collect(),
            });
        }
        blocks.extend(section.paragraphs.iter().cloned().map(Block::Paragraph));
    }
    Document {
        title: memorandum.title.clone(),
        language: "nl-NL".to_owned(),
        blocks,
    }
}
