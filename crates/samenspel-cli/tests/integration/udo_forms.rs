//! The UDO dossier on the site (issue 14): the owning ministry's redacteur opens a dossier with
//! the form, changes it and moves it step by step; refused input comes back with 422, every
//! message beside its field (also in a row filled alone) and nothing stored; a refused step
//! names what is missing; others are not offered the forms.

use reqwest::StatusCode;

use crate::helpers::Harness;

/// VWS holds the pen.
const VWS: &str = "MNRE1025";

fn basics(title: &str) -> Vec<(&'static str, String)> {
    vec![
        ("ministry", VWS.to_owned()),
        ("title", title.to_owned()),
        ("summary", "Gemeenten krijgen een nieuwe taak.".to_owned()),
        ("form", "wet".to_owned()),
        ("layers", "gemeenten".to_owned()),
        ("scope", "beperkt".to_owned()),
        ("scope_reason", "Een kleine taak.".to_owned()),
        ("phase", "in-voorbereiding".to_owned()),
        ("kompas[0].framework", "beleidskompas".to_owned()),
        ("kompas[0].version", "1".to_owned()),
        ("kompas[0].question", "probleem".to_owned()),
        ("kompas[0].answer", "Aanvragen blijven liggen.".to_owned()),
    ]
}

fn as_refs<'a>(fields: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    fields.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

fn location(response: &reqwest::Response) -> String {
    response.headers()["location"].to_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_redacteur_opens_changes_and_moves_a_dossier_with_the_forms() {
    let h = Harness::start().await;
    let owner = h.browser_as(VWS, "redacteur").await;

    // Others are not offered the form.
    assert_eq!(
        h.browser().await.get("/udo/nieuw").await.status(),
        StatusCode::UNAUTHORIZED
    );
    let reader = h.browser_as(VWS, "lezer").await;
    assert_eq!(reader.get("/udo/nieuw").await.status(), StatusCode::FORBIDDEN);
    let list = owner.get("/udo").await.text().await.unwrap();
    assert!(
        list.contains("href=\"/udo/nieuw\""),
        "the list offers a new dossier"
    );
    assert!(
        !reader
            .get("/udo")
            .await
            .text()
            .await
            .unwrap()
            .contains("href=\"/udo/nieuw\"")
    );
    let form = owner.get("/udo/nieuw").await.text().await.unwrap();
    assert!(
        form.contains("name=\"kompas[0].answer\""),
        "the Beleidskompas is asked"
    );
    assert!(
        form.contains("name=\"financial.rows[2].structural\""),
        "spare money rows"
    );

    // Refused: no title, a koepel row filled without its date, a non-numeric amount in the
    // second money row only. Each message lands on its own field; nothing is stored.
    let before = h.fingerprint().await;
    let mut bad = basics("");
    bad.push(("koepels[2].judgement", "Akkoord.".to_owned()));
    bad.push(("financial.rows[1].layer", "gemeenten".to_owned()));
    bad.push(("financial.rows[1].year", "2027".to_owned()));
    bad.push(("financial.rows[1].structural", "veel".to_owned()));
    let response = owner.post_form("/udo/nieuw", &as_refs(&bad)).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    for id in [
        "f-title-error",
        "f-koepels-2-asked-on-error",
        "f-financial-rows-1-structural-error",
    ] {
        assert!(html.contains(&format!("id=\"{id}\"")), "{id} in {html}");
    }
    assert!(html.contains("Aanvragen blijven liggen."), "the input is kept");
    assert!(before == h.fingerprint().await, "nothing stored");

    // Opened: the dossier page confirms it and offers the edit and step forms.
    let response = owner
        .post_form("/udo/nieuw", &as_refs(&basics("Wet snellere aanvragen")))
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page_path = location(&response);
    let id: i64 = page_path.trim_start_matches("/udo/").parse().unwrap();
    let page = owner.get(&page_path).await.text().await.unwrap();
    assert!(page.contains("Het dossier is geopend."), "confirmation shown");
    assert!(page.contains(&format!("href=\"/udo/{id}/bewerken\"")));
    assert!(page.contains(&format!("href=\"/udo/{id}/stap\"")));
    let seen_by_reader = reader.get(&page_path).await.text().await.unwrap();
    assert!(
        !seen_by_reader.contains("/bewerken\""),
        "a lezer is not offered the form"
    );
    assert_eq!(
        reader.get(&format!("/udo/{id}/stap")).await.status(),
        StatusCode::FORBIDDEN
    );

    // Changed, with the version shown in the form; an older version is a conflict.
    let edit = owner
        .get(&format!("/udo/{id}/bewerken"))
        .await
        .text()
        .await
        .unwrap();
    assert!(edit.contains("value=\"Wet snellere aanvragen\""));
    assert!(edit.contains("name=\"version\" value=\"1\""), "{edit}");
    let mut changed = basics("Wet snelle aanvragen");
    changed.push(("version", "1".to_owned()));
    let response = owner
        .post_form(&format!("/udo/{id}/bewerken"), &as_refs(&changed))
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page = owner.get(&page_path).await.text().await.unwrap();
    assert!(page.contains("De wijzigingen in het dossier zijn opgeslagen."));
    assert!(page.contains("Wet snelle aanvragen"));
    let response = owner
        .post_form(&format!("/udo/{id}/bewerken"), &as_refs(&changed))
        .await;
    assert_eq!(
        response.status(),
        StatusCode::CONFLICT,
        "a change on version 1 again"
    );

    // Steps: the form offers only what the table has from here.
    let step_path = format!("/udo/{id}/stap");
    let form = owner.get(&step_path).await.text().await.unwrap();
    assert!(form.contains("value=\"start-verkenning\""));
    assert!(!form.contains("value=\"start-toets\""));
    for (event, version) in [("start-verkenning", "2"), ("start-toets", "3")] {
        let response = owner
            .post_form(&step_path, &[("event", event), ("version", version)])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{event}");
    }
    let page = owner.get(&page_path).await.text().await.unwrap();
    assert!(
        page.contains("De stap is gezet; het dossier staat nu in toets."),
        "{page}"
    );

    // A wet without its financial paragraph cannot record an outcome: refused, naming it.
    let form = owner.get(&step_path).await.text().await.unwrap();
    assert!(
        form.contains("Wat het normenkader nog mist"),
        "the step form warns ahead"
    );
    let before = h.fingerprint().await;
    let response = owner
        .post_form(
            &step_path,
            &[
                ("event", "record-outcome"),
                ("outcome", "uitvoerbaar"),
                ("version", "4"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("De stap &#39;uitkomst vastleggen&#39; is geweigerd")
            || html.contains("De stap 'uitkomst vastleggen' is geweigerd"),
        "{html}"
    );
    assert!(html.to_lowercase().contains("financi"), "the paragraph is named");
    // Onder voorwaarden without conditions.
    let response = owner
        .post_form(
            &step_path,
            &[
                ("event", "record-outcome"),
                ("outcome", "uitvoerbaar-onder-voorwaarden"),
                ("conditions", " \n "),
                ("version", "4"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(html.contains("id=\"f-conditions-error\""), "{html}");
    assert!(before == h.fingerprint().await, "nothing changed");
}
