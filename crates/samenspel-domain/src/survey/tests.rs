use std::collections::BTreeMap;

use proptest::prelude::*;

use super::instrument::{CORE, INTRODUCTION, ROB_2020_MEANS, STEM};
use super::mann_whitney::{erfc, holm, test};
use super::report::{GroupCounts, report};
use super::stats::{ranking, ranks, shared_top};
use super::*;

#[test]
fn the_instrument_holds_the_24_statements_of_the_rob_in_order() {
    assert_eq!(CORE.len(), 24);
    for (i, s) in CORE.iter().enumerate() {
        assert_eq!(s.id, format!("S{:02}", i + 1));
        assert_eq!(ROB_2020_MEANS[i].0, s.id);
    }
    assert_eq!(
        CORE[4].text,
        "rijksoverheidsorganisaties niet met één mond spreken"
    );
    assert!(
        INTRODUCTION
            .starts_with("Voor zover de uitkomsten van de samenwerking in uw ogen niet optimaal zijn")
    );
    assert!(
        STEM.starts_with(
            "Dat de uitkomsten van de samenwerking niet optimaal zijn, komt in mijn ogen doordat"
        )
    );
    for theme in Theme::ALL {
        assert!(CORE.iter().any(|s| s.theme == *theme), "{theme:?}");
    }
}

#[test]
fn answers_are_one_to_five_n_or_empty() {
    assert_eq!(Answer::parse_cell("S01", " 4 ").unwrap(), Some(Answer::Score(4)));
    assert_eq!(Answer::parse_cell("S01", "n").unwrap(), Some(Answer::DontKnow));
    assert_eq!(Answer::parse_cell("S01", "").unwrap(), None);
    for bad in ["0", "6", "3,5", "drie", "3.0", "-1", "nn"] {
        let e = Answer::parse_cell("S07", bad).unwrap_err();
        assert_eq!(e.errors[0].field, "S07", "{bad}");
        assert!(e.errors[0].message.contains(bad), "{bad}");
    }
    assert_eq!(Answer::Score(1).index(), 0);
    assert_eq!(Answer::DontKnow.index(), 5);
}

#[test]
fn layers_count_in_their_groups() {
    assert_eq!(RespondentLayer::Rijk.groups(), [Group::Rijk]);
    assert_eq!(
        RespondentLayer::Waterschap.groups(),
        [Group::Decentraal, Group::Waterschap]
    );
    assert_eq!(
        RespondentLayer::Overig.groups(),
        [Group::Overig],
        "not a government layer"
    );
}

#[test]
fn statistics_of_a_known_distribution() {
    let d = Distribution {
        counts: [1, 2, 3, 2, 1],
        dont_know: 4,
    };
    assert_eq!(d.n(), 9);
    assert_eq!(d.mean(), Some(3.0));
    assert_eq!(d.median(), Some(3.0));
    assert!((d.sd().unwrap() - 1.5f64.sqrt()).abs() < 1e-12);
    assert!((d.top2box().unwrap() - 3.0 / 9.0).abs() < 1e-12);
    let even = Distribution {
        counts: [1, 0, 0, 0, 1],
        dont_know: 0,
    };
    assert_eq!(even.median(), Some(3.0), "the mean of the two middle answers");
    let none = Distribution::default();
    assert_eq!(
        (none.mean(), none.sd(), none.median(), none.top2box()),
        (None, None, None, None)
    );
    let one = Distribution {
        counts: [0, 0, 0, 1, 0],
        dont_know: 0,
    };
    assert_eq!(one.sd(), None);
}

fn expand(counts: &[u64; 5]) -> Vec<u8> {
    (0..5)
        .flat_map(|i| std::iter::repeat_n(i as u8 + 1, counts[i] as usize))
        .collect()
}

