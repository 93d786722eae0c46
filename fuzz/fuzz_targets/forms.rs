//! The form parsers: a body as a browser posts it (`application/x-www-form-urlencoded`, decoded
//! into pairs as the web's `Form` extractor does), its fields put into the domain's inputs as
//! the page handlers put them, then parsed; and every value through each field parser a form
//! or query parameter reaches.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samenspel_domain::account::{Email, NewPassword, parse_user_name};
use samenspel_domain::collaboration::{CollaborationInput, parse_date, parse_iso_date};
use samenspel_domain::control::{ControlInput, MomentInput};
use samenspel_domain::iv3::TaskFieldCode;
use samenspel_domain::medebewind::disbalance::Settings;
use samenspel_domain::money::{AmountInput, Cents, ContributionInput, parse_year};
use samenspel_domain::moore::{Fte, MooreInput};
use samenspel_domain::org::OrgCode;
use samenspel_domain::participation::{ParticipationInput, ProcessInput, parse_cvdr, parse_yes_no};
use samenspel_domain::partnership::{Dimension, ScoreValue, StanceInput};
use samenspel_domain::search::SearchQuery;
use samenspel_domain::staat::period::Period;
use samenspel_domain::survey::Answer;
use samenspel_domain::udo::dashboard::DashboardFilter;

type Pairs = [(String, String)];

/// The first value of `name`, or empty (as the web's `form::get`).
fn get<'a>(pairs: &'a Pairs, name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

fn all(pairs: &Pairs, name: &str) -> Vec<String> {
    pairs
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .collect()
}

/// Rows `prefix[0].…`, `prefix[1].…` for as long as the form has them.
fn rows<T>(pairs: &Pairs, prefix: &str, most: usize, row: impl Fn(&dyn Fn(&str) -> String) -> T) -> Vec<T> {
    let mut out = Vec::new();
    for index in 0..most {
        let start = format!("{prefix}[{index}].");
        if !pairs.iter().any(|(k, _)| k.starts_with(&start)) {
            break;
        }
        out.push(row(&|name| get(pairs, &format!("{start}{name}")).to_owned()));
    }
    out
}

fn collaboration(pairs: &Pairs) -> CollaborationInput {
    CollaborationInput {
        name: get(pairs, "name").into(),
        kind: get(pairs, "type").into(),
        wgr_form: get(pairs, "wgr_form").into(),
        task: get(pairs, "task").into(),
        public_value: get(pairs, "public_value").into(),
        region: get(pairs, "region").into(),
        start_date: get(pairs, "start_date").into(),
        end_date: get(pairs, "end_date").into(),
        phases: get(pairs, "phases").lines().map(str::to_owned).collect(),
        legal_basis: get(pairs, "legal_basis").into(),
        policy_areas: get(pairs, "policy_areas").lines().map(str::to_owned).collect(),
    }
}

fn stance(pairs: &Pairs) -> StanceInput {
    let mut input = StanceInput {
        phase: Some(get(pairs, "phase").to_owned()).filter(|p| !p.trim().is_empty()),
        ..Default::default()
    };
    for d in Dimension::ALL {
        let score = get(pairs, &format!("scores.{}", d.key()));
        input
            .scores
            .insert(d.key().to_owned(), ScoreValue::Form(score.to_owned()));
        let motivation = get(pairs, &format!("motivations.{}", d.key()));
        if !motivation.trim().is_empty() {
            input
                .motivations
                .insert(d.key().to_owned(), motivation.to_owned());
        }
    }
    input
}

fn participation(pairs: &Pairs) -> ParticipationInput {
    ParticipationInput {
        processes: rows(pairs, "processes", 64, |f| ProcessInput {
            platform: f("platform"),
            address: f("address"),
            title: f("title"),
        }),
        ordinance_url: get(pairs, "ordinance_url").to_owned(),
        ordinance_cvdr: get(pairs, "ordinance_cvdr").to_owned(),
        right_to_challenge: get(pairs, "right_to_challenge").to_owned(),
        agreements: get(pairs, "agreements").to_owned(),
        agreements_url: get(pairs, "agreements_url").to_owned(),
    }
}

fn control(pairs: &Pairs) -> ControlInput {
    ControlInput {
        bodies: all(pairs, "bodies"),
        instruments: all(pairs, "instruments"),
        responsible_minister: get(pairs, "responsible_minister").to_owned(),
        next_evaluation: get(pairs, "next_evaluation").to_owned(),
        moments: rows(pairs, "moments", 64, |f| MomentInput {
            kind: f("kind"),
            date: f("date"),
            body: f("body"),
            description: f("description"),
        }),
    }
}

/// A refusal always says why.
fn refused_with_reason<T>(result: Result<T, samenspel_domain::ValidationErrors>) {
    if let Err(errors) = result {
        assert!(!errors.is_empty(), "a refusal without a reason");
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(pairs) = serde_urlencoded::from_bytes::<Vec<(String, String)>>(data) else {
        return;
    };
    let input = collaboration(&pairs);
    refused_with_reason(input.parse());
    refused_with_reason(stance(&pairs).parse(&input.phases));
    refused_with_reason(
        ContributionInput {
            partner: get(&pairs, "partner"),
            year: get(&pairs, "year"),
            amount: AmountInput::Euro(get(&pairs, "amount")),
            instrument: get(&pairs, "instrument"),
            status: get(&pairs, "status"),
        }
        .parse(),
    );
    refused_with_reason(
        MooreInput {
            public_value: get(&pairs, "public_value").to_owned(),
            mandate: get(&pairs, "mandate").to_owned(),
            support: get(&pairs, "support").to_owned(),
            fte: get(&pairs, "fte").to_owned(),
            processes: get(&pairs, "processes").to_owned(),
        }
        .parse(),
    );
    refused_with_reason(participation(&pairs).parse());
    refused_with_reason(control(&pairs).parse());
    refused_with_reason(Period::parse(get(&pairs, "van"), get(&pairs, "tot")));
    refused_with_reason(Settings::parse(get(&pairs, "margin"), get(&pairs, "years")));
    refused_with_reason(DashboardFilter::parse(
        get(&pairs, "year"),
        get(&pairs, "ministry"),
    ));
    for (name, value) in &pairs {
        refused_with_reason(SearchQuery::parse(value));
        refused_with_reason(Email::parse(name, value));
        refused_with_reason(NewPassword::parse(name, value));
        refused_with_reason(parse_user_name(name, value));
        refused_with_reason(OrgCode::parse_field(name, value));
        refused_with_reason(parse_date(name, value));
        refused_with_reason(parse_iso_date(name, value));
        refused_with_reason(Cents::parse_euro(name, value));
        refused_with_reason(parse_year(name, value));
        refused_with_reason(Fte::parse(name, value));
        refused_with_reason(Answer::parse_cell(name, value));
        refused_with_reason(TaskFieldCode::parse(name, value));
        refused_with_reason(parse_yes_no(name, value));
        refused_with_reason(parse_cvdr(name, value));
    }
});
