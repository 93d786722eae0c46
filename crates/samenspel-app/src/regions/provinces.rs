//! The province of a partner that is not a municipality of 2025, for the region column:
//! - a former municipality (`data/reference/gemeenten_opgeheven.csv`), found by its code or,
//!   when the register names it by its ROO id only, as `ROO<id>`; its province is that of
//!   its successor today, else of its address in the ROO (column `provincie_volgens`);
//! - a water board: the province of its office address (`waterschappen.csv`: the column
//!   `provincie_bezoekadres`, else the municipality of 2025 named as the address's place).
//!   A water board's area can cross provincial borders; the reference data has no area per
//!   province, so this is our reading, said so in `docs/DATA.md`.

use std::collections::HashMap;
use std::sync::OnceLock;

const FORMER: &str = include_str!("../../../../data/reference/gemeenten_opgeheven.csv");
const WATER_BOARDS: &str = include_str!("../../../../data/reference/waterschappen.csv");

/// The code that stands for the place of a former municipality or a water board with this
/// code: its province (`PV20`) or the municipality of 2025 its office is in (`GM0957`).
pub fn of_former_or_water_board(code: &str) -> Option<&'static str> {
    table().get(code).map(String::as_str)
}

fn table() -> &'static HashMap<String, String> {
    static TABLE: OnceLock<HashMap<String, String>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = HashMap::new();
        for row in rows(FORMER, &["gemeentecode", "roo_id", "provinciecode"]) {
            if let [code, roo_id, province] = &row[..]
                && !province.is_empty()
            {
                if !roo_id.is_empty() {
                    table.insert(format!("ROO{roo_id}"), province.clone());
                }
                table.insert(code.clone(), province.clone());
            }
        }
        let places: HashMap<&str, &str> = super::municipality_names()
            .map(|names| {
                names
                    .iter()
                    .map(|(code, name)| (name.as_str(), code.as_str()))
                    .collect()
            })
            .unwrap_or_default();
        for row in rows(
            WATER_BOARDS,
            &["waterschapcode", "provincie_bezoekadres", "bezoekadres"],
        ) {
            if let [code, province, address] = &row[..] {
                let place = place_of(address).and_then(|p| places.get(p).copied());
                match (province.is_empty(), place) {
                    (false, _) => table.insert(code.clone(), province.clone()),
                    (true, Some(municipality)) => table.insert(code.clone(), municipality.to_owned()),
                    (true, None) => None,
                };
            }
        }
        table
    })
}

/// The place of an address written `street number, 1234 AB Place`.
fn place_of(address: &str) -> Option<&str> {
    let (_, last) = address.rsplit_once(", ")?;
    let mut words = last.splitn(3, ' ');
    let (digits, letters) = (words.next()?, words.next()?);
    (digits.len() == 4 && letters.len() == 2).then_some(())?;
    words.next().map(str::trim)
}

/// The given columns of every row of a CSV file built into the binary (checked by the tests
/// below, so a row that cannot be read is left out rather than stopping the server).
fn rows(file: &str, columns: &[&str]) -> Vec<Vec<String>> {
    let mut reader = csv::Reader::from_reader(file.as_bytes());
    let Ok(headers) = reader.headers().cloned() else {
        return Vec::new();
    };
    let Some(at) = columns
        .iter()
        .map(|c| headers.iter().position(|h| h == *c))
        .collect::<Option<Vec<usize>>>()
    else {
        return Vec::new();
    };
    reader
        .records()
        .filter_map(Result::ok)
        .map(|record| {
            at.iter()
                .map(|i| record.get(*i).unwrap_or_default().to_owned())
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn former_municipalities_and_water_boards_have_their_province() {
        for (code, province) in [
            ("GM0003", "PV20"),   // Appingedam, merged into Eemsdelta in 2021
            ("ROO22905", "PV28"), // Strijen, named by its ROO id in the register
            ("GM0018", "PV20"),   // Hoogezand-Sappemeer: the province of its successor Midden-Groningen
            ("WS0654", "PV30"),   // Aa en Maas
            ("WS0665", "GM0957"), // Waterschap Limburg: no province given, its office in Roermond
        ] {
            assert_eq!(of_former_or_water_board(code), Some(province), "{code}");
        }
        assert_eq!(
            of_former_or_water_board("GM0344"),
            None,
            "a municipality of 2025 is not here"
        );
        assert_eq!(of_former_or_water_board("SO0003"), None);
    }

    #[test]
    fn the_place_of_an_address() {
        assert_eq!(
            place_of("Maria Theresialaan 99, 6043 CX Roermond"),
            Some("Roermond")
        );
        assert_eq!(
            place_of("Korte Ouderkerkerdijk 7, 1096 AC Amsterdam"),
            Some("Amsterdam")
        );
        assert_eq!(place_of("Postbus 1, Roermond"), None);
        assert_eq!(place_of(""), None);
    }

    #[test]
    fn every_row_of_both_files_is_read() {
        let former = rows(FORMER, &["gemeentecode", "roo_id", "provinciecode"]);
        assert_eq!(former.len(), FORMER.lines().count() - 1);
        assert!(former.iter().filter(|r| !r[2].is_empty()).count() > 180);
        assert_eq!(
            rows(WATER_BOARDS, &["waterschapcode", "provincie_bezoekadres"]).len(),
            WATER_BOARDS.lines().count() - 1
        );
        assert!(rows(FORMER, &["no-such-column"]).is_empty());
    }
}