proptest! {
    #[test]
    fn statistics_from_counts_equal_those_from_the_answers(counts in prop::array::uniform5(0u64..40)) {
        let d = Distribution { counts, dont_know: 0 };
        let answers = expand(&counts);
        let n = answers.len();
        prop_assume!(n >= 2);
        let mean = answers.iter().map(|a| f64::from(*a)).sum::<f64>() / n as f64;
        let var = answers.iter().map(|a| (f64::from(*a) - mean).powi(2)).sum::<f64>() / (n - 1) as f64;
        let mut sorted = answers.clone();
        sorted.sort();
        let median = if n % 2 == 1 {
            f64::from(sorted[n / 2])
        } else {
            (f64::from(sorted[n / 2 - 1]) + f64::from(sorted[n / 2])) / 2.0
        };
        prop_assert!((d.mean().unwrap() - mean).abs() < 1e-9);
        prop_assert!((d.sd().unwrap() - var.sqrt()).abs() < 1e-9);
        prop_assert_eq!(d.median().unwrap(), median);
    }

    #[test]
    fn u_counts_the_pairs_in_which_a_is_higher_ties_half(
        a in prop::array::uniform5(0u64..15),
        b in prop::array::uniform5(0u64..15),
    ) {
        prop_assume!(a.iter().sum::<u64>() > 0 && b.iter().sum::<u64>() > 0);
        let (xs, ys) = (expand(&a), expand(&b));
        let mut pairs = 0.0;
        for x in &xs {
            for y in &ys {
                pairs += if x > y { 1.0 } else if x == y { 0.5 } else { 0.0 };
            }
        }
        let t = test(&a, &b).unwrap();
        prop_assert!((t.u - pairs).abs() < 1e-9);
        prop_assert!((0.0..=1.0).contains(&t.p));
        prop_assert!((-1.0..=1.0).contains(&t.rank_biserial));
        let swapped = test(&b, &a).unwrap();
        prop_assert!((swapped.p - t.p).abs() < 1e-12, "two-sided: the order of the groups does not matter");
    }

    #[test]
    fn holm_never_lowers_a_p_value_and_keeps_the_order(p in proptest::collection::vec(0.0f64..1.0, 1..30)) {
        let adjusted = holm(&p);
        for i in 0..p.len() {
            prop_assert!(adjusted[i] >= p[i] && adjusted[i] <= 1.0);
            for j in 0..p.len() {
                if p[i] < p[j] {
                    prop_assert!(adjusted[i] <= adjusted[j]);
                }
            }
        }
    }
}

#[test]
fn mann_whitney_matches_scipy_on_a_tied_sample() {
    // scipy.stats.mannwhitneyu(x, y, use_continuity=True, alternative='two-sided',
    // method='asymptotic') gives U = 274.0, p = 0.030193778709945725 for these answers.
    let t = test(&[3, 5, 10, 7, 2], &[1, 3, 8, 12, 6]).unwrap();
    assert_eq!(t.u, 274.0);
    assert!((t.p - 0.030_193_778_709_945_725).abs() < 1e-6, "{}", t.p);
    assert!(
        t.z < 0.0 && t.rank_biserial < 0.0,
        "the first group answers lower"
    );
    assert_eq!(
        test(&[0, 0, 4, 0, 0], &[0, 0, 9, 0, 0]).unwrap().p,
        1.0,
        "all answers equal"
    );
    assert!(test(&[0; 5], &[1, 0, 0, 0, 0]).is_none());
}

#[test]
fn holm_adjusts_a_known_example() {
    let adjusted = holm(&[0.01, 0.04, 0.03, 0.005]);
    let expected = [0.03, 0.06, 0.06, 0.02];
    for (a, e) in adjusted.iter().zip(expected) {
        assert!((a - e).abs() < 1e-12, "{adjusted:?}");
    }
}

#[test]
fn erfc_is_accurate() {
    for (x, expected) in [
        (0.0, 1.0),
        (0.5, 0.479_500_122_186_953_5),
        (1.0, 0.157_299_207_050_285_13),
        (2.0, 0.004_677_734_981_047_266),
        (-1.0, 1.842_700_792_949_715),
        (5.0, 1.537_459_794_428_035e-12),
    ] {
        let got = erfc(x);
        assert!(
            ((got - expected) / expected).abs() < 1.2e-7,
            "erfc({x}) = {got}, expected {expected}"
        );
    }
}

/// Counts of 100 answers whose mean is exactly `mean` (to two decimals): threes, with fours
/// or twos to reach the sum.
fn counts_with_mean(mean: f64) -> Distribution {
    let sum = (mean * 100.0).round() as i64;
    let (fours, twos) = if sum >= 300 {
        (sum - 300, 0)
    } else {
        (0, 300 - sum)
    };
    Distribution {
        counts: [0, twos as u64, (100 - fours - twos) as u64, fours as u64, 0],
        dont_know: 0,
    }
}

