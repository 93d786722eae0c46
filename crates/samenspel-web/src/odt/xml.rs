//! The XML parts of the package (ODF 1.3 part 3): content, styles, metadata and manifest.

use super::{Block, MEDIA_TYPE};
use crate::charts::escape;

const DECLARATION: &str = r#"<?xml version="1.0" encoding="UTF-8"?>"#;
const ODF_VERSION: &str = "1.3";
const NAMESPACES: &str = concat!(
    r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" "#,
    r#"xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" "#,
    r#"xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" "#,
    r#"xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" "#,
    r#"xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" "#,
    r#"xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" "#,
    r#"xmlns:dc="http://purl.org/dc/elements/1.1/""#
);

/// `content.xml`: the blocks as headings, paragraphs and tables.
pub fn content(blocks: &[Block]) -> String {
    let mut body = String::new();
    let mut tables = 0;
    for block in blocks {
        match block {
            Block::Heading { level, text } => body.push_str(&format!(
                r#"<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}">{}</text:h>"#,
                escape(text)
            )),
            Block::Paragraph(text) => body.push_str(&paragraph("Text_20_body", text)),
            Block::Table { header, rows } => {
                tables += 1;
                body.push_str(&table(tables, header, rows));
            }
        }
    }
    format!(
        r#"{DECLARATION}<office:document-content {NAMESPACES} office:version="{ODF_VERSION}"><office:body><office:text>{body}</office:text></office:body></office:document-content>"#
    )
}

fn paragraph(style: &str, text: &str) -> String {
    format!(r#"<text:p text:style-name="{style}">{}</text:p>"#, escape(text))
}

fn table(number: usize, header: &[String], rows: &[Vec<String>]) -> String {
    let cell = |style: &str, text: &str| {
        format!(
            r#"<table:table-cell office:value-type="string">{}</table:table-cell>"#,
            paragraph(style, text)
        )
    };
    let row = |style: &str, cells: &[String]| {
        let cells: String = cells.iter().map(|c| cell(style, c)).collect();
        format!("<table:table-row>{cells}</table:table-row>")
    };
    let body: String = rows.iter().map(|r| row("Table_20_Contents", r)).collect();
    format!(
        r#"<table:table table:name="Tabel{number}"><table:table-column table:number-columns-repeated="{}"/><table:table-header-rows>{}</table:table-header-rows>{body}</table:table>"#,
        header.len().max(1),
        row("Table_20_Heading", header)
    )
}

/// `styles.xml`: the named styles the content uses, in the document's language.
pub fn styles(language: &str) -> String {
    let (lang, country) = language.split_once('-').unwrap_or((language, ""));
    let country = if country.is_empty() {
        String::new()
    } else {
        format!(r#" fo:country="{}""#, escape(country))
    };
    // Space around paragraphs and headings, as a word processor's default text body has it.
    let style = |name: &str, display: &str, props: &str| {
        let (above, below) = match name {
            "Heading_20_1" => ("0.4cm", "0.3cm"),
            "Heading_20_2" => ("0.5cm", "0.2cm"),
            "Text_20_body" => ("0cm", "0.25cm"),
            _ => ("0cm", "0.05cm"),
        };
        format!(
            r#"<style:style style:name="{name}" style:display-name="{display}" style:family="paragraph"><style:paragraph-properties fo:margin-top="{above}" fo:margin-bottom="{below}"/><style:text-properties{props}/></style:style>"#
        )
    };
    format!(
        r#"{DECLARATION}<office:document-styles {NAMESPACES} office:version="{ODF_VERSION}"><office:styles><style:default-style style:family="paragraph"><style:text-properties fo:language="{}"{country} fo:font-size="11pt"/></style:default-style>{}{}{}{}{}</office:styles></office:document-styles>"#,
        escape(lang),
        style(
            "Heading_20_1",
            "Heading 1",
            r#" fo:font-size="16pt" fo:font-weight="bold""#
        ),
        style(
            "Heading_20_2",
            "Heading 2",
            r#" fo:font-size="13pt" fo:font-weight="bold""#
        ),
        style("Text_20_body", "Text body", ""),
        style("Table_20_Heading", "Table Heading", r#" fo:font-weight="bold""#),
        style("Table_20_Contents", "Table Contents", ""),
    )
}

/// `meta.xml`: title, language and the program that wrote it.
pub fn meta(title: &str, language: &str) -> String {
    format!(
        r#"{DECLARATION}<office:document-meta {NAMESPACES} office:version="{ODF_VERSION}"><office:meta><meta:generator>Samenspel</meta:generator><dc:title>{}</dc:title><dc:language>{}</dc:language></office:meta></office:document-meta>"#,
        escape(title),
        escape(language)
    )
}

/// `META-INF/manifest.xml`: the package and every XML part with its media type.
pub fn manifest() -> String {
    let entry = |path: &str, media_type: &str, version: &str| {
        format!(
            r#"<manifest:file-entry manifest:full-path="{path}"{version} manifest:media-type="{media_type}"/>"#
        )
    };
    let root = entry("/", MEDIA_TYPE, &format!(r#" manifest:version="{ODF_VERSION}""#));
    let parts: String = ["content.xml", "styles.xml", "meta.xml"]
        .iter()
        .map(|p| entry(p, "text/xml", ""))
        .collect();
    format!(
        r#"{DECLARATION}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="{ODF_VERSION}">{root}{parts}</manifest:manifest>"#
    )
}
