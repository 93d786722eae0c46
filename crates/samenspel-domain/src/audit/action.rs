//! Every kind of change the audit trail records. The key is what the database stores (and
//! what the hash chain covers), so a key never changes once written; the labels are what
//! people read in the change log.

use serde::{Deserialize, Serialize};

macro_rules! audit_actions {
    ($($variant:ident => $key:literal, $nl:literal, $en:literal;)+) => {
        /// The action of an audit event.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum AuditAction {
            $(#[serde(rename = $key)] $variant,)+
        }

        impl AuditAction {
            pub const ALL: &'static [AuditAction] = &[$(AuditAction::$variant),+];

            /// The stored key, e.g. `control.update`.
            pub fn key(self) -> &'static str {
                match self { $(AuditAction::$variant => $key,)+ }
            }

            /// What the change log shows.
            pub fn label_nl(self) -> &'static str {
                match self { $(AuditAction::$variant => $nl,)+ }
            }

            pub fn label_en(self) -> &'static str {
                match self { $(AuditAction::$variant => $en,)+ }
            }
        }
    };
}

audit_actions! {
    CollaborationCreate => "collaboration.create", "Samenwerking vastgelegd", "Collaboration created";
    CollaborationUpdate => "collaboration.update", "Gegevens gewijzigd", "Details changed";
    CollaborationPublish => "collaboration.publish", "Gepubliceerd", "Published";
    CollaborationWithdraw => "collaboration.withdraw", "Teruggezet naar concept", "Withdrawn to draft";
    PartnerAdd => "partner.add", "Partner toegevoegd", "Partner added";
    StanceRecord => "stance.record", "Standpunt gegeven", "Stance stated";
    MoneyRecord => "money.record", "Bedrag vastgelegd", "Amount recorded";
    MoneyDelete => "money.delete", "Bedrag verwijderd", "Amount removed";
    ControlUpdate => "control.update", "Democratische sturing gewijzigd", "Democratic control changed";
    MooreUpdate => "moore.update", "Driehoek van Moore bijgewerkt", "Moore's triangle updated";
    OrganisationAdd => "organisation.add", "Organisatie toegevoegd", "Organisation added";
    UserCreate => "user.create", "Account aangemaakt", "Account created";
    UserGrant => "user.grant", "Rol toegekend", "Role granted";
    UserRevoke => "user.revoke", "Rol ingetrokken", "Role revoked";
    UserPassword => "user.password", "Wachtwoord gewijzigd", "Password changed";
    TokenCreate => "token.create", "Sleutel aangemaakt", "Token created";
    TokenRevoke => "token.revoke", "Sleutels ingetrokken", "Tokens revoked";
    LoginRefused => "auth.login_refused", "Aanmelding geweigerd", "Sign-in refused";
    RegisterImport => "register.import", "Register ingelezen", "Register imported";
    WaveCreate => "survey.wave.create", "Peilingsgolf geopend", "Survey wave opened";
    WaveClose => "survey.wave.close", "Peilingsgolf gesloten", "Survey wave closed";
    SurveyImport => "survey.import", "Antwoorden ingelezen", "Responses imported";
    AttachmentAdd => "attachment.add", "Bijlage toegevoegd", "Attachment added";
}

impl AuditAction {
    /// The action stored under `key`, if the code knows it.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|a| a.key() == key)
    }
}

impl std::fmt::Display for AuditAction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_read_back() {
        for action in AuditAction::ALL {
            assert_eq!(AuditAction::from_key(action.key()), Some(*action));
            assert_eq!(
                serde_json::to_value(action).ok(),
                Some(serde_json::Value::from(action.key()))
            );
        }
        assert_eq!(AuditAction::from_key("iets.anders"), None);
    }
}
