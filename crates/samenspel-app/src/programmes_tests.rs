use super::*;

fn organisations() -> Vec<Organisation> {
    crate::reference::organisations().unwrap()
}

fn find<'a>(all: &'a [RegisteredCollaboration], key: &str) -> &'a RegisteredCollaboration {
    all.iter().find(|c| c.source_key == key).unwrap()
}

fn codes(c: &RegisteredCollaboration) -> Vec<&str> {
    c.partners.iter().map(|p| p.code.as_str()).collect()
}

#[test]
fn slugs_are_plain_keys() {
    assert_eq!(slug("Noord-en Midden-Limburg"), "noord-en-midden-limburg");
    assert_eq!(
        slug("Stedendriehoek / Cleantech Regio"),
        "stedendriehoek-cleantech-regio"
    );
    assert_eq!(
        slug("Regio Deal Noardwest-Fryslân"),
        "regio-deal-noardwest-fryslan"
    );
    assert_eq!(slug("U10/U16"), "u10-u16");
}

#[test]
fn the_shipped_programmes_parse_completely() {
    let all = parse(SHIPPED, &organisations()).unwrap();
    let of = |kind: CollaborationKind| all.iter().filter(|c| c.fields.kind == kind).count();
    assert_eq!(of(CollaborationKind::Res), 30);
    assert_eq!(of(CollaborationKind::Mirt), 5);
    assert_eq!(of(CollaborationKind::RegioDeal), 26);
    assert_eq!(of(CollaborationKind::Woondeal), 2);
    assert!(
        all.iter()
            .all(|c| c.source_url.as_deref().is_some_and(|u| u.starts_with("http")))
    );
    let municipalities: usize = all
        .iter()
        .filter(|c| c.fields.kind == CollaborationKind::Res)
        .map(|c| {
            c.partners
                .iter()
                .filter(|p| p.code.as_str().starts_with("GM"))
                .count()
        })
        .sum();
    assert_eq!(
        municipalities, 342,
        "every municipality of 2025 is in one RES region"
    );

    let achterhoek = find(&all, "programma:res:achterhoek");
    assert_eq!(achterhoek.fields.region.as_deref(), Some("Achterhoek"));
    let partners = codes(achterhoek);
    assert!(partners.contains(&"GM0197"), "Aalten");
    assert!(
        partners.contains(&"PV25"),
        "Gelderland, the province of its municipalities"
    );
    assert!(partners.contains(&"MNRE1045"), "EZK");
    assert_eq!(partners.len(), 8 + 1 + 1);

    let north = find(&all, "programma:mirt:noord-nederland");
    assert_eq!(codes(north), ["PV20", "PV21", "PV22", "MNRE1130"]);

    let zaanij = find(&all, "programma:regio-deal:regio-deal-zaanij");
    assert_eq!(codes(zaanij), ["MNRE1034", "GM0363", "GM0479", "GM0431"]);
    assert_eq!(zaanij.partners[0].role, PartnerRole::Financier);
    assert_eq!(
        zaanij.partners[0].notes.as_deref(),
        Some("Rijksbijdrage € 20.000.000,00")
    );
    assert_eq!(
        zaanij.fields.region.as_deref(),
        Some("Noord-Holland"),
        "its partners' province"
    );
    let twente = find(&all, "programma:regio-deal:regio-deal-twente");
    assert_eq!(codes(twente), ["MNRE1034"], "the source names only the Rijk");
    assert_eq!(
        twente.fields.region.as_deref(),
        Some("Twente"),
        "the region it is named for"
    );
    assert!(
        all.iter().all(|c| c.fields.region.is_some()),
        "every programme has a region"
    );
    let overijssel = find(&all, "programma:woondeal:woondeal-overijssel");
    assert_eq!(codes(overijssel), ["MNRE1034", "PV23"]);
    assert_eq!(overijssel.partners[0].notes, None, "no contribution published");
}

