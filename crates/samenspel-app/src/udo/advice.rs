//! BZK's advice and the koepels' judgements, given by BZK and by the koepels themselves
//! (issue 14, item 4: "BZK's advice by BZK; koepel judgements by the koepels"). A redacteur of
//! BZK records its advice at a check moment; a redacteur of a koepel whose layer the proposal
//! affects records that koepel's judgement. Each is a change of the dossier at a version (a
//! stale version is a 409), checked by the same parse as the whole dossier, and written with
//! the actor in the audit trail.

use samenspel_domain::ValidationErrors;
use samenspel_domain::audit::Actor;
use samenspel_domain::msg;
use samenspel_domain::udo::dossier::{
    BzkAdviceInput, CheckMoment, Dossier, DossierInput, Koepel, KoepelInput,
};
use samenspel_domain::udo::workflow::permissions::{DossierAction, DossierRelation, may};
use serde::{Deserialize, Serialize};

use super::{UdoDossierView, at_version, authorise, facts_of, koepel_code, stored};
use crate::{App, AppError, AppResult, Principal};

/// A koepel's judgement as sent.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct KoepelJudgementInput {
    /// `vng`, `ipo` or `uvw`: the koepel you judge for.
    pub koepel: String,
    pub judgement: String,
}

/// The errors of the dossier's parse for the one entry changed, named as the entry's own fields
/// (`bzk_advice[2].advice` → `advice`).
fn entry_errors(prefix: &str, mut errors: ValidationErrors) -> AppError {
    for e in &mut errors.errors {
        if let Some((_, field)) = e
            .field
            .strip_prefix(prefix)
            .and_then(|rest| rest.split_once("]."))
        {
            e.field = field.to_owned();
        }
    }
    AppError::Invalid(errors)
}

/// The koepels `who` may judge for on `dossier`: those concerned of which `who` is a member
/// with a role the permission table allows (every one concerned for the system).
pub(crate) fn koepels_for(who: &Principal, dossier: &Dossier) -> Vec<Koepel> {
    dossier
        .koepels_concerned()
        .into_iter()
        .filter(|k| match who {
            Principal::System(_) => true,
            Principal::Anonymous => false,
            Principal::User(user) => user.memberships.iter().any(|m| {
                m.organisation.as_str() == koepel_code(*k)
                    && may(
                        DossierAction::GiveKoepelJudgement,
                        m.role,
                        DossierRelation::Koepel,
                    )
            }),
        })
        .collect()
}

impl App {
    /// Records BZK's advice at a check moment (replacing an earlier advice at that moment) when
    /// the dossier is still at `version`; only a redacteur of BZK may.
    pub async fn give_udo_bzk_advice(
        &self,
        id: i64,
        version: i64,
        input: &BzkAdviceInput,
        who: &Principal,
    ) -> AppResult<UdoDossierView> {
        let record = at_version(self.udo_record(id, who).await?, version)?;
        let before = stored(&record)?;
        let actor = authorise(who, DossierAction::GiveBzkAdvice, &before)?;
        let mut content: DossierInput = record.content.clone();
        let moment = input.moment.trim().to_owned();
        content.bzk_advice.retain(|a| a.moment != moment);
        content.bzk_advice.push(BzkAdviceInput {
            moment: moment.clone(),
            ..input.clone()
        });
        let order = |key: &str| CheckMoment::from_key(key).map_or(usize::MAX, |m| m as usize);
        content.bzk_advice.sort_by_key(|a| order(&a.moment));
        let dossier = content.parse().map_err(|e| entry_errors("bzk_advice[", e))?;
        let facts = facts_of(&dossier, &record.progress);
        self.store
            .update_udo_dossier(id, version, &content, &facts, &actor)
            .await?;
        self.udo_dossier(id, who).await
    }

    /// Records a koepel's judgement when the dossier is still at `version`; only a redacteur of
    /// that koepel may, and only for a koepel whose layer the proposal affects. A koepel not yet
    /// recorded as asked is recorded as asked today.
    pub async fn give_udo_koepel_judgement(
        &self,
        id: i64,
        version: i64,
        input: &KoepelJudgementInput,
        who: &Principal,
    ) -> AppResult<UdoDossierView> {
        let record = at_version(self.udo_record(id, who).await?, version)?;
        let before = stored(&record)?;
        authorise(who, DossierAction::GiveKoepelJudgement, &before)?;
        let koepel = Koepel::parse_field("koepel", &input.koepel)?;
        if !koepels_for(who, &before).contains(&koepel) {
            return Err(AppError::Forbidden(msg!(
                "udo-judgement-refused",
                "Een oordeel geeft alleen een redacteur van de koepel zelf, en alleen een koepel van een bestuurslaag die het voorstel raakt."
            )));
        }
        if input.judgement.trim().is_empty() {
            return Err(AppError::Invalid(ValidationErrors::single(
                "judgement",
                "required",
                msg!(
                    "error-udo-judgement-required",
                    "Schrijf het oordeel van de koepel."
                ),
            )));
        }
        let actor = match who {
            Principal::User(user) => Actor {
                name: user.email.clone(),
                organisation: user
                    .memberships
                    .iter()
                    .find(|m| {
                        m.organisation.as_str() == koepel_code(koepel)
                            && may(
                                DossierAction::GiveKoepelJudgement,
                                m.role,
                                DossierRelation::Koepel,
                            )
                    })
                    .map(|m| m.organisation.clone()),
            },
            Principal::System(name) => Actor::system(name),
            Principal::Anonymous => return Err(AppError::Unauthenticated),
        };
        let mut content: DossierInput = record.content.clone();
        match content.koepels.iter_mut().find(|k| k.koepel == koepel.key()) {
            Some(entry) => entry.judgement = input.judgement.clone(),
            None => content.koepels.push(KoepelInput {
                koepel: koepel.key().to_owned(),
                asked_on: self.today().format("%Y-%m-%d").to_string(),
                judgement: input.judgement.clone(),
            }),
        }
        let dossier = content.parse().map_err(|e| entry_errors("koepels[", e))?;
        let facts = facts_of(&dossier, &record.progress);
        self.store
            .update_udo_dossier(id, version, &content, &facts, &actor)
            .await?;
        self.udo_dossier(id, who).await
    }
}
