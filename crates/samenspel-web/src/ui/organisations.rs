//! The organisations: the list with its filters, adding a partner organisation, and one
//! organisation's page with its collaborations, money per year and coming moments (also as
//! CSV and JSON), in the visitor's language (`locales/*/organisations.ftl`; the kinds of
//! organisation in `org-values.ftl`).

use askama::Template;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing;
use samenspel_app::App;
use samenspel_app::overview::OverviewItem;
use samenspel_domain::org::{OrgType, Organisation};
use samenspel_store::OrgFilter;
use serde::Deserialize;

use super::form::{FormState, get};
use crate::i18n::Lang;
use crate::session::PageContext;
use crate::ui::request::{Posted, Visit};
use crate::ui::statutory::{self, StatutoryRow};

use super::outcome::{Saved, form_outcome};
use super::{
    Layout, Pagination, csv_line, optional_filter_in, page_from, parse_query_in, render, status_unless,
};
use crate::error::PageResult;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/organisaties", routing::get(list).post(create))
        .route("/organisaties/nieuw", routing::get(new_form))
        .route("/organisaties/{code}", routing::get(show))
        .route(
            "/organisaties/{code}/samenwerkingen.csv",
            routing::get(involvements_csv),
        )
        .route(
            "/organisaties/{code}/samenwerkingen.json",
            routing::get(involvements_json),
        )
}

/// The catalogue id of a kind of organisation's label (`OrgType-gemeente`).
pub fn type_id(t: OrgType) -> String {
    format!("OrgType-{}", t.key())
}

/// The catalogue id of a layer of government's label (`Layer-decentraal`).
fn layer_id(layer: samenspel_domain::org::Layer) -> &'static str {
    use samenspel_domain::org::Layer;
    match layer {
        Layer::Rijk => "Layer-rijk",
        Layer::Decentraal => "Layer-decentraal",
        Layer::Koepel => "Layer-koepel",
        Layer::NietOverheid => "Layer-niet-overheid",
    }
}

/// One kind of organisation to choose, with its label in the page's language.
pub struct TypeChoice {
    pub key: &'static str,
    pub label: String,
    pub selected: bool,
}

fn type_choices(lang: Lang, all: &[OrgType], chosen: impl Fn(&str) -> bool) -> Vec<TypeChoice> {
    all.iter()
        .map(|t| TypeChoice {
            key: t.key(),
            label: lang.t(&type_id(*t)),
            selected: chosen(t.key()),
        })
        .collect()
}

pub struct ListRow {
    pub code: String,
    pub name: String,
    pub kind: String,
    /// For an organisation that no longer exists: its period, where known (else empty).
    pub ended: Option<String>,
}

#[derive(Template)]
#[template(path = "organisations/list.html")]
pub struct ListPage {
    pub layout: Layout,
    pub query: String,
    pub types: Vec<TypeChoice>,
    pub organisations: Vec<ListRow>,
    /// Organisations that no longer exist are listed too.
    pub include_ended: bool,
    pub pagination: Pagination,
    pub error: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    q: Option<String>,
    #[serde(rename = "type")]
    org_type: Option<String>,
    /// `ja` lists the organisations that no longer exist too.
    opgeheven: Option<String>,
    pagina: Option<u32>,
}

pub async fn list(State(app): State<App>, ctx: PageContext, RawQuery(raw): RawQuery) -> PageResult {
    let lang = ctx.lang;
    let (query, query_error) = parse_query_in::<ListQuery>(lang, raw.as_deref());
    let type_key = query.org_type.clone().unwrap_or_default();
    let (org_type, error) = optional_filter_in(lang, &type_key, |key| OrgType::parse_field("type", key));
    let error = error.or(query_error);
    let page = page_from(query.pagina);
    let q = query.q.clone().unwrap_or_default();
    let include_ended = query.opgeheven.as_deref() == Some("ja");
    let filter = OrgFilter {
        include_ended,
        org_type,
        query: Some(q.clone()),
    };
    let found = app.list_organisations(&filter, page).await?;
    let params = [
        ("q", q.clone()),
        ("type", org_type.map(|t| t.key().to_owned()).unwrap_or_default()),
        ("opgeheven", if include_ended { "ja" } else { "" }.to_owned()),
    ];
    let pagination = Pagination::new("/organisaties", &params, page, found.items.len(), found.total)?;
    let types = type_choices(lang, &OrgType::ALL, |key| {
        org_type.is_some_and(|t| t.key() == key)
    });
    let organisations = found
        .items
        .iter()
        .map(|o| ListRow {
            code: o.code.to_string(),
            name: o.display_name(),
            kind: lang.t(&type_id(o.org_type)),
            ended: o
                .ended
                .then(|| super::org_history::period(lang, &o.history).unwrap_or_default()),
        })
        .collect();
    let status = status_unless(error.as_ref(), StatusCode::BAD_REQUEST);
    Ok(render(
        status,
        &ListPage {
            layout: Layout::translated(&ctx, lang.t("organisations-title"), "organisaties"),
            query: q,
            types,
            organisations,
            include_ended,
            pagination,
            error,
        },
    ))
}

