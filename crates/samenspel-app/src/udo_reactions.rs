//! Reactions to a UDO dossier's consultation as use cases (issue 14, item 7): anyone reacts
//! while the dossier is in consultation and its term runs (a koepel or a co-government only
//! through a signed-in member); the owning ministry's redacteuren publish or reject each
//! reaction, file it under a theme and record per theme what was done; everyone reads the
//! published reactions (name and place only when the author does not object) and the report
//! the explanatory memorandum gives ([`App::udo_consultation_report`]).

use chrono::{Duration, NaiveDate};
use samenspel_domain::audit::{Actor, hex};
use samenspel_domain::org::{OrgCode, OrgType};
use samenspel_domain::udo::consultation::moderation::{ModerationInput, ModerationStatus};
use samenspel_domain::udo::consultation::reaction::{
    ADDRESS_WINDOW_HOURS, Author, ReactionInput, ReactionKind,
};
use samenspel_domain::udo::consultation::report::{ConsultationReport, ThemeResponseInput, report};
use samenspel_domain::udo::dossier::{ConsultationPlan, Dossier, Koepel, Period};
use samenspel_domain::udo::workflow::UdoState;
use samenspel_domain::udo::workflow::permissions::DossierAction;
use samenspel_domain::{Message, msg};
use samenspel_store::{NewUdoReaction, UdoReactionRecord, UdoReactionState};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::udo::{authorise, koepel_code, stored};
use crate::{App, AppError, AppResult, Principal};

/// A reaction as `who` may see it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct UdoReactionView {
    pub id: i64,
    pub kind: ReactionKind,
    /// Name and place: for everyone when the author does not object to their publication,
    /// for the owning ministry always.
    pub author: Option<Author>,
    pub objects_to_publication: bool,
    pub text: String,
    /// The theme the ministry filed it under.
    pub theme: Option<String>,
    pub status: ModerationStatus,
    #[schema(value_type = String, format = Date)]
    pub received_on: NaiveDate,
}

/// The reactions to a dossier `who` may see.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct UdoReactions {
    /// `who` moderates: every reaction is listed, with name and place; else only the
    /// published ones.
    pub moderator: bool,
    pub reactions: Vec<UdoReactionView>,
}

fn view(record: UdoReactionRecord, moderator: bool) -> UdoReactionView {
    let r = record.reaction;
    let author = (moderator || !r.objects_to_publication).then(|| Author {
        name: r.author_name.clone(),
        place: r.place.clone(),
    });
    UdoReactionView {
        id: record.id,
        kind: r.kind,
        author,
        objects_to_publication: r.objects_to_publication,
        text: r.text,
        theme: r.theme,
        status: record.status,
        received_on: record.created_at.date_naive(),
    }
}

/// The period in which a reaction of `kind` is taken: the internet consultation for the
/// public when one is planned, else (and for koepels and co-governments) the formal
/// consultation of the co-governments.
pub fn period_for(plan: Option<ConsultationPlan>, kind: ReactionKind) -> Option<Period> {
    let plan = plan?;
    Some(match kind {
        ReactionKind::Publiek => plan.internet.unwrap_or(plan.co_governments),
        ReactionKind::Koepel | ReactionKind::Medeoverheid => plan.co_governments,
    })
}

/// Whether a reaction of `kind` is taken on `today` (in consultation and within its period).
pub fn open_for(
    dossier: &Dossier,
    state: UdoState,
    kind: ReactionKind,
    today: NaiveDate,
) -> Result<(), Message> {
    if state != UdoState::Consultatie {
        return Err(msg!(
            "udo-reactions-not-in-consultation",
            "Dit dossier is niet in consultatie; reageren kan alleen tijdens de consultatie."
        ));
    }
    match period_for(dossier.consultation, kind) {
        Some(p) if p.opens <= today && today <= p.closes => Ok(()),
        Some(p) => Err(msg!(
            "udo-reactions-outside-period",
            "Reageren kan van {opens} tot en met {closes}; vandaag valt daarbuiten.",
            opens = p.opens.format("%d-%m-%Y"),
            closes = p.closes.format("%d-%m-%Y")
        )),
        None => Err(msg!(
            "udo-reactions-no-period",
            "Voor dit dossier is geen consultatietermijn vastgelegd."
        )),
    }
}

