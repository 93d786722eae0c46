//! The democratic control page of a collaboration: what is missing or overdue, and a form for
//! the trekker's redacteuren.

use askama::Template;
use axum::Router;
use axum::http::StatusCode;
use axum::routing;
use samenspel_app::control::ControlView;
use samenspel_app::{App, AppError};
use samenspel_domain::ValidationErrors;
use samenspel_domain::control::{
    ControlInput, DemocraticControl, ElectedBody, MomentInput, MomentKind, WgrInstrument,
};
use samenspel_domain::org::OrgType;
use samenspel_store::{Collaboration, OrgFilter, Page};

use super::collaborations::{Labelled, labelled};
use super::form::get;
use super::outcome::{Saved, form_outcome};
use super::{Layout, render};
use crate::error::PageResult;
use crate::session::PageContext;
use crate::ui::request::{PostedTo, Visit};

pub fn routes() -> Router<App> {
    Router::new().route(
        "/samenwerkingen/{id}/democratische-controle",
        routing::get(show).post(update),
    )
}

/// Empty moment rows offered below the recorded ones.
const EMPTY_ROWS: usize = 2;

/// A ministry to choose as responsible minister.
pub struct Minister {
    pub key: String,
    pub label: String,
    pub selected: bool,
}

pub struct MomentRow {
    pub index: usize,
    pub kinds: Vec<Labelled>,
    pub bodies: Vec<Labelled>,
    pub date: String,
    pub description: String,
    pub date_error: Option<samenspel_domain::Message>,
    pub kind_error: Option<samenspel_domain::Message>,
    pub body_error: Option<samenspel_domain::Message>,
    pub description_error: Option<samenspel_domain::Message>,
}

/// A recorded moment as shown.
pub struct MomentLine {
    pub date: String,
    pub kind: String,
    pub body: String,
    pub description: String,
}

#[derive(Template)]
#[template(path = "collaborations/control.html")]
pub struct ControlPage {
    pub layout: Layout,
    /// The visitor may change it (the trekker's redacteuren); the form only then.
    pub editable: bool,
    pub c: Collaboration,
    pub view: ControlView,
    pub bodies_shown: Vec<String>,
    pub instruments_shown: Vec<String>,
    pub minister_shown: Option<String>,
    pub next_evaluation_shown: Option<String>,
    pub lines: Vec<MomentLine>,
    pub bodies: Vec<Labelled>,
    pub instruments: Vec<Labelled>,
    pub ministers: Vec<Minister>,
    pub next_evaluation: String,
    pub moments: Vec<MomentRow>,
    pub errors: ValidationErrors,
}

impl ControlPage {
    pub fn error(&self, field: &str) -> Option<&samenspel_domain::Message> {
        self.errors.for_field(field)
    }
}

/// The ministries that exist now (an ended one is no choice for a new record).
async fn ministries(app: &App) -> Vec<(String, String)> {
    let filter = OrgFilter {
        org_type: Some(OrgType::Ministerie),
        ..Default::default()
    };
    app.list_organisations(&filter, Page::all())
        .await
        .map(|p| {
            p.items
                .into_iter()
                .map(|o| (o.code.to_string(), o.display_name()))
                .collect()
        })
        .unwrap_or_default()
}

