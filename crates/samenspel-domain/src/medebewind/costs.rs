//! A task's costs per year from the amounts booked on its Iv3 task fields, continuous across
//! the 2023 split (issue 15: "series stay continuous by aggregating the new codes under their
//! parent — never by mapping an old code onto one successor").
//!
//! A task lists the task fields its costs are booked on, in the codes of any version. For a
//! year, [`codes_in_year`] says which codes to add up:
//! - a listed code valid in that year counts as itself;
//! - a listed old code (6.72) in a year after the split counts as all its new codes;
//! - listed new codes (6.71a–d) in a year before the split count as their parent (6.71), but
//!   only when every new code of that parent is listed: 6.71a alone (hulp bij het huishouden)
//!   has no figure before 2023, since 6.71 held more than it;
//! - a listed code without a version in the year, and no parent or children to stand in for it,
//!   makes the year not comparable.

use std::collections::BTreeMap;

use crate::iv3::{Amount, Catalogue, TaskFieldCode};
use crate::money::Cents;

/// The codes whose amounts make up the task's costs in `year`, each once; `None` when the
/// listed codes have no comparable figure in that year.
pub fn codes_in_year(
    catalogue: &Catalogue,
    listed: &[TaskFieldCode],
    year: i32,
) -> Option<Vec<TaskFieldCode>> {
    let mut codes: Vec<TaskFieldCode> = Vec::new();
    let mut add = |code: &TaskFieldCode| {
        if !codes.contains(code) {
            codes.push(code.clone());
        }
    };
    for code in listed {
        if catalogue.valid_in(code, year) {
            add(code);
            continue;
        }
        let children = catalogue.children_of(code);
        if !children.is_empty() && children.iter().all(|c| catalogue.valid_in(c, year)) {
            children.into_iter().for_each(&mut add);
            continue;
        }
        let parent = catalogue.parent_of(code)?;
        let all_listed = catalogue.children_of(parent).iter().all(|c| listed.contains(c));
        if all_listed && catalogue.valid_in(parent, year) {
            add(parent);
        } else {
            return None;
        }
    }
    (!codes.is_empty()).then_some(codes)
}

/// The task's costs per year from `amounts` (year, code, amount), for the years that have any
/// amount: the sum on [`codes_in_year`], or `None` for a year that is not comparable.
pub fn task_costs(
    catalogue: &Catalogue,
    listed: &[TaskFieldCode],
    amounts: &[Amount],
) -> BTreeMap<i32, Option<Cents>> {
    let mut years: BTreeMap<i32, Vec<&Amount>> = BTreeMap::new();
    for amount in amounts {
        years.entry(amount.0).or_default().push(amount);
    }
    years
        .into_iter()
        .map(|(year, booked)| {
            let total = codes_in_year(catalogue, listed, year).and_then(|codes| {
                let on_codes: Vec<Cents> = booked
                    .iter()
                    .filter(|(_, c, _)| codes.contains(c))
                    .map(|(_, _, a)| *a)
                    .collect();
                (!on_codes.is_empty()).then(|| on_codes.into_iter().sum())
            });
            (year, total)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::iv3::shipped;

    fn codes(list: &[&str]) -> Vec<TaskFieldCode> {
        list.iter()
            .map(|c| TaskFieldCode::parse("code", c).unwrap())
            .collect()
    }

    fn strings(codes: Option<Vec<TaskFieldCode>>) -> Option<Vec<String>> {
        codes.map(|c| c.iter().map(|c| c.as_str().to_owned()).collect())
    }

    #[test]
    fn codes_stand_in_for_each_other_across_the_split_row_by_row() {
        let c = shipped().unwrap();
        let wmo_new = ["6.71a", "6.71b", "6.71c", "6.71d"];
        let jeugd_new = [
            "6.72a", "6.72b", "6.72c", "6.72d", "6.73a", "6.73b", "6.73c", "6.74a", "6.74b", "6.74c",
        ];
        let own = |l: &[&str]| Some(l.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>());
        type Row<'a> = (Vec<&'a str>, i32, Option<Vec<String>>);
        let table: Vec<Row> = vec![
            (vec!["6.3"], 2021, own(&["6.3"])),
            (vec!["6.3"], 2024, own(&["6.3"])),
            (vec!["6.72"], 2022, own(&["6.72"])),
            (vec!["6.72"], 2023, own(&jeugd_new)),
            (jeugd_new.to_vec(), 2022, own(&["6.72"])),
            (jeugd_new.to_vec(), 2024, own(&jeugd_new)),
            (wmo_new.to_vec(), 2021, own(&["6.71"])),
            (vec!["6.71a"], 2022, None),
            (vec!["6.71a"], 2023, own(&["6.71a"])),
            (vec!["6.81a", "6.3"], 2022, None),
            (vec!["6.81a", "6.81b", "6.3"], 2022, own(&["6.81", "6.3"])),
            (vec!["6.72", "6.72a"], 2024, own(&jeugd_new)),
            (vec![], 2024, None),
        ];
        for (listed, year, expected) in table {
            assert_eq!(
                strings(codes_in_year(c, &codes(&listed), year)),
                expected,
                "{listed:?} in {year}"
            );
        }
    }

    #[test]
    fn a_series_for_6_72_runs_on_across_the_split_and_6_81a_alone_starts_in_2023() {
        let c = shipped().unwrap();
        let cents = |n: i64| Cents::new(n).unwrap();
        let mut amounts: Vec<Amount> = vec![
            (2021, codes(&["6.72"])[0].clone(), cents(1_000)),
            (2022, codes(&["6.72"])[0].clone(), cents(1_100)),
            (2021, codes(&["6.81"])[0].clone(), cents(700)),
            (2022, codes(&["6.81"])[0].clone(), cents(750)),
        ];
        for year in [2023, 2024] {
            for code in c.children_of(&codes(&["6.72"])[0]) {
                amounts.push((year, code.clone(), cents(120)));
            }
            amounts.push((year, codes(&["6.81a"])[0].clone(), cents(500)));
            amounts.push((year, codes(&["6.81b"])[0].clone(), cents(300)));
        }
        let jeugd = task_costs(c, &codes(&["6.72"]), &amounts);
        let got: Vec<(i32, Option<i64>)> = jeugd.iter().map(|(y, a)| (*y, a.map(Cents::get))).collect();
        assert_eq!(
            got,
            [
                (2021, Some(1_000)),
                (2022, Some(1_100)),
                (2023, Some(1_200)),
                (2024, Some(1_200))
            ]
        );
        let beschermd_wonen = task_costs(c, &codes(&["6.81a"]), &amounts);
        let got: Vec<(i32, Option<i64>)> = beschermd_wonen
            .iter()
            .map(|(y, a)| (*y, a.map(Cents::get)))
            .collect();
        assert_eq!(
            got,
            [(2021, None), (2022, None), (2023, Some(500)), (2024, Some(500))]
        );
    }
}
