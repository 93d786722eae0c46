//! Use cases for collaborations, their partners and the partners' stances.

use serde::{Deserialize, Serialize};

use samenspel_domain::ValidationErrors;
use samenspel_domain::audit::Actor;
use samenspel_domain::auth::{Action, Relation};
use samenspel_domain::collaboration::{CollaborationInput, Partner, PartnerRole, check_new_partner};
use samenspel_domain::org::OrgCode;
use samenspel_domain::org::history::forerunners;
use samenspel_domain::partnership::{Analysis, PartnerStance, StanceInput, analyse, resolve_phase};
use samenspel_domain::signals::SignalKind;
use samenspel_store::{
    AuditRecord, Collaboration, CollaborationFilter, CollaborationSummary, ListOrder, Page, Paged,
    PartnerInfo, StanceRecord, Visibility,
};

use crate::{App, AppError, AppResult, Principal};

/// A partner as entered: an organisation code and a role key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, utoipa::ToSchema)]
pub struct PartnerInput {
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub role: String,
}

/// A collaboration with everything its page shows for one phase (or for the whole).
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct CollaborationView {
    pub collaboration: Collaboration,
    pub phase: Option<String>,
    pub stances: Vec<PartnerStanceView>,
    pub analysis: Analysis,
    /// Every stance ever stated in the collaboration, newest first.
    pub history: Vec<StanceHistoryEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct PartnerStanceView {
    pub partner: PartnerInfo,
    /// The latest stance of this partner for the phase; `None` when it has not stated one.
    pub current: Option<StanceRecord>,
    /// For a partner that ended: the organisation that carries on now (following its
    /// successors); `None` for one that exists or when no successor is known.
    pub succeeded_by: Option<samenspel_domain::org::Organisation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct StanceHistoryEntry {
    pub partner_name: String,
    #[serde(flatten)]
    pub record: StanceRecord,
}

impl App {
    /// The collaborations `who` may see: published ones, and the drafts of their organisations.
    pub async fn list_collaborations(
        &self,
        filter: &CollaborationFilter,
        page: Page,
        who: &Principal,
    ) -> AppResult<Paged<CollaborationSummary>> {
        let filter = self.as_seen_by(filter, who).await?;
        Ok(self.store.list_collaborations(&filter, page).await?)
    }

    /// `filter` as `who` may use it today, with the forerunners of each organisation asked for
    /// (a ministry of today finds what its predecessors took part in).
    async fn as_seen_by(
        &self,
        filter: &CollaborationFilter,
        who: &Principal,
    ) -> AppResult<CollaborationFilter> {
        let mut organisations = filter.organisations.clone();
        if !organisations.is_empty() {
            let graph = self.store.succession_graph().await?;
            for code in &filter.organisations {
                organisations.extend(forerunners(code, &graph).into_iter().cloned());
            }
            organisations.sort();
            organisations.dedup();
        }
        Ok(CollaborationFilter {
            visibility: visibility(who),
            today: self.today(),
            organisations,
            ..filter.clone()
        })
    }

    /// Every collaboration `filter` finds that `who` may see, in its order, for an export: read
    /// a page of [`Page::MAX_LIMIT`] at a time, each after the last (keyset paging).
    pub async fn list_all_collaborations(
        &self,
        filter: &CollaborationFilter,
        who: &Principal,
    ) -> AppResult<Vec<CollaborationSummary>> {
        let mut next = CollaborationFilter {
            order: ListOrder::Name,
            after: None,
            ..filter.clone()
        };
        let page = Page {
            limit: Page::MAX_LIMIT,
            offset: 0,
        };
        let mut all = Vec::new();
        loop {
            let batch = self.list_collaborations(&next, page, who).await?;
            let Some(last) = batch.items.last() else { break };
            next.after = Some(last.id);
            let full = batch.items.len() == page.limit as usize;
            all.extend(batch.items);
            if !full {
                break;
            }
        }
        if filter.order == ListOrder::Signals {
            // Stable: equal counts stay in name order, as the list shows them.
            all.sort_by_key(|c| std::cmp::Reverse(c.signals.len()));
        }
        Ok(all)
    }

    /// Per signal, how many of the collaborations `filter` finds (that `who` may see) have it.
    pub async fn signal_counts(
        &self,
        filter: &CollaborationFilter,
        who: &Principal,
    ) -> AppResult<Vec<(SignalKind, u64)>> {
        let filter = self.as_seen_by(filter, who).await?;
        Ok(self.store.signal_counts(&filter).await?)
    }

    /// The collaboration that collaboration `id` became part of, when an import merged it away
    /// (a version of a regeling imported before as a collaboration of its own).
    pub async fn merged_into(&self, id: i64) -> AppResult<Option<i64>> {
        Ok(self.store.merged_into(id).await?)
    }

    /// A collaboration `who` may read; a draft is "not found" for anyone who may not see it.
    pub async fn collaboration(&self, id: i64, who: &Principal) -> AppResult<Collaboration> {
        let collaboration = self
            .store
            .get_collaboration(id)
            .await?
            .ok_or(AppError::NotFound("samenwerking"))?;
        if !collaboration.published
            && who
                .authorise(Action::ReadDraft, relation_to(&collaboration))
                .is_err()
        {
            return Err(AppError::NotFound("samenwerking"));
        }
        Ok(collaboration)
    }

    /// Creates a collaboration. A redacteur's own organisation becomes its trekker when it is
    /// not among the partners already.
    pub async fn create_collaboration(
        &self,
        input: &CollaborationInput,
        partners: &[PartnerInput],
        who: &Principal,
    ) -> AppResult<i64> {
        let actor = who.authorise(Action::CreateCollaboration, |_| Relation::None)?;
        let mut partners = partners.to_vec();
        if !who.is_platform_admin()
            && let Some(own) = &actor.organisation
            && !partners
                .iter()
                .any(|p| OrgCode::parse(&p.code).is_ok_and(|c| &c == own))
        {
            // Appended, so errors about the given partners keep their positions.
            partners.push(PartnerInput {
                code: own.to_string(),
                role: PartnerRole::Trekker.key().into(),
            });
        }
        self.create_collaboration_as(input, &partners, None, &actor).await
    }

    pub(crate) async fn create_collaboration_as(
        &self,
        input: &CollaborationInput,
        partners: &[PartnerInput],
        demo_key: Option<&str>,
        actor: &Actor,
    ) -> AppResult<i64> {
        let fields = input.parse();
        let partners = self.parse_partners(partners).await;
        match (fields, partners) {
            (Ok(fields), Ok(partners)) => Ok(self
                .store
                .create_collaboration(&fields, &partners, demo_key, actor)
                .await?),
            (fields, partners) => {
                let mut errors = ValidationErrors::new();
                errors.collect(fields);
                errors.collect(partners);
                Err(AppError::Invalid(errors))
            }
        }
    }

    pub async fn update_collaboration(
        &self,
        id: i64,
        expected_version: i64,
        input: &CollaborationInput,
        who: &Principal,
    ) -> AppResult<()> {
        let collaboration = self.collaboration(id, who).await?;
        let actor = who.authorise(Action::EditCollaboration, relation_to(&collaboration))?;
        let fields = input.parse()?;
        Ok(self
            .store
            .update_collaboration(id, expected_version, &fields, &actor)
            .await?)
    }

    pub async fn add_partner(&self, id: i64, input: &PartnerInput, who: &Principal) -> AppResult<()> {
        let collaboration = self.collaboration(id, who).await?;
        let actor = who.authorise(Action::AddPartner, relation_to(&collaboration))?;
        let partner = self.parse_partner("code", "role", input).await?;
        let existing: Vec<Partner> = collaboration
            .partners
            .iter()
            .map(|p| Partner {
                code: p.code.clone(),
                role: p.role,
            })
            .collect();
        check_new_partner(&existing, &partner.code)?;
        Ok(self.store.add_partner(id, &partner, &actor).await?)
    }

    /// Publishes (or withdraws) a collaboration: drafts are visible to their partners only.
    pub async fn set_published(&self, id: i64, published: bool, who: &Principal) -> AppResult<()> {
        let collaboration = self.collaboration(id, who).await?;
        let actor = who.authorise(Action::Publish, relation_to(&collaboration))?;
        Ok(self.store.set_published(id, published, &actor).await?)
    }

    /// Records `raw_code`'s stance; the earlier ones stay as history. Only that organisation's
    /// redacteuren (or a beheerder) may.
    pub async fn record_stance(
        &self,
        id: i64,
        raw_code: &str,
        input: &StanceInput,
        who: &Principal,
    ) -> AppResult<StanceRecord> {
        let collaboration = self.collaboration(id, who).await?;
        let (code, actor) =
            on_behalf_of_partner(&collaboration, raw_code, Action::RecordStance, who, |code| {
                samenspel_domain::msg!(
                    "error-not-a-partner-stance",
                    "{code} is geen partner in deze samenwerking; alleen partners geven hun standpunt.",
                    code = code
                )
            })?;
        let (stance, phase) = input.parse(&collaboration.fields.phases)?;
        Ok(self
            .store
            .record_stance(id, &code, phase.as_deref(), &stance, &actor)
            .await?)
    }

    /// The collaboration's change history, for whoever may read it.
    /// The people in it are shown as `who` may see them ([`crate::people`]).
    pub async fn audit_events(&self, id: i64, who: &Principal) -> AppResult<Vec<AuditRecord>> {
        let collaboration = self.collaboration(id, who).await?;
        let records = self
            .store
            .list_audit_events("collaboration", &id.to_string())
            .await?;
        let accounts: Vec<&str> = records.iter().map(|r| r.actor.dutch()).collect();
        let named: Vec<String> = records
            .iter()
            .filter_map(|r| {
                let action = samenspel_domain::audit::AuditAction::from_key(&r.action)?;
                Some(samenspel_domain::audit::codes_named(
                    action,
                    r.before.as_ref(),
                    r.after.as_ref(),
                ))
            })
            .flatten()
            .collect();
        let organisations: Vec<&str> = records
            .iter()
            .filter_map(|r| r.actor_organisation.as_deref())
            .chain(named.iter().map(String::as_str))
            .collect();
        let people = self
            .people(&collaboration, who, &accounts, &organisations)
            .await?;
        Ok(records.into_iter().map(|r| people.audit_record(r)).collect())
    }

    /// The stances stated in `collaboration`, oldest first, each stated "namens" its partner
    /// and its author shown as `who` may see them.
    async fn shown_stances(
        &self,
        collaboration: &Collaboration,
        who: &Principal,
    ) -> AppResult<Vec<StanceRecord>> {
        let mut records = self.store.list_stances(collaboration.id).await?;
        let accounts: Vec<&str> = records.iter().map(|r| r.stated_by.dutch()).collect();
        let people = self.people(collaboration, who, &accounts, &[]).await?;
        for record in &mut records {
            record.stated_by = people.show(record.stated_by.dutch(), Some(record.code.as_str()));
        }
        Ok(records)
    }

    /// Every stance ever stated, oldest first, for whoever may read the collaboration.
    pub async fn stances(&self, id: i64, who: &Principal) -> AppResult<Vec<StanceRecord>> {
        let collaboration = self.collaboration(id, who).await?;
        self.shown_stances(&collaboration, who).await
    }

    /// The collaboration with its partners' current stances and their analysis for `phase`
    /// (`None`: the collaboration as a whole).
    pub async fn collaboration_view(
        &self,
        id: i64,
        phase: Option<&str>,
        who: &Principal,
    ) -> AppResult<CollaborationView> {
        let collaboration = self.collaboration(id, who).await?;
        let phase = resolve_phase(&collaboration.fields.phases, phase)?;
        let records = self.shown_stances(&collaboration, who).await?;
        let ended = collaboration.partners.iter().filter(|p| p.ended).map(|p| &p.code);
        let mut successors = self.current_successors(ended).await?;
        let stances: Vec<PartnerStanceView> = collaboration
            .partners
            .iter()
            .map(|partner| PartnerStanceView {
                succeeded_by: successors.remove(&partner.code).flatten(),
                partner: partner.clone(),
                current: records
                    .iter()
                    .filter(|r| r.code == partner.code && r.phase == phase)
                    .max_by_key(|r| (r.stated_at, r.id))
                    .cloned(),
            })
            .collect();
        let stated: Vec<PartnerStance> = stances
            .iter()
            .filter_map(|s| {
                s.current.as_ref().map(|r| PartnerStance {
                    code: s.partner.code.clone(),
                    name: s.partner.name.clone(),
                    layer: s.partner.org_type.layer(),
                    stance: r.stance.clone(),
                })
            })
            .collect();
        let name_of = |code: &OrgCode| {
            collaboration
                .partners
                .iter()
                .find(|p| &p.code == code)
                .map_or_else(|| code.to_string(), |p| p.name.clone())
        };
        let mut history: Vec<StanceHistoryEntry> = records
            .iter()
            .map(|r| StanceHistoryEntry {
                partner_name: name_of(&r.code),
                record: r.clone(),
            })
            .collect();
        history.reverse();
        Ok(CollaborationView {
            analysis: analyse(&stated),
            collaboration,
            phase,
            stances,
            history,
        })
    }

    async fn parse_partners(&self, inputs: &[PartnerInput]) -> Result<Vec<Partner>, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let mut partners: Vec<Partner> = Vec::with_capacity(inputs.len());
        for (i, input) in inputs.iter().enumerate() {
            let code_field = format!("partners[{i}].code");
            let role_field = format!("partners[{i}].role");
            let Some(partner) = errors.collect(self.parse_partner(&code_field, &role_field, input).await)
            else {
                continue;
            };
            match check_new_partner(&partners, &partner.code) {
                Ok(()) => partners.push(partner),
                Err(_) => errors.add(
                    code_field,
                    "duplicate_partner",
                    samenspel_domain::msg!(
                        "error-partner-listed-twice",
                        "{code} staat al in de lijst van partners.",
                        code = partner.code
                    ),
                ),
            }
        }
        errors.finish(|| partners)
    }

    async fn parse_partner(
        &self,
        code_field: &str,
        role_field: &str,
        input: &PartnerInput,
    ) -> Result<Partner, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let code = errors.collect(OrgCode::parse_field(code_field, &input.code));
        let role = errors.collect(PartnerRole::parse_field(role_field, &input.role));
        if let Some(code) = &code {
            match self.store.get_organisation(code).await {
                Ok(Some(_)) => {}
                Ok(None) => errors.add(
                    code_field,
                    "unknown_organisation",
                    samenspel_domain::msg!(
                        "error-unknown-organisation",
                        "Er is geen organisatie met code {code}.",
                        code = code
                    ),
                ),
                Err(e) => {
                    tracing::error!(error = %e, "organisation lookup failed");
                    errors.add(
                        code_field,
                        "lookup_failed",
                        samenspel_domain::msg!(
                            "error-organisation-lookup-failed",
                            "De organisatie kon niet worden opgezocht; probeer het later opnieuw."
                        ),
                    );
                }
            }
        }
        match (code, role) {
            (Some(code), Some(role)) if errors.is_empty() => Ok(Partner { code, role }),
            _ => Err(errors),
        }
    }
}

