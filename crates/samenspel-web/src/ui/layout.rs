//! The frame every page shares: title, navigation, who is signed in, the CSRF token, and
//! the confirmation of a save that led here.

use crate::i18n::Lang;
use crate::session::PageContext;

/// What every page's frame needs: the title, the current section, who is signed in, and the
/// CSRF token its forms repeat.
pub struct Layout {
    pub title: String,
    /// `home`, `organisaties`, `samenwerkingen` or `account`; marks the current navigation link.
    pub section: &'static str,
    pub user_name: Option<String>,
    pub csrf: String,
    /// The confirmation of the save that led to this page ("Samenwerking gepubliceerd.").
    pub flash: Option<String>,
    /// The page's language; its messages come from the catalogue ([`Layout::t`]).
    pub lang: Lang,
    /// The language the visitor asked for (the switch offers the other one).
    pub wanted: Lang,
    /// This page's address, for the language switch to come back to.
    pub path: String,
    /// What the visitor may do outside a collaboration (the menu's and lists' links).
    pub offers: samenspel_app::offers::GeneralOffers,
}

impl Layout {
    /// The address of a static asset, with its version so that browsers may keep it for good
    /// (`/assets/css/site.css?v=…`).
    pub fn asset(&self, path: &str) -> String {
        crate::assets::href(path)
    }

    /// The frame of a page whose text comes from the catalogue in the visitor's language.
    pub fn translated(ctx: &PageContext, title: impl Into<String>, section: &'static str) -> Self {
        Self {
            title: title.into(),
            section,
            user_name: ctx.who.user().map(|u| u.name.clone()),
            csrf: ctx.csrf.clone(),
            flash: ctx.flash.clone(),
            lang: ctx.lang,
            wanted: ctx.lang,
            path: ctx.path.clone(),
            offers: samenspel_app::offers::GeneralOffers::of(&ctx.who),
        }
    }

    /// For pages rendered without a request context (the CSRF refusal, an error on its way
    /// out), in the language negotiated from the request; no forms on them.
    pub fn bare(lang: Lang, title: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            section: "",
            user_name: None,
            csrf: String::new(),
            flash: None,
            lang,
            wanted: lang,
            path: "/".into(),
            offers: samenspel_app::offers::GeneralOffers::default(),
        }
    }

    /// The message `id` in the page's language.
    pub fn t(&self, id: &str) -> String {
        self.lang.t(id)
    }

    /// The message `id` with one variable.
    pub fn t_with(&self, id: &str, name: &str, value: &str) -> String {
        self.lang.t_with(id, &[(name, value)])
    }

    /// A field error or other message of the domain in the page's language.
    pub fn msg(&self, message: &samenspel_domain::Message) -> String {
        self.lang.msg(message)
    }

    /// The switch's accessible name, in the language it switches to ("Language: English").
    pub fn switch_label(&self) -> String {
        let other = self.wanted.other();
        other.t_with("language-switch-label", &[("language", other.own_name())])
    }

    /// The address that switches to the other language and comes back here.
    pub fn switch_language(&self) -> String {
        let back: String = serde_urlencoded::to_string([("terug", self.path.as_str())]).unwrap_or_default();
        format!("/taal/{}?{back}", self.wanted.other().code())
    }

    pub fn signed_in(&self) -> bool {
        self.user_name.is_some()
    }

    pub fn current(&self, section: &str) -> bool {
        self.section == section
    }
}
