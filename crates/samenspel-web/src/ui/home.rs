//! The start page: the six dimensions of the partnership model and the ROB's three forms of
//! collaboration drawn against the ideal type, in the visitor's language (`locales/*/home.ftl`;
//! the Dutch questions are annex III's own words, a test holds them equal to the domain's).

use askama::Template;
use axum::Router;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use samenspel_app::App;
use samenspel_domain::partnership::{Dimension, IDEAL_TYPE, REFERENCE_PROFILES, ReferenceProfile};

use super::radar::{RadarView, as_f64, view};
use super::{Layout, render};
use crate::i18n::Lang;
use crate::session::PageContext;

pub fn routes() -> Router<App> {
    Router::new().route("/", get(page))
}

pub struct DimensionRow {
    pub number: usize,
    pub label: String,
    pub question: String,
    pub scale: String,
    pub ideal: u8,
    pub explained: String,
}

/// The scale's ends of a dimension: most share "not at all" – "to a very high degree".
fn scale(lang: Lang, d: Dimension) -> String {
    let end = |which: &str| {
        let own = format!("home-scale-{which}-{}", d.key());
        if crate::i18n::message_ids(lang).contains(&own) {
            lang.t(&own)
        } else {
            lang.t(&format!("home-scale-{which}"))
        }
    };
    lang.t_with("home-scale", &[("low", &end("low")), ("high", &end("high"))])
}

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    pub layout: Layout,
    pub dimensions: Vec<DimensionRow>,
    pub radar: RadarView,
}

pub async fn page(ctx: PageContext) -> Response {
    let lang = ctx.lang;
    let dimensions = Dimension::ALL
        .into_iter()
        .map(|d| DimensionRow {
            number: d.number(),
            label: lang.t(&format!("home-dimension-{}", d.key())),
            question: lang.t(&format!("home-question-{}", d.key())),
            scale: scale(lang, d),
            ideal: IDEAL_TYPE.scores.get(d).value(),
            explained: lang.t(&format!("home-ideal-{}", d.key())),
        })
        .collect();
    let cases: Vec<&ReferenceProfile> = REFERENCE_PROFILES
        .iter()
        .filter(|r| r.key != IDEAL_TYPE.key)
        .collect();
    let ideal = lang.t("home-ideal-name");
    let radar = view(
        &lang.t("home-radar-caption"),
        (&ideal, as_f64(IDEAL_TYPE.scores.values())),
        cases
            .iter()
            .map(|r| (r.name.to_owned(), as_f64(r.scores.values())))
            .collect(),
    );
    render(
        StatusCode::OK,
        &HomePage {
            layout: Layout::translated(&ctx, lang.t("home-title"), "home"),
            dimensions,
            radar,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dutch_catalogue_keeps_annex_three_word_for_word() {
        for d in Dimension::ALL {
            let dutch = |id: &str| Lang::Nl.t(&format!("home-{id}-{}", d.key()));
            assert_eq!(dutch("dimension"), d.label());
            assert_eq!(dutch("question"), d.question());
            assert_eq!(dutch("ideal"), d.ideal_explained());
            assert_eq!(
                scale(Lang::Nl, d),
                format!("1 = {}; 5 = {}", d.scale_low(), d.scale_high())
            );
        }
        assert_eq!(Lang::Nl.t("home-ideal-name"), IDEAL_TYPE.name);
    }
}
