use super::*;
use proptest::prelude::*;

fn link<'a>(id: &'a str, previous: &'a str, next: &'a str) -> VersionLink<'a> {
    VersionLink {
        id,
        previous: (!previous.is_empty()).then_some(previous),
        next: (!next.is_empty()).then_some(next),
    }
}

fn problem_ids(problems: &[ChainProblem]) -> Vec<(usize, &'static str, &'static str)> {
    problems
        .iter()
        .map(|p| (p.index, p.column, p.message.id()))
        .collect()
}

#[test]
fn versions_linked_both_ways_make_one_chain_each_oldest_first() {
    let links = [
        link("c", "b", ""),
        link("x", "", ""),
        link("a", "", "b"),
        link("b", "a", "c"),
    ];
    assert_eq!(chains(&links).unwrap(), vec![vec![1], vec![2, 3, 0]]);
}

/// A problem as (record index, column, message id).
type Expected = (usize, &'static str, &'static str);

#[test]
fn each_broken_link_is_named_with_its_row_and_column() {
    // (links, expected problems)
    let table: Vec<(Vec<VersionLink<'_>>, Vec<Expected>)> = vec![
        (
            vec![link("a", "", ""), link("b", "z", "")],
            vec![(1, "vorige_versie_roo_id", "error-regeling-missing-version")],
        ),
        (
            vec![link("a", "", "z")],
            vec![(0, "volgende_versie_roo_id", "error-regeling-missing-version")],
        ),
        (
            vec![link("a", "", "b"), link("b", "a", ""), link("c", "a", "")],
            vec![(2, "vorige_versie_roo_id", "error-regeling-version-claimed-twice")],
        ),
        (
            vec![link("a", "", "c"), link("b", "", "c"), link("c", "a", "")],
            vec![(
                1,
                "volgende_versie_roo_id",
                "error-regeling-version-claimed-twice",
            )],
        ),
        (
            vec![link("a", "", "b"), link("b", "", "")],
            vec![(0, "volgende_versie_roo_id", "error-regeling-link-not-returned")],
        ),
        (
            vec![link("a", "a", "")],
            vec![(0, "vorige_versie_roo_id", "error-regeling-own-version")],
        ),
        (
            vec![link("a", "b", "b"), link("b", "a", "a")],
            vec![
                (0, "vorige_versie_roo_id", "error-regeling-circle"),
                (1, "vorige_versie_roo_id", "error-regeling-circle"),
            ],
        ),
    ];
    for (links, expected) in table {
        let problems = chains(&links).unwrap_err();
        assert_eq!(problem_ids(&problems), expected, "{links:?}");
    }
}

#[test]
fn the_message_names_both_versions() {
    let problems = chains(&[link("a", "", "b"), link("b", "a", ""), link("c", "a", "")]).unwrap_err();
    assert_eq!(
        problems[0].message.dutch(),
        "versie a hoort ook al bij b; een versie hoort bij één regeling"
    );
}

/// Chains of the given lengths, as ids `chain-version`, and all ids in a shuffled order.
fn chains_and_order() -> impl Strategy<Value = (Vec<Vec<String>>, Vec<String>)> {
    prop::collection::vec(1usize..6, 0..12).prop_flat_map(|lengths| {
        let chains: Vec<Vec<String>> = lengths
            .iter()
            .enumerate()
            .map(|(c, length)| (0..*length).map(|v| format!("{c}-{v}")).collect())
            .collect();
        let ids: Vec<String> = chains.concat();
        (Just(chains), Just(ids).prop_shuffle())
    })
}

proptest! {
    /// Any set of chains, written as links in any order, comes back as the same chains.
    #[test]
    fn chains_written_as_links_are_found_again((expected, order) in chains_and_order()) {
        let links: Vec<VersionLink<'_>> = order
            .iter()
            .map(|id| {
                let chain = expected.iter().find(|c| c.contains(id)).unwrap();
                let at = chain.iter().position(|x| x == id).unwrap();
                VersionLink {
                    id,
                    previous: at.checked_sub(1).map(|p| chain[p].as_str()),
                    next: chain.get(at + 1).map(String::as_str),
                }
            })
            .collect();
        let mut found: Vec<Vec<String>> = chains(&links)
            .unwrap()
            .into_iter()
            .map(|c| c.into_iter().map(|i| links[i].id.to_owned()).collect())
            .collect();
        found.sort();
        let mut expected = expected;
        expected.sort();
        prop_assert_eq!(found, expected);
    }
}

