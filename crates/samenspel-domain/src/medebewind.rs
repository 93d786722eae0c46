//! The register of medebewind tasks (issue 15, item 1; DOMAIN.md §7): what municipalities,
//! provinces and water boards carry out for the Rijk, on which legal basis, with how much
//! policy freedom, to what end, with which powers and which money, and on which Iv3 task fields
//! the costs are booked.
//!
//! The four columns the ROB asks for (*Afrekenen met disbalans*, 2025; press summary in
//! research/next-capabilities.md §2: "welke taken gemeenten uitvoeren, hoeveel geld ze daarvoor
//! krijgen, of ze de taken goed uitvoeren, en wat ze eraan uitgeven") are the task with its
//! [`LegalBasis`], its [`BudgetLine`]s, its ambition and norm, and its task fields, whose booked
//! costs the disbalance monitor ([`disbalance`]) sets against the budget.
//!
//! Sources of the value sets: the degrees of policy freedom are ROB (2021) annex II (DOMAIN.md
//! §7, as in the UDO's allocation advice); the funding methods are those of the
//! Financiële-verhoudingswet (art. 15a Fvw for specific grants) as the UDO's financial
//! paragraph names them; the responsible bodies (raad, college, burgemeester) follow the
//! dualisation of medebewind powers (Wet dualisering gemeentelijke medebewindsbevoegdheden,
//! kst-28995); for provinces and water boards they stand for Provinciale Staten, Gedeputeerde
//! Staten and the commissaris van de Koning, and the algemeen bestuur, dagelijks bestuur and
//! dijkgraaf (our reading).

use chrono::NaiveDate;
use serde::Serialize;

use crate::iv3::TaskFieldCode;
use crate::keyed::keyed_enum;
use crate::money::Cents;
use crate::org::OrgCode;
pub use crate::udo::dossier::{GovernmentLayer, PolicyFreedom};
use crate::udo::financial::FinancialParagraph;
pub use crate::udo::financial::FundingMethod;

pub mod costs;
pub mod disbalance;
mod input;
pub mod monitor;
pub mod peers;
pub mod starter;
pub use input::{BudgetLineInput, TaskInput};

keyed_enum!(
    /// The body a task's powers are given to (after the dualisation of 2002–2004).
    ResponsibleBody, "body", "bevoegd orgaan" {
        Raad => "raad", "Raad";
        College => "college", "College";
        Burgemeester => "burgemeester", "Burgemeester";
    }
);

/// Where a task comes from in the law.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct LegalBasis {
    /// The law's short title, e.g. `Participatiewet`.
    pub law: String,
    /// The identifier in the Basiswettenbestand, e.g. `BWBR0015703`.
    pub bwb_id: String,
    pub article: String,
    pub lid: Option<String>,
}

impl LegalBasis {
    /// `Participatiewet, artikel 7, lid 1 (BWBR0015703)`.
    pub fn citation(&self) -> crate::Message {
        crate::rules::law_citation(&self.law, &self.article, self.lid.as_deref(), &self.bwb_id)
    }

    /// The article on wetten.overheid.nl as a Juriconnect link (the version in force today):
    /// `https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=7&lid=1`.
    pub fn url(&self) -> String {
        let mut url = format!(
            "https://wetten.overheid.nl/jci1.3:c:{}&artikel={}",
            self.bwb_id,
            self.article.replace(' ', "")
        );
        if let Some(lid) = &self.lid {
            url.push_str("&lid=");
            url.push_str(&lid.replace(' ', ""));
        }
        url
    }
}

/// A budget for the task in one year: for all organisations of the layer together
/// (`organisation` none) or for one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct BudgetLine {
    pub year: i32,
    pub funding: FundingMethod,
    pub amount: Cents,
    /// `None` for the national budget.
    pub organisation: Option<OrgCode>,
    /// Where the figure comes from (a budget article, a circular, a UDO's financial paragraph).
    pub source: String,
}

/// When the task's money is looked at again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Recalibration {
    /// Every how many years (1–10).
    pub every_years: u8,
    /// The next one.
    pub next_on: NaiveDate,
}

