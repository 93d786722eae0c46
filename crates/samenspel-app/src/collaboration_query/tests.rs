use super::*;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 5, 1).unwrap()
}

fn pairs(query: &str) -> Vec<(String, String)> {
    serde_urlencoded::from_str(query).unwrap()
}

fn parsed(query: &str, names: &FieldNames) -> Result<CollaborationFilter, ValidationErrors> {
    CollaborationQuery::from_pairs(&pairs(query), names).parse(names, day())
}

#[test]
fn a_full_query_becomes_its_filter_judged_on_the_given_day() {
    let filter = parsed(
        "type=regio-deal&type=res,woondeal&q=deal&organisation=GM0363&organisation=MNRE1034\
         &region=veiligheidsregio:VR13&signal=onenigheid,geen-minister&policyArea=+veiligheid+\
         &status=lopend&sort=naam&after=12",
        &FieldNames::API,
    )
    .unwrap();
    assert_eq!(
        filter.kinds,
        [
            CollaborationKind::RegioDeal,
            CollaborationKind::Res,
            CollaborationKind::Woondeal
        ]
    );
    assert_eq!(filter.query.as_deref(), Some("deal"));
    let codes: Vec<&str> = filter.organisations.iter().map(OrgCode::as_str).collect();
    assert_eq!(codes, ["GM0363", "MNRE1034"]);
    assert!(filter.any_partner.is_some_and(|members| !members.is_empty()));
    assert_eq!(
        filter.signals,
        SignalFilter::AnyOf(vec![SignalKind::Onenigheid, SignalKind::GeenMinister])
    );
    assert_eq!(filter.policy_area.as_deref(), Some("veiligheid"));
    assert_eq!(filter.activity, Some((Activity::Lopend, day())));
    assert_eq!(
        (filter.order, filter.after, filter.today),
        (ListOrder::Name, Some(12), day())
    );
}

#[test]
fn two_regions_ask_for_the_members_of_either() {
    let one = parsed("regio=veiligheidsregio:VR09", &FieldNames::PAGE).unwrap();
    let other = parsed("regio=veiligheidsregio:VR13", &FieldNames::PAGE).unwrap();
    let both = parsed(
        "regio=veiligheidsregio:VR09&regio=veiligheidsregio:VR13",
        &FieldNames::PAGE,
    )
    .unwrap();
    let count = |f: &CollaborationFilter| f.any_partner.as_ref().map_or(0, Vec::len);
    assert!(count(&one) > 0 && count(&other) > 0);
    assert_eq!(count(&both), count(&one) + count(&other));
}

#[test]
fn any_signal_and_the_order_by_signals_which_ignores_a_cursor() {
    let filter = parsed("signaal=any&sorteer=signalen&na=5", &FieldNames::PAGE).unwrap();
    assert_eq!(
        (filter.signals, filter.order, filter.after),
        (SignalFilter::Any, ListOrder::Signals, None)
    );
}

#[test]
fn empty_values_filter_nothing() {
    let filter = parsed("type=&status=&q=+&regio=&na=&signaal=", &FieldNames::PAGE).unwrap();
    assert_eq!(
        (
            filter.kinds.len(),
            filter.activity,
            filter.any_partner,
            filter.query,
            filter.after
        ),
        (0, None, None, None, None)
    );
    assert_eq!(filter.signals, SignalFilter::None);
}

/// Rows: a query under the page's names → the fields it is refused for, in order.
#[test]
fn every_wrong_field_is_named() {
    let rows: [(&str, &[&str]); 6] = [
        ("type=fusie&type=res", &["type"]),
        ("organisatie=%3F", &["organisatie"]),
        ("regio=nergens:X&status=bezig", &["regio", "status"]),
        ("signaal=ruzie", &["signaal"]),
        ("sorteer=datum", &["sorteer"]),
        ("na=abc", &["na"]),
    ];
    for (query, fields) in rows {
        let errors = parsed(query, &FieldNames::PAGE).unwrap_err();
        let named: Vec<&str> = errors.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(named, fields, "{query}");
    }
    let api = parsed(
        "type=fusie&organisation=%3F&region=nergens:X&status=bezig&signal=x&sort=y",
        &FieldNames::API,
    )
    .unwrap_err();
    let named: Vec<&str> = api.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        named,
        ["type", "organisation", "region", "signal", "status", "sort"]
    );
}

#[test]
fn parameters_under_other_names_are_ignored() {
    let filter = parsed("regio=veiligheidsregio:VR13&signaal=any", &FieldNames::API).unwrap();
    assert_eq!((filter.any_partner, filter.signals), (None, SignalFilter::None));
}
