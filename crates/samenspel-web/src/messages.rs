//! The domain's messages ([`Message`]: a catalogue id, named arguments and the Dutch text) in
//! the visitor's language, from `locales/<lang>/errors.ftl` and the other catalogues.

use samenspel_domain::Message;

use crate::i18n::{Lang, message_ids};

impl Lang {
    /// `message` in this language. Dutch is the domain's own text (the catalogue holds the
    /// same, a test makes sure); a message missing from the catalogue shows in Dutch. An
    /// argument made of messages ([`Message::parts`]) shows each in this language.
    pub fn msg(self, message: &Message) -> String {
        if self == Lang::Nl || !message_ids(self).contains(message.id()) {
            if self != Lang::Nl {
                tracing::error!(message_id = message.id(), "message missing from the catalogue");
            }
            return message.dutch().to_owned();
        }
        let parts: Vec<(&str, String)> = message
            .parts()
            .iter()
            .map(|(name, parts)| (*name, parts.join(|m| self.msg(m))))
            .collect();
        let args: Vec<(&str, &str)> = message
            .args()
            .iter()
            .map(|(k, v)| match parts.iter().find(|(name, _)| name == k) {
                Some((_, shown)) => (*k, shown.as_str()),
                None => (*k, v.as_str()),
            })
            .collect();
        self.t_with(message.id(), &args)
    }
}

#[cfg(test)]
mod tests {
    use samenspel_domain::ValidationErrors;
    use samenspel_domain::collaboration::CollaborationKind;
    use samenspel_domain::control::{self, DemocraticControl, PartnerLayers};
    use samenspel_domain::money::{self, Cents, MoneyFacts};
    use samenspel_domain::moore::{self, MooreStatement, PartnerFacts, Support};
    use samenspel_domain::rules;

    use super::*;

    /// The Dutch text the catalogue gives for `message`'s id and arguments.
    fn dutch_catalogue(message: &Message) -> String {
        let args: Vec<(&str, &str)> = message.args().iter().map(|(k, v)| (*k, v.as_str())).collect();
        Lang::Nl.t_with(message.id(), &args)
    }

    /// Messages the domain gives for known-bad input, one or more of each kind.
    fn samples() -> Vec<Message> {
        use samenspel_domain::{account, collaboration, keyed, org, partnership, search, text};
        let mut refused: Vec<ValidationErrors> = vec![
            text::parse_line("f", "", 10, true).unwrap_err(),
            text::parse_line("f", "a\u{7}b", 10, true).unwrap_err(),
            text::parse_line("f", "abcdefghijkl", 10, true).unwrap_err(),
            search::SearchQuery::parse("").unwrap_err(),
            search::SearchQuery::parse(&"a".repeat(500)).unwrap_err(),
            account::Email::parse("email", "geen-adres").unwrap_err(),
            account::NewPassword::parse("p", "kort").unwrap_err(),
            account::NewPassword::parse("p", &"x".repeat(2000)).unwrap_err(),
            org::OrgCode::parse_field("code", "!!").unwrap_err(),
            org::OrgType::parse_field("type", "club").unwrap_err(),
            org::NewOrganisation::parse("Gemeente X", "gemeente", "").unwrap_err(),
            samenspel_domain::auth::Role::parse_field("role", "baas").unwrap_err(),
            collaboration::parse_iso_date("d", "31-13-2020").unwrap_err(),
            collaboration::parse_date("d", "31-13-2020").unwrap_err(),
            money::Cents::parse_euro("a", "").unwrap_err(),
            money::Cents::parse_euro("a", "-5").unwrap_err(),
            money::Cents::parse_euro("a", "1.2.3").unwrap_err(),
            money::Cents::parse_euro("a", "1,234").unwrap_err(),
            money::Cents::parse_euro("a", "99999999999999999999").unwrap_err(),
            money::Cents::from_cents("a", -1).unwrap_err(),
            money::parse_year("y", "3000").unwrap_err(),
            moore::Fte::parse("fte", "2,55").unwrap_err(),
            partnership::Score::parse_field("s", "").unwrap_err(),
            partnership::Score::parse_field("s", "9").unwrap_err(),
            partnership::Score::parse_field("s", "drie").unwrap_err(),
            partnership::Score::from_json("s", &serde_json::Value::Null).unwrap_err(),
            partnership::resolve_phase(&["Start".to_owned()], Some("Einde")).unwrap_err(),
            samenspel_domain::attachment::Attachment::check("a.txt", Vec::new()).unwrap_err(),
            samenspel_domain::attachment::Attachment::check("a.exe", vec![0x4d, 0x5a, 0, 0]).unwrap_err(),
            samenspel_domain::survey::Answer::parse_cell("S01", "7").unwrap_err(),
        ];
        let collaboration: collaboration::CollaborationInput = serde_json::from_value(serde_json::json!({
            "name": "", "type": "regio-deal", "wgr_form": "openbaar-lichaam",
            "start_date": "2026-03-01", "end_date": "2025-01-01",
            "phases": ["Start", "start"], "policy_areas": vec!["x"; 40]
        }))
        .unwrap();
        refused.push(collaboration.parse().unwrap_err());
        let stance: partnership::StanceInput = serde_json::from_value(serde_json::json!({
            "scores": {"onbekend": 3}, "motivations": {"onbekend": "x"}
        }))
        .unwrap();
        refused.push(stance.parse(&[]).unwrap_err());
        refused.extend(keyed::unknown_key_refusals());
        let mut messages: Vec<Message> = refused
            .into_iter()
            .flat_map(|e| e.errors)
            .map(|e| e.message)
            .collect();
        messages.push(Message::plain("Iets van elders."));
        messages.extend(samenspel_domain::auth::Role::ALL.map(samenspel_domain::auth::Role::label));
        messages.extend(
            samenspel_domain::audit::AuditAction::ALL
                .iter()
                .map(|a| a.label()),
        );
        messages.extend(samenspel_domain::auth::Action::ALL.map(samenspel_domain::auth::Action::refusal));
        messages.extend(findings());
        messages.extend(refusals());
        messages
    }

