use serde_json::{Value, json};

use super::*;
use crate::messages::Message;

/// The names the tests know: GM0363 is Amsterdam, PV27 Noord-Holland; others stay codes.
fn name_of(code: &str) -> String {
    match code {
        "GM0363" => "Amsterdam".to_owned(),
        "PV27" => "Noord-Holland".to_owned(),
        other => other.to_owned(),
    }
}

/// The summary in Dutch, with the organisations named.
fn text(action: AuditAction, before: Option<&Value>, after: Option<&Value>) -> String {
    summarise(action, before, after, &name_of).dutch().to_owned()
}

/// A before/after as the store writes it, for every action (the match makes a new action
/// without an example a compile error).
fn example(action: AuditAction) -> (Option<Value>, Option<Value>) {
    use AuditAction as A;
    let collaboration = |name: &str| json!({"id": 1, "name": name, "type": "regio-deal", "wgr_form": null, "phases": [], "partners": [{"code": "GM0363"}]});
    let money = |amount: i64| json!({"id": 4, "partner": "GM0363", "year": 2026, "amount": amount, "instrument": "eigen-middelen", "status": "begroot", "recorded_by": "ana", "recorded_at": "2026-11-23T07:00:00Z"});
    let control = |bodies: Value| json!({"bodies": bodies, "instruments": ["rekenkamer"], "responsible_minister": null, "next_evaluation": "2027-03-01", "moments": []});
    let moore = |fte: u32| json!({"partner": "GM0363", "statement": {"public_value": "Schone lucht", "mandate": null, "support": "breed", "fte": fte, "processes": null}});
    let wave = json!({"id": 1, "key": "2026-najaar", "title": "Najaar 2026", "k": 5});
    match action {
        A::CollaborationCreate => (None, Some(collaboration("Regio Deal Zuid"))),
        A::CollaborationUpdate => (Some(collaboration("Oud")), Some(collaboration("Nieuw"))),
        A::CollaborationPublish => (
            Some(json!({"published": false})),
            Some(json!({"published": true})),
        ),
        A::CollaborationWithdraw => (
            Some(json!({"published": true})),
            Some(json!({"published": false})),
        ),
        A::PartnerAdd => (None, Some(json!({"code": "PV27", "role": "partner"}))),
        A::StanceRecord => (
            None,
            Some(json!({"id": 3, "code": "GM0363", "phase": "uitvoering"})),
        ),
        A::MoneyRecord => (Some(money(100)), Some(money(250_000))),
        A::MoneyDelete => (Some(money(100)), None),
        A::ControlUpdate => (Some(control(json!([]))), Some(control(json!(["gemeenteraden"])))),
        A::MooreUpdate => (Some(moore(10)), Some(moore(25))),
        A::OrganisationAdd => (
            None,
            Some(json!({"code": "OR000001", "name": "Waterschap X", "type": "waterschap"})),
        ),
        A::UserCreate => (
            None,
            Some(
                json!({"email": "ana@example.nl", "name": "Ana", "memberships": [{"organisation": "GM0363", "role": "redacteur"}]}),
            ),
        ),
        A::UserGrant => (
            Some(json!([])),
            Some(json!({"organisation": "GM0363", "role": "lezer"})),
        ),
        A::UserRevoke => (Some(json!("GM0363")), None),
        A::UserPassword => (None, None),
        A::TokenCreate => (
            None,
            Some(json!({"token_id": 7, "purpose": "api", "expires_at": null})),
        ),
        A::TokenRevoke => (None, Some(json!({"purpose": "api", "revoked": 2}))),
        A::LoginRefused => (
            None,
            Some(json!({"address": "127.0.0.1", "reason": "wrong_password"})),
        ),
        A::RegisterImport => (
            None,
            Some(json!({"added": ["gr:1"], "changed": [], "unchanged": 3, "organisations": 0})),
        ),
        A::WaveCreate | A::WaveClose => (None, Some(wave)),
        A::SurveyImport => (None, Some(json!({"responses": 120}))),
        A::AttachmentAdd => (
            None,
            Some(
                json!({"id": 2, "owner": {"kind": "collaboration", "id": 1}, "name": "besluit.pdf", "media_type": "application/pdf", "size": 2048, "sha256": "ab"}),
            ),
        ),
        A::MedebewindCreate => (None, Some(json!({"name": "Jeugdhulp", "budgets": []}))),
        A::MedebewindUpdate => (
            Some(json!({"name": "Jeugdhulp", "budgets": [], "task_fields": ["6.72"]})),
            Some(json!({"name": "Jeugdhulp", "budgets": [{"year": "2024"}], "task_fields": ["6.72"]})),
        ),
        A::UdoCreate | A::UdoUpdate => (
            None,
            Some(json!({"title": "Wet versterking regie volkshuisvesting"})),
        ),
        A::UdoStep => (
            Some(
                json!({"state": "toets", "outcome": null, "adopted_on": null, "in_force_on": null, "evaluated_on": null}),
            ),
            Some(
                json!({"state": "uitkomst", "outcome": {"uitkomst": "uitvoerbaar"}, "adopted_on": null, "in_force_on": null, "evaluated_on": null}),
            ),
        ),
        A::UdoReaction => (
            None,
            Some(json!({"reaction": 3, "kind": "publiek", "status": "ontvangen"})),
        ),
        A::UdoModerate => (
            Some(json!({"reaction": 3, "status": "ontvangen", "theme": null})),
            Some(json!({"reaction": 3, "status": "gepubliceerd", "theme": "Financiën"})),
        ),
        A::StaatCompile => (None, Some(json!({"from": "2025-01-01", "to": "2025-12-31"}))),
        A::Iv3CostImport => (
            None,
            Some(
                json!({"file": {"sha256": "ab", "shape": "cbs", "file_name": "iv3.csv", "demo": false}, "report": {"import_id": 4, "already_imported": false, "added": 10, "replaced": 2, "unchanged": 0}}),
            ),
        ),
        A::UdoThemeResponse => (
            None,
            Some(
                json!({"theme": "Financiën", "nature": "Zorgen over de kosten.", "action": "deels-overgenomen", "explanation": "De raming is herzien."}),
            ),
        ),
        A::ParticipationUpdate => (
            None,
            Some(
                json!({"processes": [{"platform": "decidim", "address": "https://example.nl/p", "title": "Visie"}], "ordinance_url": null, "ordinance_cvdr": "CVDR741103", "right_to_challenge": true, "agreements": null, "agreements_url": null}),
            ),
        ),
    }
}

