//! What a municipal council itself can do in one regeling, from the rules of the table that
//! hold on a day: its say in changing, joining or leaving (art. 1), which depends on whether
//! the council itself takes part ([`CouncilPosition`]), and — for a regeling with a body of its
//! own — its place in the yearly budget cycle.

use chrono::NaiveDate;
use serde::Serialize;

use super::calendar::{Regeling, weeks};
use super::organs::{Bestuursorgaan, CouncilPosition, council_position};
use super::table::{Term, WgrRule, WgrTable};
use super::{Verification, WgrMoment, chapter, has_body};
use crate::collaboration::WgrForm;
use crate::{Message, msg};

/// One thing the council can do (or receives), with its article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct CouncilPower {
    #[schema(value_type = String)]
    pub moment: WgrMoment,
    /// What the council can do, in Dutch.
    #[schema(value_type = String)]
    pub text: Message,
    #[schema(value_type = String)]
    pub source: Message,
    pub law_url: String,
    #[schema(value_type = String)]
    pub verification: Verification,
}

/// A council's position in a regeling and what it can do there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct CouncilView {
    #[schema(value_type = String)]
    pub position: CouncilPosition,
    /// Empty when no rule applies: a regeling ended before the day, or one whose participants
    /// fall under a chapter for which no articles were read.
    pub powers: Vec<CouncilPower>,
}

fn power_text(rule: &WgrRule, form: Option<WgrForm>, position: CouncilPosition) -> Option<Message> {
    let weeks = weeks(rule).unwrap_or_default();
    let (dag, maand) = match rule.term {
        Term::BeforeDate { month, day } => (day.to_string(), crate::text::month_name(month)),
        _ => (String::new(), ""),
    };
    let text = match rule.moment {
        WgrMoment::Kaders => msg!(
            "wgr-power-kaders",
            "Vóór {dag} {maand} van het jaar vóór het begrotingsjaar ontvangt de raad de algemene financiële en beleidsmatige kaders en kan hij ze bespreken.",
            dag = dag,
            maand = maand
        ),
        WgrMoment::VoorlopigeJaarrekening => msg!(
            "wgr-power-voorlopige-jaarrekening",
            "Vóór {dag} {maand} ontvangt de raad de voorlopige jaarrekening over het vorige jaar.",
            dag = dag,
            maand = maand
        ),
        WgrMoment::Ontwerpbegroting => msg!(
            "wgr-power-ontwerpbegroting",
            "De raad ontvangt de ontwerpbegroting {weeks} weken voordat zij ter vaststelling wordt aangeboden.",
            weeks = weeks
        ),
        WgrMoment::ZienswijzeBegroting => msg!(parts;
            "wgr-power-zienswijze-begroting",
            "De raad kan binnen {weeks} weken na ontvangst zijn zienswijze over de ontwerpbegroting naar voren brengen bij {body}.",
            weeks = weeks;
            body = rule.recipient.named(form?)
        ),
        WgrMoment::BegrotingToezicht => msg!(parts;
            "wgr-power-begroting-toezicht",
            "De vastgestelde begroting gaat vóór {dag} {maand} naar {recipient}; de raad heeft hier geen eigen stap.",
            dag = dag,
            maand = maand;
            recipient = rule.recipient.named(form?)
        ),
        WgrMoment::JaarrekeningToezicht => msg!(parts;
            "wgr-power-jaarrekening-toezicht",
            "De vastgestelde jaarrekening gaat vóór {dag} {maand} naar {recipient}; de raad heeft hier geen eigen stap.",
            dag = dag,
            maand = maand;
            recipient = rule.recipient.named(form?)
        ),
        WgrMoment::ZienswijzeRegeling => match position {
            CouncilPosition::RaadNeemtDeel | CouncilPosition::RaadEnCollege => msg!(
                "wgr-power-regeling-raad",
                "De raad neemt zelf deel: hij beslist zelf over wijziging, toetreding en uittreding, en het ontwerp gaat niet ter zienswijze naar de raden."
            ),
            CouncilPosition::CollegeOfBurgemeester => msg!(
                "wgr-power-regeling-college",
                "Bij een wijziging, toetreding of uittreding krijgt de raad het ontwerp en kan hij binnen {weeks} weken na ontvangst zijn zienswijze geven aan het college of de burgemeester.",
                weeks = weeks
            ),
            CouncilPosition::NietVastgelegd => msg!(
                "wgr-power-regeling-onbekend",
                "Niet vastgelegd is welk bestuursorgaan van de gemeente deelneemt. Neemt de raad niet zelf deel, dan krijgt hij het ontwerp van een wijziging, toetreding of uittreding en kan hij binnen {weeks} weken na ontvangst zijn zienswijze geven.",
                weeks = weeks
            ),
        },
        WgrMoment::ToestemmingRegeling => match position {
            CouncilPosition::RaadNeemtDeel => return None,
            CouncilPosition::RaadEnCollege | CouncilPosition::CollegeOfBurgemeester => msg!(
                "wgr-power-toestemming",
                "Het college of de burgemeester gaat pas over tot wijziging, toetreding of uittreding na toestemming van de raad; de raad kan die alleen onthouden wegens strijd met het recht of het algemeen belang."
            ),
            CouncilPosition::NietVastgelegd => msg!(
                "wgr-power-toestemming-onbekend",
                "Neemt het college of de burgemeester deel, dan is voor wijziging, toetreding of uittreding toestemming van de raad nodig; die kan alleen worden onthouden wegens strijd met het recht of het algemeen belang."
            ),
        },
    };
    Some(text)
}

/// What a municipal council can do in `regeling` on `on`, when its municipality takes part
/// through the bodies `organs` (the register's `bestuursorganen` of that participant). The
/// rules come from the table: those of the regeling's chapter that hold on `on` and apply to
/// its form; the budget rules only for a form with a body of its own, the rules on changing,
/// joining and leaving for every form (also when the form is not recorded).
pub fn what_the_council_can_do(
    table: &WgrTable,
    regeling: &Regeling<'_>,
    organs: &[Bestuursorgaan],
    on: NaiveDate,
) -> CouncilView {
    let position = council_position(organs);
    let ended = regeling.end.is_some_and(|end| end < on);
    let Some(chapter) = chapter(regeling.participants.iter().copied()).filter(|_| !ended) else {
        return CouncilView {
            position,
            powers: Vec::new(),
        };
    };
    let applies = |rule: &WgrRule| match regeling.form {
        Some(form) => rule.forms.contains(&form) && (!rule.moment.is_yearly() || has_body(form)),
        None => !rule.moment.is_yearly() && WgrForm::ALL.iter().all(|f| rule.forms.contains(f)),
    };
    let powers = table
        .rules
        .iter()
        .filter(|r| r.chapter == chapter && r.holds_on(on) && applies(r))
        .filter_map(|rule| {
            Some(CouncilPower {
                moment: rule.moment,
                text: power_text(rule, regeling.form, position)?,
                source: rule.citation(),
                law_url: rule.law_url.clone(),
                verification: rule.verification,
            })
        })
        .collect::<Vec<_>>();
    let mut powers = powers;
    powers.sort_by_key(|p| WgrMoment::ALL.iter().position(|m| *m == p.moment));
    CouncilView { position, powers }
}

#[cfg(test)]
mod tests;
