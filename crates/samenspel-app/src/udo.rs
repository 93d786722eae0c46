//! UDO dossiers as use cases (issue 14): the owning ministry's redacteuren open, change and
//! move a dossier; BZK and the koepels concerned read its drafts; everyone reads it once it
//! has gone into consultation. Who may do what is the dossier's permission table
//! ([`samenspel_domain::udo::workflow::permissions`]); every step goes through the workflow
//! table and the normenkader, and a refused step names what is missing.

use samenspel_domain::audit::Actor;
use samenspel_domain::org::{OrgCode, OrgType};
use samenspel_domain::rules::{Outcome, RuleCheck};
use samenspel_domain::udo::cosign::{CosignFlag, CosignThresholds, cosign};
use samenspel_domain::udo::dashboard::{DashboardFilter, UdoYearFigures, figures};
use samenspel_domain::udo::dossier::{Dossier, DossierInput, Koepel};
use samenspel_domain::udo::normenkader::evaluate;
use samenspel_domain::udo::workflow::permissions::{DossierAction, DossierRelation, may};
use samenspel_domain::udo::workflow::{StepInput, StepRefusal, UdoProgress, UdoState, take};
use samenspel_domain::{Message, ValidationErrors, msg};
use samenspel_store::{NewUdoDossier, UdoDossierRecord, UdoDossierSummary, UdoFacts, UdoStepChange};
use serde::Serialize;

use crate::{App, AppError, AppResult, Principal};

mod advice;
mod memorandum;
pub use memorandum::UdoMemorandum;
mod allocation;
pub use advice::KoepelJudgementInput;
mod offers;
pub use allocation::{PrincipleRow, UdoAllocationView, allocation_divisions, division_facts, province_scale};
pub use offers::UdoOffers;

/// The ministry of BZK, which advises on every dossier.
const BZK: &str = "MNRE1034";

/// The rule of the normenkader whose verdict says whether the consultation kept its term.
const TERM_RULE: &str = "consultatietermijn-medeoverheden";

/// A dossier as the pages and the API show it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct UdoDossierView {
    pub id: i64,
    /// Send it back with a change or a step: a change based on an older version is refused.
    pub version: i64,
    #[schema(value_type = Object)]
    pub progress: UdoProgress,
    pub content: DossierInput,
    /// Every rule of the normenkader against the dossier as it is now.
    pub rules: Vec<RuleCheck>,
    #[schema(value_type = Object)]
    pub cosign: CosignFlag,
    #[schema(value_type = Option<String>, format = Date)]
    pub evaluation_due: Option<chrono::NaiveDate>,
    #[schema(value_type = String, format = Date)]
    pub opened_on: chrono::NaiveDate,
    pub demo: bool,
    /// The task-allocation advice, when the dossier has an allocation part.
    pub allocation: Option<UdoAllocationView>,
}

/// A dossier in a list.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct UdoDossierItem {
    pub id: i64,
    pub title: String,
    /// The ministry that holds the pen.
    pub ministry: String,
    pub state: UdoState,
    /// The minister of BZK co-signs (the flag is raised).
    pub cosign: bool,
    #[schema(value_type = String, format = Date)]
    pub opened_on: chrono::NaiveDate,
    pub demo: bool,
}

impl From<UdoDossierSummary> for UdoDossierItem {
    fn from(d: UdoDossierSummary) -> Self {
        UdoDossierItem {
            id: d.id,
            title: d.facts.title,
            ministry: d.facts.ministry.as_str().to_owned(),
            state: d.progress.state,
            cosign: d.facts.cosign,
            opened_on: d.opened_on,
            demo: d.demo_key.is_some(),
        }
    }
}

impl App {
    /// Opens a dossier; a redacteur of the ministry it names (or a beheerder) may.
    pub async fn create_udo_dossier(&self, input: &DossierInput, who: &Principal) -> AppResult<i64> {
        self.open_udo_dossier(input, None, who).await
    }

    /// Opens a dossier with a demonstration key (the demo loader).
    pub async fn open_udo_dossier(
        &self,
        input: &DossierInput,
        demo_key: Option<&str>,
        who: &Principal,
    ) -> AppResult<i64> {
        let dossier = input.parse()?;
        let actor = authorise(who, DossierAction::Edit, &dossier)?;
        allocation::check_allocation(&dossier)?;
        self.check_current_ministry(&dossier.ministry).await?;
        let facts = facts_of(&dossier, &UdoProgress::new());
        let new = NewUdoDossier {
            content: input,
            facts: &facts,
            opened_on: self.today(),
            demo_key,
        };
        Ok(self.store.create_udo_dossier(&new, &actor).await?)
    }

