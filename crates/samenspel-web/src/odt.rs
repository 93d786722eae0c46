//! Writes a text document in the OpenDocument format (ODF 1.3, `.odt`; ISO/IEC 26300, one of
//! the open standards the Forum Standaardisatie lists as "pas toe of leg uit") from headings,
//! paragraphs and tables: the explanatory-memorandum paragraphs a ministry downloads to paste
//! into its own document.
//!
//! The package is a ZIP file whose first entry is `mimetype`, stored uncompressed (ODF 1.3
//! part 2, §3.3), followed by the content, the styles, the metadata and the manifest
//! (`META-INF/manifest.xml`, §4). Every entry is stored without compression (module `zip`), so the
//! writer needs no compression library. Text goes through the one escape function of the
//! charts, which escapes for XML.

#[cfg(test)]
mod tests;
mod xml;
mod zip;

pub use zip::TooLarge;

/// The media type of a text document, also the content of the `mimetype` entry.
pub const MEDIA_TYPE: &str = "application/vnd.oasis.opendocument.text";

/// One block of the document, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading of outline level 1 or 2.
    Heading {
        level: u8,
        text: String,
    },
    Paragraph(String),
    /// A table with a header row; every row has as many cells as the header.
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

/// A document: its title (in the metadata), language (a BCP 47 tag such as `nl-NL`) and blocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub title: String,
    pub language: String,
    pub blocks: Vec<Block>,
}

impl Document {
    /// The document as the bytes of an `.odt` file.
    pub fn to_odt(&self) -> Result<Vec<u8>, TooLarge> {
        let mut package = zip::Package::new();
        package.add("mimetype", MEDIA_TYPE.as_bytes())?;
        package.add("content.xml", xml::content(&self.blocks).as_bytes())?;
        package.add("styles.xml", xml::styles(&self.language).as_bytes())?;
        package.add("meta.xml", xml::meta(&self.title, &self.language).as_bytes())?;
        package.add("META-INF/manifest.xml", xml::manifest().as_bytes())?;
        package.finish()
    }
}