fn rob_counts(group: Group, column: usize) -> GroupCounts {
    GroupCounts {
        group,
        respondents: 100,
        statements: ROB_2020_MEANS
            .iter()
            .map(|r| {
                let mean = if column == 0 { r.1 } else { r.2 };
                (r.0.to_owned(), counts_with_mean(mean))
            })
            .collect(),
    }
}

/// The order of the ROB's published table (ROB 2021, §3.5), right column.
const ROB_DECENTRAL_ORDER: [&str; 24] = [
    "S06", "S09", "S02", "S07", "S05", "S14", "S04", "S03", "S01", "S10", "S08", "S12", "S11", "S16", "S13",
    "S21", "S19", "S15", "S22", "S18", "S17", "S24", "S20", "S23",
];

#[test]
fn the_rob_means_give_the_rob_rankings_and_the_shared_top_six() {
    let groups = [rob_counts(Group::Rijk, 0), rob_counts(Group::Decentraal, 1)];
    let r = report(&CORE, &groups, 10);
    let rijk: Vec<&str> = r.groups["rijk"].ranking.iter().map(String::as_str).collect();
    let expected_rijk: Vec<String> = (1..=24).map(|i| format!("S{i:02}")).collect();
    assert_eq!(
        rijk, expected_rijk,
        "the Rijk column lists S01 to S24 (S21 before S22 at 2.66)"
    );
    let decentraal: Vec<&str> = r.groups["decentraal"]
        .ranking
        .iter()
        .map(String::as_str)
        .collect();
    assert_eq!(decentraal, ROB_DECENTRAL_ORDER);
    assert_eq!(r.shared_top.unwrap().statements, ["S02", "S05", "S06"]);
    let s06 = &r.groups["decentraal"].statements["S06"];
    assert_eq!((s06.rank, s06.n), (Some(1), 100));
    assert!((s06.mean.unwrap() - 3.59).abs() < 1e-9);
    assert_eq!(r.tests.len(), 24);
    let by_id = |id: &str| r.tests.iter().find(|t| t.statement == id).unwrap();
    assert!(
        by_id("S23").test.rank_biserial > 0.0,
        "Rijk 2.65 against decentraal 2.20"
    );
    assert!(
        by_id("S06").test.rank_biserial < 0.0,
        "Rijk 3.19 against decentraal 3.59"
    );
    assert!(by_id("S06").p_holm < 0.05, "{:?}", by_id("S06"));
    assert!(by_id("S11").p_holm > 0.5, "2.96 against 2.98 is no difference");
    assert!(by_id("S06").differs() && !by_id("S11").differs());
    assert!(r.tests.iter().all(|t| t.p_holm >= t.test.p));
}

#[test]
fn shared_top_and_ranking_helpers() {
    assert_eq!(
        ranking(&[("A", Some(2.0)), ("B", None), ("C", Some(3.0)), ("D", Some(2.0))]),
        ["C", "A", "D"]
    );
    let means = [
        ("A", Some(4.0)),
        ("B", Some(3.0)),
        ("C", Some(3.0)),
        ("D", Some(3.0)),
        ("E", Some(1.0)),
        ("F", None),
    ];
    assert_eq!(
        ranks(&means),
        [("A", 1), ("B", 2), ("C", 2), ("D", 2), ("E", 5)],
        "equal means share a rank; the next rank counts them"
    );
    let same = [("P", Some(2.5)); 5]
        .iter()
        .enumerate()
        .map(|(i, (_, m))| (["P", "Q", "R", "S", "T"][i], *m))
        .collect::<Vec<_>>();
    assert!(
        ranks(&same).iter().all(|(_, r)| *r == 1),
        "five equal means are all first"
    );
    let a = [("A", 1), ("B", 2), ("C", 3)];
    let b = [("C", 1), ("X", 2), ("A", 3)];
    assert!(shared_top(&["A", "B", "C"], &a, &b, 2).is_empty());
    assert_eq!(shared_top(&["A", "B", "C"], &a, &b, 3), ["A", "C"]);
    let tied = [("A", 1), ("B", 2), ("C", 2)];
    assert_eq!(
        shared_top(&["A", "B", "C"], &tied, &tied, 2),
        ["A", "B", "C"],
        "a tie at place n counts in full"
    );
}

fn small(group: Group, respondents: u64) -> GroupCounts {
    GroupCounts {
        group,
        respondents,
        statements: BTreeMap::from([(
            "S01".to_owned(),
            Distribution {
                counts: [0, 0, respondents, 0, 0],
                dont_know: 0,
            },
        )]),
    }
}

