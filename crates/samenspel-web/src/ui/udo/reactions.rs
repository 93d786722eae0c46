//! Reactions on the dossier page and the form "Reageren" (`/udo/{id}/reageren`), open while
//! the consultation runs; the published reactions show name and place unless the author
//! objects. The owning ministry moderates at `/udo/{id}/reacties` (module `moderation`).

mod moderation;

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get as get_route, post};
use axum::{Form, Router};
use samenspel_app::udo_reactions::{UdoReactionView, open_for};
use samenspel_app::{App, AppError, Principal};
use samenspel_domain::ValidationErrors;
use samenspel_domain::udo::consultation::reaction::{HONEYPOT_FIELD, ReactionInput, ReactionKind};
use samenspel_domain::udo::dossier::Dossier;
use samenspel_domain::udo::workflow::UdoState;

use crate::error::PageResult;
use crate::i18n::Lang;
use crate::session::{ClientAddress, PageContext};
use crate::ui::form::{FormState, get};
use crate::ui::outcome::{Saved, form_outcome};
use crate::ui::page_path::PagePath;
use crate::ui::request::Visit;
use crate::ui::{Layout, render};

pub fn routes() -> Router<App> {
    Router::new()
        .route("/udo/{id}/reageren", get_route(form).post(submit))
        .route("/udo/{id}/reacties", get_route(moderation::show))
        .route("/udo/{id}/reacties/{reaction}", post(moderation::moderate))
        .route("/udo/{id}/themas", post(moderation::theme_response))
}

/// One published reaction as the page shows it.
pub struct ReactionItem {
    pub kind: String,
    /// "name, place", or `None` when the author objects to their publication.
    pub author: Option<String>,
    /// The text's paragraphs.
    pub text: Vec<String>,
    pub theme: Option<String>,
    pub received_on: String,
}

pub fn item(lang: Lang, r: &UdoReactionView) -> ReactionItem {
    ReactionItem {
        kind: lang.t(r.kind.message_id()),
        author: r.author.as_ref().map(|a| format!("{}, {}", a.name, a.place)),
        text: paragraphs(&r.text),
        theme: r.theme.clone(),
        received_on: r.received_on.format("%d-%m-%Y").to_string(),
    }
}

/// A reaction's text as paragraphs: each line that is not blank.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.lines()
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

/// The reactions part of the dossier page and of the form page.
pub struct ReactionsPart {
    pub id: i64,
    /// The dossier has gone into consultation (before that there is nothing to show).
    pub consulted: bool,
    /// The published reactions (on the dossier page).
    pub items: Vec<ReactionItem>,
    /// The form is offered.
    pub open: bool,
    /// Why the form is not offered during the consultation state (its period has not begun or
    /// has passed).
    pub closed: Option<String>,
    /// The moderation page, for the owning ministry.
    pub moderate_href: Option<String>,
    pub form: FormState,
    /// The kinds a signed-in visitor may choose (key, label); empty: the public's form.
    pub kinds: Vec<(&'static str, String)>,
    pub honeypot: &'static str,
}

/// The part for dossier `id` in `state`, with `form` (empty, or refused input).
pub async fn part(
    app: &App,
    ctx: &PageContext,
    id: i64,
    dossier: &Dossier,
    state: UdoState,
    form: FormState,
) -> Result<ReactionsPart, AppError> {
    let lang = ctx.lang;
    let consulted = state.rank() >= UdoState::Consultatie.rank();
    let reactions = if consulted {
        app.udo_reactions(id, &ctx.who).await?
    } else {
        samenspel_app::udo_reactions::UdoReactions {
            moderator: false,
            reactions: Vec::new(),
        }
    };
    let open = open_for(dossier, state, ReactionKind::Publiek, app.today());
    let closed = match &open {
        Err(why) if state == UdoState::Consultatie => Some(lang.msg(why)),
        _ => None,
    };
    let kinds = match ctx.who {
        Principal::User(_) => ReactionKind::ALL
            .iter()
            .map(|k| (k.key(), lang.t(k.message_id())))
            .collect(),
        _ => Vec::new(),
    };
    Ok(ReactionsPart {
        id,
        consulted,
        items: reactions
            .reactions
            .iter()
            .filter(|r| {
                r.status == samenspel_domain::udo::consultation::moderation::ModerationStatus::Gepubliceerd
            })
            .map(|r| item(lang, r))
            .collect(),
        open: open.is_ok(),
        closed,
        moderate_href: reactions.moderator.then(|| format!("/udo/{id}/reacties")),
        form,
        kinds,
        honeypot: HONEYPOT_FIELD,
    })
}

/// The form "Reageren" on a page of its own (also where refused input is shown again).
#[derive(Template)]
#[template(path = "udo/react.html")]
pub struct ReactPage {
    pub layout: Layout,
    pub dossier_title: String,
    pub reactions: ReactionsPart,
}

async fn react_page(app: &App, ctx: &PageContext, id: i64, form: FormState) -> Result<ReactPage, AppError> {
    let view = app.udo_dossier(id, &ctx.who).await?;
    let dossier = view
        .content
        .parse()
        .map_err(|e| AppError::internal(format!("UDO dossier {id}: {e}")))?;
    let mut reactions = part(app, ctx, id, &dossier, view.progress.state, form).await?;
    reactions.items.clear();
    Ok(ReactPage {
        layout: Layout::translated(ctx, ctx.lang.t("udo-reactions-form-heading"), "udo"),
        dossier_title: dossier.title,
        reactions,
    })
}

pub async fn form(Visit(app, ctx, id): Visit<i64>) -> PageResult {
    let page = react_page(&app, &ctx, id, FormState::default()).await?;
    Ok(render(StatusCode::OK, &page))
}

fn input(pairs: &[(String, String)]) -> ReactionInput {
    let kind = get(pairs, "kind");
    ReactionInput {
        kind: if kind.is_empty() { "publiek" } else { kind }.to_owned(),
        author_name: get(pairs, "author_name").to_owned(),
        place: get(pairs, "place").to_owned(),
        objects_to_publication: !get(pairs, "objects_to_publication").is_empty(),
        text: get(pairs, "text").to_owned(),
        theme: String::new(),
        website: get(pairs, HONEYPOT_FIELD).to_owned(),
    }
}

pub async fn submit(
    State(app): State<App>,
    ctx: PageContext,
    ClientAddress(address): ClientAddress,
    PagePath(id): PagePath<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    let result = app
        .submit_udo_reaction(id, &input(&pairs), &address, &ctx.who)
        .await;
    let received = ctx.lang.t("udo-reactions-received");
    form_outcome(
        &ctx,
        result,
        |_| Saved::new(format!("/udo/{id}"), received),
        async |errors: ValidationErrors| {
            let mut form = FormState::refused(&pairs, errors);
            // The honeypot is never shown again.
            form.set(HONEYPOT_FIELD, "");
            Ok(react_page(&app, &ctx, id, form).await?)
        },
    )
    .await
}
