use super::*;
use crate::iv3;
use crate::medebewind::tests::schuldhulp;
use crate::medebewind::{BudgetLineInput, TaskInput};

fn org(code: &str) -> OrgCode {
    OrgCode::parse(code).unwrap()
}

fn eur(euros: i64) -> Cents {
    Cents::new(euros * 100).unwrap()
}

/// A task with a national budget of € 100,000 in 2022–2024 and, for GM0002, its own € 5,000.
fn task() -> Task {
    let line = |year: &str, amount: &str, organisation: &str| BudgetLineInput {
        year: year.into(),
        funding: "algemene-uitkering".into(),
        amount: amount.into(),
        organisation: organisation.into(),
        source: "Voorbeeld".into(),
    };
    let input = TaskInput {
        budgets: vec![
            line("2022", "100.000", ""),
            line("2023", "100.000", ""),
            line("2024", "100.000", ""),
            line("2024", "5.000", "GM0002"),
        ],
        ..schuldhulp()
    };
    input.parse(iv3::shipped().unwrap()).unwrap()
}

fn costs(code: &str, inhabitants: u32, per_year: &[(i32, i64)]) -> OrganisationCosts {
    OrganisationCosts {
        organisation: org(code),
        inhabitants,
        costs: per_year.iter().map(|(y, e)| (*y, Some(eur(*e)))).collect(),
    }
}

#[test]
fn the_total_compares_per_inhabitant_and_says_what_the_costs_cover() {
    // 1,000 inhabitants in the layer: € 100 a head. GM0001 (100 inhabitants) spends € 120 a head.
    let m = monitor(
        &task(),
        &[costs(
            "GM0001",
            100,
            &[(2022, 12_000), (2023, 12_000), (2024, 12_000)],
        )],
        1_000,
        Settings::DEFAULT,
    );
    let rows: Vec<(i32, Option<i64>, Option<i64>)> = m
        .per_inhabitant
        .rows
        .iter()
        .map(|r| (r.year, r.budget.map(Cents::get), r.costs.map(Cents::get)))
        .collect();
    assert_eq!(
        rows,
        [
            (2022, Some(10_000), Some(12_000)),
            (2023, Some(10_000), Some(12_000)),
            (2024, Some(10_000), Some(12_000))
        ]
    );
    assert!(m.per_inhabitant.flagged, "20 % above for three years running");
    assert_eq!(
        m.coverage[0],
        Coverage {
            year: 2022,
            organisations: 1,
            inhabitants: 100
        }
    );
    let a = &m.organisations[0];
    assert_eq!(a.basis, BudgetBasis::ShareByInhabitants);
    assert_eq!(
        a.assessment.rows[0].budget,
        Some(eur(10_000)),
        "a tenth of the inhabitants, a tenth of the budget"
    );
    assert!(a.assessment.flagged);
    assert_eq!(a.gap_per_inhabitant_cents, Some(2_000));
}

#[test]
fn an_own_budget_line_counts_before_a_share_and_peers_are_of_the_same_size_class() {
    let m = monitor(
        &task(),
        &[
            costs("GM0001", 100, &[(2024, 11_000)]),
            costs("GM0002", 200, &[(2024, 4_000)]),
            costs("GM0003", 300_000, &[(2024, 1)]),
        ],
        1_000,
        Settings::DEFAULT,
    );
    let by_code = |code: &str| {
        m.organisations
            .iter()
            .find(|o| o.organisation.as_str() == code)
            .unwrap()
    };
    let own = by_code("GM0002");
    assert_eq!(own.basis, BudgetBasis::Own);
    assert_eq!(own.assessment.rows.last().unwrap().budget, Some(eur(5_000)));
    assert_eq!(own.assessment.latest_gap_cents, Some(-100_000));
    // GM0001 and GM0002 are both below 5,000 inhabitants: two peers, the lower middle gap.
    assert_eq!(by_code("GM0001").peers, 2);
    assert_eq!(by_code("GM0001").peer_median_per_inhabitant_cents, Some(-500));
    assert_eq!(by_code("GM0003").size_class, SizeClass::From250k);
    assert_eq!(by_code("GM0003").peers, 1);
    // Biggest gap first.
    assert_eq!(m.organisations[0].organisation.as_str(), "GM0001");
}

#[test]
fn a_year_without_comparable_costs_is_left_open() {
    let mut open = costs("GM0001", 100, &[(2024, 100)]);
    open.costs.insert(2022, None);
    let m = monitor(&task(), &[open], 1_000, Settings::DEFAULT);
    let y2022 = m.per_inhabitant.rows.iter().find(|r| r.year == 2022).unwrap();
    assert_eq!(y2022.costs, None);
    assert_eq!(
        m.coverage.iter().find(|c| c.year == 2022).unwrap().organisations,
        0
    );
    let nobody = monitor(&task(), &[], 0, Settings::DEFAULT);
    assert!(
        nobody
            .per_inhabitant
            .rows
            .iter()
            .all(|r| r.budget.is_none() && r.costs.is_none())
    );
}
