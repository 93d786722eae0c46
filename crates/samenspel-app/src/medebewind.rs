//! The register of medebewind tasks as use cases (issue 15, item 1): everyone reads it; the
//! responsible ministry's redacteuren (and beheerders) record and change a task; every change
//! is kept with before and after, and the history is shown with people as the reader may see
//! them ([`crate::people`]). A task's first budget can be taken from the financial paragraph of
//! a UDO dossier it is linked to; the starter set is loaded once.

use samenspel_domain::audit::Actor;
use samenspel_domain::auth::{Action, Relation};
use samenspel_domain::iv3;
use samenspel_domain::medebewind::{
    BudgetLineInput, Task, TaskInput, budget_from_financial_paragraph, starter,
};
use samenspel_domain::org::OrgCode;
use samenspel_domain::{ValidationErrors, msg};
use samenspel_store::{AuditRecord, MedebewindFacts, MedebewindTaskRecord, StoreError};
use serde::Serialize;

use crate::{App, AppError, AppResult, Principal};

/// A UDO dossier a task links to, with its title when the reader may read the dossier.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct LinkedDossier {
    pub id: i64,
    /// `None` when the reader may not read the dossier (a draft of another ministry).
    pub title: Option<String>,
    /// The dossier is published (in consultation or later), so anyone may read it.
    pub public: bool,
    /// The dossier is published and its financial paragraph names amounts for the task's
    /// layer under a funding method that pays: it can become the task's budget.
    pub has_budget: bool,
}

/// A task as the pages and the API show it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct MedebewindTaskView {
    pub id: i64,
    /// Send it back with a change: a change based on an older version is refused.
    pub version: i64,
    /// The task as typed in (what a change sends back).
    pub content: TaskInput,
    /// The task as parsed.
    #[schema(value_type = Object)]
    pub task: Task,
    pub ministry_name: String,
    /// The article on wetten.overheid.nl.
    pub law_url: String,
    /// The next recalibration lies in the past.
    pub recalibration_overdue: bool,
    pub udo_dossiers: Vec<LinkedDossier>,
    /// The key of the starter set's task it was loaded from.
    pub starter_key: Option<String>,
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

/// What loading the starter set did.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct StarterReport {
    /// The keys of the tasks added.
    pub added: Vec<String>,
    /// The keys already in the register, left as they are.
    pub already_present: Vec<String>,
}

/// The Iv3 catalogue tasks are checked against.
pub(crate) fn catalogue() -> AppResult<&'static iv3::Catalogue> {
    iv3::shipped()
        .map_err(|e| AppError::Internal(format!("the shipped Iv3 catalogue does not parse: {e:?}").into()))
}

/// Whether `who` may change a task of `ministry` (to offer the form and its buttons).
pub fn may_keep(who: &Principal, ministry: &OrgCode) -> bool {
    authorise(who, ministry).is_ok()
}

/// Whether `who` may keep the tasks of some ministry: asked before the input is read, so an
/// anonymous visitor gets 401 and a lezer 403 whatever the input holds.
fn may_keep_some(who: &Principal) -> AppResult<()> {
    who.authorise(Action::KeepMedebewindTask, |_| Relation::Itself)
        .map(drop)
}

/// Who may keep a task of `ministry`: the ministry's redacteuren (and beheerders).
fn authorise(who: &Principal, ministry: &OrgCode) -> AppResult<Actor> {
    who.authorise(Action::KeepMedebewindTask, |code| {
        if code == ministry {
            Relation::Itself
        } else {
            Relation::None
        }
    })
}

fn facts_of(task: &Task) -> MedebewindFacts {
    MedebewindFacts {
        name: task.name.clone(),
        ministry: task.ministry.clone(),
        layer: task.layer.key().to_owned(),
        next_recalibration_on: task.recalibration.map(|r| r.next_on),
    }
}

impl App {
    /// Every task of the register, by name.
    pub async fn medebewind_tasks(&self, who: &Principal) -> AppResult<Vec<MedebewindTaskView>> {
        let records = self.store.list_medebewind_tasks().await?;
        let mut views = Vec::with_capacity(records.len());
        for record in records {
            views.push(self.task_view(record, who).await?);
        }
        Ok(views)
    }

    /// One task.
    pub async fn medebewind_task(&self, id: i64, who: &Principal) -> AppResult<MedebewindTaskView> {
        let record = self.task_record(id).await?;
        self.task_view(record, who).await
    }

    /// Records a new task; the responsible ministry must be one the person keeps tasks for.
    pub async fn create_medebewind_task(&self, input: &TaskInput, who: &Principal) -> AppResult<i64> {
        self.add_medebewind_task_as(input, None, who).await
    }

