use std::collections::BTreeSet;

use super::*;

#[test]
fn there_are_seventeen_categories_five_in_lid_1_and_twelve_in_lid_2() {
    assert_eq!(InformationCategory::ALL.len(), 17);
    let in_lid = |lid| {
        InformationCategory::ALL
            .iter()
            .filter(|c| c.place().lid == lid)
            .map(|c| c.place().letter)
            .collect::<String>()
    };
    assert_eq!(in_lid(1), "abcde");
    assert_eq!(in_lid(2), "abcdefghijkl");
}

#[test]
fn tooi_ids_are_distinct_and_well_formed() {
    let ids: BTreeSet<&str> = InformationCategory::ALL
        .iter()
        .map(|c| c.place().tooi_id)
        .collect();
    assert_eq!(ids.len(), 17);
    for id in ids {
        assert!(id.starts_with("c_") && id.len() == 10, "{id}");
        assert!(id[2..].chars().all(|c| c.is_ascii_hexdigit()), "{id}");
    }
}

#[test]
fn each_category_row() {
    let rows: [(InformationCategory, &str, u8, char, &str); 4] = [
        (InformationCategory::Adviezen, "adviezen", 2, 'e', "c_99a836c7"),
        (
            InformationCategory::Onderzoeksrapporten,
            "onderzoeksrapporten",
            2,
            'j',
            "c_fdaee95e",
        ),
        (
            InformationCategory::OntwerpenMetAdviesaanvraag,
            "ontwerpen van wet- en regelgeving met adviesaanvraag",
            1,
            'c',
            "c_759721e2",
        ),
        (
            InformationCategory::Convenanten,
            "convenanten",
            2,
            'f',
            "c_8fc2335c",
        ),
    ];
    for (category, name, lid, letter, id) in rows {
        assert_eq!(category.label_nl(), name);
        assert_eq!(
            category.place(),
            CategoryPlace {
                lid,
                letter,
                tooi_id: id
            }
        );
        assert_eq!(category.tooi_uri(), format!("{TOOI_BASE}{id}"));
    }
}

#[test]
fn sitemap_codes_follow_the_order_of_the_article() {
    assert_eq!(InformationCategory::WettenAvv.sitemap_code(), "infocat001");
    assert_eq!(InformationCategory::Adviezen.sitemap_code(), "infocat010");
    assert_eq!(
        InformationCategory::Onderzoeksrapporten.sitemap_code(),
        "infocat015"
    );
    assert_eq!(InformationCategory::Klachtoordelen.sitemap_code(), "infocat017");
}

#[test]
fn the_citation_names_article_lid_letter_and_bwb_id() {
    assert_eq!(
        InformationCategory::Adviezen.citation().dutch(),
        "Wet open overheid, artikel 3.3, lid 2, onderdeel e (BWBR0045754)"
    );
    assert!(
        InformationCategory::WettenAvv
            .law_url()
            .ends_with("BWBR0045754&hoofdstuk=3&artikel=3.3&lid=1&onderdeel=a")
    );
}

#[test]
fn suggested_category_per_attachment_kind_row_by_row() {
    use AttachmentKind as K;
    use InformationCategory as C;
    let rows = [
        (K::OntwerpRegeling, C::OntwerpenMetAdviesaanvraag),
        (K::Adviesaanvraag, C::OntwerpenMetAdviesaanvraag),
        (K::UdoRapport, C::Onderzoeksrapporten),
        (K::Uitvoeringstoets, C::Onderzoeksrapporten),
        (K::Onderzoek, C::Onderzoeksrapporten),
        (K::KoepelOordeel, C::Adviezen),
        (K::BzkAdvies, C::Adviezen),
        (K::BestuurlijkeAfspraken, C::Convenanten),
        (K::VastgesteldeRegeling, C::WettenAvv),
    ];
    assert_eq!(rows.len(), K::ALL.len(), "every kind has a row");
    for (kind, category) in rows {
        assert_eq!(suggest_category(kind), category, "{kind:?}");
    }
}

#[test]
fn keys_travel_and_unknown_keys_are_refused_with_the_field() {
    assert_eq!(
        InformationCategory::from_key("adviezen"),
        Some(InformationCategory::Adviezen)
    );
    let err = InformationCategory::parse_field("informatiecategorie", "memo").unwrap_err();
    assert_eq!(err.errors[0].field, "informatiecategorie");
    assert!(AttachmentKind::parse_field("soort", "udo-rapport").is_ok());
}
