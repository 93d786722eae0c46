use chrono::{TimeZone, Utc};
use samenspel_domain::attachment::{AttachmentOwner, OwnerKind};
use samenspel_domain::audit::{AuditAction, summarise};
use samenspel_domain::auth::Role;
use samenspel_domain::collaboration::{CollaborationFields, CollaborationKind, PartnerRole};
use samenspel_domain::control::{DemocraticControl, ElectedBody};
use samenspel_domain::money::{Cents, Contribution, Instrument, MoneyStatus};
use samenspel_domain::org::OrgType;
use samenspel_domain::partnership::{Profile, Stance};

use super::*;
use samenspel_domain::udo::consultation::moderation::ModerationStatus;
use samenspel_domain::udo::consultation::reaction::ReactionKind;
use samenspel_domain::udo::consultation::report::{ThemeAction, ThemeResponse};
use samenspel_domain::udo::workflow::UdoProgress;

fn code(text: &str) -> OrgCode {
    OrgCode::parse(text).unwrap()
}

fn collaboration(name: &str) -> Collaboration {
    let at = Utc.with_ymd_and_hms(2026, 11, 23, 7, 0, 0).unwrap();
    Collaboration {
        id: 12,
        fields: CollaborationFields {
            name: name.to_owned(),
            kind: CollaborationKind::RegioDeal,
            wgr_form: None,
            task: None,
            public_value: None,
            region: None,
            start_date: None,
            end_date: None,
            phases: vec![],
            legal_basis: None,
            policy_areas: vec![],
        },
        partners: vec![],
        version: 1,
        demo: false,
        source_key: None,
        source_url: None,
        published: false,
        created_at: at,
        updated_at: at,
        history: Vec::new(),
    }
}

fn contribution(amount: i64) -> ContributionRecord {
    ContributionRecord {
        id: 4,
        contribution: Contribution {
            partner: code("GM0363"),
            year: 2026,
            amount: Cents::new(amount).unwrap_or(Cents::ZERO),
            instrument: Instrument::EigenMiddelen,
            status: MoneyStatus::Begroot,
        },
        recorded_by: samenspel_domain::Message::plain("ana"),
        recorded_at: Utc::now(),
    }
}