    /// Replaces the dossier's content when it is still at `version`.
    pub async fn update_udo_dossier(
        &self,
        id: i64,
        version: i64,
        input: &DossierInput,
        who: &Principal,
    ) -> AppResult<UdoDossierView> {
        let record = at_version(self.udo_record(id, who).await?, version)?;
        let before = stored(&record)?;
        authorise(who, DossierAction::Edit, &before)?;
        let dossier = input.parse()?;
        let actor = authorise(who, DossierAction::Edit, &dossier)?;
        allocation::check_allocation(&dossier)?;
        if dossier.ministry != before.ministry {
            self.check_current_ministry(&dossier.ministry).await?;
        }
        let facts = facts_of(&dossier, &record.progress);
        self.store
            .update_udo_dossier(id, version, input, &facts, &actor)
            .await?;
        self.udo_dossier(id, who).await
    }

    /// Takes a step of the workflow when the dossier is still at `version`; a step the table
    /// or the normenkader refuses is a 422 naming everything missing, and nothing changes.
    pub async fn take_udo_step(
        &self,
        id: i64,
        version: i64,
        input: &StepInput,
        who: &Principal,
    ) -> AppResult<UdoDossierView> {
        let record = at_version(self.udo_record(id, who).await?, version)?;
        let dossier = stored(&record)?;
        let step = input.parse()?;
        let actor = authorise(who, DossierAction::Move(step.event()), &dossier)?;
        let after = take(&dossier, &record.progress, &step).map_err(refused)?;
        let facts = facts_of(&dossier, &after);
        let change = UdoStepChange {
            before: &record.progress,
            after: &after,
            facts: &facts,
            on: self.today(),
        };
        self.store.record_udo_step(id, version, &change, &actor).await?;
        self.udo_dossier(id, who).await
    }

    /// A dossier as `who` may see it.
    pub async fn udo_dossier(&self, id: i64, who: &Principal) -> AppResult<UdoDossierView> {
        let record = self.udo_record(id, who).await?;
        let dossier = stored(&record)?;
        Ok(UdoDossierView {
            id: record.id,
            version: record.version,
            rules: evaluate(&dossier),
            cosign: cosign(&dossier, CosignThresholds::default()),
            evaluation_due: record.progress.evaluation_due(),
            opened_on: record.opened_on,
            demo: record.demo_key.is_some(),
            allocation: allocation::allocation_view(&dossier)?,
            progress: record.progress,
            content: record.content,
        })
    }

    /// The dossiers `who` may see, newest first.
    pub async fn udo_dossiers(&self, who: &Principal) -> AppResult<Vec<UdoDossierItem>> {
        let all = self.store.list_udo_dossiers().await?;
        Ok(all
            .into_iter()
            .filter(|d| published(d.progress.state) || may_read_draft(who, &d.facts.ministry, &[]))
            .map(UdoDossierItem::from)
            .collect())
    }

    /// The use of the UDO per ministry and year over the dossiers `filter` admits (counts only,
    /// so drafts count without being shown); a code that names no ministry is refused.
    pub async fn udo_dashboard(&self, filter: &DashboardFilter) -> AppResult<Vec<UdoYearFigures>> {
        if let Some(code) = &filter.ministry {
            let org = self.store.get_organisation(code).await?;
            if !org.is_some_and(|o| o.org_type == OrgType::Ministerie) {
                let message = msg!(
                    "error-udo-dashboard-ministry",
                    "'{code}' is geen ministerie.",
                    code = code.as_str()
                );
                return Err(AppError::Invalid(ValidationErrors::single(
                    "ministry",
                    "unknown_ministry",
                    message,
                )));
            }
        }
        let facts = self.store.udo_dashboard_facts(filter).await?;
        Ok(figures(&facts, self.today()))
    }

    /// The dossier, when `who` may see it (a draft is "not found" to others).
    pub(crate) async fn udo_record(&self, id: i64, who: &Principal) -> AppResult<UdoDossierRecord> {
        let record = self
            .store
            .get_udo_dossier(id)
            .await?
            .ok_or(AppError::NotFound("udo-dossier"))?;
        let koepels: Vec<Koepel> = record
            .content
            .layers
            .iter()
            .filter_map(|l| samenspel_domain::udo::dossier::GovernmentLayer::from_key(l))
            .map(|l| l.koepel())
            .collect();
        if published(record.progress.state) || may_read_draft(who, &record.facts.ministry, &koepels) {
            Ok(record)
        } else {
            Err(AppError::NotFound("udo-dossier"))
        }
    }

    /// `code` is a ministry that exists today (not one that was merged or split).
    pub(crate) async fn is_current_ministry(&self, code: &OrgCode) -> AppResult<bool> {
        let org = self.store.get_organisation(code).await?;
        Ok(org.is_some_and(|o| o.org_type == OrgType::Ministerie && !o.ended))
    }