    /// The details of conflicts, waits and unreadable requests (409, 429, 400).
    fn refusals() -> Vec<Message> {
        use samenspel_domain::survey::period::NotAnswerable;
        use samenspel_domain::survey::wave::{self, WaveEvent, WaveState};
        use samenspel_store::conflict;

        let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap_or_default();
        let mut messages = vec![
            conflict::stale_version(2, chrono::Utc::now()),
            conflict::collaboration_key_taken(),
            conflict::organisation_code_taken(),
            conflict::changed_during_import("rij-3"),
            conflict::partner_has_stances("rij-3", "GM0363"),
            conflict::wave_closed(),
            conflict::wave_exists("najaar"),
            samenspel_app::refusals::too_many_sign_ins(15),
            samenspel_app::refusals::too_many_link_answers(30, 60),
            samenspel_app::refusals::too_many_exports(30, 10),
            crate::api::reasons::not_json(),
            crate::api::reasons::json_syntax("EOF while parsing a string at line 1 column 15"),
            crate::api::reasons::json_data("name: invalid type: integer `1`, expected a string"),
            crate::api::reasons::query("limit: invalid digit found in string"),
            crate::api::reasons::path("Cannot parse `abc` to a `i64`"),
            crate::api::reasons::unknown_format("xml"),
            crate::api::reasons::import_content_type(),
        ];
        for why in [
            NotAnswerable::Closed,
            NotAnswerable::NotYetOpen(day),
            NotAnswerable::PastClosingDate(day),
        ] {
            messages.extend([
                why.title(),
                why.message(),
                samenspel_app::refusals::no_invitations(why),
            ]);
        }
        for state in [WaveState::Open, WaveState::Closed] {
            for event in WaveEvent::ALL {
                if let Err(refused) = wave::after(state, event) {
                    messages.push(wave::refusal("najaar", refused));
                }
            }
        }
        messages.push(wave::refusal(
            "najaar",
            samenspel_domain::transitions::Refusal::Missing {
                event: WaveEvent::Close,
                missing: "de sluitingsdatum is bereikt",
            },
        ));
        messages
    }

    /// A partner for Moore's triangle that stated `statement` and put in `euros`.
    fn partner(statement: Option<MooreStatement>, euros: i64) -> PartnerFacts {
        PartnerFacts {
            code: samenspel_domain::org::OrgCode::parse("GM0344").unwrap(),
            name: "Gemeente Utrecht".into(),
            statement,
            money: Cents::new(euros * 100).unwrap(),
        }
    }