/// Checks every action is written by some event and reads back with a summary.
#[test]
fn every_event_serialises_and_every_action_is_summarised() {
    let (old, new) = (collaboration("Oud"), collaboration("Nieuw"));
    let theme_response = ThemeResponse {
        theme: "Financiën".to_owned(),
        nature: "Zorgen over de kosten.".to_owned(),
        action: ThemeAction::DeelsOvergenomen,
        explanation: "De raming is herzien.".to_owned(),
    };
    let partner = Partner {
        code: code("PV27"),
        role: PartnerRole::Partner,
    };
    let stance = StanceRecord {
        id: 3,
        collaboration_id: 12,
        code: code("GM0363"),
        phase: None,
        stance: Stance {
            profile: Profile::from_values([3; 6]).unwrap(),
            motivations: Default::default(),
        },
        stated_by: samenspel_domain::Message::plain("ana"),
        stated_at: Utc::now(),
    };
    let (before_money, after_money) = (contribution(100), contribution(200));
    let control = DemocraticControl {
        bodies: vec![ElectedBody::Gemeenteraden],
        ..Default::default()
    };
    let statement = MooreStatement::default();
    let organisation = Organisation {
        code: code("OR000001"),
        name: "Waterschap X".into(),
        org_type: OrgType::ALL[0],
        abbreviation: None,
        province: None,
        reference: false,
        ended: false,
        other_names: Vec::new(),
        history: Default::default(),
    };
    let membership = Membership {
        organisation: code("GM0363"),
        role: Role::Redacteur,
    };
    let report = ImportReport {
        added: vec!["gr:1".into()],
        ..Default::default()
    };
    let wave = Wave {
        id: 1,
        key: "najaar".into(),
        title: "Najaar".into(),
        instrument_version: 1,
        opens_on: None,
        closes_on: None,
        collaboration_id: None,
        k: 5,
        closed_at: None,
        created_by: samenspel_domain::Message::plain("ana"),
        created_at: Utc::now(),
    };
    let attachment = AttachmentInfo {
        id: 5,
        owner: AttachmentOwner {
            kind: OwnerKind::Collaboration,
            id: 12,
        },
        name: "besluit.pdf".into(),
        media_type: "application/pdf".into(),
        size: 2048,
        sha256: "ab".repeat(32),
        added_by: "ana".into(),
        added_at: Utc::now(),
    };
    let gm = code("GM0363");
    let dossier = samenspel_domain::udo::dossier::DossierInput {
        title: "Wet regie volkshuisvesting".into(),
        ..Default::default()
    };
    let toets = UdoProgress {
        state: samenspel_domain::udo::workflow::UdoState::Toets,
        ..UdoProgress::new()
    };
    let task = samenspel_domain::medebewind::TaskInput {
        name: "Jeugdhulp".into(),
        ..Default::default()
    };
    let changed_task = samenspel_domain::medebewind::TaskInput {
        task_fields: vec!["6.72".into()],
        ..task.clone()
    };
    let cost_file = crate::CostFile {
        sha256: "ab".repeat(32),
        shape: samenspel_domain::iv3::costs::CostShape::Cbs,
        file_name: "iv3.csv".into(),
        demo: false,
    };
    let cost_report = crate::CostImportReport {
        import_id: Some(4),
        already_imported: false,
        added: 10,
        replaced: 2,
        unchanged: 0,
    };
    let staat_period = samenspel_domain::staat::Period::year(2025).unwrap();
    let events = [
        AuditEvent::StaatCompile {
            id: 2,
            period: &staat_period,
        },
        AuditEvent::Iv3CostImport {
            import_id: 4,
            file: &cost_file,
            report: &cost_report,
        },
        AuditEvent::CollaborationCreate { after: &new },
        AuditEvent::CollaborationUpdate {
            before: &old,
            after: &new,
        },
        AuditEvent::Publication {
            id: 12,
            before: false,
            published: true,
        },
        AuditEvent::Publication {
            id: 12,
            before: true,
            published: false,
        },
        AuditEvent::PartnerAdd {
            id: 12,
            partner: &partner,
        },
        AuditEvent::StanceRecord { record: &stance },
        AuditEvent::MoneyRecord {
            collaboration_id: 12,
            before: Some(&before_money),
            after: &after_money,
        },
        AuditEvent::MoneyDelete {
            collaboration_id: 12,
            before: &before_money,
        },
        AuditEvent::ControlUpdate {
            collaboration_id: 12,
            before: None,
            after: &control,
        },
        AuditEvent::MooreUpdate {
            collaboration_id: 12,
            partner: &gm,
            before: None,
            after: &statement,
        },
        AuditEvent::OrganisationAdd {
            organisation: &organisation,
        },
        AuditEvent::UserCreate {
            id: 2,
            email: "ana@example.nl",
            name: "Ana",
            memberships: std::slice::from_ref(&membership),
        },
        AuditEvent::UserGrant {
            id: 2,
            before: &[],
            after: &membership,
        },
        AuditEvent::UserRevoke {
            id: 2,
            organisation: &gm,
        },
        AuditEvent::UserPassword { id: 2 },
        AuditEvent::TokenCreate {
            user_id: 2,
            token_id: 9,
            purpose: TokenPurpose::Api,
            expires_at: None,
        },
        AuditEvent::TokenRevoke {
            user_id: 2,
            purpose: TokenPurpose::Api,
            revoked: 1,
        },
        AuditEvent::LoginRefused {
            email: "ana@example.nl",
            address: "127.0.0.1",
            reason: Some("wrong_password"),
        },
        AuditEvent::RegisterImport {
            register: "gr",
            report: &report,
        },
        AuditEvent::WaveCreate { wave: &wave },
        AuditEvent::WaveClose { wave: &wave },
        AuditEvent::SurveyImport {
            wave_id: 1,
            responses: 10,
        },
        AuditEvent::AttachmentAdd { info: &attachment },
        AuditEvent::ParticipationUpdate {
            collaboration_id: 12,
            before: None,
            after: &samenspel_domain::participation::Participation::default(),
        },
        AuditEvent::MedebewindCreate { id: 4, after: &task },
        AuditEvent::MedebewindUpdate {
            id: 4,
            before: &task,
            after: &changed_task,
        },
        AuditEvent::UdoCreate {
            id: 3,
            after: &dossier,
        },
        AuditEvent::UdoUpdate {
            id: 3,
            before: &dossier,
            after: &dossier,
        },
        AuditEvent::UdoStep {
            id: 3,
            before: &UdoProgress::new(),
            after: &toets,
        },
        AuditEvent::UdoReaction {
            dossier_id: 3,
            reaction_id: 1,
            kind: ReactionKind::Publiek,
            status: ModerationStatus::Ontvangen,
        },
        AuditEvent::UdoModerate {
            dossier_id: 3,
            reaction_id: 1,
            before: crate::UdoReactionState {
                status: ModerationStatus::Ontvangen,
                theme: None,
            },
            after: crate::UdoReactionState {
                status: ModerationStatus::Gepubliceerd,
                theme: Some("Financiën"),
            },
        },
        AuditEvent::UdoThemeResponse {
            dossier_id: 3,
            before: None,
            after: &theme_response,
        },
    ];
    for action in AuditAction::ALL {
        assert!(
            events.iter().any(|e| e.action() == *action),
            "no event writes {action}"
        );
    }
    for event in &events {
        let (before, after) = event.payloads().unwrap();
        let summary = summarise(event.action(), before.as_ref(), after.as_ref(), &|code| {
            code.to_owned()
        });
        assert!(
            !summary.is_empty(),
            "{} reads back without a summary",
            event.action()
        );
    }
}

/// The stored JSON stays what earlier versions wrote, so old events read and verify the same.
#[test]
fn payloads_keep_their_stored_form() {
    let gm = code("GM0363");
    let statement = MooreStatement::default();
    let moore = AuditEvent::MooreUpdate {
        collaboration_id: 1,
        partner: &gm,
        before: None,
        after: &statement,
    };
    let (before, after) = moore.payloads().unwrap();
    assert_eq!(before, None);
    assert_eq!(
        after.unwrap().to_string(),
        r#"{"partner":"GM0363","statement":{"fte":null,"mandate":null,"processes":null,"public_value":null,"support":null}}"#
    );
    let publish = AuditEvent::Publication {
        id: 1,
        before: false,
        published: true,
    };
    assert_eq!(publish.action().key(), "collaboration.publish");
    assert_eq!(
        publish.payloads().unwrap().0.unwrap().to_string(),
        r#"{"published":false}"#
    );
    assert_eq!(publish.subject(), ("collaboration", "1".to_owned()));
    let token = AuditEvent::TokenRevoke {
        user_id: 2,
        purpose: TokenPurpose::Api,
        revoked: 3,
    };
    assert_eq!(
        token.payloads().unwrap().1.unwrap().to_string(),
        r#"{"purpose":"api","revoked":3}"#
    );
}