pub struct InvolvementRow {
    pub id: i64,
    pub name: String,
    pub kind: String,
    /// A gemeenschappelijke regeling; `kind` is its Wgr form.
    pub wgr: bool,
    pub role: String,
    /// Its bodies that take part, in the reader's language.
    pub organs: Option<String>,
    /// A municipality in a regeling: its council's position there.
    pub council: Option<String>,
    pub period: String,
    pub status: String,
    pub draft: bool,
    pub instruments: String,
    pub money: Vec<String>,
    pub evaluation: String,
    pub evaluation_overdue: bool,
    /// Anything recorded about how residents take part.
    pub participation: bool,
}

pub struct MomentRow {
    pub date: String,
    pub collaboration_id: i64,
    pub collaboration: String,
    pub kind: String,
    pub body: String,
    pub description: String,
    pub overdue: bool,
}

pub struct YearRow {
    pub year: i32,
    pub amount: String,
}

#[derive(Template)]
#[template(path = "organisations/show.html")]
pub struct ShowPage {
    pub layout: Layout,
    pub organisation: Organisation,
    /// The kind of organisation and its layer of government.
    pub kind: String,
    /// "As of …: … takes part in …".
    pub summary: String,
    pub province: Option<Organisation>,
    pub date: String,
    pub rows: Vec<InvolvementRow>,
    pub years: Vec<YearRow>,
    pub moments: Vec<MomentRow>,
    /// The coming moments the Wgr sets for its running regelingen with a body.
    pub statutory: Vec<StatutoryRow>,
    pub statutory_caption: String,
    pub statutory_per_regeling: bool,
    /// "Eerstvolgend: …", when the first coming statutory moment is not the council's own.
    pub statutory_next: Option<String>,
    /// "Eerstvolgend besluit van de raad zelf: …", when there is one.
    pub council_next: Option<String>,
    /// Its period, predecessors and successor.
    pub history: super::org_history::HistoryView,
}

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.format("%d-%m-%Y").to_string()).unwrap_or_default()
}

