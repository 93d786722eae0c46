use chrono::Weekday;
use proptest::prelude::*;

use super::*;
use crate::rules::date;
use crate::wgr::table::statutory_table;

const MUNICIPALITIES: &[OrgType] = &[OrgType::Gemeente, OrgType::Gemeente];

fn regeling(form: WgrForm) -> Regeling<'static> {
    Regeling {
        form: Some(form),
        start: None,
        end: None,
        participants: MUNICIPALITIES,
    }
}

fn moments(regeling: &Regeling<'_>, today: NaiveDate) -> Vec<StatutoryMoment> {
    coming_moments(statutory_table().unwrap(), regeling, today).unwrap()
}

/// (moment, timing, year concerned) of each moment.
fn summary(moments: &[StatutoryMoment]) -> Vec<(WgrMoment, Timing, i32)> {
    moments
        .iter()
        .map(|m| (m.moment, m.timing, m.concerns_year))
        .collect()
}

fn year_of_moments(year: i32) -> Vec<(WgrMoment, Timing, i32)> {
    use WgrMoment::*;
    vec![
        (Kaders, Timing::Before(date(year, 4, 30)), year + 1),
        (
            VoorlopigeJaarrekening,
            Timing::Before(date(year, 4, 30)),
            year - 1,
        ),
        (Ontwerpbegroting, Timing::NoLaterThan(date(year, 6, 22)), year + 1),
        (JaarrekeningToezicht, Timing::Before(date(year, 7, 15)), year - 1),
        (
            ZienswijzeBegroting,
            Timing::NoLaterThan(date(year, 9, 14)),
            year + 1,
        ),
        (BegrotingToezicht, Timing::Before(date(year, 9, 15)), year + 1),
    ]
}

#[test]
fn an_openbaar_lichaam_of_municipalities_has_the_whole_cycle_this_year_and_next() {
    let got = moments(&regeling(WgrForm::OpenbaarLichaam), date(2026, 1, 15));
    let mut want = year_of_moments(2026);
    want.extend(year_of_moments(2027));
    assert_eq!(summary(&got), want);
}

#[test]
fn each_moment_says_what_happens_who_acts_and_what_the_council_can_do() {
    let got = moments(&regeling(WgrForm::OpenbaarLichaam), date(2026, 1, 15));
    let find = |m: WgrMoment| got.iter().find(|x| x.moment == m).unwrap();
    let draft = find(WgrMoment::Ontwerpbegroting);
    assert_eq!(
        draft.what.dutch(),
        "Ontwerpbegroting 2027 naar de raden, 12 weken voordat zij ter vaststelling wordt aangeboden"
    );
    assert_eq!(draft.actor.dutch(), "Het dagelijks bestuur");
    assert_eq!(draft.recipient.dutch(), "de raden van de deelnemende gemeenten");
    assert_eq!(draft.timing.text().dutch(), "uiterlijk 22-06-2026");
    assert_eq!(
        draft.source.dutch(),
        "Wet gemeenschappelijke regelingen, artikel 35, lid 1 (BWBR0003740)"
    );
    assert_eq!(draft.verification, Verification::OnzeLezing);
    let view = find(WgrMoment::ZienswijzeBegroting);
    assert_eq!(view.actor.dutch(), "De raden van de deelnemende gemeenten");
    assert_eq!(
        view.council_can.dutch(),
        "Zienswijze indienen bij het dagelijks bestuur, binnen 12 weken na ontvangst; kwam de ontwerpbegroting eerder, dan eindigt de termijn eerder."
    );
    let budget = find(WgrMoment::BegrotingToezicht);
    assert_eq!(
        budget.what.dutch(),
        "Vastgestelde begroting 2027 naar gedeputeerde staten"
    );
    assert_eq!(budget.timing.text().dutch(), "vóór 15-09-2026");
    assert_eq!(
        budget.council_can.dutch(),
        "Geen eigen stap van de raad: de begroting gaat binnen twee weken na vaststelling door het algemeen bestuur naar gedeputeerde staten."
    );
    let accounts = find(WgrMoment::VoorlopigeJaarrekening);
    assert_eq!(
        accounts.what.dutch(),
        "Voorlopige jaarrekening over 2025 naar de raden"
    );
    assert!(got.iter().all(|m| m.origin == Origin::VolgensDeWet));
}