/// The stored form of a client's address: its SHA-256 hash, never shown.
fn address_hash(address: &str) -> String {
    hex(&Sha256::digest(format!("udo-reaction:{address}").as_bytes()))
}

const KOEPELS: [Koepel; 3] = [Koepel::Vng, Koepel::Ipo, Koepel::Uvw];

impl App {
    /// Takes a reaction from `address`; refused with 409 outside the consultation, with 422
    /// for bad input, a filled honeypot or too many reactions from the address.
    pub async fn submit_udo_reaction(
        &self,
        id: i64,
        input: &ReactionInput,
        address: &str,
        who: &Principal,
    ) -> AppResult<i64> {
        let record = self.udo_record(id, who).await?;
        let dossier = stored(&record)?;
        let mut reaction = input.parse()?;
        // The ministry files reactions under themes; an author does not.
        reaction.theme = None;
        open_for(&dossier, record.progress.state, reaction.kind, self.today()).map_err(|why| {
            AppError::unavailable(
                msg!("udo-reactions-closed-title", "Reageren is niet mogelijk"),
                why,
            )
        })?;
        let actor = self.reacting_actor(reaction.kind, who).await?;
        let now = self.clock.now();
        let hash = address_hash(address);
        let new = NewUdoReaction {
            dossier_id: id,
            reaction: &reaction,
            status: ModerationStatus::Ontvangen,
            address_hash: &hash,
            at: now,
            limit_since: Some(now - Duration::hours(ADDRESS_WINDOW_HOURS)),
        };
        Ok(self.store.add_udo_reaction(&new, &actor).await?)
    }

    /// Who is recorded for a reaction of `kind`: a koepel's or co-government's reaction needs a
    /// signed-in member of one; the public's is anyone's.
    async fn reacting_actor(&self, kind: ReactionKind, who: &Principal) -> AppResult<Actor> {
        let user = match who {
            Principal::System(name) => return Ok(Actor::system(name)),
            Principal::Anonymous if kind == ReactionKind::Publiek => return Ok(Actor::system("anoniem")),
            Principal::Anonymous => return Err(AppError::Unauthenticated),
            Principal::User(user) => user,
        };
        let on_behalf = |org: &OrgCode| Actor {
            name: user.email.clone(),
            organisation: Some(org.clone()),
        };
        match kind {
            ReactionKind::Publiek => Ok(Actor {
                name: user.email.clone(),
                organisation: None,
            }),
            ReactionKind::Koepel => user
                .memberships
                .iter()
                .find(|m| KOEPELS.iter().any(|k| koepel_code(*k) == m.organisation.as_str()))
                .map(|m| on_behalf(&m.organisation))
                .ok_or_else(|| {
                    AppError::Forbidden(msg!(
                        "udo-reactions-koepel-only",
                        "Een reactie namens een koepel geeft alleen een aangemeld lid van de VNG, het IPO of de Unie van Waterschappen."
                    ))
                }),
            ReactionKind::Medeoverheid => {
                for m in &user.memberships {
                    let org = self.store.get_organisation(&m.organisation).await?;
                    if org.is_some_and(|o| {
                        matches!(o.org_type, OrgType::Gemeente | OrgType::Provincie | OrgType::Waterschap)
                    }) {
                        return Ok(on_behalf(&m.organisation));
                    }
                }
                Err(AppError::Forbidden(msg!(
                    "udo-reactions-medeoverheid-only",
                    "Een reactie namens een medeoverheid geeft alleen een aangemeld lid van een gemeente, provincie of waterschap."
                )))
            }
        }
    }

    /// The reactions `who` may see: the published ones, or all for the owning ministry.
    pub async fn udo_reactions(&self, id: i64, who: &Principal) -> AppResult<UdoReactions> {
        let record = self.udo_record(id, who).await?;
        let moderator = authorise(who, DossierAction::Edit, &stored(&record)?).is_ok();
        let reactions = self
            .store
            .list_udo_reactions(id)
            .await?
            .into_iter()
            .filter(|r| moderator || r.status == ModerationStatus::Gepubliceerd)
            .map(|r| view(r, moderator))
            .collect();
        Ok(UdoReactions { moderator, reactions })
    }

