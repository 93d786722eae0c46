//! The yearly planning-and-control calendar of one regeling, derived from the table of Wgr
//! terms: for the calendar year of "today" and the next, every moment whose last day is not
//! yet past, with its date, what happens, who acts, what the council can do, and its article.
//!
//! Dates are the law's own: a date that falls on a weekend or holiday is not moved. (The
//! Algemene termijnenwet, art. 1, lengthens a statutory term that ends on such a day, but not
//! one counted backwards from a moment, art. 1, second paragraph; the calendar shows the
//! statutory dates and says which are bounds it derived.)

use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;

use super::table::{Term, WgrRule, WgrTable};
use super::{Origin, Party, Verification, WgrChapter, WgrMoment, adopting_body, chapter, has_body};
use crate::collaboration::WgrForm;
use crate::keyed::keyed_enum;
use crate::org::OrgType;
use crate::{Message, msg};

/// When a moment falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(tag = "kind", content = "date", rename_all = "kebab-case")]
pub enum Timing {
    /// Before this day (the law's "vóór"): the last day is the day before.
    Before(NaiveDate),
    /// At the latest on this day: a bound derived from other terms.
    NoLaterThan(NaiveDate),
}

impl Timing {
    /// The last day on which the moment can still happen.
    pub fn last_day(self) -> NaiveDate {
        match self {
            Timing::Before(day) => day.pred_opt().unwrap_or(day),
            Timing::NoLaterThan(day) => day,
        }
    }

    /// The timing in words: `vóór 15-09-2026` or `uiterlijk 14-09-2026`.
    pub fn text(self) -> Message {
        match self {
            Timing::Before(day) => msg!("wgr-timing-before", "vóór {date}", date = day.format("%d-%m-%Y")),
            Timing::NoLaterThan(day) => {
                msg!(
                    "wgr-timing-no-later-than",
                    "uiterlijk {date}",
                    date = day.format("%d-%m-%Y")
                )
            }
        }
    }
}

keyed_enum!(
    /// Why a regeling has no statutory calendar.
    NoCalendar, "calendar", "reden zonder kalender" {
        GeenVorm => "geen-vorm", "De Wgr-vorm van de regeling is niet vastgelegd, dus de termijnen zijn niet af te leiden.";
        ZonderBestuur => "zonder-bestuur", "Een regeling zonder meer en een centrumgemeenteconstructie hebben geen eigen bestuur en dus geen eigen begroting.";
        Beeindigd => "beeindigd", "De regeling is beëindigd.";
        DeelnemersOnbekend => "deelnemers-onbekend", "De deelnemers van de regeling zijn niet bekend.";
        HoofdstukNietAfgeleid => "hoofdstuk-niet-afgeleid", "Voor regelingen met deze deelnemers (bijvoorbeeld waterschappen, het Rijk of alleen provincies) zijn de termijnen niet afgeleid.";
    }
);

/// What the calendar needs to know of a regeling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Regeling<'a> {
    pub form: Option<WgrForm>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    /// The types of its current participants.
    pub participants: &'a [OrgType],
}

/// One coming statutory moment of a regeling.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct StatutoryMoment {
    #[schema(value_type = String)]
    pub moment: WgrMoment,
    pub timing: Timing,
    /// The year of the budget or accounts the moment concerns.
    pub concerns_year: i32,
    /// What happens, in Dutch.
    #[schema(value_type = String)]
    pub what: Message,
    /// Who acts.
    #[schema(value_type = String)]
    pub actor: Message,
    /// Who receives.
    #[schema(value_type = String)]
    pub recipient: Message,
    /// What the council itself can do at this moment.
    #[schema(value_type = String)]
    pub council_can: Message,
    /// The article, e.g. `Wet gemeenschappelijke regelingen, artikel 35, lid 1 (BWBR0003740)`.
    #[schema(value_type = String)]
    pub source: Message,
    pub law_url: String,
    #[schema(value_type = String)]
    pub verification: Verification,
    /// Always [`Origin::VolgensDeWet`]: derived, not recorded.
    #[schema(value_type = String)]
    pub origin: Origin,
}