    async fn check_current_ministry(&self, code: &OrgCode) -> AppResult<()> {
        if self.is_current_ministry(code).await? {
            return Ok(());
        }
        Err(AppError::Invalid(ValidationErrors::single(
            "ministry",
            "unknown_ministry",
            msg!(
                "error-udo-not-a-current-ministry",
                "'{code}' is geen ministerie van nu; kies het ministerie dat de pen voert.",
                code = code.as_str()
            ),
        )))
    }
}

/// A dossier is public once it has gone into consultation (it is then published under the
/// Woo; issue 14, item 9).
pub(crate) fn published(state: UdoState) -> bool {
    state.rank() >= UdoState::Consultatie.rank()
}

/// The record when it is still at `version`: a change or step based on an older one is a
/// conflict before anything else is judged (the store checks again as it writes).
fn at_version(record: UdoDossierRecord, version: i64) -> AppResult<UdoDossierRecord> {
    if record.version == version {
        Ok(record)
    } else {
        Err(AppError::Conflict(samenspel_store::conflict::stale_udo_version(
            record.version,
            record.updated_at,
        )))
    }
}

/// The stored content, parsed again (it was accepted when written).
pub(crate) fn stored(record: &UdoDossierRecord) -> AppResult<Dossier> {
    record
        .content
        .parse()
        .map_err(|e| AppError::internal(format!("UDO dossier {} no longer parses: {e}", record.id)))
}

pub(crate) fn koepel_code(koepel: Koepel) -> &'static str {
    match koepel {
        Koepel::Vng => "VNG",
        Koepel::Ipo => "IPO",
        Koepel::Uvw => "UVW",
    }
}

/// How an organisation relates to a dossier of `ministry` affecting the layers of `koepels`.
fn relation<'a>(ministry: &'a OrgCode, koepels: &'a [Koepel]) -> impl Fn(&OrgCode) -> DossierRelation + 'a {
    move |org| {
        if org == ministry {
            DossierRelation::Owner
        } else if org.as_str() == BZK {
            DossierRelation::Bzk
        } else if koepels.iter().any(|k| koepel_code(*k) == org.as_str()) {
            DossierRelation::Koepel
        } else {
            DossierRelation::None
        }
    }
}

fn may_read_draft(who: &Principal, ministry: &OrgCode, koepels: &[Koepel]) -> bool {
    let relation_of = relation(ministry, koepels);
    match who {
        Principal::System(_) => true,
        Principal::Anonymous => false,
        Principal::User(user) => user
            .memberships
            .iter()
            .any(|m| may(DossierAction::ReadDraft, m.role, relation_of(&m.organisation))),
    }
}

/// The actor to record when `who` may perform `action` on `dossier`.
pub(crate) fn authorise(who: &Principal, action: DossierAction, dossier: &Dossier) -> AppResult<Actor> {
    let koepels = dossier.koepels_concerned();
    let relation_of = relation(&dossier.ministry, &koepels);
    match who {
        Principal::System(name) => Ok(Actor::system(name)),
        Principal::Anonymous => Err(AppError::Unauthenticated),
        Principal::User(user) => user
            .memberships
            .iter()
            .find(|m| may(action, m.role, relation_of(&m.organisation)))
            .map(|m| Actor {
                name: user.email.clone(),
                organisation: Some(m.organisation.clone()),
            })
            .ok_or_else(|| AppError::Forbidden(refusal())),
    }
}

/// Why a person may not change a dossier.
pub fn refusal() -> Message {
    msg!(
        "udo-refused",
        "Dit mag alleen een redacteur van het ministerie dat de pen voert; BZK en de koepels geven hier alleen hun advies en oordeel."
    )
}

/// A refused step as field errors: the step (`event`) and each thing missing.
fn refused(refusal: StepRefusal) -> AppError {
    let mut errors = ValidationErrors::new();
    errors.add("event", "step_refused", refusal.message());
    AppError::Invalid(errors)
}

/// What the store keeps in columns, worked out of the dossier and its progress.
fn facts_of(dossier: &Dossier, progress: &UdoProgress) -> UdoFacts {
    let term_kept = published(progress.state).then(|| {
        evaluate(dossier)
            .iter()
            .find(|c| c.key == TERM_RULE)
            .is_some_and(|c| c.outcome != Outcome::VoldoetNiet)
    });
    UdoFacts {
        ministry: dossier.ministry.clone(),
        title: dossier.title.clone(),
        cosign: cosign(dossier, CosignThresholds::default()).raised(),
        consultation_term_kept: term_kept,
    }
}
