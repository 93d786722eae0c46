//! The start page: the six dimensions of the partnership model and the ROB's three forms of
//! collaboration drawn against the ideal type.

use askama::Template;
use axum::Router;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use samenspel_app::App;
use samenspel_domain::partnership::{Dimension, IDEAL_TYPE, REFERENCE_PROFILES, ReferenceProfile};

use super::radar::{RadarView, as_f64, view};
use super::{Layout, render};
use crate::session::PageContext;

pub fn routes() -> Router<App> {
    Router::new().route("/", get(page))
}

pub struct DimensionRow {
    pub number: usize,
    pub label: &'static str,
    pub question: &'static str,
    pub scale: String,
    pub ideal: u8,
    pub explained: &'static str,
}

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    pub layout: Layout,
    pub dimensions: Vec<DimensionRow>,
    pub radar: RadarView,
}

pub async fn page(ctx: PageContext) -> Response {
    let dimensions = Dimension::ALL
        .into_iter()
        .map(|d| DimensionRow {
            number: d.number(),
            label: d.label(),
            question: d.question(),
            scale: format!("1 = {}; 5 = {}", d.scale_low(), d.scale_high()),
            ideal: IDEAL_TYPE.scores.get(d).value(),
            explained: d.ideal_explained(),
        })
        .collect();
    let cases: Vec<&ReferenceProfile> = REFERENCE_PROFILES
        .iter()
        .filter(|r| r.key != IDEAL_TYPE.key)
        .collect();
    let radar = view(
        "De drie samenwerkingsvormen uit het ROB-advies tegen het ideaaltype",
        (IDEAL_TYPE.name, as_f64(IDEAL_TYPE.scores.values())),
        cases
            .iter()
            .map(|r| (r.name.to_owned(), as_f64(r.scores.values())))
            .collect(),
    );
    render(
        StatusCode::OK,
        &HomePage {
            layout: Layout::new(&ctx, "Samenspel", "home"),
            dimensions,
            radar,
        },
    )
}
