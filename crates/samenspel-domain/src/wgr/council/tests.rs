use std::collections::BTreeSet;

use super::*;
use crate::org::OrgType;
use crate::rules::date;
use crate::wgr::table::statutory_table;
use crate::wgr::{CouncilStep, whose_step};

const MUNICIPALITIES: &[OrgType] = &[OrgType::Gemeente, OrgType::Gemeente];

fn regeling(form: Option<WgrForm>) -> Regeling<'static> {
    Regeling {
        form,
        start: None,
        end: None,
        participants: MUNICIPALITIES,
    }
}

fn view(regeling: &Regeling<'_>, organs: &[Bestuursorgaan]) -> CouncilView {
    what_the_council_can_do(statutory_table().unwrap(), regeling, organs, date(2026, 3, 1))
}

fn moments(view: &CouncilView) -> Vec<WgrMoment> {
    view.powers.iter().map(|p| p.moment).collect()
}

#[test]
fn every_value_of_the_register_is_a_known_body() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/reference/samenwerking/gr_deelnemers.csv");
    let mut reader = csv::Reader::from_path(path).unwrap();
    let column = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "bestuursorganen")
        .unwrap();
    let mut seen = BTreeSet::new();
    let mut rows = 0;
    for record in reader.records() {
        let record = record.unwrap();
        let cell = record.get(column).unwrap();
        let organs =
            Bestuursorgaan::parse_register("bestuursorganen", cell).unwrap_or_else(|e| panic!("{cell}: {e}"));
        seen.extend(organs.iter().map(|o| o.key()));
        rows += 1;
    }
    assert!(rows > 9000, "{rows}");
    let all: BTreeSet<&str> = Bestuursorgaan::ALL.iter().map(|o| o.key()).collect();
    assert_eq!(seen, all, "every body occurs in the register");
}

#[test]
fn a_register_cell_lists_its_bodies_once_each() {
    use Bestuursorgaan::*;
    let parse = |raw| Bestuursorgaan::parse_register("f", raw).unwrap();
    assert_eq!(
        parse("College van burgemeester en wethouders|Burgemeester"),
        [College, Burgemeester]
    );
    assert_eq!(parse("Gemeenteraad | gemeenteraad"), [Gemeenteraad]);
    assert_eq!(
        parse("Commissaris van de koningin|Commissaris van de koning"),
        [CommissarisVanDeKoning]
    );
    assert_eq!(parse(""), []);
    let refused =
        Bestuursorgaan::parse_register("deelnemers[3].bestuursorganen", "Raad|Wethouder").unwrap_err();
    assert_eq!(refused.errors.len(), 2);
    assert_eq!(refused.errors[0].field, "deelnemers[3].bestuursorganen");
    assert_eq!(refused.errors[0].message.id(), "error-unknown-register-organ");
    assert!(
        refused.errors[1]
            .message
            .contains("'Wethouder' is geen bestuursorgaan uit het register")
    );
}

#[test]
fn the_council_s_position_follows_which_municipal_bodies_take_part() {
    use Bestuursorgaan::*;
    for (organs, want) in [
        (&[Gemeenteraad][..], CouncilPosition::RaadNeemtDeel),
        (&[Gemeenteraad, College][..], CouncilPosition::RaadEnCollege),
        (&[Burgemeester, Gemeenteraad][..], CouncilPosition::RaadEnCollege),
        (&[College][..], CouncilPosition::CollegeOfBurgemeester),
        (&[Burgemeester][..], CouncilPosition::CollegeOfBurgemeester),
        (&[][..], CouncilPosition::NietVastgelegd),
        (
            &[DagelijksBestuur, GedeputeerdeStaten][..],
            CouncilPosition::NietVastgelegd,
        ),
    ] {
        assert_eq!(council_position(organs), want, "{organs:?}");
    }
    assert!(Bestuursorgaan::ALL.iter().filter(|o| o.is_municipal()).count() == 3);
}

