//! The authorisation matrix of issue 3: every state-changing route, as a form (with a valid
//! CSRF token) and through the API (with a bearer token), for every kind of caller — anonymous,
//! lezer, redacteur (of the trekker, of a partner, of an unrelated organisation) and beheerder —
//! on a published collaboration and on a draft.
//!
//! The expected outcomes follow the issue and the permission table in
//! `samenspel-domain/src/auth.rs`: a stance only by the partner's own redacteuren, details,
//! partners and publication only by the trekker's redacteuren, a partner's money by its own or
//! the trekker's redacteuren, the democratic control by the trekker's redacteuren, a partner's
//! side of Moore's triangle by its own redacteuren, a draft does not exist for anyone outside its partners, a
//! beheerder may do everything. A refusal must store nothing (the whole database is compared);
//! a success must store something, with an audit event. Opening and closing a wave of the
//! knelpuntenmonitor are for beheerders only (the collaboration of a case plays no part). How
//! residents take part is recorded by the trekker's redacteuren. A Staat van het samenspel is
//! compiled by beheerders only.

use std::collections::HashMap;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{Browser, DIMENSIONS, Harness, scores};

/// The organisations involved: every case runs on a fresh collaboration with the trekker and
/// the partner; the outsider has nothing to do with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Org {
    Trekker,
    Partner,
    Outsider,
}

