use proptest::prelude::*;

use super::*;
use crate::collaboration::{CollaborationFields, CollaborationKind};
use crate::org::{OrgCode, OrgType};

fn query(raw: &str) -> SearchQuery {
    SearchQuery::parse(raw).unwrap()
}

fn org(
    code: &str,
    name: &str,
    org_type: OrgType,
    abbreviation: Option<&str>,
    other: &[&str],
) -> Organisation {
    Organisation {
        code: OrgCode::parse(code).unwrap(),
        name: name.to_owned(),
        org_type,
        abbreviation: abbreviation.map(str::to_owned),
        province: None,
        reference: true,
        ended: false,
        other_names: other.iter().map(|s| (*s).to_owned()).collect(),
        history: Default::default(),
    }
}

fn collaboration(name: &str, areas: &[&str]) -> CollaborationFields {
    CollaborationFields {
        name: name.to_owned(),
        kind: CollaborationKind::Woondeal,
        wgr_form: None,
        task: Some("Versnellen van de woningbouw".to_owned()),
        public_value: None,
        region: Some("Utrecht".to_owned()),
        start_date: None,
        end_date: None,
        phases: vec![],
        legal_basis: None,
        policy_areas: areas.iter().map(|s| (*s).to_owned()).collect(),
    }
}

fn score_of(q: &SearchQuery, doc: &Document) -> u32 {
    score(q, &doc.title_key(), &doc.names_key(), &doc.body_key())
}

#[test]
fn a_query_is_its_folded_words_once_each() {
    let q = query("  Súdwest-Fryslân  súdwest 's-Gravenhage ");
    assert_eq!(q.terms(), ["sudwest", "fryslan", "s", "gravenhage"]);
    assert_eq!(q.text(), "Súdwest-Fryslân  súdwest 's-Gravenhage");
    assert_eq!(q.folded(), "sudwest fryslan s gravenhage");
}

#[test]
fn an_empty_or_too_long_query_is_refused_naming_q() {
    for raw in ["", "   ", "--- !!"] {
        let errors = SearchQuery::parse(raw).unwrap_err();
        assert_eq!(
            (errors.errors[0].field.as_str(), errors.errors[0].code),
            ("q", "required"),
            "{raw:?}"
        );
    }
    let errors = SearchQuery::parse(&"a".repeat(MAX_QUERY_CHARS + 1)).unwrap_err();
    assert_eq!(errors.errors[0].code, "too_long");
    assert!(SearchQuery::parse(&"a".repeat(MAX_QUERY_CHARS)).is_ok());
}

#[test]
fn words_beyond_the_limit_are_left_out() {
    let q = query("a b c d e f g h i j");
    assert_eq!(q.terms().len(), MAX_TERMS);
}

#[test]
fn an_organisation_is_found_by_its_code_with_and_without_prefix_its_abbreviation_and_other_names() {
    let den_haag = organisation_document(&org(
        "GM0518",
        "'s-Gravenhage",
        OrgType::Gemeente,
        None,
        &["Den Haag"],
    ));
    assert_eq!(den_haag.names, ["GM0518", "0518", "Den Haag"]);
    assert_eq!(den_haag.names_key(), "gm0518 | 0518 | den haag");
    let bzk = organisation_document(&org(
        "MNRE1034",
        "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
        OrgType::Ministerie,
        Some("BZK"),
        &[],
    ));
    assert_eq!(bzk.names, ["MNRE1034", "1034", "BZK"]);
    assert_eq!(
        bzk.title,
        "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties (BZK)"
    );
    let vng = organisation_document(&org(
        "VNG",
        "Vereniging van Nederlandse Gemeenten",
        OrgType::Koepel,
        Some("VNG"),
        &[],
    ));
    assert_eq!(
        vng.names,
        ["VNG", "VNG"],
        "a code of letters only has no digits to add"
    );
}

#[test]
fn a_whole_name_comes_before_items_that_only_contain_its_words() {
    let den_haag = organisation_document(&org(
        "GM0518",
        "'s-Gravenhage",
        OrgType::Gemeente,
        None,
        &["Den Haag"],
    ));
    let helder = organisation_document(&org("GM0400", "Den Helder", OrgType::Gemeente, None, &[]));
    let haaglanden = collaboration_document(
        7,
        &collaboration("Veiligheidsregio Haaglanden, den regio", &[]),
        &[PartnerName {
            code: "GM0518".into(),
            name: "'s-Gravenhage".into(),
            abbreviation: None,
        }],
    );
    let q = query("Den Haag");
    assert!(score_of(&q, &den_haag) > score_of(&q, &haaglanden));
    assert!(score_of(&q, &den_haag) > score_of(&q, &helder));
    let q = query("0518");
    assert!(
        score_of(&q, &den_haag) > score_of(&q, &haaglanden),
        "the code beats a partner's code"
    );
}

#[test]
fn a_collaboration_is_found_by_words_in_any_order_and_by_its_policy_area() {
    let woondeal = collaboration_document(4, &collaboration("Woondeal regio Utrecht", &["Wonen"]), &[]);
    let other = collaboration_document(5, &collaboration("Regio Deal Utrecht", &["Energie"]), &[]);
    let q = query("utrecht woondeal");
    assert!(score_of(&q, &woondeal) > score_of(&q, &other));
    let q = query("wonen");
    assert!(score_of(&q, &woondeal) > score_of(&q, &other));
    assert_eq!(woondeal.collaboration_id, Some(4));
    assert_eq!(woondeal.names, ["Wonen", "Woondeal"]);
}