    /// What the pages of a collaboration find: Moore's reasons, the democratic control's
    /// findings, and the money rules with their sources and verdicts (every one of each).
    fn findings() -> Vec<Message> {
        let mut out = Vec::new();
        let little_support = MooreStatement {
            support: Some(Support::Weinig),
            ..MooreStatement::default()
        };
        for assessment in [
            moore::assess(None, false, &[partner(None, 0)]),
            moore::assess(None, false, &[partner(Some(little_support), 0)]),
            moore::assess(None, false, &[]),
        ] {
            let partners = assessment.partners.iter().flat_map(|p| &p.elements);
            for judgement in assessment.elements.iter().chain(partners) {
                out.extend(judgement.reasons.iter().cloned());
            }
        }
        let every_layer = PartnerLayers {
            rijk: true,
            municipalities: true,
            provinces: true,
            ministries: 1,
        };
        let today = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let overdue = DemocraticControl {
            next_evaluation: chrono::NaiveDate::from_ymd_opt(2025, 1, 1),
            ..DemocraticControl::default()
        };
        let two_ministries = PartnerLayers {
            ministries: 2,
            ..every_layer
        };
        for (control, layers) in [
            (DemocraticControl::default(), every_layer),
            (overdue, every_layer),
            (DemocraticControl::default(), two_ministries),
        ] {
            let kind = CollaborationKind::GemeenschappelijkeRegeling;
            out.extend(
                control::assess(&control, kind, layers, today)
                    .into_iter()
                    .map(|f| f.message),
            );
        }
        let euros = |e: i64| Cents::new(e * 100).unwrap();
        let facts = |kind, rijk, decentral_own, total| MoneyFacts {
            kind,
            rijk: euros(rijk),
            decentral_own: euros(decentral_own),
            total: euros(total),
        };
        for case in [
            facts(CollaborationKind::RegioDeal, 600, 0, 1000),
            facts(CollaborationKind::RegioDeal, 500, 500, 1000),
            facts(CollaborationKind::Res, 1000, 0, 1000),
            facts(CollaborationKind::Res, 500, 500, 1000),
            facts(CollaborationKind::Res, 0, 0, 0),
            facts(CollaborationKind::Convenant, 0, 0, 1000),
        ] {
            for check in rules::evaluate_all(money::MONEY_RULES, &case) {
                out.extend([check.rule, check.source, check.explanation]);
            }
        }
        for lid in [Some("2"), None] {
            let law = rules::Source::Law {
                law: "Wet gemeenschappelijke regelingen",
                article: "1",
                lid,
                bwb_id: "BWBR0003740",
            };
            out.push(law.citation());
        }
        out
    }

    #[test]
    fn every_finding_in_the_catalogue_is_sampled() {
        let sampled: std::collections::BTreeSet<_> = findings().iter().map(Message::id).collect();
        let prefixes = [
            "moore-reason-",
            "control-finding-",
            "money-rule-",
            "money-source-",
            "rule-source-",
        ];
        let unsampled: Vec<_> = message_ids(Lang::Nl)
            .iter()
            .filter(|id| prefixes.iter().any(|p| id.starts_with(p)))
            .filter(|id| !sampled.contains(id.as_str()))
            .collect();
        assert!(unsampled.is_empty(), "not sampled: {unsampled:?}");
        assert!(sampled.len() >= 32, "{sampled:?}");
    }

    #[test]
    fn a_partner_s_reasons_for_the_whole_are_each_in_the_visitor_s_language() {
        let a = moore::assess(Some("Bereikbaarheid"), true, &[partner(None, 0)]);
        let public_value = &a.elements[0].reasons[0];
        assert_eq!(
            public_value.dutch(),
            "Gemeente Utrecht: De eigen maatschappelijke meerwaarde is niet benoemd."
        );
        assert_eq!(
            Lang::En.msg(public_value),
            "Gemeente Utrecht: No public value of its own has been named."
        );
        assert_eq!(
            Lang::En.msg(&a.elements[2].reasons[0]),
            "Gemeente Utrecht: No people (FTE) recorded. No money recorded (see Money). \
             No processes and structures described."
        );
        assert_eq!(Lang::Nl.msg(public_value), public_value.dutch());
    }

    #[test]
    fn a_source_keeps_its_dutch_quote_in_english_with_our_words_around_it() {
        let source = Lang::En.msg(&samenspel_domain::money::regio_deal_source());
        assert!(
            source.starts_with("ROB (2021), Rol nemen, ruimte geven, table 3.1: funding of the Region Deal \"Rijk 50%, Regio 50%\"; §3.1: \"Het Rijk investeert"),
            "{source}"
        );
        assert!(
            !source.contains("tabel") && !source.contains("financiering"),
            "{source}"
        );
    }