#[test]
fn groups_below_k_are_left_out_everywhere_and_cannot_be_worked_out() {
    let groups = [
        small(Group::Rijk, 9),
        small(Group::Decentraal, 40),
        small(Group::Gemeente, 25),
        small(Group::Provincie, 12),
        small(Group::Waterschap, 3),
        small(Group::GemeenschappelijkeRegeling, 0),
    ];
    let r = report(&CORE[..1], &groups, 10);
    assert!(!r.groups.contains_key("rijk"));
    assert!(!r.groups.contains_key("waterschap"));
    assert!(
        !r.groups.contains_key("provincie"),
        "else waterschap = decentraal − gemeente − provincie"
    );
    assert!(r.groups.contains_key("gemeente") && r.groups.contains_key("decentraal"));
    let hidden: Vec<Group> = r.suppressed.iter().map(|s| s.group).collect();
    assert!(hidden.contains(&Group::Rijk) && hidden.contains(&Group::Provincie));
    assert!(
        r.suppressed
            .iter()
            .all(|s| !s.note.contains('9') && !s.note.contains('3')),
        "no counts of hidden groups"
    );
    assert!(
        r.shared_top.is_none() && r.tests.is_empty(),
        "no comparison with a hidden group"
    );
    let json = serde_json::to_string(&r).unwrap();
    assert!(!json.contains("\"rijk\":{"), "{json}");
}

mod kept {
    use super::super::response::{Response, Tally, decode_answers, encode_answers, group_counts};
    use super::*;

    fn response(layer: RespondentLayer, answers: &str) -> Response {
        Response {
            respondent: "r".into(),
            layer,
            domain: None,
            answers: decode_answers(answers).unwrap(),
        }
    }

    #[test]
    fn answers_are_kept_one_character_each() {
        let answers = vec![
            Some(Answer::Score(1)),
            None,
            Some(Answer::DontKnow),
            Some(Answer::Score(5)),
        ];
        assert_eq!(encode_answers(&answers), "1-n5");
        assert_eq!(decode_answers("1-n5").unwrap(), answers);
        assert!(decode_answers("1x").is_none());
        assert!(decode_answers("6").is_none());
    }

    #[test]
    fn a_tally_counts_each_response_in_its_groups_and_out_again() {
        let mut tally = Tally::default();
        let a = response(RespondentLayer::Gemeente, "4n");
        let b = response(RespondentLayer::Rijk, "2-");
        tally.add(&a, 1);
        tally.add(&b, 1);
        let rows = tally.count_rows(&CORE);
        assert!(rows.contains(&(Group::Decentraal, "S01", 3, 1)));
        assert!(rows.contains(&(Group::Gemeente, "S02", 5, 1)));
        assert!(rows.contains(&(Group::Rijk, "S01", 1, 1)));
        assert_eq!(rows.len(), 5, "{rows:?}");
        assert!(tally.respondent_rows().contains(&(Group::Decentraal, 1)));
        tally.add(&a, -1);
        tally.add(&b, -1);
        assert!(tally.count_rows(&CORE).is_empty() && tally.respondent_rows().is_empty());
    }

    #[test]
    fn kept_rows_become_the_report_input() {
        let counts = group_counts(
            &[(Group::Rijk, 3)],
            &[
                (Group::Rijk, "S01".into(), 0, 1),
                (Group::Rijk, "S01".into(), 4, 2),
                (Group::Rijk, "S01".into(), 5, 7),
            ],
        );
        let rijk = counts.iter().find(|c| c.group == Group::Rijk).unwrap();
        assert_eq!(rijk.respondents, 3);
        assert_eq!(rijk.statements["S01"].counts, [1, 0, 0, 0, 2]);
        assert_eq!(rijk.statements["S01"].dont_know, 7);
        assert_eq!(counts.len(), Group::ALL.len());
    }
}

mod drawn {
    use super::super::charts::{BarRow, Ranked, Side, Words, diverging, rankings};

    fn ranked(id: &str, mean: f64) -> Ranked {
        Ranked {
            id: id.to_owned(),
            label: format!("{id} kort"),
            full: format!("{id} voluit"),
            mean,
        }
    }

    fn bar(label: &str, counts: [u64; 5]) -> BarRow {
        BarRow {
            label: label.to_owned(),
            full: format!("{label} voluit"),
            counts,
        }
    }

