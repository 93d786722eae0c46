use crc::{CRC_32_ISO_HDLC, Crc};
use samenspel_domain::attachment::Attachment;

use super::*;

/// An entry read back from the archive by its local header.
struct Read {
    name: String,
    method: u16,
    crc: u32,
    data: Vec<u8>,
}

fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

/// Reads the archive the way a reader does: the end record, then the central directory, then
/// each entry at the offset the directory gives.
fn entries(bytes: &[u8]) -> Vec<Read> {
    let end = bytes.len() - 22;
    assert_eq!(u32_at(bytes, end), 0x0605_4b50, "end of central directory");
    let count = u16_at(bytes, end + 10) as usize;
    let mut at = u32_at(bytes, end + 16) as usize;
    let mut out = Vec::new();
    for _ in 0..count {
        assert_eq!(u32_at(bytes, at), 0x0201_4b50, "central header");
        let name_len = u16_at(bytes, at + 28) as usize;
        let offset = u32_at(bytes, at + 42) as usize;
        let name = String::from_utf8(bytes[at + 46..at + 46 + name_len].to_vec()).unwrap();
        assert_eq!(u32_at(bytes, offset), 0x0403_4b50, "local header of {name}");
        let size = u32_at(bytes, offset + 22) as usize;
        let local_name_len = u16_at(bytes, offset + 26) as usize;
        let extra = u16_at(bytes, offset + 28) as usize;
        let start = offset + 30 + local_name_len + extra;
        out.push(Read {
            name,
            method: u16_at(bytes, offset + 8),
            crc: u32_at(bytes, offset + 14),
            data: bytes[start..start + size].to_vec(),
        });
        at += 46 + name_len;
    }
    out
}

fn sample(text: &str) -> Document {
    Document {
        title: format!("Titel {text}"),
        language: "nl-NL".into(),
        blocks: vec![
            Block::Heading {
                level: 1,
                text: "Financiële gevolgen".into(),
            },
            Block::Paragraph(text.into()),
            Block::Table {
                header: vec!["Bestuurslaag".into(), "Jaar".into()],
                rows: vec![vec!["gemeenten".into(), "2027".into()]],
            },
        ],
    }
}

#[test]
fn the_package_starts_with_its_media_type_stored_and_every_crc_holds() {
    let bytes = sample("Tekst").to_odt().unwrap();
    // ODF 1.3 part 2 §3.3: "mimetype" first, uncompressed, no extra field, so that the
    // media type can be read at byte 38.
    assert_eq!(&bytes[30..38], b"mimetype");
    assert_eq!(&bytes[38..38 + MEDIA_TYPE.len()], MEDIA_TYPE.as_bytes());
    let read = entries(&bytes);
    let names: Vec<&str> = read.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "mimetype",
            "content.xml",
            "styles.xml",
            "meta.xml",
            "META-INF/manifest.xml"
        ]
    );
    let crc = Crc::<u32>::new(&CRC_32_ISO_HDLC);
    for entry in &read {
        assert_eq!(entry.method, 0, "{} stored", entry.name);
        assert_eq!(entry.crc, crc.checksum(&entry.data), "{}", entry.name);
    }
}

#[test]
fn the_crc_is_the_standard_one() {
    // The check value of CRC-32/ISO-HDLC (the one ZIP uses) over "123456789".
    assert_eq!(
        Crc::<u32>::new(&CRC_32_ISO_HDLC).checksum(b"123456789"),
        0xCBF4_3926
    );
}

#[test]
fn the_attachment_check_recognises_it_as_an_odf_text() {
    let file = Attachment::check("x.bin", sample("Tekst").to_odt().unwrap()).unwrap();
    assert_eq!(file.media_type(), MEDIA_TYPE);
}

#[test]
fn text_is_escaped_and_every_part_names_its_parts() {
    let read = entries(&sample("<script>a & b</script> ]]>").to_odt().unwrap());
    let part =
        |name: &str| String::from_utf8(read.iter().find(|e| e.name == name).unwrap().data.clone()).unwrap();
    let content = part("content.xml");
    assert!(
        content.contains("&lt;script&gt;a &amp; b&lt;/script&gt; ]]&gt;"),
        "{content}"
    );
    assert!(!content.contains("<script>"));
    assert!(content.contains(
        r#"<text:h text:style-name="Heading_20_1" text:outline-level="1">Financiële gevolgen</text:h>"#
    ));
    assert!(content.contains("<table:table-column table:number-columns-repeated=\"2\"/>"));
    assert!(content.contains("<table:table-header-rows><table:table-row>"));
    let styles = part("styles.xml");
    for used in [
        "Heading_20_1",
        "Text_20_body",
        "Table_20_Heading",
        "Table_20_Contents",
    ] {
        assert!(
            content.contains(used) && styles.contains(&format!("style:name=\"{used}\"")),
            "{used}"
        );
    }
    assert!(styles.contains(r#"fo:language="nl" fo:country="NL""#));
    assert!(part("meta.xml").contains("<dc:title>Titel &lt;script&gt;"));
    let manifest = part("META-INF/manifest.xml");
    for entry in ["\"/\"", "\"content.xml\"", "\"styles.xml\"", "\"meta.xml\""] {
        assert!(
            manifest.contains(&format!("manifest:full-path={entry}")),
            "{entry}"
        );
    }
}

#[test]
fn the_same_document_gives_the_same_bytes() {
    assert_eq!(sample("a").to_odt().unwrap(), sample("a").to_odt().unwrap());
    assert_ne!(sample("a").to_odt().unwrap(), sample("b").to_odt().unwrap());
}