fn code(c: &str) -> OrgCode {
    OrgCode::parse(c).unwrap()
}

fn date(s: &str) -> Option<NaiveDate> {
    crate::collaboration::parse_iso_date("date", s).unwrap()
}

fn version(id: &str, name: &str, start: &str, end: &str, participants: &[(&str, &str)]) -> Version {
    Version {
        id: id.into(),
        name: name.into(),
        wgr_form: Some(WgrForm::OpenbaarLichaam),
        start_date: date(start),
        end_date: date(end),
        participants: participants
            .iter()
            .map(|(c, joined)| VersionParticipant {
                code: code(c),
                joined_on: date(joined),
                organs: Vec::new(),
            })
            .collect(),
        documents: Vec::new(),
    }
}

#[test]
fn changes_name_the_new_name_form_and_who_joined_and_left() {
    let a = version(
        "1",
        "GR Oud",
        "2015-01-01",
        "2019-01-01",
        &[("GM0001", ""), ("GM0002", "")],
    );
    let mut b = version(
        "2",
        "GR Nieuw",
        "2019-01-01",
        "",
        &[("GM0002", ""), ("GM0003", "")],
    );
    b.wgr_form = Some(WgrForm::Bedrijfsvoeringsorganisatie);
    let change = changes(&a, &b);
    assert_eq!(change.renamed_from.as_deref(), Some("GR Oud"));
    assert_eq!(change.form_changed_from, Some(Some(WgrForm::OpenbaarLichaam)));
    assert_eq!(change.joined, [code("GM0003")]);
    assert_eq!(change.left, [code("GM0001")]);
    assert!(changes(&b, &b).is_empty());
}

#[test]
fn a_participant_that_left_is_named_with_when_it_joined_and_left() {
    let versions = [
        version(
            "1",
            "GR",
            "2015-01-01",
            "2016-01-01",
            &[("GM0001", "2014-06-01"), ("GM0002", ""), ("GM0003", "")],
        ),
        version(
            "2",
            "GR",
            "2016-01-01",
            "2019-01-01",
            &[("GM0001", ""), ("GM0003", "")],
        ),
        version("3", "GR", "2019-01-01", "", &[("GM0003", "")]),
    ];
    assert_eq!(
        former_participants(&versions),
        vec![
            FormerParticipant {
                code: code("GM0002"),
                joined_on: date("2015-01-01"),
                left_on: date("2016-01-01"),
            },
            FormerParticipant {
                code: code("GM0001"),
                joined_on: date("2014-06-01"),
                left_on: date("2019-01-01"),
            },
        ]
    );
}

#[test]
fn when_the_last_version_ended_a_participant_in_it_has_not_left() {
    let versions = [
        version(
            "1",
            "GR",
            "2015-01-01",
            "2016-01-01",
            &[("GM0001", ""), ("GM0002", "")],
        ),
        version("2", "GR", "2016-01-01", "2020-01-01", &[("GM0001", "")]),
    ];
    let former = former_participants(&versions);
    assert_eq!(former.len(), 1);
    assert_eq!(former[0].code, code("GM0002"));
    assert!(former_participants(&[]).is_empty());
}

#[test]
fn a_participant_that_left_and_came_back_has_not_left() {
    let versions = [
        version("1", "GR", "2015-01-01", "2016-01-01", &[("GM0001", "")]),
        version("2", "GR", "2016-01-01", "2017-01-01", &[]),
        version("3", "GR", "2017-01-01", "", &[("GM0001", "")]),
    ];
    assert!(former_participants(&versions).is_empty());
}

#[test]
fn without_a_later_start_the_leaving_date_is_the_end_of_its_last_version() {
    let versions = [
        version(
            "1",
            "GR",
            "2015-01-01",
            "2016-01-01",
            &[("GM0001", ""), ("GM0002", "")],
        ),
        version("2", "GR", "", "", &[("GM0001", "")]),
    ];
    assert_eq!(former_participants(&versions)[0].left_on, date("2016-01-01"));
}