    /// Stores a task, with its starter or demonstration key (once).
    pub(crate) async fn add_medebewind_task_as(
        &self,
        input: &TaskInput,
        starter_key: Option<&str>,
        who: &Principal,
    ) -> AppResult<i64> {
        may_keep_some(who)?;
        let input = input.normalised();
        let task = input.parse(catalogue()?)?;
        let actor = authorise(who, &task.ministry)?;
        self.check_task(&task, who).await?;
        Ok(self
            .store
            .create_medebewind_task(&input, &facts_of(&task), starter_key, &actor)
            .await?)
    }

    /// Replaces the task when it is still at `version`. Moving it to another ministry needs
    /// the right to keep tasks of both.
    pub async fn update_medebewind_task(
        &self,
        id: i64,
        version: i64,
        input: &TaskInput,
        who: &Principal,
    ) -> AppResult<MedebewindTaskView> {
        let record = self.task_record(id).await?;
        if record.version != version {
            return Err(AppError::Conflict(
                samenspel_store::conflict::stale_medebewind_version(record.version, record.updated_at),
            ));
        }
        authorise(who, &record.facts.ministry)?;
        let input = input.normalised();
        let task = input.parse(catalogue()?)?;
        let actor = authorise(who, &task.ministry)?;
        self.check_task(&task, who).await?;
        self.store
            .update_medebewind_task(id, version, &input, &facts_of(&task), &actor)
            .await?;
        self.medebewind_task(id, who).await
    }

    /// Takes the financial paragraph of a linked UDO dossier as the task's budget: its rows
    /// for the task's layer become national budget lines under the paragraph's funding method
    /// (added to the task's funding), for the years the task has no line of that method yet.
    pub async fn adopt_udo_budget(
        &self,
        id: i64,
        version: i64,
        dossier: i64,
        who: &Principal,
    ) -> AppResult<MedebewindTaskView> {
        let record = self.task_record(id).await?;
        let task = stored(&record)?;
        authorise(who, &task.ministry)?;
        let field = "dossier";
        if !task.udo_dossiers.contains(&dossier) {
            return Err(ValidationErrors::single(
                field,
                "not_linked",
                msg!(
                    "error-medebewind-dossier-not-linked",
                    "Dit UDO-dossier staat niet bij de taak; voeg het eerst toe."
                ),
            )
            .into());
        }
        let udo = self.udo_dossier(dossier, who).await?;
        if !crate::udo::published(udo.progress.state) {
            return Err(ValidationErrors::single(
                field,
                "not_public",
                msg!(
                    "error-medebewind-dossier-not-public",
                    "Dit UDO-dossier is nog niet openbaar; het budget kan worden overgenomen zodra het in consultatie is."
                ),
            )
            .into());
        }
        let parsed = udo.content.parse()?;
        let lines = parsed
            .financial
            .as_ref()
            .map(|p| budget_from_financial_paragraph(p, task.layer, dossier, &parsed.title))
            .unwrap_or_default();
        if lines.is_empty() {
            return Err(ValidationErrors::single(
                field,
                "no_budget",
                msg!(
                    "error-medebewind-dossier-no-budget",
                    "De financiële paragraaf van dit dossier noemt geen bedragen voor deze bestuurslaag met een bekostigingswijze die betaalt."
                ),
            )
            .into());
        }
        let mut input = record.content.clone();
        for line in lines {
            let taken = task
                .budgets
                .iter()
                .any(|b| b.year == line.year && b.funding == line.funding && b.organisation.is_none());
            if taken {
                continue;
            }
            if !input.funding.iter().any(|f| f == line.funding.key()) {
                input.funding.push(line.funding.key().to_owned());
            }
            input.budgets.push(BudgetLineInput {
                year: line.year.to_string(),
                funding: line.funding.key().to_owned(),
                amount: line.amount.format_number_nl(),
                organisation: String::new(),
                source: line.source,
            });
        }
        self.update_medebewind_task(id, version, &input, who).await
    }

    /// The task's changes, oldest first as the store keeps them; people shown as `who` may
    /// see them (beheerders the people, everyone else the organisations).
    pub async fn medebewind_history(&self, id: i64, who: &Principal) -> AppResult<Vec<AuditRecord>> {
        self.task_record(id).await?;
        let records = self
            .store
            .list_audit_events("medebewind_task", &id.to_string())
            .await?;
        let accounts: Vec<&str> = records.iter().map(|r| r.actor.dutch()).collect();
        let people = self.people_outside(who, &accounts).await?;
        Ok(records.into_iter().map(|r| people.audit_record(r)).collect())
    }