fn instrument_labels(lang: Lang, item: &OverviewItem) -> String {
    match &item.involvement.control {
        None => lang.t("organisations-not-recorded"),
        Some(c) if c.instruments.is_empty() => lang.t("organisations-none"),
        Some(c) => c
            .instruments
            .iter()
            .map(|i| lang.t(i.message_id()))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

fn involvement_row(lang: Lang, item: &OverviewItem, today: chrono::NaiveDate) -> InvolvementRow {
    let i = &item.involvement;
    let evaluation = item.next_evaluation();
    InvolvementRow {
        id: i.id,
        name: i.name.clone(),
        kind: match i.wgr_form {
            Some(form) => lang.t(form.message_id()),
            None => lang.t(i.kind.message_id()),
        },
        wgr: i.wgr_form.is_some(),
        role: match (i.joined_on, i.left_on) {
            (joined, Some(left)) => lang.t_with(
                "organisations-role-left",
                &[
                    ("role", &lang.t(i.role.message_id())),
                    ("joined", &date(joined)),
                    ("left", &date(Some(left))),
                ],
            ),
            (Some(d), None) => lang.t_with(
                "organisations-role-since",
                &[("role", &lang.t(i.role.message_id())), ("date", &date(Some(d)))],
            ),
            (None, None) => lang.t(i.role.message_id()),
        },
        organs: crate::ui::council::organs_label(lang, &i.organs),
        council: item.council_position.map(|p| lang.t(p.message_id())),
        period: match (i.start_date, i.end_date) {
            (None, None) => String::new(),
            (s, e) => format!("{} – {}", date(s), date(e)),
        },
        status: match i.left_on {
            Some(left) if left <= today => lang.t("organisations-status-left"),
            _ => lang.t(
                samenspel_domain::collaboration::term_status(i.start_date, i.end_date, today).message_id(),
            ),
        },
        draft: !i.published,
        instruments: instrument_labels(lang, item),
        money: item
            .money_per_year
            .iter()
            .map(|y| format!("{}: {}", y.year, y.amount.format_nl()))
            .collect(),
        evaluation: date(evaluation),
        evaluation_overdue: i.control.as_ref().is_some_and(|c| c.evaluation_overdue(today)),
        participation: false,
    }
}

pub async fn show(Visit(app, ctx, code): Visit<String>) -> PageResult {
    let lang = ctx.lang;
    let today = app.today();
    let overview = app.overview(&code, &ctx.who, today).await?;
    let province = match &overview.organisation.province {
        Some(p) => app.organisation(p.as_str()).await.ok(),
        None => None,
    };
    let recorded = app.participation_recorded().await?;
    let rows = overview
        .collaborations
        .iter()
        .map(|item| InvolvementRow {
            participation: recorded.contains(&item.involvement.id),
            ..involvement_row(lang, item, today)
        })
        .collect::<Vec<_>>();
    let years = overview
        .money_per_year
        .iter()
        .map(|y| YearRow {
            year: y.year,
            amount: y.amount.format_nl(),
        })
        .collect();
    let moments = overview
        .moments
        .iter()
        .map(|m| MomentRow {
            date: date(Some(m.moment.date)),
            collaboration_id: m.collaboration_id,
            collaboration: m.collaboration.clone(),
            kind: lang.t(m.moment.kind.message_id()),
            body: m.moment.body.map(|b| lang.t(b.message_id())).unwrap_or_default(),
            description: m.moment.description.clone().unwrap_or_default(),
            overdue: m.moment.overdue,
        })
        .collect();
    let statutory = statutory::rows(
        lang,
        overview.statutory.iter().map(|m| {
            (
                Some((m.collaboration_id, m.collaboration.clone())),
                &m.moment,
                m.step,
            )
        }),
    );
    let next = |row: Option<&StatutoryRow>, id: &str| {
        row.map(|s| {
            let regeling = s
                .collaboration
                .as_ref()
                .map(|(_, name)| name.as_str())
                .unwrap_or_default();
            lang.t_with(
                id,
                &[
                    ("when", s.when.as_str()),
                    ("what", s.what.as_str()),
                    ("regeling", regeling),
                    ("step", s.step.as_str()),
                ],
            )
        })
    };
    let council_next = next(
        statutory.iter().find(|s| s.council_decides),
        "statutory-next-council",
    );
    let statutory_next = next(statutory.first().filter(|s| !s.council_decides), "statutory-next");
    let active_count = overview.active_count();
    let taking_part = overview
        .collaborations
        .iter()
        .filter(|c| c.involvement.left_on.is_none())
        .count();
    let organisation = overview.organisation;
    let history = super::org_history::history_view(lang, &organisation, &app.history(&organisation).await?);
    let kind = format!(
        "{} ({})",
        lang.t(&type_id(organisation.org_type)),
        lang.t(layer_id(organisation.org_type.layer()))
    );
    let mut summary = lang.t_with(
        "organisations-involved-summary",
        &[
            ("date", &date(Some(today))),
            ("name", &organisation.name),
            ("count", &taking_part.to_string()),
            ("active", &active_count.to_string()),
        ],
    );
    let left = rows.len() - taking_part;
    if left > 0 {
        summary.push(' ');
        summary.push_str(&lang.t_with("organisations-left-summary", &[("left", &left.to_string())]));
    }
    Ok(crate::page_cache::cacheable(render(
        StatusCode::OK,
        &ShowPage {
            layout: Layout::translated(&ctx, organisation.display_name(), "organisaties"),
            kind,
            summary,
            province,
            date: date(Some(today)),
            rows,
            years,
            moments,
            statutory,
            statutory_caption: lang.t_with("statutory-org-caption", &[("name", &organisation.name)]),
            statutory_per_regeling: true,
            statutory_next,
            council_next,
            history,
            organisation,
        },
    )))
}

/// The organisation's collaborations as CSV (semicolon-separated, as Dutch spreadsheets
/// expect), with one column per year of its own money.
pub async fn involvements_csv(Visit(app, ctx, code): Visit<String>) -> PageResult {
    let overview = app.overview(&code, &ctx.who, app.today()).await?;
    let years: Vec<i32> = overview.money_per_year.iter().map(|y| y.year).collect();
    let mut lines = vec![crate::exports::involvements(ctx.lang, &years)];
    for item in &overview.collaborations {
        let i = &item.involvement;
        let mut fields = vec![
            i.id.to_string(),
            i.name.clone(),
            i.kind.key().to_owned(),
            i.wgr_form.map(|w| w.key().to_owned()).unwrap_or_default(),
            i.role.key().to_owned(),
            i.joined_on.map(|d| d.to_string()).unwrap_or_default(),
            i.left_on.map(|d| d.to_string()).unwrap_or_default(),
            i.start_date.map(|d| d.to_string()).unwrap_or_default(),
            i.end_date.map(|d| d.to_string()).unwrap_or_default(),
            if item.active { "ja" } else { "nee" }.to_owned(),
            i.control
                .as_ref()
                .map(|c| {
                    c.instruments
                        .iter()
                        .map(|x| x.key())
                        .collect::<Vec<_>>()
                        .join(",")
                })
                .unwrap_or_default(),
            item.next_evaluation().map(|d| d.to_string()).unwrap_or_default(),
            i.organs.iter().map(|o| o.key()).collect::<Vec<_>>().join(","),
            item.council_position
                .map(|p| p.key().to_owned())
                .unwrap_or_default(),
        ];
        fields.extend(years.iter().map(|year| {
            item.money_per_year
                .iter()
                .find(|y| y.year == *year)
                .map(|y| y.amount.format_number_nl())
                .unwrap_or_default()
        }));
        lines.push(fields);
    }
    let csv: String = lines.iter().map(|line| csv_line(line)).collect();
    Ok(super::csv_response(
        &format!("samenwerkingen-{}.csv", overview.organisation.code),
        csv,
    ))
}

pub async fn involvements_json(Visit(app, ctx, code): Visit<String>) -> PageResult {
    Ok(axum::Json(app.overview(&code, &ctx.who, app.today()).await?).into_response())
}

#[derive(Template)]
#[template(path = "organisations/new.html")]
pub struct NewPage {
    pub layout: Layout,
    pub form: FormState,
    pub types: Vec<TypeChoice>,
}

fn new_page(ctx: &PageContext, form: FormState) -> NewPage {
    let types = type_choices(ctx.lang, &OrgType::USER_ADDABLE, |key| form.selected("type", key));
    NewPage {
        layout: Layout::translated(ctx, ctx.lang.t("organisations-add"), "organisaties"),
        form,
        types,
    }
}

pub async fn new_form(ctx: PageContext) -> PageResult {
    let may = samenspel_app::offers::GeneralOffers::of(&ctx.who).add_organisation;
    super::offered(&ctx, may, samenspel_domain::auth::Action::AddOrganisation)?;
    Ok(render(StatusCode::OK, &new_page(&ctx, FormState::default())))
}

pub async fn create(Posted(app, ctx, pairs): Posted) -> PageResult {
    let result = app
        .add_organisation(
            get(&pairs, "name"),
            get(&pairs, "type"),
            get(&pairs, "abbreviation"),
            &ctx.who,
        )
        .await;
    form_outcome(
        &ctx,
        result,
        |org| {
            Saved::new(
                format!("/organisaties/{}", org.code),
                ctx.lang
                    .t_with("organisations-added", &[("name", &org.display_name())]),
            )
        },
        async |errors| Ok(new_page(&ctx, FormState::refused(&pairs, errors))),
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use samenspel_domain::org::Layer;

    #[test]
    fn the_dutch_labels_of_kinds_and_layers_are_the_domains() {
        for t in OrgType::ALL {
            assert_eq!(Lang::Nl.t(&type_id(t)), t.label_nl());
        }
        for layer in [Layer::Rijk, Layer::Decentraal, Layer::Koepel, Layer::NietOverheid] {
            assert_eq!(Lang::Nl.t(layer_id(layer)), layer.label_nl());
        }
    }
}
