use reqwest::{Client, Response, StatusCode};
use samenspel_testkit::{TestApp, spawn_app};
use serde_json::{Value, json};

pub struct Harness {
    pub app: TestApp,
    pub client: Client,
}

impl Harness {
    pub async fn start() -> Self {
        let app = spawn_app().await;
        let client = Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        Self { app, client }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.app.address, path)
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client.get(self.url(path)).send().await.unwrap()
    }

    pub async fn get_json(&self, path: &str) -> Value {
        let response = self.get(path).await;
        assert_eq!(response.status(), StatusCode::OK, "GET {path}");
        response.json().await.unwrap()
    }

    pub async fn send_json(
        &self,
        method: reqwest::Method,
        path: &str,
        body: &Value,
    ) -> (StatusCode, Value) {
        let response = self
            .client
            .request(method, self.url(path))
            .json(body)
            .send()
            .await
            .unwrap();
        let status = response.status();
        let text = response.text().await.unwrap();
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }

    pub async fn post_form(&self, path: &str, form: &[(&str, &str)]) -> Response {
        self.client
            .post(self.url(path))
            .form(form)
            .send()
            .await
            .unwrap()
    }

    /// Creates a collaboration through the API and returns its id.
    pub async fn create_collaboration(&self, name: &str, partners: &[(&str, &str)]) -> i64 {
        let partners: Vec<Value> = partners
            .iter()
            .map(|(code, role)| json!({"code": code, "role": role}))
            .collect();
        let (status, body) = self
            .send_json(
                reqwest::Method::POST,
                "/api/v1/collaborations",
                &json!({"name": name, "type": "woondeal", "phases": ["afspraken", "uitvoering"], "partners": partners}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        body["id"].as_i64().unwrap()
    }

    pub async fn put_stance(&self, id: i64, code: &str, body: &Value) -> (StatusCode, Value) {
        self.send_json(
            reqwest::Method::PUT,
            &format!("/api/v1/collaborations/{id}/stances/{code}"),
            body,
        )
        .await
    }

    pub async fn fingerprint(&self) -> Vec<u8> {
        self.app.db.fingerprint().await
    }
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