#[test]
fn a_bedrijfsvoeringsorganisatie_and_a_gemeenschappelijk_orgaan_act_through_their_own_body() {
    let bvo = moments(&regeling(WgrForm::Bedrijfsvoeringsorganisatie), date(2026, 1, 15));
    assert_eq!(
        bvo[0].actor.dutch(),
        "Het bestuur van de bedrijfsvoeringsorganisatie"
    );
    assert_eq!(summary(&bvo)[..6], year_of_moments(2026)[..]);
    let go = moments(&regeling(WgrForm::GemeenschappelijkOrgaan), date(2026, 1, 15));
    let budget = go
        .iter()
        .find(|m| m.moment == WgrMoment::BegrotingToezicht)
        .unwrap();
    assert_eq!(budget.actor.dutch(), "Het gemeenschappelijk orgaan");
    assert!(
        budget
            .council_can
            .contains("vaststelling door het gemeenschappelijk orgaan")
    );
}

#[test]
fn a_moment_counts_until_its_last_day_and_then_rolls_to_next_year() {
    let r = regeling(WgrForm::OpenbaarLichaam);
    let frames = |today| {
        moments(&r, today)
            .into_iter()
            .filter(|m| m.moment == WgrMoment::Kaders)
            .map(|m| m.timing)
            .collect::<Vec<_>>()
    };
    // "Vóór 30 april": the last day is 29 April.
    assert_eq!(
        frames(date(2026, 4, 29)),
        [
            Timing::Before(date(2026, 4, 30)),
            Timing::Before(date(2027, 4, 30))
        ]
    );
    assert_eq!(frames(date(2026, 4, 30)), [Timing::Before(date(2027, 4, 30))]);
    // "Uiterlijk 14 september" still counts on that day.
    let late = moments(&r, date(2026, 9, 14));
    assert_eq!(late[0].moment, WgrMoment::ZienswijzeBegroting);
    assert_eq!(late[0].timing, Timing::NoLaterThan(date(2026, 9, 14)));
    assert_eq!(summary(&moments(&r, date(2026, 12, 3))), year_of_moments(2027));
}

#[test]
fn a_date_on_a_weekend_is_not_moved() {
    let r = regeling(WgrForm::OpenbaarLichaam);
    let in_2024 = moments(&r, date(2024, 1, 2));
    let draft = in_2024
        .iter()
        .find(|m| m.moment == WgrMoment::Ontwerpbegroting)
        .unwrap();
    assert_eq!(draft.timing.last_day(), date(2024, 6, 22));
    assert_eq!(draft.timing.last_day().weekday(), Weekday::Sat);
    let view = in_2024
        .iter()
        .find(|m| m.moment == WgrMoment::ZienswijzeBegroting)
        .unwrap();
    assert_eq!(view.timing.last_day(), date(2024, 9, 14));
    assert_eq!(view.timing.last_day().weekday(), Weekday::Sat);
    let in_2028 = moments(&r, date(2028, 1, 3));
    assert_eq!(in_2028[0].timing.last_day(), date(2028, 4, 29));
    assert_eq!(in_2028[0].timing.last_day().weekday(), Weekday::Sat);
}

/// A table of its own: a moment before 15 March and others two weeks around it, to count
/// weeks across 29 February.
fn leap_table() -> WgrTable {
    let text = "id,version,valid_from,valid_until,chapter,forms,law,bwb_id,article,lid,term,month,day,weeks,anchor,year_offset,actor,recipient,verification,law_url,checked_at,excerpt,found\n\
        begroting-toezicht,1,2022-07-01,,gemeenten,openbaar-lichaam,Wet,BWBR0000001,1,,voor-datum,3,15,,,1,bestuur,raden,wettekst,https://a.example,https://b.example,tekst,\n\
        ontwerpbegroting,1,2022-07-01,,gemeenten,openbaar-lichaam,Wet,BWBR0000001,2,,weken-voor,,,2,begroting-toezicht,1,bestuur,raden,wettekst,https://a.example,https://b.example,tekst,\n\
        kaders,1,2022-07-01,,gemeenten,openbaar-lichaam,Wet,BWBR0000001,3,,voor-datum,2,20,,,1,bestuur,raden,wettekst,https://a.example,https://b.example,tekst,\n\
        zienswijze-begroting,1,2022-07-01,,gemeenten,openbaar-lichaam,Wet,BWBR0000001,4,,weken-na,,,2,kaders,1,raden,bestuur,wettekst,https://a.example,https://b.example,tekst,\n";
    WgrTable::parse(text).unwrap()
}

