//! The paragraphs of the explanatory memorandum (memorie van toelichting) that Samenspel writes
//! from a dossier (issue 14, item 8): "Financiële gevolgen voor decentrale overheden" and
//! "Advies en consultatie". The memorandum is a Dutch legal text, so the paragraphs are in
//! Dutch whatever the page's language; pages and downloads show them as they are.
//!
//! Sources of what each paragraph holds:
//! - Aanwijzing voor de regelgeving 4.46 (BWBR0005730): the memorandum has a separate part on
//!   the financial consequences for decentral governments, covering art. 2 Financiële-
//!   verhoudingswet, art. 108(3) Gemeentewet, art. 105(3) Provinciewet, art. 136(3) WolBES and
//!   art. 87 FinBES, and names the funding method (bekostigingswijze); coverage is consulted with
//!   BZK and Financiën (art. 2 and 18 Fvw). The articles and the funding are the dossier's own
//!   ([`super::financial`]).
//! - Schrijfwijzer memorie van toelichting §11 "Advies en consultatie": what the consultation
//!   brought and what was done with the reactions ([`super::consultation::report`]).
//!
//! The wording of the sentences is ours: no source prescribes it.

use serde::Serialize;

use super::consultation::report::ConsultationReport;
use super::dossier::{ConsultationPlan, Dossier, GovernmentLayer};
use super::financial::FinancialParagraph;
use crate::text::long_date_nl;

/// One paragraph of the memorandum: its heading, its text in paragraphs, and (for the money)
/// a table of the amounts per layer and year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct MemorandumSection {
    pub heading: String,
    pub paragraphs: Vec<String>,
    pub table: Vec<MoneyLine>,
}

/// The amounts of one layer in one year, written out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct MoneyLine {
    pub layer: String,
    pub year: i32,
    pub structural: String,
    pub incidental: String,
    pub total: String,
}

pub const FINANCIAL_HEADING: &str = "Financiële gevolgen voor decentrale overheden";
pub const CONSULTATION_HEADING: &str = "Advies en consultatie";

fn layer_name(layer: GovernmentLayer) -> &'static str {
    match layer {
        GovernmentLayer::Gemeenten => "gemeenten",
        GovernmentLayer::Provincies => "provincies",
        GovernmentLayer::Waterschappen => "waterschappen",
    }
}

/// "a", "a en b", "a, b en c".
fn enumerate(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} en {last}", init.join(", ")),
    }
}

/// The paragraph "Financiële gevolgen voor decentrale overheden".
pub fn financial_section(dossier: &Dossier) -> MemorandumSection {
    let mut section = MemorandumSection {
        heading: FINANCIAL_HEADING.to_owned(),
        paragraphs: Vec::new(),
        table: Vec::new(),
    };
    let layers: Vec<String> = dossier.layers.iter().map(|l| layer_name(*l).to_owned()).collect();
    let Some(paragraph) = dossier.financial.as_ref().filter(|f| !f.rows.is_empty()) else {
        section.paragraphs.push(if dossier.has_financial_consequences() {
            format!(
                "De financiële gevolgen van dit voorstel voor {} zijn nog niet gekwantificeerd.",
                enumerate(&layers)
            )
        } else {
            "Dit voorstel heeft geen financiële gevolgen voor decentrale overheden.".to_owned()
        });
        return section;
    };
    section.paragraphs.push(format!(
        "Dit voorstel raakt {}. De financiële gevolgen zijn per bestuurslaag en per jaar als volgt geraamd.",
        enumerate(&layers)
    ));
    for total in paragraph.totals() {
        section.table.push(MoneyLine {
            layer: layer_name(total.layer).to_owned(),
            year: total.year,
            structural: total.structural.format_nl(),
            incidental: total.incidental.format_nl(),
            total: total.total.format_nl(),
        });
        section.paragraphs.push(format!(
            "Voor de {} bedragen de gevolgen in {} structureel {} en incidenteel {}.",
            layer_name(total.layer),
            total.year,
            total.structural.format_nl(),
            total.incidental.format_nl()
        ));
    }
    let reasons: Vec<String> = paragraph
        .rows
        .iter()
        .map(|r| {
            format!(
                "{} ({} {}; bron: {})",
                r.reasoning,
                layer_name(r.layer),
                r.year,
                r.source
            )
        })
        .collect();
    section
        .paragraphs
        .push(format!("Onderbouwing: {}", reasons.join("; ")));
    section.paragraphs.extend(funding_and_articles(paragraph));
    section
}