#[test]
fn every_action_has_labels_and_a_summary() {
    for action in AuditAction::ALL {
        assert!(!action.label_nl().is_empty(), "{action} has no Dutch label");
        // The English label is in the catalogue; the web crate's message tests check that
        // every action's label is there in both languages.
        assert_eq!(action.label().dutch(), action.label_nl(), "{action}");
        let (before, after) = example(*action);
        let text = text(*action, before.as_ref(), after.as_ref());
        assert!(!text.is_empty(), "{action} has no summary");
    }
}

#[test]
fn control_names_what_changed() {
    let (before, after) = example(AuditAction::ControlUpdate);
    let changed = text(AuditAction::ControlUpdate, before.as_ref(), after.as_ref());
    assert_eq!(changed, "gewijzigd — gekozen organen: Gemeenteraden");
    let first = text(AuditAction::ControlUpdate, None, after.as_ref());
    assert!(
        first.starts_with("vastgelegd — gekozen organen: Gemeenteraden; Wgr-instrumenten: Rekenkamer"),
        "{first}"
    );
    assert!(first.contains("volgende evaluatie: 01-03-2027"), "{first}");
}

#[test]
fn moore_names_the_partner_and_the_element() {
    let (before, after) = example(AuditAction::MooreUpdate);
    assert_eq!(
        text(AuditAction::MooreUpdate, before.as_ref(), after.as_ref()),
        "oordeel van Amsterdam gewijzigd: FTE"
    );
    assert_eq!(
        text(AuditAction::MooreUpdate, None, after.as_ref()),
        "oordeel van Amsterdam vastgelegd"
    );
}

#[test]
fn money_names_the_line_and_the_old_amount() {
    let (before, after) = example(AuditAction::MoneyRecord);
    assert_eq!(
        text(AuditAction::MoneyRecord, before.as_ref(), after.as_ref()),
        "Amsterdam 2026 € 2.500,00 (Eigen middelen, begroot) (was € 1,00)"
    );
}

#[test]
fn an_update_names_the_changed_fields_in_dutch() {
    let (before, after) = example(AuditAction::CollaborationUpdate);
    assert_eq!(
        text(AuditAction::CollaborationUpdate, before.as_ref(), after.as_ref()),
        "gewijzigd: naam"
    );
}

#[test]
fn an_unrecognised_payload_gives_an_empty_summary() {
    let odd = json!({"unexpected": true});
    assert_eq!(text(AuditAction::MoneyDelete, Some(&odd), None), "");
}

#[test]
fn an_attachment_names_its_file_type_and_size() {
    let (before, after) = example(AuditAction::AttachmentAdd);
    assert_eq!(
        text(AuditAction::AttachmentAdd, before.as_ref(), after.as_ref()),
        "besluit.pdf (application/pdf, 2048 bytes)"
    );
}