#[test]
fn a_whole_word_beats_the_start_of_a_word_and_the_title_beats_the_body() {
    let q = query("deal");
    assert!(strength("deal", "regio deal") > strength("deal", "dealers"));
    assert_eq!(strength("deal", "ideal"), 0);
    assert!(score(&q, "regio deal", "", "") > score(&q, "", "", "regio deal"));
}

#[test]
fn a_wave_follows_its_collaboration() {
    let wave = wave_document("2025-vj", "Voorjaar 2025", Some((4, "Woondeal regio Utrecht")));
    assert_eq!(wave.collaboration_id, Some(4));
    assert_eq!(wave.body, ["Woondeal regio Utrecht"]);
    assert_eq!(
        wave_document("landelijk", "Landelijk", None).collaboration_id,
        None
    );
}

#[test]
fn highlight_marks_whole_words_the_query_matched() {
    let terms = query("utr woondeal").terms().to_vec();
    let fragments = highlight("Woondeal regio Utrecht (Utr.)", &terms);
    let marked: Vec<&str> = fragments
        .iter()
        .filter(|f| f.marked)
        .map(|f| f.text.as_str())
        .collect();
    assert_eq!(marked, ["Woondeal", "Utrecht", "Utr"]);
    let terms = query("fryslan").terms().to_vec();
    assert_eq!(
        highlight("Súdwest-Fryslân", &terms),
        [
            Fragment {
                text: "Súdwest-".into(),
                marked: false
            },
            Fragment {
                text: "Fryslân".into(),
                marked: true
            },
        ]
    );
}

#[test]
fn a_snippet_is_the_best_entry_shortened_around_its_match() {
    let terms = query("woningbouw").terms().to_vec();
    let long = format!("{} woningbouw {}", "a ".repeat(100), "b ".repeat(100));
    let entries = vec!["Utrecht".to_owned(), long];
    let text = snippet(&entries, &terms, 60).unwrap();
    assert!(text.starts_with('…') && text.ends_with('…'), "{text}");
    assert!(text.contains("woningbouw"), "{text}");
    assert!(text.chars().count() <= 62, "{text}");
    assert_eq!(snippet(&entries, query("zzz").terms(), 60), None);
    assert_eq!(
        snippet(&["Utrecht".to_owned()], query("utr").terms(), 60).as_deref(),
        Some("Utrecht")
    );
}

#[test]
fn search_kind_keys() {
    assert_eq!(SearchKind::Collaboration.key(), "samenwerking");
    assert_eq!(SearchKind::from_key("golf"), Some(SearchKind::Wave));
}

proptest! {
    #[test]
    fn highlight_gives_the_text_back(text in "\\PC{0,80}", raw in "[a-zA-Zé0-9 ]{1,20}") {
        if let Ok(q) = SearchQuery::parse(&raw) {
            let joined: String = highlight(&text, q.terms()).into_iter().map(|f| f.text).collect();
            prop_assert_eq!(joined, text);
        }
    }

    #[test]
    fn an_item_whose_title_is_the_query_scores_at_least_any_other(title in "[a-zA-Z ]{1,30}", other in "[a-zA-Z ]{0,30}") {
        if let Ok(q) = SearchQuery::parse(&title) {
            let own = score(&q, &fold(&title), "", "");
            let else_ = score(&q, &fold(&other), "", &fold(&title));
            prop_assert!(own >= else_ || fold(&other) == fold(&title), "{} < {}", own, else_);
        }
    }

    #[test]
    fn parsing_never_panics_and_terms_are_folded(raw in "\\PC{0,250}") {
        if let Ok(q) = SearchQuery::parse(&raw) {
            prop_assert!(!q.terms().is_empty() && q.terms().len() <= MAX_TERMS);
            for term in q.terms() {
                prop_assert_eq!(fold(term), term.clone());
            }
        }
    }

    #[test]
    fn a_snippet_is_never_much_longer_than_asked(entry in "\\PC{0,300}", max in 10usize..100) {
        let terms = vec!["a".to_owned()];
        if let Some(text) = snippet(&[entry], &terms, max) {
            prop_assert!(text.chars().count() <= max + 2);
        }
    }
}

#[test]
fn one_item_is_named_when_it_is_the_only_one_or_its_whole_title() {
    assert_eq!(the_one_named("woondeal", &[]), None);
    assert_eq!(the_one_named("woondeal", &["Woondeal Eemland"]), Some(0));
    let titles = ["Woondeal Eemland", "Woondeal", "Woondeal Zuid-Limburg"];
    assert_eq!(the_one_named("WOONDEAL", &titles), Some(1));
    assert_eq!(the_one_named("woondeal eem", &titles), None);
    assert_eq!(the_one_named("Súdwest", &["Zuid", "Sudwest"]), Some(1));
    assert_eq!(the_one_named("regio", &["Regio", "regio"]), None);
}