fn funding_and_articles(paragraph: &FinancialParagraph) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(funding) = paragraph.funding {
        lines.push(format!(
            "Bekostigingswijze: {}.",
            funding.label_nl().to_lowercase()
        ));
    }
    if !paragraph.articles.is_empty() {
        let articles: Vec<String> = paragraph
            .articles
            .iter()
            .map(|a| lowercase_first(a.label_nl()))
            .collect();
        lines.push(format!(
            "Deze paragraaf geeft invulling aan {}.",
            enumerate(&articles)
        ));
    }
    let consulted: Vec<String> = [
        ("het ministerie van BZK", paragraph.consulted_bzk_on),
        ("het ministerie van Financiën", paragraph.consulted_financien_on),
    ]
    .into_iter()
    .filter_map(|(who, on)| on.map(|d| format!("{who} (op {})", long_date_nl(d))))
    .collect();
    if !consulted.is_empty() {
        lines.push(format!(
            "Over de gevolgen en de bekostiging is overleg gevoerd met {} (artikelen 2 en 18 Financiële-verhoudingswet).",
            enumerate(&consulted)
        ));
    }
    lines
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn period(plan: &ConsultationPlan) -> Vec<String> {
    let mut lines = vec![format!(
        "De medeoverheden zijn formeel geconsulteerd van {} tot en met {}.",
        long_date_nl(plan.co_governments.opens),
        long_date_nl(plan.co_governments.closes)
    )];
    if let Some(internet) = plan.internet {
        lines.push(format!(
            "Het voorstel is van {} tot en met {} in internetconsultatie gegeven.",
            long_date_nl(internet.opens),
            long_date_nl(internet.closes)
        ));
    }
    lines
}

fn plural(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{count} {many}")
    }
}

/// The paragraph "Advies en consultatie": the koepels' judgements, the consultation terms, the
/// number of reactions by kind and, per theme, their nature and what was done with them.
pub fn consultation_section(dossier: &Dossier, report: &ConsultationReport) -> MemorandumSection {
    let mut paragraphs = Vec::new();
    for k in &dossier.koepels {
        let who = k.koepel.label_nl();
        paragraphs.push(match &k.judgement {
            Some(judgement) => format!(
                "Het oordeel van de {who} is gevraagd op {}. De {who} oordeelt: {judgement}",
                long_date_nl(k.asked_on)
            ),
            None => format!(
                "Het oordeel van de {who} is gevraagd op {}; het wordt nog afgewacht.",
                long_date_nl(k.asked_on)
            ),
        });
    }
    match &dossier.consultation {
        Some(plan) => paragraphs.extend(period(plan)),
        None => paragraphs.push("Er is nog geen consultatie gepland.".to_owned()),
    }
    let kinds: Vec<String> = report
        .by_kind
        .iter()
        .filter(|k| k.count > 0)
        .map(|k| format!("{} van {}", k.count, kind_name(k.kind)))
        .collect();
    paragraphs.push(if report.total == 0 {
        "Er zijn geen reacties ontvangen.".to_owned()
    } else {
        format!(
            "Er {} {} ontvangen: {}.",
            if report.total == 1 { "is" } else { "zijn" },
            plural(report.total, "reactie", "reacties"),
            enumerate(&kinds)
        )
    });
    for theme in &report.themes {
        let count = plural(theme.count, "reactie", "reacties");
        paragraphs.push(match &theme.response {
            Some(r) => format!(
                "{} ({count}): {} Verwerking: {}. {}",
                theme.theme,
                r.nature,
                r.action.label_nl().to_lowercase(),
                r.explanation
            ),
            None => format!("{} ({count}): de verwerking is nog niet vastgelegd.", theme.theme),
        });
    }
    if report.without_theme > 0 {
        paragraphs.push(format!(
            "{} nog niet bij een thema ingedeeld.",
            plural(report.without_theme, "reactie is", "reacties zijn")
        ));
    }
    MemorandumSection {
        heading: CONSULTATION_HEADING.to_owned(),
        paragraphs,
        table: Vec::new(),
    }
}

fn kind_name(kind: super::consultation::reaction::ReactionKind) -> &'static str {
    use super::consultation::reaction::ReactionKind;
    match kind {
        ReactionKind::Koepel => "koepels",
        ReactionKind::Medeoverheid => "medeoverheden",
        ReactionKind::Publiek => "het publiek",
    }
}

/// The sections as plain text to copy: the heading, a blank line, the paragraphs and the table
/// as tab-separated lines.
pub fn plain_text(sections: &[MemorandumSection]) -> String {
    let mut out = String::new();
    for section in sections {
        out.push_str(&section.heading);
        out.push_str("\n\n");
        if !section.table.is_empty() {
            out.push_str("Bestuurslaag\tJaar\tStructureel\tIncidenteel\tTotaal\n");
            for line in &section.table {
                out.push_str(&format!(
                    "{}\t{}\t{}\t{}\t{}\n",
                    line.layer, line.year, line.structural, line.incidental, line.total
                ));
            }
            out.push('\n');
        }
        for paragraph in &section.paragraphs {
            out.push_str(paragraph);
            out.push_str("\n\n");
        }
    }
    out.trim_end().to_owned() + "\n"
}

#[cfg(test)]
mod tests;
