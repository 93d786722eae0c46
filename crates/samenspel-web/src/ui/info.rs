//! The pages every Dutch government website must have, in Dutch and English from the
//! catalogue (`locales/*/pages.ftl`): about, the accessibility statement, the privacy
//! statement and contact. Each page is a list of sections of message ids, so a paragraph
//! cannot exist in one language only.

use askama::Template;
use axum::Router;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use samenspel_app::App;

use crate::i18n::Lang;
use crate::session::PageContext;
use crate::ui::{Layout, render};

pub fn routes() -> Router<App> {
    ALL.into_iter().fold(Router::new(), |router, info| {
        router.route(info.path, get(async move |ctx: PageContext| page(&ctx, info)))
    })
}

/// One page: its title, introduction and sections (a heading and its paragraphs), all
/// message ids.
pub struct InfoPage {
    pub path: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub sections: &'static [(&'static str, &'static [&'static str])],
}

pub const ABOUT: InfoPage = InfoPage {
    path: "/over",
    title: "about-title",
    intro: "about-intro",
    sections: &[
        (
            "about-what-heading",
            &["about-what-1", "about-what-2", "about-what-3"],
        ),
        ("about-sources-heading", &["about-sources-1"]),
        ("about-licence-heading", &["about-licence-1", "about-licence-2"]),
    ],
};

pub const ACCESSIBILITY: InfoPage = InfoPage {
    path: "/toegankelijkheid",
    title: "accessibility-title",
    intro: "accessibility-intro",
    sections: &[
        ("accessibility-standard-heading", &["accessibility-standard-1"]),
        ("accessibility-status-heading", &["accessibility-status-1"]),
        (
            "accessibility-checks-heading",
            &["accessibility-checks-1", "accessibility-checks-2"],
        ),
        (
            "accessibility-limits-heading",
            &["accessibility-limits-1", "accessibility-limits-2"],
        ),
        ("accessibility-contact-heading", &["accessibility-contact-1"]),
    ],
};

pub const PRIVACY: InfoPage = InfoPage {
    path: "/privacy",
    title: "privacy-title",
    intro: "privacy-intro",
    sections: &[
        (
            "privacy-data-heading",
            &[
                "privacy-data-1",
                "privacy-data-2",
                "privacy-data-3",
                "privacy-data-4",
            ],
        ),
        ("privacy-purpose-heading", &["privacy-purpose-1"]),
        ("privacy-basis-heading", &["privacy-basis-1"]),
        ("privacy-visible-heading", &["privacy-visible-1"]),
        ("privacy-retention-heading", &["privacy-retention-1"]),
        ("privacy-rights-heading", &["privacy-rights-1"]),
        ("privacy-cookies-heading", &["privacy-cookies-1"]),
    ],
};

pub const CONTACT: InfoPage = InfoPage {
    path: "/contact",
    title: "contact-title",
    intro: "contact-intro",
    sections: &[
        ("contact-address-heading", &["contact-address-1"]),
        ("contact-data-heading", &["contact-data-1"]),
    ],
};

pub const ALL: [&InfoPage; 4] = [&ABOUT, &ACCESSIBILITY, &PRIVACY, &CONTACT];

pub struct Section {
    pub heading: String,
    pub paragraphs: Vec<String>,
}

#[derive(Template)]
#[template(path = "info.html")]
pub struct InfoView {
    pub layout: Layout,
    pub intro: String,
    pub sections: Vec<Section>,
}

/// The message with the installation's own facts filled in.
fn text(lang: Lang, id: &str, ctx: &PageContext) -> String {
    let operator = ctx
        .config
        .operator
        .map_or_else(|| lang.t("operator-unknown"), str::to_owned);
    match (id, ctx.config.contact) {
        ("contact-address-1", None) => lang.t("contact-unknown"),
        ("contact-address-1", Some(contact)) => lang.t_with(id, &[("contact", contact)]),
        _ => lang.t_with(
            id,
            &[
                ("operator", operator.as_str()),
                ("version", env!("CARGO_PKG_VERSION")),
            ],
        ),
    }
}

fn page(ctx: &PageContext, info: &InfoPage) -> Response {
    let lang = ctx.lang;
    let view = InfoView {
        layout: Layout::translated(ctx, lang.t(info.title), "info"),
        intro: text(lang, info.intro, ctx),
        sections: info
            .sections
            .iter()
            .map(|(heading, paragraphs)| Section {
                heading: lang.t(heading),
                paragraphs: paragraphs.iter().map(|p| text(lang, p, ctx)).collect(),
            })
            .collect(),
    };
    render(StatusCode::OK, &view)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::message_ids;

    #[test]
    fn every_message_of_every_page_is_in_both_catalogues() {
        for info in ALL {
            let ids = [info.title, info.intro].into_iter().chain(
                info.sections
                    .iter()
                    .flat_map(|(h, ps)| std::iter::once(*h).chain(ps.iter().copied())),
            );
            for id in ids {
                for lang in Lang::ALL {
                    assert!(message_ids(lang).contains(id), "{} {id} in {lang:?}", info.path);
                }
            }
        }
    }
}