#[test]
fn in_a_collegeregeling_the_council_gives_its_view_and_its_consent() {
    let v = view(
        &regeling(Some(WgrForm::OpenbaarLichaam)),
        &[Bestuursorgaan::College],
    );
    assert_eq!(v.position, CouncilPosition::CollegeOfBurgemeester);
    assert_eq!(moments(&v), WgrMoment::ALL);
    let text = |m| {
        v.powers
            .iter()
            .find(|p| p.moment == m)
            .unwrap()
            .text
            .dutch()
            .to_owned()
    };
    assert_eq!(
        text(WgrMoment::ZienswijzeRegeling),
        "Bij een wijziging, toetreding of uittreding krijgt de raad het ontwerp en kan hij binnen 8 weken na ontvangst zijn zienswijze geven aan het college of de burgemeester."
    );
    assert!(text(WgrMoment::ToestemmingRegeling).contains("strijd met het recht of het algemeen belang"));
    assert_eq!(
        text(WgrMoment::Kaders),
        "Vóór 30 april van het jaar vóór het begrotingsjaar ontvangt de raad de algemene financiële en beleidsmatige kaders en kan hij ze bespreken."
    );
    assert_eq!(
        text(WgrMoment::ZienswijzeBegroting),
        "De raad kan binnen 12 weken na ontvangst zijn zienswijze over de ontwerpbegroting naar voren brengen bij het dagelijks bestuur."
    );
    assert_eq!(
        text(WgrMoment::BegrotingToezicht),
        "De vastgestelde begroting gaat vóór 15 september naar gedeputeerde staten; de raad heeft hier geen eigen stap."
    );
    let regeling_power = v
        .powers
        .iter()
        .find(|p| p.moment == WgrMoment::ZienswijzeRegeling)
        .unwrap();
    assert_eq!(
        regeling_power.source.dutch(),
        "Wet gemeenschappelijke regelingen, artikel 1, lid 3 (BWBR0003740)"
    );
    assert_eq!(regeling_power.verification, Verification::Wettekst);
}

#[test]
fn in_a_raadsregeling_the_council_decides_itself() {
    let v = view(
        &regeling(Some(WgrForm::OpenbaarLichaam)),
        &[Bestuursorgaan::Gemeenteraad],
    );
    assert_eq!(v.position, CouncilPosition::RaadNeemtDeel);
    assert!(!moments(&v).contains(&WgrMoment::ToestemmingRegeling));
    let regeling_power = v
        .powers
        .iter()
        .find(|p| p.moment == WgrMoment::ZienswijzeRegeling)
        .unwrap();
    assert!(regeling_power.text.contains("De raad neemt zelf deel"));
    // With the college beside it, the college still needs the council's consent.
    let both = view(
        &regeling(Some(WgrForm::OpenbaarLichaam)),
        &[Bestuursorgaan::Gemeenteraad, Bestuursorgaan::College],
    );
    assert!(moments(&both).contains(&WgrMoment::ToestemmingRegeling));
    assert!(
        both.powers
            .iter()
            .any(|p| p.text.contains("De raad neemt zelf deel"))
    );
}

#[test]
fn without_a_recorded_body_the_council_is_told_both_cases() {
    let v = view(&regeling(Some(WgrForm::Bedrijfsvoeringsorganisatie)), &[]);
    assert_eq!(v.position, CouncilPosition::NietVastgelegd);
    let text = |m| {
        v.powers
            .iter()
            .find(|p| p.moment == m)
            .unwrap()
            .text
            .dutch()
            .to_owned()
    };
    assert!(text(WgrMoment::ZienswijzeRegeling).starts_with("Niet vastgelegd is welk bestuursorgaan"));
    assert!(text(WgrMoment::ToestemmingRegeling).starts_with("Neemt het college of de burgemeester deel"));
    assert!(
        text(WgrMoment::ZienswijzeBegroting).ends_with("bij het bestuur van de bedrijfsvoeringsorganisatie.")
    );
}

