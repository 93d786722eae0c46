//! Money per partner per year.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use samenspel_app::App;
use samenspel_app::exchange::ExchangedMoney;
use samenspel_app::money::MoneyView;
use samenspel_domain::money::{AmountInput, ContributionInput};
use samenspel_store::ContributionRecord;

use super::extract::{ApiJson, ApiPath};
use super::problems::{Change, Lookup};
use crate::error::ApiError;
use crate::session::Who;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// This module's endpoints, each with its documentation.
pub(super) fn routes() -> OpenApiRouter<App> {
    OpenApiRouter::default()
        .routes(routes!(show, record))
        .routes(routes!(delete))
}

/// The collaboration's money: every recorded figure, totals and shares per partner, layer and
/// year, the rule checks with their source, and where stated stances on dimension 3 disagree
/// with the actual shares.
#[utoipa::path(get, operation_id = "getMoney", path = "/v1/collaborations/{id}/money", tag = "money",
    params(("id" = i64, Path, description = "Collaboration id")),
    responses((status = 200, body = MoneyView), Lookup))]
pub async fn show(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<MoneyView>, ApiError> {
    Ok(Json(app.money(id, &who).await?))
}

/// Record a partner's money for a year; the same partner, year, instrument and status again
/// replaces the amount.
#[utoipa::path(post, operation_id = "recordMoney", path = "/v1/collaborations/{id}/money", tag = "money", request_body = ExchangedMoney,
    params(("id" = i64, Path, description = "Collaboration id")),
    responses((status = 201, body = ContributionRecord), Change))]
pub async fn record(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<ExchangedMoney>,
) -> Result<(StatusCode, Json<ContributionRecord>), ApiError> {
    let year = body.year.to_string();
    let input = ContributionInput {
        partner: &body.partner,
        year: &year,
        amount: AmountInput::Cents(body.amount_cents),
        instrument: &body.instrument,
        status: &body.status,
    };
    let record = app.record_money(id, &input, &who).await?;
    Ok((StatusCode::CREATED, Json(record)))
}

/// Remove one recorded figure.
#[utoipa::path(delete, operation_id = "deleteMoney", path = "/v1/collaborations/{id}/money/{contribution}", tag = "money",
    params(("id" = i64, Path, description = "Collaboration id"), ("contribution" = i64, Path, description = "Id of the recorded figure")),
    responses((status = 204, description = "Removed"), Change))]
pub async fn delete(
    State(app): State<App>,
    Who(who): Who,
    ApiPath((id, contribution)): ApiPath<(i64, i64)>,
) -> Result<StatusCode, ApiError> {
    app.delete_money(id, contribution, &who).await?;
    Ok(StatusCode::NO_CONTENT)
}