/// The timing of `rule` in calendar `year`; an anchor is looked up among the rules of the
/// same chapter that hold on its own last day. `depth` stops a chain of anchors that loops.
fn timing_in(table: &WgrTable, rule: &WgrRule, year: i32, depth: usize) -> Option<Timing> {
    let anchored = |anchor: WgrMoment| {
        table
            .rules
            .iter()
            .filter(|r| r.moment == anchor && r.chapter == rule.chapter)
            .filter_map(|r| {
                let t = (depth < table.rules.len())
                    .then(|| timing_in(table, r, year, depth + 1))
                    .flatten()?;
                r.holds_on(t.last_day()).then_some(t)
            })
            .next()
    };
    match rule.term {
        Term::BeforeDate { month, day } => NaiveDate::from_ymd_opt(year, month, day).map(Timing::Before),
        Term::WeeksBefore { anchor, weeks } => {
            let last = anchored(anchor)?.last_day();
            Some(Timing::NoLaterThan(last - Duration::weeks(i64::from(weeks))))
        }
        Term::WeeksAfter { anchor, weeks } => {
            let last = anchored(anchor)?.last_day();
            Some(Timing::NoLaterThan(last + Duration::weeks(i64::from(weeks))))
        }
        Term::WithinWeeksOfReceipt { .. } | Term::NoTerm => None,
    }
}

/// The timing of `rule` in calendar `year`, when the rule holds on that day.
pub fn timing(table: &WgrTable, rule: &WgrRule, year: i32) -> Option<Timing> {
    timing_in(table, rule, year, 0).filter(|t| rule.holds_on(t.last_day()))
}

/// The weeks of a rule's term, if it is counted in weeks.
pub(crate) fn weeks(rule: &WgrRule) -> Option<u32> {
    match rule.term {
        Term::WeeksBefore { weeks, .. }
        | Term::WeeksAfter { weeks, .. }
        | Term::WithinWeeksOfReceipt { weeks } => Some(weeks),
        Term::BeforeDate { .. } | Term::NoTerm => None,
    }
}

fn what(rule: &WgrRule, form: WgrForm, year: i32) -> Message {
    let weeks = weeks(rule).unwrap_or_default();
    let recipient = rule.recipient.named(form);
    match rule.moment {
        WgrMoment::Kaders => msg!(
            "wgr-what-kaders",
            "Algemene financiële en beleidsmatige kaders voor de begroting {year} naar de raden",
            year = year
        ),
        WgrMoment::VoorlopigeJaarrekening => msg!(
            "wgr-what-voorlopige-jaarrekening",
            "Voorlopige jaarrekening over {year} naar de raden",
            year = year
        ),
        WgrMoment::Ontwerpbegroting => msg!(
            "wgr-what-ontwerpbegroting",
            "Ontwerpbegroting {year} naar de raden, {weeks} weken voordat zij ter vaststelling wordt aangeboden",
            year = year,
            weeks = weeks
        ),
        WgrMoment::ZienswijzeBegroting => msg!(
            "wgr-what-zienswijze-begroting",
            "Einde van de zienswijzetermijn op de ontwerpbegroting {year}, {weeks} weken na ontvangst",
            year = year,
            weeks = weeks
        ),
        WgrMoment::BegrotingToezicht => msg!(parts;
            "wgr-what-begroting-toezicht",
            "Vastgestelde begroting {year} naar {recipient}",
            year = year;
            recipient = recipient
        ),
        WgrMoment::JaarrekeningToezicht => msg!(parts;
            "wgr-what-jaarrekening-toezicht",
            "Vastgestelde jaarrekening over {year} naar {recipient}",
            year = year;
            recipient = recipient
        ),
        WgrMoment::ZienswijzeRegeling | WgrMoment::ToestemmingRegeling => rule.moment.label(),
    }
}

fn council_can(rule: &WgrRule, form: WgrForm) -> Message {
    let weeks = weeks(rule).unwrap_or_default();
    match rule.moment {
        WgrMoment::Kaders => msg!(
            "wgr-can-kaders",
            "De raad ontvangt de kaders en kan ze bespreken; de wet geeft hierop geen zienswijzetermijn."
        ),
        WgrMoment::VoorlopigeJaarrekening => msg!(
            "wgr-can-voorlopige-jaarrekening",
            "De raad ontvangt de voorlopige jaarrekening; de wet geeft hierop geen zienswijzetermijn."
        ),
        WgrMoment::Ontwerpbegroting => msg!(
            "wgr-can-ontwerpbegroting",
            "De raad ontvangt de ontwerpbegroting; vanaf ontvangst lopen de {weeks} weken voor zijn zienswijze.",
            weeks = weeks
        ),
        WgrMoment::ZienswijzeBegroting => msg!(parts;
            "wgr-can-zienswijze-begroting",
            "Zienswijze indienen bij {body}, binnen {weeks} weken na ontvangst; kwam de ontwerpbegroting eerder, dan eindigt de termijn eerder.",
            weeks = weeks;
            body = rule.recipient.named(form)
        ),
        WgrMoment::BegrotingToezicht => msg!(parts;
            "wgr-can-begroting-toezicht",
            "Geen eigen stap van de raad: de begroting gaat binnen twee weken na vaststelling door {adopter} naar {recipient}.";
            adopter = adopting_body(form),
            recipient = rule.recipient.named(form)
        ),
        WgrMoment::JaarrekeningToezicht => msg!(parts;
            "wgr-can-jaarrekening-toezicht",
            "Geen eigen stap van de raad: de jaarrekening gaat binnen twee weken na vaststelling door {adopter} naar {recipient}.";
            adopter = adopting_body(form),
            recipient = rule.recipient.named(form)
        ),
        WgrMoment::ZienswijzeRegeling | WgrMoment::ToestemmingRegeling => rule.moment.label(),
    }
}