    /// Every reaction with name and place, for the owning ministry's moderation (401 or 403
    /// for anyone else).
    pub async fn udo_reactions_to_moderate(
        &self,
        id: i64,
        who: &Principal,
    ) -> AppResult<Vec<UdoReactionView>> {
        let record = self.udo_record(id, who).await?;
        authorise(who, DossierAction::Edit, &stored(&record)?)?;
        let all = self.store.list_udo_reactions(id).await?;
        Ok(all.into_iter().map(|r| view(r, true)).collect())
    }

    /// Publishes or rejects a reaction and files it under a theme (the owning ministry).
    pub async fn moderate_udo_reaction(
        &self,
        id: i64,
        reaction_id: i64,
        input: &ModerationInput,
        who: &Principal,
    ) -> AppResult<()> {
        let record = self.udo_record(id, who).await?;
        let actor = authorise(who, DossierAction::Edit, &stored(&record)?)?;
        let moderation = input.parse()?;
        let current = self
            .store
            .list_udo_reactions(id)
            .await?
            .into_iter()
            .find(|r| r.id == reaction_id)
            .ok_or(AppError::NotFound("udo-reaction"))?;
        let after = UdoReactionState {
            status: moderation.status.unwrap_or(current.status),
            theme: moderation.theme.as_deref(),
        };
        self.store
            .moderate_udo_reaction(id, reaction_id, after, &actor)
            .await?;
        Ok(())
    }

    /// Records what was done with the reactions on a theme (the owning ministry); a second
    /// response for the same theme replaces the first.
    pub async fn record_udo_theme_response(
        &self,
        id: i64,
        input: &ThemeResponseInput,
        who: &Principal,
    ) -> AppResult<()> {
        let record = self.udo_record(id, who).await?;
        let actor = authorise(who, DossierAction::Edit, &stored(&record)?)?;
        let response = input.parse()?;
        self.store
            .record_udo_theme_response(id, &response, &actor)
            .await?;
        Ok(())
    }

    /// The consultation as the explanatory memorandum reports it: the published reactions
    /// counted per kind and theme, with the response recorded for each theme.
    pub async fn udo_consultation_report(&self, id: i64, who: &Principal) -> AppResult<ConsultationReport> {
        self.udo_record(id, who).await?;
        self.published_report(id).await
    }

    /// The report over the published reactions of a dossier the caller has already read.
    pub(crate) async fn published_report(&self, id: i64) -> AppResult<ConsultationReport> {
        let published: Vec<_> = self
            .store
            .list_udo_reactions(id)
            .await?
            .into_iter()
            .filter(|r| r.status == ModerationStatus::Gepubliceerd)
            .map(|r| r.reaction)
            .collect();
        let responses = self.store.list_udo_theme_responses(id).await?;
        Ok(report(&published, &responses))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> ConsultationPlan {
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        ConsultationPlan {
            co_governments: Period {
                opens: day(4, 1),
                closes: day(5, 31),
            },
            internet: Some(Period {
                opens: day(4, 1),
                closes: day(5, 13),
            }),
        }
    }

    #[test]
    fn the_public_reacts_in_the_internet_consultation_and_co_governments_in_theirs() {
        let p = plan();
        assert_eq!(period_for(Some(p), ReactionKind::Publiek), p.internet);
        assert_eq!(period_for(Some(p), ReactionKind::Koepel), Some(p.co_governments));
        let without_internet = ConsultationPlan { internet: None, ..p };
        assert_eq!(
            period_for(Some(without_internet), ReactionKind::Publiek),
            Some(p.co_governments)
        );
        assert_eq!(period_for(None, ReactionKind::Medeoverheid), None);
    }

    #[test]
    fn an_address_is_kept_as_a_hash_only() {
        let hash = address_hash("192.0.2.7");
        assert_eq!(hash.len(), 64);
        assert!(!hash.contains("192"));
        assert_eq!(hash, address_hash("192.0.2.7"));
        assert_ne!(hash, address_hash("192.0.2.8"));
    }
}
