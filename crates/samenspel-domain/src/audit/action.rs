//! Every kind of change the audit trail records. The key is what the database stores (and
//! what the hash chain covers), so a key never changes once written; the labels are what
//! people read in the change log (English in `locales/en/summaries.ftl`).

use serde::{Deserialize, Serialize};

macro_rules! audit_actions {
    ($($variant:ident => $key:literal, $nl:literal;)+) => {
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

            /// What the change log shows, in Dutch.
            pub fn label_nl(self) -> &'static str {
                match self { $(AuditAction::$variant => $nl,)+ }
            }

            /// The label as a message (`audit-<Variant>` in the catalogues), shown in the
            /// reader's language.
            pub fn label(self) -> crate::Message {
                match self {
                    $(AuditAction::$variant => crate::Message::label(
                        concat!("audit-", stringify!($variant)),
                        $nl,
                    ),)+
                }
            }
        }
    };
}

audit_actions! {
    CollaborationCreate => "collaboration.create", "Samenwerking vastgelegd";
    CollaborationUpdate => "collaboration.update", "Gegevens gewijzigd";
    CollaborationPublish => "collaboration.publish", "Gepubliceerd";
    CollaborationWithdraw => "collaboration.withdraw", "Teruggezet naar concept";
    PartnerAdd => "partner.add", "Partner toegevoegd";
    StanceRecord => "stance.record", "Standpunt gegeven";
    MoneyRecord => "money.record", "Bedrag vastgelegd";
    MoneyDelete => "money.delete", "Bedrag verwijderd";
    ControlUpdate => "control.update", "Democratische sturing gewijzigd";
    MooreUpdate => "moore.update", "Driehoek van Moore bijgewerkt";
    OrganisationAdd => "organisation.add", "Organisatie toegevoegd";
    UserCreate => "user.create", "Account aangemaakt";
    UserGrant => "user.grant", "Rol toegekend";
    UserRevoke => "user.revoke", "Rol ingetrokken";
    UserPassword => "user.password", "Wachtwoord gewijzigd";
    TokenCreate => "token.create", "Sleutel aangemaakt";
    TokenRevoke => "token.revoke", "Sleutels ingetrokken";
    LoginRefused => "auth.login_refused", "Aanmelding geweigerd";
    RegisterImport => "register.import", "Register ingelezen";
    WaveCreate => "survey.wave.create", "Peilingsgolf geopend";
    WaveClose => "survey.wave.close", "Peilingsgolf gesloten";
    SurveyImport => "survey.import", "Antwoorden ingelezen";
    AttachmentAdd => "attachment.add", "Bijlage toegevoegd";
    ParticipationUpdate => "participation.update", "Participatie van inwoners gewijzigd";
    UdoCreate => "udo.create", "UDO-dossier geopend";
    UdoUpdate => "udo.update", "UDO-dossier gewijzigd";
    UdoStep => "udo.step", "Stap in het UDO-dossier";
    UdoReaction => "udo.reaction", "Reactie op de consultatie ontvangen";
    UdoModerate => "udo.moderate", "Reactie beoordeeld";
    UdoThemeResponse => "udo.theme_response", "Verwerking per thema vastgelegd";
    MedebewindCreate => "medebewind.create", "Medebewindstaak vastgelegd";
    MedebewindUpdate => "medebewind.update", "Medebewindstaak gewijzigd";
    Iv3CostImport => "iv3.costs.import", "Kosten per taakveld ingelezen";
    StaatCompile => "staat.compile", "Staat van het samenspel samengesteld";
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