impl Recalibration {
    /// The next recalibration lies before `today` and has not been recorded as done.
    pub fn overdue_on(&self, today: NaiveDate) -> bool {
        self.next_on < today
    }
}

/// One medebewind task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Task {
    pub name: String,
    pub basis: LegalBasis,
    /// The layer that carries the task out.
    pub layer: GovernmentLayer,
    pub body: ResponsibleBody,
    /// The responsible ministry.
    pub ministry: OrgCode,
    pub freedom: PolicyFreedom,
    /// What the legislator wants achieved; `None` where no source states it (the Kieswet has no
    /// article of purpose).
    pub ambition: Option<String>,
    /// The norm the achievement is measured by, where the law or the ministry sets one.
    pub norm: Option<String>,
    /// The powers the law gives for the task.
    pub powers: String,
    /// How the task is paid for, each once, in the order of [`FundingMethod::ALL`].
    pub funding: Vec<FundingMethod>,
    /// At most one line per year, funding method and organisation; each line's funding is one
    /// of [`Task::funding`].
    pub budgets: Vec<BudgetLine>,
    /// The Iv3 task fields the costs are booked on, each once.
    pub task_fields: Vec<TaskFieldCode>,
    pub risks: Option<String>,
    /// The means the carrying government has to steer the costs.
    pub cost_steering: Option<String>,
    pub recalibration: Option<Recalibration>,
    /// The UDO dossiers that created or changed the task, by id.
    pub udo_dossiers: Vec<i64>,
    /// Where the task's facts come from.
    pub source: String,
}

impl Task {
    /// The national budget in `year`: the sum of the lines without an organisation.
    pub fn national_budget(&self, year: i32) -> Option<Cents> {
        let lines: Vec<Cents> = self
            .budgets
            .iter()
            .filter(|b| b.year == year && b.organisation.is_none())
            .map(|b| b.amount)
            .collect();
        (!lines.is_empty()).then(|| lines.into_iter().sum())
    }

    /// The budget for `organisation` in `year`, where one is known.
    pub fn budget_for(&self, organisation: &OrgCode, year: i32) -> Option<Cents> {
        let lines: Vec<Cents> = self
            .budgets
            .iter()
            .filter(|b| b.year == year && b.organisation.as_ref() == Some(organisation))
            .map(|b| b.amount)
            .collect();
        (!lines.is_empty()).then(|| lines.into_iter().sum())
    }

    /// The years with any budget, ascending.
    pub fn budget_years(&self) -> Vec<i32> {
        let mut years: Vec<i32> = self.budgets.iter().map(|b| b.year).collect();
        years.sort_unstable();
        years.dedup();
        years
    }

    /// The recalibration is overdue on `today`.
    pub fn recalibration_overdue(&self, today: NaiveDate) -> bool {
        self.recalibration.is_some_and(|r| r.overdue_on(today))
    }
}

/// The budget lines a UDO's financial paragraph gives a task of `layer`: per year the
/// structural and incidental consequence together, national, under the paragraph's funding
/// method (none when it has none or pays nothing), with the dossier named as the source. The
/// issue's words: "its financial paragraph is the task's first budget".
pub fn budget_from_financial_paragraph(
    paragraph: &FinancialParagraph,
    layer: GovernmentLayer,
    dossier: i64,
    dossier_title: &str,
) -> Vec<BudgetLine> {
    let Some(funding) = paragraph.funding.filter(|f| *f != FundingMethod::Geen) else {
        return Vec::new();
    };
    let mut lines: Vec<BudgetLine> = paragraph
        .rows
        .iter()
        .filter(|r| r.layer == layer)
        .map(|r| BudgetLine {
            year: r.year,
            funding,
            amount: r.total(),
            organisation: None,
            source: format!("UDO-dossier {dossier} ({dossier_title}), financiële paragraaf"),
        })
        .collect();
    lines.sort_by_key(|l| l.year);
    lines
}

#[cfg(test)]
pub(crate) mod tests;