#[test]
fn weeks_are_counted_in_days_across_a_leap_day() {
    let table = leap_table();
    let rule = |m| table.rules.iter().find(|r| r.moment == m).unwrap();
    let before = rule(WgrMoment::Ontwerpbegroting);
    assert_eq!(
        timing(&table, before, 2028),
        Some(Timing::NoLaterThan(date(2028, 2, 29)))
    );
    assert_eq!(
        timing(&table, before, 2027),
        Some(Timing::NoLaterThan(date(2027, 2, 28)))
    );
    let after = rule(WgrMoment::ZienswijzeBegroting);
    assert_eq!(
        timing(&table, after, 2028),
        Some(Timing::NoLaterThan(date(2028, 3, 4)))
    );
    assert_eq!(
        timing(&table, after, 2027),
        Some(Timing::NoLaterThan(date(2027, 3, 5)))
    );
}

#[test]
fn a_rule_not_yet_in_force_gives_no_moment() {
    // The table holds from 1 July 2022: in 2022 the frame, the provisional accounts and the
    // draft budget came before that day; the zienswijze counts from the draft, so it is not
    // derived either.
    let got = moments(&regeling(WgrForm::OpenbaarLichaam), date(2022, 3, 1));
    let mut want = vec![
        (
            WgrMoment::JaarrekeningToezicht,
            Timing::Before(date(2022, 7, 15)),
            2021,
        ),
        (
            WgrMoment::BegrotingToezicht,
            Timing::Before(date(2022, 9, 15)),
            2023,
        ),
    ];
    want.extend(year_of_moments(2023));
    assert_eq!(summary(&got), want);
}

#[test]
fn forms_without_a_body_of_their_own_have_no_calendar() {
    let table = statutory_table().unwrap();
    let today = date(2026, 1, 15);
    for (form, why) in [
        (Some(WgrForm::RegelingZonderMeer), NoCalendar::ZonderBestuur),
        (
            Some(WgrForm::Centrumgemeenteconstructie),
            NoCalendar::ZonderBestuur,
        ),
        (None, NoCalendar::GeenVorm),
    ] {
        let r = Regeling {
            form,
            ..regeling(WgrForm::OpenbaarLichaam)
        };
        assert_eq!(coming_moments(table, &r, today), Err(why));
    }
}

#[test]
fn an_ended_regeling_has_no_calendar_and_one_ending_has_none_after_its_end() {
    let table = statutory_table().unwrap();
    let ended = Regeling {
        end: Some(date(2025, 12, 31)),
        ..regeling(WgrForm::OpenbaarLichaam)
    };
    assert_eq!(
        coming_moments(table, &ended, date(2026, 1, 1)),
        Err(NoCalendar::Beeindigd)
    );
    assert_eq!(coming_moments(table, &ended, date(2025, 12, 31)), Ok(Vec::new()));
    let ending = Regeling {
        end: Some(date(2026, 12, 31)),
        ..regeling(WgrForm::OpenbaarLichaam)
    };
    // Only what concerns 2026 or before: last year's accounts; no budget for 2027.
    assert_eq!(
        summary(&moments(&ending, date(2026, 1, 15))),
        [
            (
                WgrMoment::VoorlopigeJaarrekening,
                Timing::Before(date(2026, 4, 30)),
                2025
            ),
            (
                WgrMoment::JaarrekeningToezicht,
                Timing::Before(date(2026, 7, 15)),
                2025
            ),
        ]
    );
}

#[test]
fn a_regeling_starting_later_has_no_moment_before_its_start_nor_accounts_before_its_first_year() {
    let starting = Regeling {
        start: Some(date(2026, 6, 1)),
        ..regeling(WgrForm::OpenbaarLichaam)
    };
    let got = summary(&moments(&starting, date(2026, 1, 15)));
    let mut want = vec![
        (
            WgrMoment::Ontwerpbegroting,
            Timing::NoLaterThan(date(2026, 6, 22)),
            2027,
        ),
        (
            WgrMoment::ZienswijzeBegroting,
            Timing::NoLaterThan(date(2026, 9, 14)),
            2027,
        ),
        (
            WgrMoment::BegrotingToezicht,
            Timing::Before(date(2026, 9, 15)),
            2027,
        ),
    ];
    want.extend(year_of_moments(2027));
    assert_eq!(got, want);
}

