//! The filter form shared by the collaboration list and the signals page: several types,
//! regions, organisations and signals at once, a policy area, running/ended and the order.
//! The query is read by `samenspel_app::collaboration_query` under the pages' Dutch names;
//! this file turns it into the form's fields and the links that keep it.

use samenspel_app::App;
use samenspel_app::collaboration_query::{ANY_SIGNAL, CollaborationQuery, FieldNames, order_key};
use samenspel_domain::collaboration::CollaborationKind;
use samenspel_domain::org::OrgType;
use samenspel_domain::signals::{Signal, SignalKind};
use samenspel_store::{CollaborationFilter, ListOrder, OrgFilter, Page};

use super::{Labelled, labelled};
use crate::i18n::Lang;
use crate::ui::regions::division_name;

/// One option of a multiple choice.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// A group of options (one division, or one type of organisation).
pub struct ChoiceGroup {
    pub label: String,
    pub options: Vec<Choice>,
}

/// The filter form as the page shows it.
pub struct FilterForm {
    /// Where the form sends the query.
    pub action: &'static str,
    pub q: String,
    pub policy: String,
    pub status: String,
    pub sort: String,
    pub kinds: Vec<Labelled>,
    pub signals: Vec<Labelled>,
    pub any_signal: bool,
    pub regions: Vec<ChoiceGroup>,
    pub organisations: Vec<ChoiceGroup>,
}

/// A query of the list page, read under the pages' names.
pub struct PageQuery {
    pub text: CollaborationQuery,
    /// The query's own pairs that name a filter, for links that keep it (without paging).
    pub params: Vec<(&'static str, String)>,
}

impl PageQuery {
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let names = FieldNames::PAGE;
        let text = CollaborationQuery::from_pairs(pairs, &names);
        let mut params: Vec<(&'static str, String)> = Vec::new();
        let singles = [
            (names.q, &text.q),
            (names.policy_area, &text.policy_area),
            (names.status, &text.status),
            (names.sort, &text.sort),
        ];
        for (name, value) in singles {
            if let Some(v) = value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
                params.push((name, v.to_owned()));
            }
        }
        let lists = [
            (names.kind, &text.kinds),
            (names.region, &text.region),
            (names.organisation, &text.organisation),
            (names.signal, &text.signal),
        ];
        for (name, values) in lists {
            params.extend(values.iter().map(|v| (name, v.clone())));
        }
        Self { text, params }
    }

    pub fn parse(&self, app: &App) -> Result<CollaborationFilter, samenspel_domain::ValidationErrors> {
        self.text.parse(&FieldNames::PAGE, app.today())
    }

    /// The form showing this query, with the regions and organisations to choose from.
    /// `default_order` is the order the page uses when the query names none.
    pub async fn form(
        &self,
        app: &App,
        lang: Lang,
        action: &'static str,
        default_order: ListOrder,
    ) -> FilterForm {
        let text = &self.text;
        let has = |list: &[String], key: &str| list.iter().any(|v| v == key);
        FilterForm {
            action,
            q: text.q.clone().unwrap_or_default(),
            policy: text.policy_area.clone().unwrap_or_default(),
            status: text.status.clone().unwrap_or_default(),
            sort: text
                .sort
                .clone()
                .unwrap_or_else(|| order_key(ListOrder::Name).to_owned()),
            kinds: labelled(
                lang,
                CollaborationKind::ALL,
                CollaborationKind::key,
                CollaborationKind::message_id,
                |k| has(&text.kinds, k),
            ),
            signals: labelled(
                lang,
                SignalKind::ALL,
                SignalKind::key,
                SignalKind::message_id,
                |k| has(&text.signal, k),
            ),
            any_signal: has(&text.signal, ANY_SIGNAL),
            regions: region_groups(lang, &text.region),
            organisations: organisation_groups(app, lang, &text.organisation).await,
        }
    }
}

fn region_groups(lang: Lang, chosen: &[String]) -> Vec<ChoiceGroup> {
    let Ok(divisions) = samenspel_app::regions::divisions() else {
        return Vec::new();
    };
    divisions
        .iter()
        .map(|d| ChoiceGroup {
            label: division_name(lang, d.key, d.name),
            options: d
                .regions
                .iter()
                .map(|r| {
                    let value = format!("{}:{}", d.key, r.code);
                    Choice {
                        selected: chosen.contains(&value),
                        value,
                        label: r.name.clone(),
                    }
                })
                .collect(),
        })
        .collect()
}

/// The current ministries, provinces and water boards; an organisation chosen in the query
/// that is not among them (a municipality, say) is offered too, so the form keeps it.
async fn organisation_groups(app: &App, lang: Lang, chosen: &[String]) -> Vec<ChoiceGroup> {
    let mut groups = Vec::new();
    let mut offered: Vec<String> = Vec::new();
    let types = [
        (OrgType::Ministerie, "filters-group-ministries"),
        (OrgType::Provincie, "filters-group-provinces"),
        (OrgType::Waterschap, "filters-group-water-boards"),
    ];
    for (org_type, group_label) in types {
        let filter = OrgFilter {
            org_type: Some(org_type),
            ..Default::default()
        };
        let Ok(found) = app.list_organisations(&filter, Page::all()).await else {
            continue;
        };
        let options: Vec<Choice> = found
            .items
            .into_iter()
            .map(|o| Choice {
                selected: chosen.iter().any(|c| c == o.code.as_str()),
                value: o.code.to_string(),
                label: o.name,
            })
            .collect();
        offered.extend(options.iter().map(|o| o.value.clone()));
        groups.push(ChoiceGroup {
            label: lang.t(group_label),
            options,
        });
    }
    let mut others = Vec::new();
    for code in chosen.iter().filter(|c| !offered.contains(c)) {
        if let Ok(org) = app.organisation(code).await {
            others.push(Choice {
                value: org.code.to_string(),
                label: org.name,
                selected: true,
            });
        }
    }
    if !others.is_empty() {
        groups.insert(
            0,
            ChoiceGroup {
                label: lang.t("filters-chosen-organisations"),
                options: others,
            },
        );
    }
    groups
}

/// A collaboration's signals as the page shows them: the label, with the count when it is
/// more than one ("Partners zonder standpunt (3)").
pub fn signal_texts(lang: Lang, signals: &[Signal]) -> Vec<String> {
    signals
        .iter()
        .map(|s| {
            let label = lang.t(s.kind.message_id());
            if s.count > 1 {
                format!("{label} ({})", s.count)
            } else {
                label
            }
        })
        .collect()
}
