//! Many API clients writing at the same moment: every write is stored and audited, none fails.
//! On SQLite this needs write transactions that take the write lock when they begin; with a
//! deferred `BEGIN` a transaction that reads first is refused ("database is locked") as soon
//! as another connection commits in between.

use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::Harness;

const WRITERS: i32 = 50;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_concurrent_writers_all_succeed_and_are_audited() {
    let h = Harness::start().await;
    let id = h
        .create_collaboration(
            "Regio Deal Gelijktijdig",
            &[("GM1979", "trekker"), ("PV20", "partner")],
        )
        .await;
    let path = format!("/api/v1/collaborations/{id}/money");
    let mut writers = tokio::task::JoinSet::new();
    for n in 0..WRITERS {
        let request = h.client.post(h.url(&path)).bearer_auth(&h.admin).json(&json!({
            "partner": if n % 2 == 0 { "GM1979" } else { "PV20" },
            "year": 2000 + n,
            "amount_cents": 100 + i64::from(n),
            "instrument": "eigen-middelen",
            "status": "begroot"
        }));
        writers.spawn(async move {
            let response = request.send().await.unwrap();
            (response.status(), response.text().await.unwrap())
        });
    }
    let answers = writers.join_all().await;
    let failed: Vec<_> = answers
        .iter()
        .filter(|(status, _)| *status != StatusCode::CREATED)
        .collect();
    assert!(
        failed.is_empty(),
        "{} of {WRITERS} writes failed: {failed:?}",
        failed.len()
    );

    let money = h.get_json(&path).await;
    assert_eq!(money["items"].as_array().unwrap().len(), 50, "every write stored");
    let events = h
        .get_json(&format!("/api/v1/collaborations/{id}/audit-events"))
        .await;
    let recorded = events["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "money.record")
        .count();
    assert_eq!(recorded, 50, "every write audited");
    let chain = h.app.app.store().verify_audit_chain().await.unwrap();
    assert_eq!(chain.first_broken, None, "the hash chain stays intact");
}
