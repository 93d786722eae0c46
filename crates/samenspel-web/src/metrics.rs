//! `/metrics` in the Prometheus text format (issue 16, item 1): requests by route template,
//! method and status; their durations as a histogram per route template and method; the
//! database pool; and the audit trail's events by action (imports, sign-in refusals, every
//! change). Only the route template is recorded, never a path as sent (see `request_log`).
//!
//! Not public unless configured: a beheerder's session or API token reads it, or anyone when
//! the installation sets `metrics_public` (for a scraper on a private network).

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::Extension;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use samenspel_app::App;

use crate::error::ApiError;
use crate::session::{WebConfig, Who};

/// The upper bounds of the duration histogram, in seconds.
pub const BUCKETS: [f64; 10] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0, 5.0];

#[derive(Debug, Default, Clone)]
struct Durations {
    /// Per bound of [`BUCKETS`], how many took at most that long.
    buckets: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

/// The counts since the process started.
#[derive(Debug, Default)]
pub struct Metrics {
    requests: Mutex<BTreeMap<(String, String, u16), u64>>,
    durations: Mutex<BTreeMap<(String, String), Durations>>,
}

impl Metrics {
    pub fn record(&self, route: &str, method: &str, status: u16, seconds: f64) {
        if let Ok(mut requests) = self.requests.lock() {
            *requests
                .entry((route.to_owned(), method.to_owned(), status))
                .or_default() += 1;
        }
        if let Ok(mut durations) = self.durations.lock() {
            let d = durations
                .entry((route.to_owned(), method.to_owned()))
                .or_default();
            d.count += 1;
            d.sum += seconds;
            for (bound, bucket) in BUCKETS.iter().zip(d.buckets.iter_mut()) {
                if seconds <= *bound {
                    *bucket += 1;
                }
            }
        }
    }

    /// The requests and durations in the text format.
    pub fn render(&self, out: &mut String) {
        out.push_str(
            "# HELP samenspel_http_requests_total Requests answered, by route template, method and status.\n",
        );
        out.push_str("# TYPE samenspel_http_requests_total counter\n");
        if let Ok(requests) = self.requests.lock() {
            for ((route, method, status), n) in requests.iter() {
                let _ = writeln!(
                    out,
                    "samenspel_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{status}\"}} {n}",
                    label(route),
                    label(method)
                );
            }
        }
        out.push_str(
            "# HELP samenspel_http_request_duration_seconds Time to answer, by route template and method.\n",
        );
        out.push_str("# TYPE samenspel_http_request_duration_seconds histogram\n");
        if let Ok(durations) = self.durations.lock() {
            for ((route, method), d) in durations.iter() {
                let labels = format!("route=\"{}\",method=\"{}\"", label(route), label(method));
                for (bound, n) in BUCKETS.iter().zip(d.buckets) {
                    let _ = writeln!(
                        out,
                        "samenspel_http_request_duration_seconds_bucket{{{labels},le=\"{bound}\"}} {n}"
                    );
                }
                let _ = writeln!(
                    out,
                    "samenspel_http_request_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {}",
                    d.count
                );
                let _ = writeln!(
                    out,
                    "samenspel_http_request_duration_seconds_sum{{{labels}}} {}",
                    d.sum
                );
                let _ = writeln!(
                    out,
                    "samenspel_http_request_duration_seconds_count{{{labels}}} {}",
                    d.count
                );
            }
        }
    }
}

/// A label value as the format wants it: backslash, quote and newline escaped.
fn label(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// Counts every request with its route template, method, status and duration.
pub async fn count(State(metrics): State<Arc<Metrics>>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().as_str().to_owned();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "-".to_owned(), |path| path.as_str().to_owned());
    let response = next.run(request).await;
    metrics.record(
        &route,
        &method,
        response.status().as_u16(),
        started.elapsed().as_secs_f64(),
    );
    response
}

/// `GET /metrics`.
pub async fn metrics(
    State(app): State<App>,
    Extension(metrics): Extension<Arc<Metrics>>,
    Extension(config): Extension<WebConfig>,
    Who(who): Who,
) -> Result<Response, ApiError> {
    if !config.metrics_public {
        who.authorise(samenspel_domain::auth::Action::ReadMetrics, |_| {
            samenspel_domain::auth::Relation::None
        })?;
    }
    let mut out = String::with_capacity(16 * 1024);
    metrics.render(&mut out);
    let (open, idle) = app.store().pool_state();
    out.push_str("# HELP samenspel_db_pool_connections Database connections in the pool, by state.\n");
    out.push_str("# TYPE samenspel_db_pool_connections gauge\n");
    let _ = writeln!(out, "samenspel_db_pool_connections{{state=\"idle\"}} {idle}");
    let _ = writeln!(
        out,
        "samenspel_db_pool_connections{{state=\"in_use\"}} {}",
        open.saturating_sub(idle)
    );
    out.push_str("# HELP samenspel_audit_events_total Events in the audit trail, by action (imports, sign-in refusals, changes).\n");
    out.push_str("# TYPE samenspel_audit_events_total counter\n");
    for (action, n) in app
        .store()
        .audit_action_counts()
        .await
        .map_err(samenspel_app::AppError::from)?
    {
        let _ = writeln!(
            out,
            "samenspel_audit_events_total{{action=\"{}\"}} {n}",
            label(&action)
        );
    }
    Ok((
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        out,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_counts_in_its_buckets_and_labels_are_escaped() {
        let m = Metrics::default();
        m.record("/samenwerkingen/{id}", "GET", 200, 0.004);
        m.record("/samenwerkingen/{id}", "GET", 404, 2.0);
        m.record("a\"b", "GET", 200, 0.0);
        let mut out = String::new();
        m.render(&mut out);
        assert!(out.contains("samenspel_http_requests_total{route=\"/samenwerkingen/{id}\",method=\"GET\",status=\"200\"} 1"), "{out}");
        assert!(out.contains("status=\"404\"} 1"));
        let labels = "route=\"/samenwerkingen/{id}\",method=\"GET\"";
        assert!(
            out.contains(&format!("_bucket{{{labels},le=\"0.0025\"}} 0")),
            "{out}"
        );
        assert!(
            out.contains(&format!("_bucket{{{labels},le=\"0.005\"}} 1")),
            "{out}"
        );
        assert!(out.contains(&format!("_bucket{{{labels},le=\"1\"}} 1")), "{out}");
        assert!(out.contains(&format!("_bucket{{{labels},le=\"5\"}} 2")), "{out}");
        assert!(
            out.contains(&format!("_bucket{{{labels},le=\"+Inf\"}} 2")),
            "{out}"
        );
        assert!(out.contains(&format!("_count{{{labels}}} 2")), "{out}");
        assert!(out.contains("route=\"a\\\"b\""), "{out}");
    }
}
