//! Regions: the map of all 342 municipalities, the divisions, and their congruence, through
//! the pages and the API.

use reqwest::{Method, StatusCode};

use crate::helpers::Harness;

#[tokio::test]
async fn the_map_draws_every_municipality_and_lists_them_by_region() {
    let h = Harness::start().await;
    let response = h.get("/regio?indeling=veiligheidsregio&gemeente=GM0363").await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.unwrap();
    assert_eq!(html.matches("data-code=\"GM").count(), 342);
    assert!(html.contains(
        "<strong><a class=\"utrecht-link\" href=\"/regio/veiligheidsregio/VR13\">Amsterdam-Amstelland</a></strong> <span class=\"ss-flag ss-flag--warning\">gemarkeerd</span>"
    ));
}

#[tokio::test]
async fn divisions_and_their_congruence_through_the_api() {
    let h = Harness::start().await;
    let divisions = h.get_json("/api/v1/divisions").await;
    assert_eq!(divisions["total"], 7);
    let ggd = h.get_json("/api/v1/divisions/ggd-regio").await;
    assert_eq!(ggd["regions"].as_array().unwrap().len(), 25);

    let all = h.get_json("/api/v1/congruence").await;
    assert_eq!(all["total"], 21);
    let one = h
        .get_json("/api/v1/congruence?a=provincie&b=veiligheidsregio")
        .await;
    let m = &one["items"][0]["measures"];
    assert_eq!(m["common"], 342);
    assert_eq!(
        m["share_b_in_a"], 1.0,
        "every veiligheidsregio lies within one province"
    );

    let (status, body) = h
        .request(None, Method::GET, "/api/v1/congruence?a=provincies&b=", None)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let names: Vec<&str> = body["invalidParams"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["a", "b"]);
}

#[tokio::test]
async fn a_collaboration_is_compared_with_a_division() {
    let h = Harness::start().await;
    // Three Groningen municipalities and one in Drenthe.
    let id = h
        .create_collaboration(
            "Samenwerking Eemsdelta",
            &[
                ("GM1979", "trekker"),
                ("GM0014", "partner"),
                ("GM1966", "partner"),
                ("GM0106", "partner"),
                ("PV20", "financier"),
            ],
        )
        .await;
    let report = h
        .get_json(&format!("/api/v1/congruence?a=samenwerking-{id}&b=provincie"))
        .await;
    let m = &report["items"][0]["measures"];
    assert_eq!(m["common"], 4, "only the municipalities count");
    assert_eq!(
        (m["pairs_a"].as_u64(), m["pairs_both"].as_u64()),
        (Some(6), Some(3))
    );
    assert_eq!(m["share_a_in_b"], 0.5);

    let draft = h
        .create_draft("Concept", &[("GM1979", "trekker"), ("GM0014", "partner")])
        .await;
    let (status, _) = h
        .request(
            None,
            Method::GET,
            &format!("/api/v1/congruence?a=samenwerking-{draft}&b=provincie"),
            None,
        )
        .await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "a draft is not shown to anonymous visitors"
    );

    let (_, sets) = h.request(None, Method::GET, "/api/v1/partner-sets", None).await;
    let groningen = sets["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["code"] == "GM1979")
        .unwrap()
        .clone();
    assert_eq!(
        groningen["collaborations"], 1,
        "the draft is not counted for anonymous visitors"
    );

    let response = h
        .get(&format!("/regio/congruentie?a=samenwerking-{id}&b=provincie"))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.unwrap();
    assert!(html.contains("Samenwerking Eemsdelta en Provincies"));
    assert!(html.contains("<dt>Aandeel paren van A ook samen in B</dt><dd>50%</dd>"));
    let bad = h.get("/regio/congruentie?a=niets").await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.text()
            .await
            .unwrap()
            .contains("&#39;niets&#39; is geen bekende indeling")
    );
}

/// GM1979's partner sets and collaborations in an answer of `/api/v1/partner-sets`.
fn eemsdelta(sets: &serde_json::Value) -> (u64, u64) {
    let row = sets["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["code"] == "GM1979")
        .unwrap();
    (
        row["partner_sets"].as_u64().unwrap(),
        row["collaborations"].as_u64().unwrap(),
    )
}

/// The anonymous partner sets are kept per process with the data version: a change made
/// through this server, or by another application on the same database, is counted in the
/// next answer; a beheerder's answer is never the kept one.
#[tokio::test]
async fn kept_partner_sets_never_outlive_a_change() {
    let h = Harness::start().await;
    let anonymous = || async { h.request(None, Method::GET, "/api/v1/partner-sets", None).await.1 };
    let first = anonymous().await;
    let (sets, collaborations) = eemsdelta(&first);
    assert_eq!(anonymous().await, first, "nothing changed, the same answer");

    let draft = h
        .create_draft(
            "Eems en Delfzijl",
            &[("GM1979", "trekker"), ("GM0014", "partner")],
        )
        .await;
    assert_eq!(
        anonymous().await,
        first,
        "a draft is not counted for anonymous visitors"
    );
    let (_, admin) = h
        .request(Some(&h.admin), Method::GET, "/api/v1/partner-sets", None)
        .await;
    assert_eq!(
        eemsdelta(&admin),
        (sets + 1, collaborations + 1),
        "a beheerder sees the draft"
    );

    // Published by another application on the same database: this server's kept answer
    // learns of it only through the data version.
    let other = h.app.db.app();
    other
        .set_published(draft, true, &samenspel_app::Principal::System("test"))
        .await
        .unwrap();
    assert_eq!(eemsdelta(&anonymous().await), (sets + 1, collaborations + 1));

    let (status, body) = h
        .send_json(
            Method::PUT,
            &format!("/api/v1/collaborations/{draft}/publication"),
            &serde_json::json!({"published": false}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(anonymous().await, first, "withdrawn: as at first");
}
