//! The frame every page shares: title, navigation, who is signed in, the CSRF token, and
//! the confirmation of a save that led here.

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
}

impl Layout {
    pub fn new(ctx: &PageContext, title: impl Into<String>, section: &'static str) -> Self {
        Self {
            title: title.into(),
            section,
            user_name: ctx.who.user().map(|u| u.name.clone()),
            csrf: ctx.csrf.clone(),
            flash: ctx.flash.clone(),
        }
    }

    /// For pages rendered without a request context (the CSRF refusal); no forms on them.
    pub fn bare(title: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            section: "",
            user_name: None,
            csrf: String::new(),
            flash: None,
        }
    }

    pub fn signed_in(&self) -> bool {
        self.user_name.is_some()
    }

    pub fn current(&self, section: &str) -> bool {
        self.section == section
    }
}