    /// Loads the tasks of the starter set that are not in the register yet (beheerders, and
    /// the command line). Each task is stored with its audit event.
    pub async fn load_medebewind_starter(&self, who: &Principal) -> AppResult<StarterReport> {
        who.authorise(Action::ImportData, |_| Relation::None)?;
        let tasks = starter::shipped(catalogue()?)?;
        let present = self.store.medebewind_starter_keys().await?;
        let mut report = StarterReport {
            added: Vec::new(),
            already_present: Vec::new(),
        };
        // Every task is checked against the stored data before any is added, so a set that
        // no longer fits (a ministry that ended) adds nothing.
        for task in tasks.iter().filter(|t| !present.contains(&t.key)) {
            self.check_task(&task.input.parse(catalogue()?)?, who).await?;
        }
        for task in tasks {
            if present.contains(&task.key) {
                report.already_present.push(task.key);
                continue;
            }
            match self
                .add_medebewind_task_as(&task.input, Some(&task.key), who)
                .await
            {
                Ok(_) => report.added.push(task.key),
                // Loaded at the same moment by someone else.
                Err(AppError::Conflict(_)) => report.already_present.push(task.key),
                Err(e) => return Err(e),
            }
        }
        Ok(report)
    }

    /// Whether some task of the shipped starter set is not in the register.
    pub async fn medebewind_starter_missing(&self) -> AppResult<bool> {
        let present = self.store.medebewind_starter_keys().await?;
        let tasks = starter::shipped(catalogue()?)?;
        Ok(tasks.iter().any(|t| !present.contains(&t.key)))
    }

    async fn task_record(&self, id: i64) -> AppResult<MedebewindTaskRecord> {
        self.store
            .get_medebewind_task(id)
            .await?
            .ok_or(AppError::NotFound("medebewind-task"))
    }

    /// Checks against stored data: a current ministry, organisations that exist, dossiers the
    /// person may read.
    async fn check_task(&self, task: &Task, who: &Principal) -> AppResult<()> {
        let mut errors = ValidationErrors::new();
        if !self.is_current_ministry(&task.ministry).await? {
            errors.add(
                "ministry",
                "unknown_ministry",
                msg!(
                    "error-medebewind-not-a-current-ministry",
                    "'{code}' is geen ministerie van nu; kies het ministerie dat verantwoordelijk is voor de taak.",
                    code = task.ministry.as_str()
                ),
            );
        }
        for (i, line) in task.budgets.iter().enumerate() {
            let Some(code) = &line.organisation else {
                continue;
            };
            if self.store.get_organisation(code).await?.is_none() {
                errors.add(
                    format!("budgets[{i}].organisation"),
                    "unknown_organisation",
                    msg!(
                        "error-medebewind-unknown-organisation",
                        "Er is geen organisatie met code {code}.",
                        code = code.as_str()
                    ),
                );
            }
        }
        for (i, dossier) in task.udo_dossiers.iter().enumerate() {
            match self.udo_dossier(*dossier, who).await {
                Ok(_) => {}
                Err(AppError::NotFound(_) | AppError::Forbidden(_) | AppError::Unauthenticated) => errors
                    .add(
                        format!("udo_dossiers[{i}]"),
                        "unknown_dossier",
                        msg!(
                            "error-medebewind-unknown-dossier",
                            "Er is geen UDO-dossier {id} dat u kunt inzien.",
                            id = dossier
                        ),
                    ),
                Err(e) => return Err(e),
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors.into())
        }
    }

    async fn task_view(
        &self,
        record: MedebewindTaskRecord,
        who: &Principal,
    ) -> AppResult<MedebewindTaskView> {
        let task = stored(&record)?;
        let ministry_name = match self.organisation(task.ministry.as_str()).await {
            Ok(org) => org.display_name(),
            Err(_) => task.ministry.as_str().to_owned(),
        };
        let mut udo_dossiers = Vec::new();
        for id in &task.udo_dossiers {
            let linked = match self.udo_dossier(*id, who).await {
                Ok(view) => {
                    let public = crate::udo::published(view.progress.state);
                    let parsed = view.content.parse().ok();
                    LinkedDossier {
                        id: *id,
                        title: Some(view.content.title.clone()),
                        public,
                        has_budget: public
                            && parsed.and_then(|d| d.financial).is_some_and(|p| {
                                !budget_from_financial_paragraph(&p, task.layer, *id, "").is_empty()
                            }),
                    }
                }
                Err(_) => LinkedDossier {
                    id: *id,
                    title: None,
                    public: false,
                    has_budget: false,
                },
            };
            udo_dossiers.push(linked);
        }
        Ok(MedebewindTaskView {
            id: record.id,
            version: record.version,
            law_url: task.basis.url(),
            recalibration_overdue: task.recalibration_overdue(self.today()),
            ministry_name,
            udo_dossiers,
            starter_key: record.starter_key,
            updated_at: record.updated_at,
            content: record.content,
            task,
        })
    }
}

/// The stored content, parsed again (it was accepted when written).
fn stored(record: &MedebewindTaskRecord) -> AppResult<Task> {
    let catalogue = catalogue()?;
    record.content.parse(catalogue).map_err(|e| {
        AppError::Internal(Box::new(StoreError::Database(
            format!("medebewind task {} no longer parses: {e:?}", record.id).into(),
        )))
    })
}
