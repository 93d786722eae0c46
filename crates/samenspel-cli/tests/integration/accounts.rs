//! Accounts (issue 3): a wrong password and an unknown user get the same answer (401) and an
//! audit event, nothing else; sign-in is rate-limited per account and per address (429 with a
//! Dutch message); revoked, expired, malformed and non-API tokens get 401; the password is
//! changed only with the current one; signing out ends the session; a lezer of a partner reads
//! a draft that stays hidden from everyone else.

use reqwest::{Method, Response, StatusCode};
use samenspel_app::Principal;
use serde_json::json;

use crate::helpers::{Harness, PASSWORD};

const REFUSED: &str = "SELECT COUNT(*) FROM audit_events WHERE action = 'auth.login_refused'";

/// The message of the sign-in page's alert.
async fn alert(response: Response) -> String {
    let html = response.text().await.unwrap();
    let marker = "role=\"alert\"><p class=\"utrecht-paragraph\">";
    let start = html.find(marker).unwrap_or_else(|| panic!("an alert on {html}")) + marker.len();
    let end = html[start..].find("</p>").unwrap() + start;
    html[start..end].to_owned()
}

fn sets_session(response: &Response) -> bool {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .any(|v| v.to_str().unwrap_or_default().starts_with("samenspel_sessie="))
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_user_get_the_same_answer_and_an_audit_event() {
    let h = Harness::start().await;
    let email = h.user("GM0363", "redacteur").await;
    let browser = h.browser().await;
    let db = &h.app.db;
    let (events, attempts) = (
        db.count("SELECT COUNT(*) FROM audit_events").await,
        db.count("SELECT COUNT(*) FROM login_attempts").await,
    );
    let wrong_password = "dit is niet het wachtwoord";
    let mut messages = Vec::new();
    for (who, password) in [(email.as_str(), wrong_password), ("niemand@test.nl", PASSWORD)] {
        let response = browser
            .post_form("/inloggen", &[("email", who), ("password", password)])
            .await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{who}");
        assert!(!sets_session(&response), "{who}: no session");
        messages.push(alert(response).await);
    }
    assert_eq!(messages[0], "Het e-mailadres of het wachtwoord klopt niet.");
    assert_eq!(
        messages[0], messages[1],
        "the answer does not reveal who has an account"
    );
    assert_eq!(db.count("SELECT COUNT(*) FROM sessions").await, 0);
    assert_eq!(db.count(REFUSED).await, 2);
    assert_eq!(
        db.count("SELECT COUNT(*) FROM audit_events").await,
        events + 2,
        "an audit event per refusal, nothing else audited"
    );
    assert_eq!(
        db.count("SELECT COUNT(*) FROM login_attempts").await,
        attempts + 2
    );
    let reasons = format!("{REFUSED} AND subject_id = '{email}' AND after_json LIKE '%wrong_password%'");
    assert_eq!(db.count(&reasons).await, 1);
    let unknown =
        format!("{REFUSED} AND subject_id = 'niemand@test.nl' AND after_json LIKE '%unknown_user%'");
    assert_eq!(db.count(&unknown).await, 1);
    let leaked = format!("SELECT COUNT(*) FROM audit_events WHERE after_json LIKE '%{wrong_password}%'");
    assert_eq!(db.count(&leaked).await, 0, "the password is not recorded");
    let page = browser.get("/samenwerkingen").await.text().await.unwrap();
    assert!(!page.contains("Aangemeld als"), "still anonymous");
}

#[tokio::test]
async fn after_five_failures_an_account_must_wait_even_with_the_right_password() {
    let h = Harness::start().await;
    let email = h.user("GM0363", "redacteur").await;
    let browser = h.browser().await;
    for attempt in 1..=5 {
        let response = browser
            .post_form(
                "/inloggen",
                &[("email", &email), ("password", "fout wachtwoord!")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "attempt {attempt}");
    }
    let response = browser
        .post_form(
            "/inloggen",
            &[("email", &email.to_uppercase()), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(!sets_session(&response));
    assert_eq!(
        alert(response).await,
        "Te veel mislukte pogingen om aan te melden. Probeer het over 15 minuten opnieuw."
    );
    let db = &h.app.db;
    assert_eq!(db.count("SELECT COUNT(*) FROM sessions").await, 0);
    let limited = format!("{REFUSED} AND after_json LIKE '%rate_limited%'");
    assert_eq!(db.count(&limited).await, 1, "the refusal is audited");
    // Another account from the same address is not affected.
    h.browser_as("GM0344", "redacteur").await;
}

#[tokio::test]
async fn after_thirty_failures_from_one_address_everyone_there_must_wait() {
    let h = Harness::start().await;
    let email = h.user("GM0363", "redacteur").await;
    let browser = h.browser().await;
    for attempt in 0..30 {
        let who = format!("onbekend{attempt}@test.nl");
        let response = browser
            .post_form("/inloggen", &[("email", &who), ("password", PASSWORD)])
            .await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "attempt {attempt}");
    }
    let response = browser
        .post_form("/inloggen", &[("email", &email), ("password", PASSWORD)])
        .await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(!sets_session(&response));
}

#[tokio::test]
async fn revoked_expired_malformed_and_invitation_tokens_get_401() {
    let h = Harness::start().await;
    let system = Principal::System("test");
    let new_org = json!({"name": "Stichting Token", "type": "bedrijf"});
    let revoked = h.token_for("GM0363", "redacteur").await;
    let expired = h.token_for("GM0344", "redacteur").await;
    let (status, _) = h
        .request(Some(&revoked), Method::GET, "/api/v1/collaborations", None)
        .await;
    assert_eq!(status, StatusCode::OK, "valid before");
    h.app
        .app
        .revoke_api_tokens("redacteur.gm0363@test.nl", &system)
        .await
        .unwrap();
    h.app
        .db
        .execute(
            "UPDATE api_tokens SET expires_at = created_at WHERE user_id = \
             (SELECT id FROM users WHERE email = 'redacteur.gm0344@test.nl')",
        )
        .await;
    let invitation = h
        .app
        .app
        .add_user("nieuw@test.nl", "Nieuw", "GM0363", "redacteur", None, &system)
        .await
        .unwrap()
        .invitation
        .unwrap();
    let before = h.fingerprint().await;
    for token in [
        revoked.as_str(),
        expired.as_str(),
        invitation.as_str(),
        "geen-token",
        "x y",
    ] {
        let (status, problem) = h
            .request(Some(token), Method::POST, "/api/v1/organisations", Some(&new_org))
            .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{token}: {problem}");
        assert_eq!(problem["status"], 401);
        assert!(
            problem["detail"].as_str().unwrap().contains("Bearer"),
            "{problem}"
        );
    }
    for header in [
        "Bearer",
        "Bearer ",
        "Basic dXNlcjpwdw==",
        "Token abc",
        "Bearer\u{a0}abc",
    ] {
        let response = h
            .client
            .post(h.url("/api/v1/organisations"))
            .header("authorization", header.as_bytes())
            .json(&new_org)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{header:?}");
        assert_eq!(response.headers()["www-authenticate"], "Bearer");
    }
    let (status, _) = h
        .request(None, Method::POST, "/api/v1/organisations", Some(&new_org))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "no token at all");
    assert!(before == h.fingerprint().await, "nothing stored");

    // The scheme name is case-insensitive (RFC 9110).
    let response = h
        .client
        .post(h.url("/api/v1/organisations"))
        .header("authorization", format!("bearer {}", h.admin))
        .json(&new_org)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn a_password_is_changed_only_with_the_current_one() {
    let h = Harness::start().await;
    let email = h.user("GM0363", "redacteur").await;
    let anonymous = h.browser().await;
    let browser = h.browser_as("GM0363", "redacteur").await;
    let elsewhere = h.browser_as("GM0363", "redacteur").await;
    let new = "een nieuw en lang wachtwoord";
    let before = h.fingerprint().await;
    let fields = [("current_password", PASSWORD), ("new_password", new)];
    let response = anonymous.post_form("/account/wachtwoord", &fields).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    for (current, next, field) in [
        ("niet het huidige", new, "current_password"),
        (PASSWORD, "te kort", "new_password"),
    ] {
        let response = browser
            .post_form(
                "/account/wachtwoord",
                &[("current_password", current), ("new_password", next)],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        let html = response.text().await.unwrap();
        assert!(
            html.contains(&format!("id=\"f-{}-error\"", field.replace('_', "-"))),
            "{field}: {html}"
        );
    }
    assert!(before == h.fingerprint().await, "nothing stored");
    let response = browser.post_form("/account/wachtwoord", &fields).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Uw wachtwoord is gewijzigd.")
    );
    assert_eq!(
        elsewhere.get("/account/wachtwoord").await.status(),
        StatusCode::UNAUTHORIZED,
        "the user's other session has ended"
    );
    assert_eq!(
        browser.get("/account/wachtwoord").await.status(),
        StatusCode::OK,
        "the session that changed the password stays"
    );
    let other = h.browser().await;
    let old = other
        .post_form("/inloggen", &[("email", &email), ("password", PASSWORD)])
        .await;
    assert_eq!(
        old.status(),
        StatusCode::UNAUTHORIZED,
        "the old password no longer works"
    );
    let renewed = other
        .post_form("/inloggen", &[("email", &email), ("password", new)])
        .await;
    assert_eq!(renewed.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn signing_out_ends_the_session_in_the_database() {
    let h = Harness::start().await;
    let browser = h.browser_as("GM0363", "redacteur").await;
    let other = h.browser_as("GM0344", "redacteur").await;
    let sessions = "SELECT COUNT(*) FROM sessions";
    assert_eq!(h.app.db.count(sessions).await, 2);
    let page = browser.get("/samenwerkingen").await.text().await.unwrap();
    assert!(page.contains("Aangemeld als redacteur van GM0363"));
    let response = browser.post_form("/uitloggen", &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(h.app.db.count(sessions).await, 1, "only this session ended");
    let page = browser.get("/samenwerkingen").await.text().await.unwrap();
    assert!(!page.contains("Aangemeld als"));
    let page = other.get("/samenwerkingen").await.text().await.unwrap();
    assert!(page.contains("Aangemeld als redacteur van GM0344"));
}

/// A lezer of a partner reads a draft; an anonymous visitor and a member of an unrelated
/// organisation get "not found", on the page, in the API and in lists.
#[tokio::test]
async fn a_draft_is_read_by_its_partners_lezers_only() {
    let h = Harness::start().await;
    let id = h
        .create_draft(
            "Geheime woondeal",
            &[("GM0363", "trekker"), ("GM0344", "partner")],
        )
        .await;
    let page = format!("/samenwerkingen/{id}");
    let api = format!("/api/v1/collaborations/{id}");
    let partner = h.browser_as("GM0344", "lezer").await;
    let partner_token = h.token_for("GM0344", "lezer").await;
    let response = partner.get(&page).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.text().await.unwrap().contains("Concept"));
    let (status, body) = h.request(Some(&partner_token), Method::GET, &api, None).await;
    assert_eq!(
        (status, body["published"].as_bool()),
        (StatusCode::OK, Some(false))
    );
    let list = partner.get("/samenwerkingen").await.text().await.unwrap();
    assert!(list.contains("Geheime woondeal"));

    let stranger = h.browser_as("GM0518", "lezer").await;
    let stranger_token = h.token_for("GM0518", "redacteur").await;
    let anonymous = h.browser().await;
    for (who, browser, token) in [
        ("anonymous", &anonymous, None),
        ("unrelated", &stranger, Some(stranger_token.as_str())),
    ] {
        for path in [
            page.clone(),
            format!("{page}/wijzigingen"),
            format!("{page}/standpunt/GM0344"),
        ] {
            assert_eq!(
                browser.get(&path).await.status(),
                StatusCode::NOT_FOUND,
                "{who} {path}"
            );
        }
        for path in [
            api.clone(),
            format!("{api}/analysis"),
            format!("{api}/audit-events"),
            format!("{api}/versions"),
        ] {
            let (status, _) = h.request(token, Method::GET, &path, None).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{who} {path}");
        }
        let list = browser.get("/samenwerkingen").await.text().await.unwrap();
        assert!(!list.contains("Geheime woondeal"), "{who}: not listed");
        let (_, listed) = h
            .request(token, Method::GET, "/api/v1/collaborations", None)
            .await;
        assert_eq!(listed["total"], 0, "{who}: not listed in the API");
        let organisation = browser.get("/organisaties/GM0344").await.text().await.unwrap();
        assert!(
            !organisation.contains("Geheime woondeal"),
            "{who}: not on the partner's page"
        );
    }
}

#[tokio::test]
async fn an_invitation_sets_the_first_password_once() {
    let h = Harness::start().await;
    let token = h.invitation("welkom@test.nl", "Welkom", "GM0363").await;
    let path = format!("/uitnodiging/{token}");
    let browser = h.browser().await;
    let form = browser.get(&path).await;
    assert_eq!(form.status(), StatusCode::OK);
    assert!(form.text().await.unwrap().contains("Welkom"));
    let new = "een lang en nieuw wachtwoord";
    let before = h.fingerprint().await;
    for (password, again, field) in [
        (new, "iets anders", "password-again"),
        ("kort", "kort", "password"),
    ] {
        let response = browser
            .post_form(&path, &[("password", password), ("password_again", again)])
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        let html = response.text().await.unwrap();
        assert!(
            html.contains(&format!("id=\"f-{field}-error\"")),
            "{field}: {html}"
        );
    }
    assert!(before == h.fingerprint().await, "nothing stored");
    let accepted = browser
        .post_form(&path, &[("password", new), ("password_again", new)])
        .await;
    assert_eq!(accepted.status(), StatusCode::SEE_OTHER);
    let signed_in = browser
        .post_form("/inloggen", &[("email", "welkom@test.nl"), ("password", new)])
        .await;
    assert_eq!(
        signed_in.status(),
        StatusCode::SEE_OTHER,
        "the new password works"
    );
    for used in [path.as_str(), "/uitnodiging/geen-uitnodiging"] {
        assert_eq!(
            h.browser().await.get(used).await.status(),
            StatusCode::NOT_FOUND,
            "{used}: an invitation is used once"
        );
    }
}