#[test]
fn a_regeling_without_a_body_keeps_only_the_say_in_changing_joining_and_leaving() {
    for form in [
        Some(WgrForm::RegelingZonderMeer),
        Some(WgrForm::Centrumgemeenteconstructie),
        None,
    ] {
        let v = view(&regeling(form), &[Bestuursorgaan::College]);
        assert_eq!(
            moments(&v),
            [WgrMoment::ZienswijzeRegeling, WgrMoment::ToestemmingRegeling],
            "{form:?}"
        );
    }
}

#[test]
fn with_provinces_only_the_budget_and_accounts_to_the_minister_are_derived() {
    let mixed = Regeling {
        participants: &[OrgType::Gemeente, OrgType::Provincie],
        ..regeling(Some(WgrForm::OpenbaarLichaam))
    };
    let v = view(&mixed, &[Bestuursorgaan::College]);
    assert_eq!(
        moments(&v),
        [WgrMoment::BegrotingToezicht, WgrMoment::JaarrekeningToezicht]
    );
    assert!(
        v.powers[0]
            .text
            .contains("naar de minister van Binnenlandse Zaken")
    );
}

#[test]
fn an_ended_regeling_or_one_with_other_participants_gives_no_powers() {
    let ended = Regeling {
        end: Some(date(2025, 12, 31)),
        ..regeling(Some(WgrForm::OpenbaarLichaam))
    };
    assert!(view(&ended, &[Bestuursorgaan::College]).powers.is_empty());
    let water = Regeling {
        participants: &[OrgType::Gemeente, OrgType::Waterschap],
        ..regeling(Some(WgrForm::OpenbaarLichaam))
    };
    let v = view(&water, &[Bestuursorgaan::Gemeenteraad]);
    assert_eq!(v.position, CouncilPosition::RaadNeemtDeel);
    assert!(v.powers.is_empty());
    let before_2022 = what_the_council_can_do(
        statutory_table().unwrap(),
        &regeling(Some(WgrForm::OpenbaarLichaam)),
        &[Bestuursorgaan::College],
        date(2022, 6, 30),
    );
    assert!(before_2022.powers.is_empty());
}

#[test]
fn whose_step_each_moment_is_row_by_row() {
    use CouncilPosition::*;
    use CouncilStep::*;
    use WgrMoment::*;
    // (moment, position, step): every moment for every position.
    let rows: &[(WgrMoment, CouncilPosition, CouncilStep)] = &[
        (Kaders, RaadNeemtDeel, Bestuur),
        (Kaders, CollegeOfBurgemeester, Bestuur),
        (VoorlopigeJaarrekening, RaadEnCollege, Bestuur),
        (Ontwerpbegroting, NietVastgelegd, Bestuur),
        (BegrotingToezicht, RaadNeemtDeel, Bestuur),
        (JaarrekeningToezicht, CollegeOfBurgemeester, Bestuur),
        (ZienswijzeBegroting, RaadNeemtDeel, Raad),
        (ZienswijzeBegroting, CollegeOfBurgemeester, Raad),
        (ZienswijzeBegroting, NietVastgelegd, Raad),
        (ZienswijzeRegeling, RaadNeemtDeel, Raad),
        (ZienswijzeRegeling, CollegeOfBurgemeester, Raad),
        (ToestemmingRegeling, RaadNeemtDeel, Raad),
        (ToestemmingRegeling, RaadEnCollege, College),
        (ToestemmingRegeling, CollegeOfBurgemeester, College),
        (ToestemmingRegeling, NietVastgelegd, College),
    ];
    for (moment, position, step) in rows {
        assert_eq!(whose_step(*moment, *position), *step, "{moment:?} {position:?}");
    }
    // The council's own step for every moment is the same whichever body takes part, except
    // the consent to a change.
    for moment in WgrMoment::ALL {
        let steps: std::collections::BTreeSet<&str> = CouncilPosition::ALL
            .iter()
            .map(|p| whose_step(*moment, *p).key())
            .collect();
        assert_eq!(steps.len() == 1, *moment != ToestemmingRegeling, "{moment:?}");
    }
}
