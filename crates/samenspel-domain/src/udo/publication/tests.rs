use super::*;

fn input(title: &str, kind: &str, category: &str) -> DocumentInput {
    DocumentInput {
        title: title.to_owned(),
        kind: kind.to_owned(),
        category: category.to_owned(),
    }
}

fn fields(result: Result<DocumentMeta, ValidationErrors>) -> Vec<(String, &'static str)> {
    result
        .unwrap_err()
        .errors
        .into_iter()
        .map(|e| (e.field, e.code))
        .collect()
}

#[test]
fn the_category_is_the_one_chosen_or_else_suggested_by_the_kind() {
    let chosen = input(" UDO-rapport ", "udo-rapport", "adviezen").parse().unwrap();
    assert_eq!(chosen.title, "UDO-rapport");
    assert_eq!(chosen.kind, Some(AttachmentKind::UdoRapport));
    assert_eq!(chosen.category, InformationCategory::Adviezen);
    let suggested = input("Advies BZK", "bzk-advies", "").parse().unwrap();
    assert_eq!(suggested.category, InformationCategory::Adviezen);
    let draft = input("Ontwerpwet", "ontwerp-regeling", " ").parse().unwrap();
    assert_eq!(draft.category, InformationCategory::OntwerpenMetAdviesaanvraag);
    let no_kind = input("Convenant", "", "convenanten").parse().unwrap();
    assert_eq!(no_kind.kind, None);
    assert_eq!(no_kind.category, InformationCategory::Convenanten);
}

#[test]
fn bad_descriptions_name_each_field() {
    assert_eq!(
        fields(input("", "", "").parse()),
        vec![
            (TITLE_FIELD.to_owned(), "required"),
            (CATEGORY_FIELD.to_owned(), "required")
        ]
    );
    assert_eq!(
        fields(input("T", "rapport", "geheim").parse()),
        vec![
            (KIND_FIELD.to_owned(), "unknown_value"),
            (CATEGORY_FIELD.to_owned(), "unknown_value")
        ]
    );
    // An unknown kind without a category is named once, on the kind.
    assert_eq!(
        fields(input("T", "rapport", "").parse()),
        vec![(KIND_FIELD.to_owned(), "unknown_value")]
    );
    assert_eq!(
        fields(input(&"t".repeat(201), "", "adviezen").parse()),
        vec![(TITLE_FIELD.to_owned(), "too_long")]
    );
    assert_eq!(
        fields(input("a\nb", "", "adviezen").parse()),
        vec![(TITLE_FIELD.to_owned(), "control_character")]
    );
    assert!(input(&"é".repeat(200), "", "adviezen").parse().is_ok());
}

#[test]
fn only_pdf_odf_and_office_documents_are_published() {
    let docx = crate::attachment::tests::zip_of(&["[Content_Types].xml", "word/document.xml"]);
    let accepted: [(&str, Vec<u8>); 2] = [("a.pdf", b"%PDF-1.7\n".to_vec()), ("a.docx", docx)];
    for (name, bytes) in accepted {
        let file = check_file(name, bytes).unwrap();
        assert!(publishable(file.media_type()), "{name}");
    }
    assert!(publishable("application/vnd.oasis.opendocument.text"));
    let refused: [(&str, &[u8]); 5] = [
        ("setup.pdf", b"MZ\x90\0\x03\0\0\0"),
        ("foto.pdf", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        ("notitie.pdf", b"Gewone tekst."),
        ("archief.docx", b"PK\x03\x04\x14\0\0\0\0\0"),
        ("program", b"\x7fELF\x02\x01"),
    ];
    for (name, bytes) in refused {
        let errors = check_file(name, bytes.to_vec()).unwrap_err();
        assert_eq!(errors.errors.len(), 1, "{name}");
        assert_eq!(errors.errors[0].field, FILE_FIELD, "{name}");
        assert_eq!(errors.errors[0].code, "type_not_allowed", "{name}");
        assert!(errors.errors[0].message.to_string().contains("PDF"), "{name}");
    }
}

#[test]
fn an_empty_or_too_large_file_keeps_the_ports_reason() {
    assert_eq!(
        check_file("a.pdf", Vec::new()).unwrap_err().errors[0].code,
        "empty"
    );
    let mut big = b"%PDF-1.7\n".to_vec();
    big.resize(crate::attachment::MAX_BYTES + 1, b' ');
    assert_eq!(check_file("a.pdf", big).unwrap_err().errors[0].code, "too_large");
}

#[test]
fn download_names_are_plain_ascii() {
    let rows = [
        ("UDO-rapport 2026.pdf", "UDO-rapport_2026.pdf"),
        ("\"a\";b.pdf", "_a__b.pdf"),
        ("../../etc/passwd", "_.._etc_passwd"),
        ("café.odt", "caf_.odt"),
        (".verborgen", "verborgen"),
        ("", "document"),
        ("ééé", "document"),
    ];
    for (name, expected) in rows {
        assert_eq!(download_name(name), expected, "{name}");
    }
    assert_eq!(download_name(&"a".repeat(300)).len(), 100);
}

#[test]
fn a_dossier_is_published_from_the_consultation_on() {
    for state in UdoState::ALL {
        assert_eq!(
            published(state),
            state.rank() >= UdoState::Consultatie.rank(),
            "{state:?}"
        );
    }
    assert!(!published(UdoState::Concept));
    assert!(published(UdoState::Consultatie));
}