    #[test]
    fn the_rankings_chart_links_the_same_statement_and_marks_the_shared_ones() {
        let left = vec![ranked("S01", 3.4), ranked("S02", 3.38)];
        let right = vec![ranked("S02", 3.39), ranked("S01", 3.19)];
        let words = Words {
            title: "Rangordes",
            pair: ("Rijk", "Decentraal"),
        };
        let chart = rankings(words, &left, &right, &["S02".to_owned()]);
        assert_eq!(chart.title, "Rangordes");
        assert_eq!(chart.headings[0].text, "Rijk");
        assert_eq!(chart.links.len(), 2, "one line per statement in both");
        assert_eq!(
            chart.links.iter().filter(|l| l.marked).count(),
            1,
            "the shared one is thick"
        );
        // S01 goes from the first place on the left down to the second on the right.
        assert!(chart.links[0].from.1 < chart.links[0].to.1);
        assert!(chart.links[0].from.0 < chart.links[0].to.0);
        let texts: Vec<(&str, Side, bool)> = chart
            .rows
            .iter()
            .map(|t| (t.text.as_str(), t.side, t.marked))
            .collect();
        assert_eq!(
            texts,
            [
                ("1. S01 kort (3,40)", Side::Left, false),
                ("2. S02 kort (3,38)", Side::Left, true),
                ("1. S02 kort (3,39)", Side::Right, true),
                ("2. S01 kort (3,19)", Side::Right, false),
            ]
        );
        assert_eq!(chart.rows[0].full.as_deref(), Some("S01 voluit"));
        assert!(chart.rows.iter().all(|t| t.y < chart.height));
    }

    #[test]
    fn the_bars_diverge_around_the_middle_of_three() {
        let words = Words {
            title: "Verdeling",
            pair: ("helemaal niet", "heel erg"),
        };
        let chart = diverging(
            words,
            &[bar("S01 Rijk", [1, 1, 2, 1, 1]), bar("S02 Rijk", [0; 5])],
        );
        assert_eq!(chart.middle, 610.0);
        // 2 of 6 answer 1 or 2 plus half of the 2 threes: 3/6 of 190 = 95 left of the middle.
        let first = &chart.bars[0];
        assert_eq!(first.segments.len(), 5, "five segments in the first row");
        assert!((first.segments[0].x - 515.0).abs() < 1e-9);
        let answers: Vec<u8> = first.segments.iter().map(|s| s.answer).collect();
        assert_eq!(answers, [1, 2, 3, 4, 5]);
        let end = first.segments[4].x + first.segments[4].width;
        assert!((end - 705.0).abs() < 1e-9, "{end}");
        assert!(chart.bars[1].segments.is_empty(), "no bar without answers");
        assert_eq!(chart.bars[1].label, "S02 Rijk");
        assert_eq!(chart.bars[1].full, "S02 Rijk voluit");
        let legend: Vec<&str> = chart.legend.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(legend, ["1 helemaal niet", "2", "3", "4", "5 heel erg"]);
    }

    #[test]
    fn answers_nobody_gave_have_no_segment() {
        let words = Words {
            title: "",
            pair: ("", ""),
        };
        let chart = diverging(words, &[bar("S03", [0, 4, 0, 0, 4])]);
        let segments = &chart.bars[0].segments;
        let answers: Vec<u8> = segments.iter().map(|s| s.answer).collect();
        assert_eq!(answers, [2, 5]);
        assert!((segments[0].x + segments[0].width - 610.0).abs() < 1e-9);
    }
}

mod packed_blocks {
    use super::super::packed::{PackedBlock, ResponseSource, SliceSource, pack, unpack};
    use super::super::response::{Response, Tally};
    use super::*;

    fn layer_strategy() -> impl Strategy<Value = RespondentLayer> {
        proptest::sample::select(RespondentLayer::ALL.to_vec())
    }

    fn answer_strategy() -> impl Strategy<Value = Option<Answer>> {
        prop_oneof![
            Just(None),
            Just(Some(Answer::DontKnow)),
            (1u8..=5).prop_map(|v| Some(Answer::Score(v))),
        ]
    }

    fn response_strategy() -> impl Strategy<Value = Response> {
        (
            "[a-zA-Z0-9é:_-]{1,20}",
            layer_strategy(),
            proptest::option::of("[a-z ]{1,10}"),
            proptest::collection::vec(answer_strategy(), 24),
        )
            .prop_map(|(respondent, layer, domain, answers)| Response {
                respondent,
                layer,
                domain,
                answers,
            })
    }