/// Checks a regeling before its calendar is derived: a form with a body of its own, not ended
/// before `today`, participants of a chapter whose articles were read.
pub fn calendar_chapter(
    regeling: &Regeling<'_>,
    today: NaiveDate,
) -> Result<(WgrForm, WgrChapter), NoCalendar> {
    let form = regeling.form.ok_or(NoCalendar::GeenVorm)?;
    if !has_body(form) {
        return Err(NoCalendar::ZonderBestuur);
    }
    if regeling.end.is_some_and(|end| end < today) {
        return Err(NoCalendar::Beeindigd);
    }
    if regeling.participants.is_empty() {
        return Err(NoCalendar::DeelnemersOnbekend);
    }
    let chapter = chapter(regeling.participants.iter().copied()).ok_or(NoCalendar::HoofdstukNietAfgeleid)?;
    Ok((form, chapter))
}

/// The coming statutory moments of `regeling`, by date: those of the calendar year of `today`
/// whose last day is not past, and those of the next year. A moment is left out when it falls
/// before the regeling's start or after its end, or concerns a year outside its life (our
/// choice: a body that is being wound up still settles its last accounts; that is not shown).
/// Moments on the same day come in the order of [`WgrMoment::ALL`]. Every moment is marked
/// [`Origin::VolgensDeWet`].
pub fn coming_moments(
    table: &WgrTable,
    regeling: &Regeling<'_>,
    today: NaiveDate,
) -> Result<Vec<StatutoryMoment>, NoCalendar> {
    let (form, chapter) = calendar_chapter(regeling, today)?;
    let mut out: Vec<(NaiveDate, Option<usize>, StatutoryMoment)> = Vec::new();
    for year in [today.year(), today.year() + 1] {
        for rule in table.rules_for(chapter, form) {
            let (Some(offset), Some(timing)) = (rule.year_offset, timing(table, rule, year)) else {
                continue;
            };
            let last = timing.last_day();
            let concerns_year = year + offset;
            let within_life = regeling
                .start
                .is_none_or(|s| s <= last && s.year() <= concerns_year)
                && regeling
                    .end
                    .is_none_or(|e| last <= e && concerns_year <= e.year());
            if last < today || !within_life {
                continue;
            }
            out.push((
                last,
                WgrMoment::ALL.iter().position(|m| *m == rule.moment),
                StatutoryMoment {
                    moment: rule.moment,
                    timing,
                    concerns_year,
                    what: what(rule, form, concerns_year),
                    actor: match rule.actor {
                        Party::Bestuur => capitalised(rule.actor, form),
                        other => other.label(),
                    },
                    recipient: rule.recipient.named(form),
                    council_can: council_can(rule, form),
                    source: rule.citation(),
                    law_url: rule.law_url.clone(),
                    verification: rule.verification,
                    origin: Origin::VolgensDeWet,
                },
            ));
        }
    }
    out.sort_by_key(|(last, order, _)| (*last, *order));
    Ok(out.into_iter().map(|(_, _, m)| m).collect())
}

/// The acting body by name, as the start of a line ("Het dagelijks bestuur").
fn capitalised(party: Party, form: WgrForm) -> Message {
    match (party, form) {
        (Party::Bestuur, WgrForm::Bedrijfsvoeringsorganisatie) => msg!(
            "wgr-actor-bestuur-bvo",
            "Het bestuur van de bedrijfsvoeringsorganisatie"
        ),
        (Party::Bestuur, WgrForm::GemeenschappelijkOrgaan) => {
            msg!("wgr-actor-bestuur-go", "Het gemeenschappelijk orgaan")
        }
        (Party::Bestuur, _) => msg!("wgr-actor-bestuur-ol", "Het dagelijks bestuur"),
        (other, _) => other.label(),
    }
}

#[cfg(test)]
mod tests;