#[test]
fn hashes_are_stable_and_follow_the_content() {
    let a = parse(SHIPPED, &organisations()).unwrap();
    let b = parse(SHIPPED, &organisations()).unwrap();
    assert_eq!(a, b);
    let edited = SHIPPED.mirt.replace("PV29,", "PV31,");
    let c = parse(
        ProgrammeSource {
            mirt: &edited,
            ..SHIPPED
        },
        &organisations(),
    )
    .unwrap();
    let changed: Vec<&str> = a
        .iter()
        .zip(&c)
        .filter(|(x, y)| x.source_hash != y.source_hash)
        .map(|(x, _)| x.source_key.as_str())
        .collect();
    assert_eq!(changed, ["programma:mirt:zuidwest-nederland"]);
}

#[test]
fn an_unknown_municipality_code_is_refused_with_row_and_column() {
    let res = SHIPPED.res.replacen("GM0197", "GM9999", 1);
    let errors = parse(ProgrammeSource { res: &res, ..SHIPPED }, &organisations()).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(
        (errors[0].file, errors[0].row, errors[0].column.as_str()),
        (RES_FILE, 2, "gemeentecode")
    );
    assert!(errors[0].reason.to_string().contains("GM9999"));
    // A province code where a municipality belongs is refused too.
    let res = SHIPPED.res.replacen("GM0197", "PV25", 1);
    let errors = parse(ProgrammeSource { res: &res, ..SHIPPED }, &organisations()).unwrap_err();
    assert_eq!((errors[0].row, errors[0].column.as_str()), (2, "gemeentecode"));
    // A municipality that ended (merged away) is not a current member.
    let res = SHIPPED.res.replacen("GM0197", "GM0003", 1);
    assert!(parse(ProgrammeSource { res: &res, ..SHIPPED }, &organisations()).is_err());
}

#[test]
fn an_unknown_partner_of_a_deal_is_refused() {
    let deals = SHIPPED
        .regio_deals
        .replacen("MNRE1034|GM0363", "MNRE1034|GM0000", 1);
    let errors = parse(
        ProgrammeSource {
            regio_deals: &deals,
            ..SHIPPED
        },
        &organisations(),
    )
    .unwrap_err();
    assert_eq!(
        (errors[0].file, errors[0].row, errors[0].column.as_str()),
        (REGIO_DEALS_FILE, 10, "partners")
    );
}

#[test]
fn duplicates_are_refused() {
    let mut res = SHIPPED.res.to_owned();
    let second = SHIPPED.res.lines().nth(1).unwrap();
    res.push_str(second);
    res.push('\n');
    let errors = parse(ProgrammeSource { res: &res, ..SHIPPED }, &organisations()).unwrap_err();
    assert_eq!((errors[0].row, errors[0].column.as_str()), (344, "gemeentecode"));

    let mut deals = SHIPPED.regio_deals.to_owned();
    deals.push_str(SHIPPED.regio_deals.lines().nth(1).unwrap());
    deals.push('\n');
    let errors = parse(
        ProgrammeSource {
            regio_deals: &deals,
            ..SHIPPED
        },
        &organisations(),
    )
    .unwrap_err();
    assert_eq!(
        (errors[0].file, errors[0].row, errors[0].column.as_str()),
        (REGIO_DEALS_FILE, 28, "naam")
    );
}

#[test]
fn every_fact_needs_a_source() {
    let mirt = SHIPPED.mirt.replacen(
        "https://www.mirtoverzicht.nl/mirt-gebieden/noord-nederland",
        "",
        1,
    );
    let errors = parse(
        ProgrammeSource {
            mirt: &mirt,
            ..SHIPPED
        },
        &organisations(),
    )
    .unwrap_err();
    assert_eq!(
        (errors[0].file, errors[0].row, errors[0].column.as_str()),
        (MIRT_FILE, 2, "bron")
    );
    let ministries = SHIPPED
        .ministries
        .replacen("https://www.mirttrajecten.nl/mirt-overzicht", "MIRT", 1);
    let errors = parse(
        ProgrammeSource {
            ministries: &ministries,
            ..SHIPPED
        },
        &organisations(),
    )
    .unwrap_err();
    assert_eq!(
        (errors[0].file, errors[0].column.as_str()),
        (MINISTRIES_FILE, "bron")
    );
}