    #[test]
    fn every_sampled_message_is_in_both_catalogues_and_the_dutch_agrees() {
        let messages = samples();
        let ids: std::collections::BTreeSet<_> = messages.iter().map(Message::id).collect();
        assert!(ids.len() > 40, "{ids:?}");
        for m in &messages {
            assert!(
                message_ids(Lang::Nl).contains(m.id()),
                "{} is not in Dutch",
                m.id()
            );
            assert!(
                message_ids(Lang::En).contains(m.id()),
                "{} is not in English",
                m.id()
            );
            assert_eq!(dutch_catalogue(m), m.dutch(), "{}", m.id());
            assert_eq!(Lang::Nl.msg(m), m.dutch());
            let english = Lang::En.msg(m);
            assert!(
                !english.is_empty() && !english.contains("{"),
                "{}: {english}",
                m.id()
            );
        }
    }

    #[test]
    fn a_summary_shows_its_labels_in_the_page_language_too() {
        use samenspel_domain::audit::{AuditAction, summarise};
        let names = |code: &str| {
            if code == "GM0344" {
                "Utrecht".to_owned()
            } else {
                code.to_owned()
            }
        };
        let partner = serde_json::json!({"code": "GM0344", "role": "trekker"});
        let m = summarise(AuditAction::PartnerAdd, None, Some(&partner), &names);
        assert_eq!(Lang::Nl.msg(&m), "Utrecht als trekker");
        assert_eq!(Lang::En.msg(&m), "Utrecht as lead (trekker)");
        let control = serde_json::json!({"bodies": ["gemeenteraden"], "instruments": [],
            "responsible_minister": null, "next_evaluation": null, "moments": []});
        let m = summarise(AuditAction::ControlUpdate, None, Some(&control), &names);
        assert_eq!(
            Lang::En.msg(&m),
            "recorded — elected bodies: Municipal councils; Wgr instruments: none; \
             responsible minister: none; next evaluation: none; moments: 0"
        );
        assert_eq!(Lang::Nl.msg(&m), m.dutch());
    }

    /// Every `msg!("id", "Dutch {name} text", …)` in the code of every crate: the id is in both
    /// catalogues and the Dutch catalogue text, with each `{name}` filled in as itself, is the
    /// Dutch text of the code.
    #[test]
    fn every_message_written_in_the_code_is_in_both_catalogues_with_the_same_dutch() {
        let crates = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut stack = vec![crates];
        let mut checked = 0;
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    if !path.ends_with("target") && !path.ends_with("tests") {
                        stack.push(path);
                    }
                    continue;
                }
                if path.extension().is_none_or(|e| e != "rs") || path.ends_with("messages.rs") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                for call in text.split("msg!(").skip(1) {
                    // An escaped quote inside a literal is not its end.
                    let call = call.replace("\\\"", "\u{1}");
                    let mut literals = call.split('"');
                    let (Some(before), Some(id), Some(between), Some(dutch)) =
                        (literals.next(), literals.next(), literals.next(), literals.next())
                    else {
                        continue;
                    };
                    if !matches!(before.trim(), "" | "parts;") || between.trim() != "," {
                        continue; // an id made by a macro (keyed enums: sampled above)
                    }
                    let dutch = dutch.replace('\u{1}', "\"");
                    let dutch = dutch.as_str();
                    let names: Vec<&str> = dutch
                        .split('{')
                        .skip(1)
                        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
                        .collect();
                    let args: Vec<(&str, String)> = names.iter().map(|n| (*n, format!("{{{n}}}"))).collect();
                    let args: Vec<(&str, &str)> = args.iter().map(|(n, v)| (*n, v.as_str())).collect();
                    assert!(
                        message_ids(Lang::Nl).contains(id),
                        "{id} ({}) is not in Dutch",
                        path.display()
                    );
                    assert!(
                        message_ids(Lang::En).contains(id),
                        "{id} ({}) is not in English",
                        path.display()
                    );
                    assert_eq!(Lang::Nl.t_with(id, &args), dutch, "{id} in {}", path.display());
                    checked += 1;
                }
            }
        }
        assert!(checked > 90, "only {checked} messages found");
    }
}
