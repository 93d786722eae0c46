use proptest::prelude::*;

use super::*;

/// A zip whose first entry is an uncompressed `mimetype` holding `value`, as ODF writes it.
fn odf(value: &str) -> Vec<u8> {
    let mut bytes = b"PK\x03\x04".to_vec();
    bytes.extend([20, 0, 0, 0, 0, 0, 0, 0, 0, 0]); // version, flags, method 0, time, date
    bytes.extend([0, 0, 0, 0]); // crc
    let size = u32::try_from(value.len()).unwrap().to_le_bytes();
    bytes.extend(size); // compressed size
    bytes.extend(size); // uncompressed size
    bytes.extend([8, 0, 0, 0]); // name length 8, no extra field
    bytes.extend(b"mimetype");
    bytes.extend(value.as_bytes());
    bytes.extend(b"PK\x03\x04rest of the archive");
    bytes
}

fn media_type(bytes: &[u8]) -> Result<String, &'static str> {
    Attachment::check("f", bytes.to_vec())
        .map(|a| a.media_type().to_owned())
        .map_err(|e| e.errors[0].code)
}

#[test]
fn types_are_recognised_by_their_content() {
    let odt = odf("application/vnd.oasis.opendocument.text");
    let rows: [(&[u8], Result<&str, &str>); 12] = [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", Ok("application/pdf")),
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", Ok("image/png")),
        (b"\xff\xd8\xff\xe0\0\x10JFIF", Ok("image/jpeg")),
        (&odt, Ok("application/vnd.oasis.opendocument.text")),
        (
            b"PK\x03\x04\x14\0\x06\0\x08\0[Content_Types].xml",
            Ok("application/zip"),
        ),
        (b"naam;bedrag\nAssen;12\n", Ok("text/plain; charset=utf-8")),
        (
            "Één zin met accenten.".as_bytes(),
            Ok("text/plain; charset=utf-8"),
        ),
        (b"MZ\x90\0\x03\0\0\0\x04\0", Err("type_not_allowed")),
        (b"MZ only text", Err("type_not_allowed")),
        (b"\x7fELF\x02\x01\x01", Err("type_not_allowed")),
        (b"tekst met \0 erin", Err("type_not_allowed")),
        (b"\xc3\x28 geen utf-8", Err("type_not_allowed")),
    ];
    for (bytes, expected) in rows {
        assert_eq!(
            media_type(bytes).as_deref(),
            expected.map(str::to_owned).as_deref(),
            "{bytes:?}"
        );
    }
}

#[test]
fn a_program_renamed_to_pdf_is_refused_naming_the_allowed_types() {
    let err = Attachment::check("x.pdf", b"MZ\x90\0\x03\0\0\0".to_vec()).unwrap_err();
    assert_eq!(err.errors.len(), 1);
    assert_eq!(err.errors[0].field, "bestand");
    assert_eq!(err.errors[0].code, "type_not_allowed");
    assert!(
        err.errors[0].message.contains("PDF, PNG, JPEG"),
        "{}",
        err.errors[0].message
    );
}

#[test]
fn a_zip_with_another_mimetype_entry_is_named_by_its_container() {
    assert_eq!(media_type(&odf("text/html")).as_deref(), Ok("application/zip"));
    assert_eq!(media_type(&odf(ODF_PREFIX)).as_deref(), Ok("application/zip"));
    // A header cut off inside the entry is still a zip, not a crash.
    let odt = odf("application/vnd.oasis.opendocument.spreadsheet");
    assert_eq!(media_type(&odt[..40]).as_deref(), Ok("application/zip"));
}