/// The form as typed (or as recorded, when `input` comes from the record).
async fn page(
    app: &App,
    ctx: &PageContext,
    c: Collaboration,
    view: ControlView,
    input: &ControlInput,
    errors: ValidationErrors,
) -> ControlPage {
    let lang = ctx.lang;
    let shown: &DemocraticControl = &view.control;
    // The current ministries, and the one recorded or typed when it has ended since: the
    // collaboration keeps it, and saving the form must not drop it.
    let mut ministries = ministries(app).await;
    let recorded = shown.responsible_minister.as_ref().map(|m| m.as_str());
    for code in [Some(input.responsible_minister.as_str()), recorded]
        .into_iter()
        .flatten()
    {
        if !code.is_empty()
            && !ministries.iter().any(|(c, _)| c.eq_ignore_ascii_case(code))
            && let Ok(org) = app.organisation(code).await
        {
            ministries.push((org.code.to_string(), org.display_name()));
        }
    }
    let name_of = |code: &str| {
        ministries
            .iter()
            .find(|(c, _)| c == code)
            .map_or_else(|| code.to_owned(), |(_, n)| n.clone())
    };
    let mut rows: Vec<MomentInput> = input.moments.clone();
    rows.extend(std::iter::repeat_n(MomentInput::default(), EMPTY_ROWS));
    let moments = rows
        .iter()
        .enumerate()
        .map(|(index, m)| {
            let err = |name: &str| errors.for_field(&format!("moments[{index}].{name}")).cloned();
            MomentRow {
                index,
                kinds: labelled(
                    lang,
                    MomentKind::ALL,
                    MomentKind::key,
                    MomentKind::message_id,
                    |k| k == m.kind,
                ),
                bodies: labelled(
                    lang,
                    ElectedBody::ALL,
                    ElectedBody::key,
                    ElectedBody::message_id,
                    |k| k == m.body,
                ),
                date: m.date.clone(),
                description: m.description.clone(),
                date_error: err("date"),
                kind_error: err("kind"),
                body_error: err("body"),
                description_error: err("description"),
            }
        })
        .collect();
    ControlPage {
        editable: samenspel_app::offers::Offers::of(&c, &ctx.who).edit,
        layout: Layout::translated(
            ctx,
            lang.t_with("control-title", &[("name", c.fields.name.as_str())]),
            "samenwerkingen",
        ),
        bodies_shown: shown.bodies.iter().map(|b| lang.t(b.message_id())).collect(),
        instruments_shown: shown.instruments.iter().map(|i| lang.t(i.message_id())).collect(),
        minister_shown: shown.responsible_minister.as_ref().map(|m| name_of(m.as_str())),
        next_evaluation_shown: shown.next_evaluation.map(|d| d.format("%d-%m-%Y").to_string()),
        lines: shown
            .moments
            .iter()
            .map(|m| MomentLine {
                date: m.date.format("%d-%m-%Y").to_string(),
                kind: lang.t(m.kind.message_id()),
                body: lang.t(m.body.message_id()),
                description: m.description.clone().unwrap_or_default(),
            })
            .collect(),
        bodies: labelled(
            lang,
            ElectedBody::ALL,
            ElectedBody::key,
            ElectedBody::message_id,
            |key| input.bodies.iter().any(|k| k == key),
        ),
        instruments: labelled(
            lang,
            WgrInstrument::ALL,
            WgrInstrument::key,
            WgrInstrument::message_id,
            |key| input.instruments.iter().any(|k| k == key),
        ),
        ministers: ministries
            .iter()
            .map(|(code, name)| Minister {
                key: code.clone(),
                label: name.clone(),
                selected: input.responsible_minister.eq_ignore_ascii_case(code),
            })
            .collect(),
        next_evaluation: input.next_evaluation.clone(),
        moments,
        errors,
        view,
        c,
    }
}

/// The recorded control as form input.
fn as_input(control: &DemocraticControl) -> ControlInput {
    ControlInput {
        bodies: control.bodies.iter().map(|b| b.key().to_owned()).collect(),
        instruments: control.instruments.iter().map(|i| i.key().to_owned()).collect(),
        responsible_minister: control
            .responsible_minister
            .as_ref()
            .map(|m| m.to_string())
            .unwrap_or_default(),
        next_evaluation: control.next_evaluation.map(|d| d.to_string()).unwrap_or_default(),
        moments: control
            .moments
            .iter()
            .map(|m| MomentInput {
                kind: m.kind.key().to_owned(),
                date: m.date.to_string(),
                body: m.body.key().to_owned(),
                description: m.description.clone().unwrap_or_default(),
            })
            .collect(),
    }
}

fn from_form(pairs: &[(String, String)]) -> ControlInput {
    let all = |name: &str| -> Vec<String> {
        pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    };
    let mut moments = Vec::new();
    for index in 0.. {
        let field = |name: &str| format!("moments[{index}].{name}");
        if !pairs
            .iter()
            .any(|(k, _)| k.starts_with(&format!("moments[{index}].")))
        {
            break;
        }
        moments.push(MomentInput {
            kind: get(pairs, &field("kind")).to_owned(),
            date: get(pairs, &field("date")).to_owned(),
            body: get(pairs, &field("body")).to_owned(),
            description: get(pairs, &field("description")).to_owned(),
        });
    }
    ControlInput {
        bodies: all("bodies"),
        instruments: all("instruments"),
        responsible_minister: get(pairs, "responsible_minister").to_owned(),
        next_evaluation: get(pairs, "next_evaluation").to_owned(),
        moments,
    }
}

async fn load(app: &App, ctx: &PageContext, id: i64) -> Result<(Collaboration, ControlView), AppError> {
    super::with_collaboration(app, ctx, id, app.democratic_control(id, &ctx.who)).await
}

pub async fn show(Visit(app, ctx, id): Visit<i64>) -> PageResult {
    let (c, view) = load(&app, &ctx, id).await?;
    let input = as_input(&view.control);
    let page = page(&app, &ctx, c, view, &input, ValidationErrors::new()).await;
    Ok(render(StatusCode::OK, &page))
}

pub async fn update(PostedTo(app, ctx, id, pairs): PostedTo<i64>) -> PageResult {
    let input = from_form(&pairs);
    let result = app.set_democratic_control(id, &input, &ctx.who).await;
    form_outcome(
        &ctx,
        result,
        |_| Saved::at_collaboration(id, "/democratische-controle", ctx.lang.t("control-saved")),
        async |errors| {
            let (c, view) = load(&app, &ctx, id).await?;
            Ok(page(&app, &ctx, c, view, &input, errors).await)
        },
    )
    .await
}