/// How an organisation relates to a collaboration, for the permission table.
/// For what a partner states itself (its stance, its side of Moore's triangle): the partner's
/// code and the actor, when `who` may act for that organisation and it is a partner; `refusal`
/// says so for a non-partner ("… alleen partners …").
pub(crate) fn on_behalf_of_partner(
    collaboration: &Collaboration,
    raw_code: &str,
    action: Action,
    who: &Principal,
    refusal: fn(&OrgCode) -> samenspel_domain::Message,
) -> AppResult<(OrgCode, Actor)> {
    let code = OrgCode::parse(raw_code)?;
    let actor = who.authorise(action, stance_relation(code.clone()))?;
    if !collaboration.partners.iter().any(|p| p.code == code) {
        return Err(AppError::Invalid(ValidationErrors::single(
            "code",
            "not_a_partner",
            refusal(&code),
        )));
    }
    Ok((code, actor))
}

/// Itself for the organisation `code` (a stance or Moore's triangle is its own), else none.
pub(crate) fn stance_relation(code: OrgCode) -> impl Fn(&OrgCode) -> Relation {
    move |org| {
        if *org == code {
            Relation::Itself
        } else {
            Relation::None
        }
    }
}

pub(crate) fn relation_to(collaboration: &Collaboration) -> impl Fn(&OrgCode) -> Relation + '_ {
    move |org| match collaboration.partners.iter().find(|p| &p.code == org) {
        Some(p) if p.role == PartnerRole::Trekker => Relation::Trekker,
        Some(_) => Relation::Partner,
        None => Relation::None,
    }
}

pub(crate) fn visibility(who: &Principal) -> Visibility {
    if who.is_platform_admin() {
        Visibility::All
    } else if let Some(user) = who.user() {
        Visibility::PublishedAndDraftsOfUser(user.id)
    } else {
        Visibility::Published
    }
}
