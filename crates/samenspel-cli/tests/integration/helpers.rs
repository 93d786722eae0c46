use reqwest::{Client, Method, Response, StatusCode};
use samenspel_app::Principal;
use samenspel_testkit::{TestApp, spawn_app_with};
use serde_json::{Value, json};

pub const PASSWORD: &str = "correct paard batterij nietje";

/// The keys of the six dimensions, in order.
pub const DIMENSIONS: [&str; 6] = [
    "beleidsambitie-rijk",
    "verplicht-karakter",
    "decentrale-middelen",
    "eisen-aan-uitvoering",
    "verantwoordelijkheid-uitvoering",
    "verantwoording-aan-rijk",
];

pub struct Harness {
    pub app: TestApp,
    pub client: Client,
    /// An API token of a platform administrator (beheerder).
    pub admin: String,
}

impl Harness {
    pub async fn start() -> Self {
        Self::start_with(samenspel_app::Clock::system()).await
    }

    /// A harness whose application tells the time by `clock`.
    pub async fn start_with(clock: samenspel_app::Clock) -> Self {
        let app = spawn_app_with(clock).await;
        let client = Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let mut h = Self {
            app,
            client,
            admin: String::new(),
        };
        h.admin = h.token_for("MNRE1034", "beheerder").await;
        h
    }

    /// Creates (once) the user `{role}.{org}@test.nl` with that role and returns a new API token.
    pub async fn token_for(&self, org: &str, role: &str) -> String {
        let email = self.user(org, role).await;
        self.app
            .app
            .create_api_token(&email, &Principal::System("test"))
            .await
            .unwrap()
    }

    /// Creates (once) the user `{role}.{org}@test.nl` with password [`PASSWORD`].
    pub async fn user(&self, org: &str, role: &str) -> String {
        let email = format!("{role}.{}@test.nl", org.to_lowercase());
        let system = Principal::System("test");
        if self
            .app
            .app
            .store()
            .find_user_by_email(&email)
            .await
            .unwrap()
            .is_none()
        {
            self.app
                .app
                .add_user(
                    &email,
                    &format!("{role} van {org}"),
                    org,
                    role,
                    Some(PASSWORD),
                    &system,
                )
                .await
                .unwrap();
        }
        email
    }

