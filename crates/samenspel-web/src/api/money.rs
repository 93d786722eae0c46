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
use crate::error::{ApiError, Problem};
use crate::session::Who;

/// The collaboration's money: every recorded figure, totals and shares per partner, layer and
/// year, the rule checks with their source, and where stated stances on dimension 3 disagree
/// with the actual shares.
#[utoipa::path(get, path = "/api/v1/collaborations/{id}/money", tag = "money",
    params(("id" = i64, Path, description = "Collaboration id")),
    responses((status = 200, body = MoneyView, headers(("API-Version" = String, description = "Full version of the API"))),
              (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn show(
    State(app): State<App>,
    Who(who): Who,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<MoneyView>, ApiError> {
    Ok(Json(app.money(id, &who).await?))
}

/// Record a partner's money for a year; the same partner, year, instrument and status again
/// replaces the amount.
#[utoipa::path(post, path = "/api/v1/collaborations/{id}/money", tag = "money", request_body = ExchangedMoney,
    params(("id" = i64, Path, description = "Collaboration id")),
    responses((status = 201, body = ContributionRecord, headers(("API-Version" = String, description = "Full version of the API"))),
              (status = 401, body = Problem, content_type = "application/problem+json"),
              (status = 403, body = Problem, content_type = "application/problem+json"),
              (status = 404, body = Problem, content_type = "application/problem+json"),
              (status = 422, body = Problem, content_type = "application/problem+json")))]
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
#[utoipa::path(delete, path = "/api/v1/collaborations/{id}/money/{contribution}", tag = "money",
    params(("id" = i64, Path, description = "Collaboration id"), ("contribution" = i64, Path, description = "Id of the recorded figure")),
    responses((status = 204, description = "Removed"),
              (status = 401, body = Problem, content_type = "application/problem+json"),
              (status = 403, body = Problem, content_type = "application/problem+json"),
              (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn delete(
    State(app): State<App>,
    Who(who): Who,
    ApiPath((id, contribution)): ApiPath<(i64, i64)>,
) -> Result<StatusCode, ApiError> {
    app.delete_money(id, contribution, &who).await?;
    Ok(StatusCode::NO_CONTENT)
}