impl Org {
    fn code(self) -> &'static str {
        match self {
            Org::Trekker => "GM0363",
            Org::Partner => "GM0344",
            Org::Outsider => "GM0518",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Caller {
    Anonymous,
    Lezer(Org),
    Redacteur(Org),
    /// A platform administrator, member of an unrelated organisation.
    Beheerder,
}

use Caller::{Anonymous, Beheerder, Lezer, Redacteur};
use Org::{Outsider, Partner, Trekker};

/// The columns of [`MATRIX`], in order.
const CALLERS: [Caller; 8] = [
    Anonymous,
    Lezer(Trekker),
    Lezer(Partner),
    Lezer(Outsider),
    Redacteur(Trekker),
    Redacteur(Partner),
    Redacteur(Outsider),
    Beheerder,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Route {
    CreateOrganisation,
    CreateCollaboration,
    UpdateCollaboration,
    AddPartner,
    /// The stance of the partner organisation (so "own" for the partner's redacteur).
    RecordStance,
    /// Publishing a draft, or withdrawing a published collaboration to draft.
    Publish,
    /// The partner's money for a year (so "own" for the partner's redacteur; the trekker's
    /// redacteuren keep the books too).
    RecordMoney,
    /// Removing a figure of the partner's money.
    DeleteMoney,
    /// Replacing the democratic control (the trekker keeps it).
    SetControl,
    /// The partner's own side of Moore's triangle.
    StateMoore,
    /// Opening a wave of the knelpuntenmonitor.
    CreateWave,
    /// Closing an open wave.
    CloseWave,
    /// How residents take part (the trekker keeps it).
    RecordParticipation,
    /// Compiling a Staat van het samenspel (beheerders only).
    CompileStaat,
}

use Route::{
    AddPartner, CloseWave, CompileStaat, CreateCollaboration, CreateOrganisation, CreateWave, DeleteMoney,
    Publish, RecordMoney, RecordParticipation, RecordStance, SetControl, StateMoore, UpdateCollaboration,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// Allowed: 303 for a form, 200/201 for the API, and something is stored.
    Done,
    /// Refused, nothing stored: not signed in.
    R401,
    /// Refused, nothing stored: signed in but not allowed.
    R403,
    /// Refused, nothing stored: the draft does not exist for this caller.
    R404,
}

use Expect::{Done, R401, R403, R404};

const PUBLISHED: bool = false;
const DRAFT: bool = true;

/// (route, on a draft?, outcome per caller in the order of [`CALLERS`]).
#[rustfmt::skip]
const MATRIX: &[(Route, bool, [Expect; 8])] = &[
    //                                  anon  lezer T  lezer P  lezer X  red. T  red. P  red. X  beheerder
    (CreateOrganisation,  PUBLISHED, [R401, R403,    R403,    R403,    Done,   Done,   Done,   Done]),
    (CreateCollaboration, PUBLISHED, [R401, R403,    R403,    R403,    Done,   Done,   Done,   Done]),
    (UpdateCollaboration, PUBLISHED, [R401, R403,    R403,    R403,    Done,   R403,   R403,   Done]),
    (AddPartner,          PUBLISHED, [R401, R403,    R403,    R403,    Done,   R403,   R403,   Done]),
    (RecordStance,        PUBLISHED, [R401, R403,    R403,    R403,    R403,   Done,   R403,   Done]),
    (Publish,             PUBLISHED, [R401, R403,    R403,    R403,    Done,   R403,   R403,   Done]),
    (RecordMoney,         PUBLISHED, [R401, R403,    R403,    R403,    Done,   Done,   R403,   Done]),
    (DeleteMoney,         PUBLISHED, [R401, R403,    R403,    R403,    Done,   Done,   R403,   Done]),
    (SetControl,          PUBLISHED, [R401, R403,    R403,    R403,    Done,   R403,   R403,   Done]),
    (StateMoore,          PUBLISHED, [R401, R403,    R403,    R403,    R403,   Done,   R403,   Done]),
    (UpdateCollaboration, DRAFT,     [R404, R403,    R403,    R404,    Done,   R403,   R404,   Done]),
    (AddPartner,          DRAFT,     [R404, R403,    R403,    R404,    Done,   R403,   R404,   Done]),
    (RecordStance,        DRAFT,     [R404, R403,    R403,    R404,    R403,   Done,   R404,   Done]),
    (Publish,             DRAFT,     [R404, R403,    R403,    R404,    Done,   R403,   R404,   Done]),
    (RecordMoney,         DRAFT,     [R404, R403,    R403,    R404,    Done,   Done,   R404,   Done]),
    (DeleteMoney,         DRAFT,     [R404, R403,    R403,    R404,    Done,   Done,   R404,   Done]),
    (SetControl,          DRAFT,     [R404, R403,    R403,    R404,    Done,   R403,   R404,   Done]),
    (StateMoore,          DRAFT,     [R404, R403,    R403,    R404,    R403,   Done,   R404,   Done]),
    (CreateWave,          PUBLISHED, [R401, R403,    R403,    R403,    R403,   R403,   R403,   Done]),
    (CloseWave,           PUBLISHED, [R401, R403,    R403,    R403,    R403,   R403,   R403,   Done]),
    (RecordParticipation, PUBLISHED, [R401, R403,    R403,    R403,    Done,   R403,   R403,   Done]),
    (RecordParticipation, DRAFT,     [R404, R403,    R403,    R404,    Done,   R403,   R404,   Done]),
    (CompileStaat,        PUBLISHED, [R401, R403,    R403,    R403,    R403,   R403,   R403,   Done]),
];

/// One API token and one signed-in browser per caller.
struct Callers {
    tokens: HashMap<Caller, Option<String>>,
    browsers: HashMap<Caller, Browser>,
}

impl Callers {
    async fn new(h: &Harness) -> Self {
        let mut tokens = HashMap::new();
        let mut browsers = HashMap::new();
        for caller in CALLERS {
            let (org, role) = match caller {
                Anonymous => {
                    tokens.insert(caller, None);
                    browsers.insert(caller, h.browser().await);
                    continue;
                }
                Lezer(org) => (org.code(), "lezer"),
                Redacteur(org) => (org.code(), "redacteur"),
                Beheerder => ("MNRE1034", "beheerder"),
            };
            tokens.insert(caller, Some(h.token_for(org, role).await));
            browsers.insert(caller, h.browser_as(org, role).await);
        }
        Self { tokens, browsers }
    }
}

/// The collaboration a case runs on: its id, its version, (for [`DeleteMoney`]) the id of
/// a recorded figure of the partner's money and the case's number (which names the wave of
/// [`CreateWave`] and [`CloseWave`]).
#[derive(Clone, Copy)]
struct Target {
    id: i64,
    version: i64,
    figure: i64,
    draft: bool,
    n: usize,
}

/// The API request for `route`: method, path, body.
fn api_request(route: Route, t: Target, name: &str) -> (Method, String, Option<Value>) {
    let (id, partner) = (t.id, Partner.code());
    let (method, path, body) = match route {
        CreateOrganisation => (
            Method::POST,
            "/api/v1/organisations".to_owned(),
            json!({"name": name, "type": "bedrijf"}),
        ),
        CreateCollaboration => (
            Method::POST,
            "/api/v1/collaborations".to_owned(),
            json!({"name": name, "type": "convenant"}),
        ),
        UpdateCollaboration => (
            Method::PUT,
            format!("/api/v1/collaborations/{id}"),
            json!({"version": t.version, "name": name, "type": "woondeal", "phases": ["afspraken"]}),
        ),
        AddPartner => (
            Method::POST,
            format!("/api/v1/collaborations/{id}/partners"),
            json!({"code": "GM0307", "role": "partner"}),
        ),
        RecordStance => (
            Method::PUT,
            format!("/api/v1/collaborations/{id}/stances/{partner}"),
            json!({"scores": scores([3, 1, 3, 3, 3, 1])}),
        ),
        Publish => (
            Method::PUT,
            format!("/api/v1/collaborations/{id}/publication"),
            json!({"published": t.draft}),
        ),
        RecordMoney => (
            Method::POST,
            format!("/api/v1/collaborations/{id}/money"),
            money(2027),
        ),
        DeleteMoney => {
            let path = format!("/api/v1/collaborations/{id}/money/{}", t.figure);
            return (Method::DELETE, path, None);
        }
        SetControl => (
            Method::PUT,
            format!("/api/v1/collaborations/{id}/control"),
            json!({"bodies": ["gemeenteraden"], "next_evaluation": "2030-01-01"}),
        ),
        StateMoore => (
            Method::PUT,
            format!("/api/v1/collaborations/{id}/moore/{partner}"),
            json!({"public_value": name, "fte": 2}),
        ),
        CreateWave => (
            Method::POST,
            "/api/v1/survey/waves".to_owned(),
            json!({"key": format!("golf-{}", t.n), "title": name}),
        ),
        CloseWave => {
            let path = format!("/api/v1/survey/waves/golf-{}/close", t.n);
            return (Method::POST, path, None);
        }
        CompileStaat => (
            Method::POST,
            "/api/v1/staat/reports".to_owned(),
            json!({"from": "2025-01-01", "to": "2025-12-31"}),
        ),
        RecordParticipation => (
            Method::PUT,
            format!("/api/v1/collaborations/{id}/participation"),
            json!({"processes": [{"platform": "decidim", "address": "https://decidim.example.nl/p", "title": name}]}),
        ),
    };
    (method, path, Some(body))
}

fn money(year: i32) -> Value {
    json!({"partner": Partner.code(), "year": year, "amount_cents": 100_000,
           "instrument": "eigen-middelen", "status": "toegezegd"})
}

/// The form post for `route`: path and fields (the CSRF token is added by the browser).
fn form_request(route: Route, t: Target, name: &str) -> (String, Vec<(String, String)>) {
    let (id, partner, version) = (t.id, Partner.code(), t.version.to_string());
    let fields = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    };
    match route {
        CreateOrganisation => (
            "/organisaties".into(),
            fields(&[("name", name), ("type", "bedrijf")]),
        ),
        CreateCollaboration => (
            "/samenwerkingen".into(),
            fields(&[("name", name), ("type", "convenant")]),
        ),
        UpdateCollaboration => (
            format!("/samenwerkingen/{id}"),
            fields(&[
                ("version", &version),
                ("name", name),
                ("type", "woondeal"),
                ("phases", "afspraken"),
            ]),
        ),
        AddPartner => (
            format!("/samenwerkingen/{id}/partners"),
            fields(&[("code", "GM0307"), ("role", "partner")]),
        ),
        RecordStance => (
            format!("/samenwerkingen/{id}/standpunt/{partner}"),
            DIMENSIONS
                .iter()
                .map(|d| (format!("scores.{d}"), "3".to_owned()))
                .collect(),
        ),
        Publish => (
            format!("/samenwerkingen/{id}/publicatie"),
            fields(&[("published", if t.draft { "true" } else { "false" })]),
        ),
        RecordMoney => (
            format!("/samenwerkingen/{id}/geld"),
            fields(&[
                ("partner", partner),
                ("year", "2027"),
                ("amount", "1.000"),
                ("instrument", "eigen-middelen"),
                ("status", "toegezegd"),
            ]),
        ),
        DeleteMoney => (
            format!("/samenwerkingen/{id}/geld/{}/verwijderen", t.figure),
            vec![],
        ),
        SetControl => (
            format!("/samenwerkingen/{id}/democratische-controle"),
            fields(&[("bodies", "gemeenteraden"), ("next_evaluation", "2030-01-01")]),
        ),
        StateMoore => (
            format!("/samenwerkingen/{id}/driehoek/{partner}"),
            fields(&[("public_value", name), ("fte", "2,5")]),
        ),
        CreateWave => (
            "/knelpuntenmonitor".into(),
            fields(&[("key", &format!("golf-{}", t.n)), ("title", name)]),
        ),
        CloseWave => (format!("/knelpuntenmonitor/golf-{}/sluiten", t.n), vec![]),
        CompileStaat => (
            "/staat".into(),
            fields(&[("from", "2025-01-01"), ("to", "2025-12-31")]),
        ),
        RecordParticipation => (
            format!("/samenwerkingen/{id}/participatie"),
            fields(&[
                ("processes[0].platform", "openstad"),
                ("processes[0].address", "https://openstad.example.nl/p"),
                ("processes[0].title", name),
            ]),
        ),
    }
}

/// Performs `route` as `caller` on `target`, through the API or as a form; returns the status
/// and the body.
async fn perform(
    h: &Harness,
    callers: &Callers,
    api: bool,
    route: Route,
    caller: Caller,
    target: Target,
    name: &str,
) -> (StatusCode, String) {
    if api {
        let (method, path, body) = api_request(route, target, name);
        let token = callers.tokens[&caller].as_deref();
        let (status, body) = h.request(token, method, &path, body.as_ref()).await;
        return (status, body.to_string());
    }
    let (path, fields) = form_request(route, target, name);
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let response = callers.browsers[&caller].post_form(&path, &fields).await;
    let status = response.status();
    (status, response.text().await.unwrap())
}

/// A fresh collaboration of the trekker and the partner, as a draft or published.
async fn target(h: &Harness, route: Route, draft: bool, n: usize) -> Target {
    let partners = [(Trekker.code(), "trekker"), (Partner.code(), "partner")];
    let name = format!("Woondeal {n}");
    let id = if draft {
        h.create_draft(&name, &partners).await
    } else {
        h.create_collaboration(&name, &partners).await
    };
    let collaboration = h.get_json(&format!("/api/v1/collaborations/{id}")).await;
    let mut figure = 0;
    if route == DeleteMoney {
        let path = format!("/api/v1/collaborations/{id}/money");
        let (status, body) = h.send_json(Method::POST, &path, &money(2026)).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        figure = body["id"].as_i64().unwrap();
    }
    if route == CloseWave {
        let wave = json!({"key": format!("golf-{n}")});
        let (status, body) = h.send_json(Method::POST, "/api/v1/survey/waves", &wave).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    Target {
        id,
        version: collaboration["version"].as_i64().unwrap(),
        figure,
        draft,
        n,
    }
}

fn expected_status(api: bool, route: Route, expect: Expect) -> StatusCode {
    match expect {
        R401 => StatusCode::UNAUTHORIZED,
        R403 => StatusCode::FORBIDDEN,
        R404 => StatusCode::NOT_FOUND,
        Done if !api => StatusCode::SEE_OTHER,
        Done => match route {
            UpdateCollaboration | Publish | SetControl | StateMoore | CloseWave | RecordParticipation => {
                StatusCode::OK
            }
            DeleteMoney => StatusCode::NO_CONTENT,
            _ => StatusCode::CREATED,
        },
    }
}

const AUDIT_EVENTS: &str = "SELECT COUNT(*) FROM audit_events";

/// Runs the whole matrix on one channel and lists every cell that differs.
async fn run_matrix(api: bool) {
    let h = Harness::start().await;
    let callers = Callers::new(&h).await;
    let mut failures = Vec::new();
    let mut n = 0;
    for &(route, draft, outcomes) in MATRIX {
        for (caller, expect) in CALLERS.into_iter().zip(outcomes) {
            n += 1;
            let target = target(&h, route, draft, n).await;
            let events = h.app.db.count(AUDIT_EVENTS).await;
            let before = h.fingerprint().await;
            let name = format!("Matrix {n}");
            let (status, body) = perform(&h, &callers, api, route, caller, target, &name).await;
            let stored = before != h.fingerprint().await;
            let cell = format!(
                "{} {route:?} on a {} as {caller:?}",
                if api { "API" } else { "form" },
                if draft { "draft" } else { "published collaboration" },
            );
            let wanted = expected_status(api, route, expect);
            if status != wanted {
                failures.push(format!("{cell}: expected {wanted}, got {status}"));
            }
            if stored != (expect == Done) {
                failures.push(format!("{cell}: stored something = {stored}"));
            }
            if expect == Done && h.app.db.count(AUDIT_EVENTS).await <= events {
                failures.push(format!("{cell}: no audit event"));
            }
            if expect == R401 && !api && !body.contains("href=\"/inloggen\"") {
                failures.push(format!("{cell}: the 401 page does not link to /inloggen"));
            }
            if expect != Done && api && !body.contains("\"status\":") {
                failures.push(format!("{cell}: no problem+json body: {body}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {n} cells differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[tokio::test]
async fn the_authorisation_matrix_of_the_forms() {
    run_matrix(false).await;
}

#[tokio::test]
async fn the_authorisation_matrix_of_the_api() {
    run_matrix(true).await;
}

/// A published collaboration of the trekker and the partner.
async fn woondeal(h: &Harness) -> i64 {
    h.create_collaboration(
        "Woondeal",
        &[(Trekker.code(), "trekker"), (Partner.code(), "partner")],
    )
    .await
}

/// The audit trail names who acted on behalf of which organisation.
#[tokio::test]
async fn a_permitted_change_is_audited_on_behalf_of_the_granting_organisation() {
    let h = Harness::start().await;
    let id = woondeal(&h).await;
    let token = h.token_for(Partner.code(), "redacteur").await;
    let path = format!("/api/v1/collaborations/{id}/stances/{}", Partner.code());
    let body = json!({"scores": scores([3, 1, 3, 3, 3, 1])});
    let (status, _) = h.request(Some(&token), Method::PUT, &path, Some(&body)).await;
    assert_eq!(status, StatusCode::CREATED);
    let events = h
        .get_json(&format!("/api/v1/collaborations/{id}/audit-events"))
        .await;
    let last: &Value = events["items"].as_array().unwrap().last().unwrap();
    assert_eq!(last["action"], "stance.record", "{last}");
    // Read by a beheerder: the person, the account and the organisation (see privacy.rs).
    assert_eq!(
        last["actor"],
        "redacteur van GM0344 (redacteur.gm0344@test.nl), namens Utrecht"
    );
    assert_eq!(last["actor_organisation"], Partner.code());
}

/// Issue 12: a page offers a form, button or link exactly when submitting it would be allowed.
/// For every caller, on a published collaboration, what the pages offer is read from the HTML
/// and compared with the rows of [`MATRIX`]; a form the caller may not use answers 401 or 403
/// before anything is typed.
#[tokio::test]
async fn the_offered_actions_equal_the_permitted_ones() {
    let h = Harness::start().await;
    let callers = Callers::new(&h).await;
    let id = woondeal(&h).await;
    let partner = Partner.code();
    let row = |route: Route| {
        MATRIX
            .iter()
            .find(|(r, draft, _)| *r == route && !*draft)
            .map(|(_, _, row)| *row)
            .unwrap()
    };
    let status_of = |expect: Expect| match expect {
        Done => StatusCode::OK,
        R401 => StatusCode::UNAUTHORIZED,
        R403 => StatusCode::FORBIDDEN,
        R404 => StatusCode::NOT_FOUND,
    };
    let page_offers: [(&str, String, Route, String); 8] = [
        (
            "edit link",
            format!("/samenwerkingen/{id}"),
            UpdateCollaboration,
            format!("href=\"/samenwerkingen/{id}/bewerken\""),
        ),
        (
            "partner link",
            format!("/samenwerkingen/{id}"),
            AddPartner,
            format!("href=\"/samenwerkingen/{id}/partners\""),
        ),
        (
            "publish button",
            format!("/samenwerkingen/{id}"),
            Publish,
            format!("action=\"/samenwerkingen/{id}/publicatie\""),
        ),
        (
            "stance link",
            format!("/samenwerkingen/{id}"),
            RecordStance,
            format!("href=\"/samenwerkingen/{id}/standpunt/{partner}\""),
        ),
        (
            "money form for the partner",
            format!("/samenwerkingen/{id}/geld"),
            RecordMoney,
            format!("<option value=\"{partner}\""),
        ),
        (
            "control form",
            format!("/samenwerkingen/{id}/democratische-controle"),
            SetControl,
            format!("action=\"/samenwerkingen/{id}/democratische-controle\""),
        ),
        (
            "Moore link",
            format!("/samenwerkingen/{id}/driehoek"),
            StateMoore,
            format!("href=\"/samenwerkingen/{id}/driehoek/{partner}\""),
        ),
        (
            "participation link",
            format!("/samenwerkingen/{id}"),
            RecordParticipation,
            format!("href=\"/samenwerkingen/{id}/participatie\""),
        ),
    ];
    let form_pages: [(String, Route); 7] = [
        (format!("/samenwerkingen/{id}/bewerken"), UpdateCollaboration),
        (format!("/samenwerkingen/{id}/partners"), AddPartner),
        (format!("/samenwerkingen/{id}/standpunt/{partner}"), RecordStance),
        (format!("/samenwerkingen/{id}/driehoek/{partner}"), StateMoore),
        ("/samenwerkingen/nieuw".to_owned(), CreateCollaboration),
        ("/organisaties/nieuw".to_owned(), CreateOrganisation),
        (format!("/samenwerkingen/{id}/participatie"), RecordParticipation),
    ];
    for (column, caller) in CALLERS.into_iter().enumerate() {
        let browser = &callers.browsers[&caller];
        for (what, path, route, mark) in &page_offers {
            let html = browser.get(path).await.text().await.unwrap();
            let offered = html.contains(mark.as_str());
            let allowed = row(*route)[column] == Done;
            assert_eq!(
                offered, allowed,
                "{caller:?} on {path}: {what} offered {offered}, allowed {allowed}"
            );
        }
        for (path, route) in &form_pages {
            let response = browser.get(path).await;
            let wanted = status_of(row(*route)[column]);
            assert_eq!(response.status(), wanted, "{caller:?} GET {path}");
            if wanted == StatusCode::UNAUTHORIZED {
                let body = response.text().await.unwrap();
                let back = format!("/inloggen?terug={}", path.replace('/', "%2F"));
                assert!(
                    body.contains(&back),
                    "{caller:?} {path}: asked to sign in and come back: {body}"
                );
            }
        }
    }
}

/// Signing in from a refused form brings the visitor back to that form (this site only).
#[tokio::test]
async fn signing_in_from_a_form_comes_back_to_it() {
    let h = Harness::start().await;
    let id = woondeal(&h).await;
    let form = format!("/samenwerkingen/{id}/standpunt/{}", Partner.code());
    let email = h.user(Partner.code(), "redacteur").await;
    let browser = h.browser().await;
    let refused = browser.get(&form).await.text().await.unwrap();
    let start = refused.find("/inloggen?terug=").expect("a sign-in link");
    let sign_in = refused[start..].split('"').next().unwrap().replace("&amp;", "&");
    let page = browser.get(&sign_in).await.text().await.unwrap();
    assert!(
        page.contains(&format!("name=\"terug\" value=\"{form}\"")),
        "{page}"
    );
    for (back, lands) in [(form.as_str(), form.as_str()), ("//evil.example/", "/")] {
        let response = browser
            .post_form(
                "/inloggen",
                &[
                    ("email", &email),
                    ("password", crate::helpers::PASSWORD),
                    ("terug", back),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(response.headers()["location"], lands, "{back}");
    }
    assert_eq!(
        browser.get(&form).await.status(),
        StatusCode::OK,
        "signed in, the form opens"
    );
}