#[test]
fn municipalities_with_provinces_send_to_the_minister_and_other_mixes_are_not_derived() {
    let table = statutory_table().unwrap();
    let mixed = Regeling {
        participants: &[OrgType::Gemeente, OrgType::Provincie],
        ..regeling(WgrForm::OpenbaarLichaam)
    };
    let got = moments(&mixed, date(2026, 8, 1));
    assert_eq!(
        summary(&got),
        [
            (
                WgrMoment::BegrotingToezicht,
                Timing::Before(date(2026, 9, 15)),
                2027
            ),
            (
                WgrMoment::JaarrekeningToezicht,
                Timing::Before(date(2027, 7, 15)),
                2026
            ),
            (
                WgrMoment::BegrotingToezicht,
                Timing::Before(date(2027, 9, 15)),
                2028
            ),
        ]
    );
    assert_eq!(
        got[0].recipient.dutch(),
        "de minister van Binnenlandse Zaken en Koninkrijksrelaties"
    );
    assert_eq!(got[0].verification, Verification::Wettekst);
    assert!(got[0].source.contains("artikel 58, lid 2"));
    for (participants, why) in [
        (
            &[OrgType::Gemeente, OrgType::Waterschap][..],
            NoCalendar::HoofdstukNietAfgeleid,
        ),
        (&[OrgType::Provincie][..], NoCalendar::HoofdstukNietAfgeleid),
        (&[][..], NoCalendar::DeelnemersOnbekend),
    ] {
        let r = Regeling {
            participants,
            ..regeling(WgrForm::OpenbaarLichaam)
        };
        assert_eq!(coming_moments(table, &r, date(2026, 8, 1)), Err(why));
    }
}

fn body_form() -> impl Strategy<Value = WgrForm> {
    prop_oneof![
        Just(WgrForm::OpenbaarLichaam),
        Just(WgrForm::GemeenschappelijkOrgaan),
        Just(WgrForm::Bedrijfsvoeringsorganisatie),
    ]
}

fn day() -> impl Strategy<Value = NaiveDate> {
    // From 1 July 2022 (the table's start) to the end of 2060.
    (0i64..(38 * 366)).prop_map(|n| date(2022, 7, 1) + Duration::days(n))
}

proptest! {
    #[test]
    fn every_moment_is_still_to_come_and_cites_its_article(
        form in body_form(),
        today in day(),
        start in proptest::option::of(day()),
        length in proptest::option::of(0i64..3000),
        provinces in any::<bool>(),
    ) {
        let participants: &[OrgType] = if provinces {
            &[OrgType::Gemeente, OrgType::Provincie]
        } else {
            MUNICIPALITIES
        };
        let end = match (start, length) {
            (Some(s), Some(n)) => Some(s + Duration::days(n)),
            _ => None,
        };
        let r = Regeling { form: Some(form), start, end, participants };
        let Ok(got) = coming_moments(statutory_table().unwrap(), &r, today) else {
            prop_assert!(end.is_some_and(|e| e < today));
            return Ok(());
        };
        for m in &got {
            prop_assert!(m.timing.last_day() >= today, "{:?} before {today}", m.timing);
            prop_assert!(m.source.contains("artikel"), "{}", m.source);
            prop_assert!(m.law_url.starts_with("https://wetten.overheid.nl/"));
            prop_assert_eq!(m.origin, Origin::VolgensDeWet);
            prop_assert!(start.is_none_or(|s| s <= m.timing.last_day()));
            prop_assert!(end.is_none_or(|e| m.timing.last_day() <= e));
        }
        let days: Vec<NaiveDate> = got.iter().map(|m| m.timing.last_day()).collect();
        prop_assert!(days.windows(2).all(|w| w[0] <= w[1]));
        // Without a start or an end, every yearly moment comes within the next year (from 2023:
        // in 2022 the zienswijze counted from a draft sent before the table held).
        if start.is_none() && end.is_none() && !provinces && today >= date(2023, 1, 1) {
            for moment in [WgrMoment::Kaders, WgrMoment::Ontwerpbegroting, WgrMoment::ZienswijzeBegroting,
                WgrMoment::BegrotingToezicht, WgrMoment::JaarrekeningToezicht, WgrMoment::VoorlopigeJaarrekening] {
                let next = got.iter().find(|m| m.moment == moment);
                prop_assert!(next.is_some_and(|m| m.timing.last_day() < today + Duration::days(366)),
                    "{} missing after {today}", moment.key());
            }
        }
    }
}