    /// Invites `email` (a redacteur of `org` named `name`) and returns the invitation token.
    pub async fn invitation(&self, email: &str, name: &str, org: &str) -> String {
        self.app
            .app
            .add_user(email, name, org, "redacteur", None, &Principal::System("test"))
            .await
            .unwrap()
            .invitation
            .unwrap()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.app.address, path)
    }

    /// GET as an anonymous visitor.
    pub async fn get(&self, path: &str) -> Response {
        self.client.get(self.url(path)).send().await.unwrap()
    }

    /// GET as an anonymous visitor who chose English (the language switch's cookie).
    pub async fn get_in_english(&self, path: &str) -> Response {
        self.client
            .get(self.url(path))
            .header("cookie", "samenspel_taal=en")
            .send()
            .await
            .unwrap()
    }

    /// GET as the administrator (sees drafts too); must answer 200.
    pub async fn get_json(&self, path: &str) -> Value {
        let (status, body) = self.request(Some(&self.admin), Method::GET, path, None).await;
        assert_eq!(status, StatusCode::OK, "GET {path}: {body}");
        body
    }

    /// A JSON request as the administrator.
    pub async fn send_json(&self, method: Method, path: &str, body: &Value) -> (StatusCode, Value) {
        self.request(Some(&self.admin), method, path, Some(body)).await
    }

    /// A JSON request with the given bearer token, or anonymously.
    pub async fn request(
        &self,
        token: Option<&str>,
        method: Method,
        path: &str,
        body: Option<&Value>,
    ) -> (StatusCode, Value) {
        let mut request = self.client.request(method, self.url(path));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(body) = body {
            request = request.json(body);
        }
        let response = request.send().await.unwrap();
        let status = response.status();
        let text = response.text().await.unwrap();
        (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
    }

    /// Creates a published collaboration through the API (as administrator) and returns its id.
    pub async fn create_collaboration(&self, name: &str, partners: &[(&str, &str)]) -> i64 {
        let id = self.create_draft(name, partners).await;
        self.publish(id).await;
        id
    }

    /// Publishes a collaboration (as administrator); must answer 200.
    pub async fn publish(&self, id: i64) {
        let (status, body) = self
            .send_json(
                Method::PUT,
                &format!("/api/v1/collaborations/{id}/publication"),
                &json!({"published": true}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }

    /// Creates an unpublished collaboration (as administrator).
    pub async fn create_draft(&self, name: &str, partners: &[(&str, &str)]) -> i64 {
        let partners: Vec<Value> = partners
            .iter()
            .map(|(code, role)| json!({"code": code, "role": role}))
            .collect();
        let (status, body) = self
            .send_json(
                Method::POST,
                "/api/v1/collaborations",
                &json!({"name": name, "type": "woondeal", "phases": ["afspraken", "uitvoering"], "partners": partners}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        body["id"].as_i64().unwrap()
    }

    pub async fn put_stance(&self, id: i64, code: &str, body: &Value) -> (StatusCode, Value) {
        self.send_json(
            Method::PUT,
            &format!("/api/v1/collaborations/{id}/stances/{code}"),
            body,
        )
        .await
    }

    pub async fn fingerprint(&self) -> Vec<u8> {
        self.app.db.fingerprint().await
    }

    /// A browser: keeps cookies, knows its CSRF token.
    pub async fn browser(&self) -> Browser {
        let client = Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let response = client.get(self.url("/inloggen")).send().await.unwrap();
        let csrf = response
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find_map(|v| v.strip_prefix("samenspel_csrf="))
            .and_then(|v| v.split(';').next())
            .unwrap()
            .to_owned();
        Browser {
            client,
            base: self.app.address.clone(),
            csrf,
        }
    }

    /// A browser signed in as `{role}.{org}@test.nl`.
    pub async fn browser_as(&self, org: &str, role: &str) -> Browser {
        let email = self.user(org, role).await;
        let browser = self.browser().await;
        let response = browser
            .post_form("/inloggen", &[("email", &email), ("password", PASSWORD)])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "sign-in as {email}");
        browser
    }
}

pub struct Browser {
    pub client: Client,
    pub base: String,
    pub csrf: String,
}

impl Browser {
    pub async fn get(&self, path: &str) -> Response {
        self.client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap()
    }

    /// Posts a form with this browser's CSRF token added.
    pub async fn post_form(&self, path: &str, form: &[(&str, &str)]) -> Response {
        let mut fields: Vec<(&str, &str)> = vec![("csrf", &self.csrf)];
        fields.extend_from_slice(form);
        self.post_raw(path, &fields).await
    }

    /// Uploads a file as the form field `bestand`, with this browser's CSRF token.
    pub async fn upload(&self, path: &str, name: &str, bytes: &[u8]) -> Response {
        let (content_type, body) = multipart(&self.csrf, name, bytes);
        self.client
            .post(format!("{}{path}", self.base))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .unwrap()
    }

    /// Posts exactly these fields (to test a missing or wrong CSRF token).
    pub async fn post_raw(&self, path: &str, form: &[(&str, &str)]) -> Response {
        self.client
            .post(format!("{}{path}", self.base))
            .form(form)
            .send()
            .await
            .unwrap()
    }
}

/// A multipart upload as a browser sends it, with the CSRF token as the first field.
pub fn multipart(csrf: &str, name: &str, bytes: &[u8]) -> (String, Vec<u8>) {
    let boundary = "----samenspeltest";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"{name}\"\r\nContent-Type: text/csv\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

pub fn scores(values: [u8; 6]) -> Value {
    json!({
        "beleidsambitie-rijk": values[0],
        "verplicht-karakter": values[1],
        "decentrale-middelen": values[2],
        "eisen-aan-uitvoering": values[3],
        "verantwoordelijkheid-uitvoering": values[4],
        "verantwoording-aan-rijk": values[5],
    })
}

/// The names of the invalid parameters of a problem+json body.
pub fn invalid_names(problem: &Value) -> Vec<String> {
    problem["invalidParams"]
        .as_array()
        .map(|params| {
            params
                .iter()
                .map(|p| p["name"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}