#[test]
fn empty_and_too_large_files_are_refused_with_the_limit() {
    let empty = Attachment::check("a.pdf", Vec::new()).unwrap_err();
    assert_eq!(
        (empty.errors[0].field.as_str(), empty.errors[0].code),
        ("bestand", "empty")
    );
    let mut big = b"%PDF-".to_vec();
    big.resize(MAX_BYTES + 1, b' ');
    let err = Attachment::check("a.pdf", big).unwrap_err();
    assert_eq!(err.errors[0].code, "too_large");
    assert!(
        err.errors[0].message.contains("10 MB"),
        "{}",
        err.errors[0].message
    );
    let mut limit = b"%PDF-".to_vec();
    limit.resize(MAX_BYTES, b' ');
    assert_eq!(Attachment::check("a.pdf", limit).unwrap().size(), 10_485_760);
}

#[test]
fn names_lose_folders_and_control_characters() {
    let rows = [
        ("rapport.pdf", "rapport.pdf"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\ana\\Begroting 2026.csv", "Begroting 2026.csv"),
        ("a\u{0}b\r\nc.txt", "abc.txt"),
        ("  spaties.txt  ", "spaties.txt"),
        ("map/", "bestand"),
        ("..", "bestand"),
        ("", "bestand"),
    ];
    for (given, kept) in rows {
        assert_eq!(
            Attachment::check(given, b"tekst".to_vec()).unwrap().name(),
            kept,
            "{given:?}"
        );
    }
    let long = "a".repeat(500);
    assert_eq!(
        Attachment::check(&long, b"tekst".to_vec()).unwrap().name().len(),
        200
    );
}

#[test]
fn owner_kinds_read_back_from_their_key() {
    for kind in OwnerKind::ALL {
        assert_eq!(OwnerKind::from_key(kind.key()), Some(*kind));
    }
    assert_eq!(OwnerKind::from_key("dossier"), None);
}

#[test]
fn the_hash_is_the_sha256_of_the_content() {
    let file = Attachment::check("a.txt", b"abc".to_vec()).unwrap();
    assert_eq!(
        file.sha256(),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    assert_eq!(file.bytes(), b"abc");
    assert_eq!(file.size(), 3);
}

proptest! {
    #[test]
    fn any_bytes_are_checked_without_panic(name in ".{0,40}", bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        if let Ok(file) = Attachment::check(&name, bytes.clone()) {
            use sha2::{Digest, Sha256};
            prop_assert_eq!(file.sha256(), hex(&Sha256::digest(&bytes)));
            prop_assert_eq!(file.bytes(), bytes.as_slice());
            prop_assert!(!file.name().is_empty());
            prop_assert!(!file.name().contains(['/', '\\']));
        }
    }

    #[test]
    fn zip_headers_of_any_shape_never_panic(tail in proptest::collection::vec(any::<u8>(), 0..64)) {
        let mut bytes = b"PK\x03\x04".to_vec();
        bytes.extend(tail);
        prop_assert!(Attachment::check("z", bytes).is_ok());
    }
}

/// A zip of stored entries with these names (content `x`), as an Office Open XML writer lays
/// out its local headers.
pub(crate) fn zip_of(names: &[&str]) -> Vec<u8> {
    let mut bytes = Vec::new();
    for name in names {
        bytes.extend(b"PK\x03\x04");
        bytes.extend([20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        bytes.extend([0, 0, 0, 0]);
        bytes.extend([1, 0, 0, 0, 1, 0, 0, 0]);
        bytes.extend(u16::try_from(name.len()).unwrap().to_le_bytes());
        bytes.extend([0, 0]);
        bytes.extend(name.as_bytes());
        bytes.push(b'x');
    }
    bytes
}

#[test]
fn office_open_xml_is_named_by_its_main_part() {
    let rows = [
        (
            &["[Content_Types].xml", "_rels/.rels", "word/document.xml"][..],
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            &["[Content_Types].xml", "xl/workbook.xml"][..],
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        (
            &["ppt/presentation.xml", "[Content_Types].xml"][..],
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ),
        // Without its content types, or without a main part, it is just a zip.
        (&["word/document.xml"][..], "application/zip"),
        (&["[Content_Types].xml", "notes.txt"][..], "application/zip"),
    ];
    for (names, expected) in rows {
        assert_eq!(media_type(&zip_of(names)).as_deref(), Ok(expected), "{names:?}");
    }
}