    /// Respondents per group, and counts per (group, statement, answer).
    type Rows = (Vec<(Group, i64)>, Vec<(Group, &'static str, usize, i64)>);

    /// The counts by the plain definition: every response in every group of its layer.
    fn naive(responses: &[Response]) -> Rows {
        let mut sizes = Vec::new();
        let mut counts = Vec::new();
        for g in Group::ALL {
            let members: Vec<&Response> = responses
                .iter()
                .filter(|r| r.layer.groups().contains(g))
                .collect();
            if !members.is_empty() {
                sizes.push((*g, members.len() as i64));
            }
            for (s, statement) in CORE.iter().enumerate() {
                for a in 0..6 {
                    let n = members
                        .iter()
                        .filter(|r| r.answers[s].is_some_and(|x| x.index() == a))
                        .count() as i64;
                    if n > 0 {
                        counts.push((*g, statement.id, a, n));
                    }
                }
            }
        }
        (sizes, counts)
    }

    proptest! {
        #[test]
        fn a_block_gives_back_what_was_packed(responses in proptest::collection::vec(response_strategy(), 0..40)) {
            let mut block = String::new();
            for r in &responses {
                pack(r, &mut block);
            }
            prop_assert_eq!(unpack(&block).unwrap(), responses);
        }

        #[test]
        fn the_dense_tally_counts_as_the_definition(responses in proptest::collection::vec(response_strategy(), 0..60)) {
            let mut tally = Tally::default();
            let mut halves = (Tally::default(), Tally::default());
            for (i, r) in responses.iter().enumerate() {
                tally.add(r, 1);
                if i % 2 == 0 { halves.0.add(r, 1) } else { halves.1.add(r, 1) }
            }
            let (sizes, counts) = naive(&responses);
            prop_assert_eq!(tally.respondent_rows(), sizes);
            prop_assert_eq!(tally.count_rows(&CORE), counts);
            halves.0.merge(&halves.1);
            prop_assert_eq!(halves.0, tally);
        }
    }

    #[test]
    fn a_control_character_cannot_break_a_block() {
        let r = Response {
            respondent: "a\tb\nc".into(),
            layer: RespondentLayer::Rijk,
            domain: Some("x\ty".into()),
            answers: vec![Some(Answer::Score(3))],
        };
        let mut block = String::new();
        pack(&r, &mut block);
        let back = unpack(&block).unwrap();
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].respondent, "a b c");
        assert_eq!(back[0].domain.as_deref(), Some("x y"));
        assert!(unpack("r\trijk\t\t1x\n").is_none(), "a bad answer");
        assert!(unpack("r\tministerie\t\t1\n").is_none(), "a bad layer");
        assert!(unpack("r\trijk\t\t1\textra\n").is_none(), "an extra field");
    }

    #[test]
    fn a_slice_source_refuses_a_respondent_the_wave_has_and_one_given_twice() {
        let r = |id: &str| Response {
            respondent: id.into(),
            layer: RespondentLayer::Gemeente,
            domain: None,
            answers: vec![Some(Answer::Score(2)); 24],
        };
        let responses: Vec<Response> = (0..5000).map(|i| r(&format!("r{i}"))).collect();
        let mut source = SliceSource::new(&responses, &CORE);
        let blocks: Vec<PackedBlock> = std::iter::from_fn(|| source.next_block()).collect();
        assert_eq!(blocks.len(), 3, "blocks of 2,048");
        assert_eq!(blocks.iter().map(|b| b.responses).sum::<usize>(), 5000);
        let tally = source.finish().unwrap();
        assert!(tally.respondent_rows().contains(&(Group::Gemeente, 5000)));

        let twice = vec![r("x"), r("y"), r("x")];
        let mut source = SliceSource::new(&twice, &CORE);
        while source.next_block().is_some() {}
        assert!(source.finish().unwrap_err().to_string().contains("'x'"));

        let mut source = SliceSource::new(&twice[1..2], &CORE);
        source.known("y");
        while source.next_block().is_some() {}
        assert!(source.finish().is_err(), "y has answered already");

        let short = vec![Response {
            answers: vec![None; 3],
            ..r("z")
        }];
        let mut source = SliceSource::new(&short, &CORE);
        while source.next_block().is_some() {}
        assert!(source.finish().is_err(), "the wrong number of answers");
    }
}