#[test]
fn organisations_are_named_never_shown_as_a_code_alone() {
    let named = [
        (AuditAction::PartnerAdd, "Noord-Holland als partner"),
        (
            AuditAction::StanceRecord,
            "standpunt van Amsterdam (fase uitvoering)",
        ),
        (
            AuditAction::MoneyDelete,
            "Amsterdam 2026 € 1,00 (Eigen middelen, begroot)",
        ),
        (AuditAction::UserGrant, "lezer bij Amsterdam"),
        (AuditAction::UserRevoke, "rol bij Amsterdam ingetrokken"),
        (
            AuditAction::UserCreate,
            "Ana <ana@example.nl>, rollen: redacteur bij Amsterdam",
        ),
    ];
    for (action, expected) in named {
        let (before, after) = example(action);
        assert_eq!(
            text(action, before.as_ref(), after.as_ref()),
            expected,
            "{action}"
        );
    }
    for action in AuditAction::ALL {
        let (before, after) = example(*action);
        let shown = text(*action, before.as_ref(), after.as_ref());
        assert!(
            !shown.contains("GM0363") && !shown.contains("PV27"),
            "{action}: {shown}"
        );
    }
}

#[test]
fn the_codes_a_summary_names_are_known_before_it_is_written() {
    let (before, after) = example(AuditAction::MoneyRecord);
    assert_eq!(
        codes_named(AuditAction::MoneyRecord, before.as_ref(), after.as_ref()),
        ["GM0363"]
    );
    let (before, after) = example(AuditAction::CollaborationPublish);
    assert!(codes_named(AuditAction::CollaborationPublish, before.as_ref(), after.as_ref()).is_empty());
}

#[test]
fn labels_inside_a_summary_are_messages_of_their_own() {
    let (before, after) = example(AuditAction::PartnerAdd);
    let m = summarise(AuditAction::PartnerAdd, before.as_ref(), after.as_ref(), &name_of);
    assert_eq!(m.id(), "summary-partner-added");
    let (name, role) = &m.parts()[0];
    assert_eq!(*name, "role");
    assert_eq!(role.items()[0].id(), "PartnerRole-partner");
    let (before, after) = example(AuditAction::ControlUpdate);
    let m = summarise(AuditAction::ControlUpdate, None, after.as_ref(), &name_of);
    let ids: Vec<&str> = m.parts()[0].1.items().iter().map(Message::id).collect();
    assert_eq!(ids[0], "summary-control-bodies", "{ids:?}");
    assert_eq!(ids.len(), 5);
    let _ = before;
}

#[test]
fn one_partner_is_one_partner() {
    let (before, after) = example(AuditAction::CollaborationCreate);
    let created = text(AuditAction::CollaborationCreate, before.as_ref(), after.as_ref());
    assert!(created.ends_with(", 1 partner"), "{created}");
    let three = json!({"name": "Drie", "type": "woondeal", "partners": [{}, {}, {}]});
    assert!(text(AuditAction::CollaborationCreate, None, Some(&three)).ends_with(", 3 partners"));
}

#[test]
fn participation_names_what_is_recorded() {
    let (before, after) = example(AuditAction::ParticipationUpdate);
    assert_eq!(
        text(AuditAction::ParticipationUpdate, before.as_ref(), after.as_ref()),
        "vastgelegd — 1 participatieproces(sen); participatieverordening vastgelegd; uitdaagrecht geldt"
    );
    assert_eq!(
        text(AuditAction::ParticipationUpdate, after.as_ref(), after.as_ref()),
        "geen inhoudelijke wijziging"
    );
    let empty = json!({"processes": [], "ordinance_url": null, "ordinance_cvdr": null, "right_to_challenge": null, "agreements": null, "agreements_url": null});
    assert_eq!(
        text(AuditAction::ParticipationUpdate, after.as_ref(), Some(&empty)),
        "alles verwijderd"
    );
}

#[test]
fn a_udo_step_names_where_the_dossier_came_from_and_went() {
    let (before, after) = example(AuditAction::UdoStep);
    assert_eq!(
        text(AuditAction::UdoStep, before.as_ref(), after.as_ref()),
        "van toets naar uitkomst"
    );
    let (_, dossier) = example(AuditAction::UdoCreate);
    assert_eq!(
        text(AuditAction::UdoCreate, None, dossier.as_ref()),
        "dossier 'Wet versterking regie volkshuisvesting'"
    );
}

#[test]
fn a_task_change_names_the_parts_that_changed() {
    let (before, after) = example(AuditAction::MedebewindUpdate);
    assert_eq!(
        text(AuditAction::MedebewindUpdate, before.as_ref(), after.as_ref()),
        "gewijzigd: bekostiging en budget"
    );
    let (_, task) = example(AuditAction::MedebewindCreate);
    assert_eq!(
        text(AuditAction::MedebewindCreate, None, task.as_ref()),
        "taak 'Jeugdhulp'"
    );
}
