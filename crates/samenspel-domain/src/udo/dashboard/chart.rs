//! The dashboard's chart, laid out (markup: `samenspel_web::charts::udo`): per ministry one
//! horizontal bar of its dossiers, split into those consulted with their UDO outcome recorded
//! before the consultation, those consulted without, and those not (yet) consulted. The
//! ministry's name stands above its bar, so long names need no room beside it; the number of
//! dossiers stands after the bar. The legend is at the top, one part a line.

use super::UdoYearFigures;

/// The chart's width in its own units; the page scales it.
pub const WIDTH: f64 = 600.0;
/// The longest bar; room is left after it for the number.
pub const BAR_MAX: f64 = 520.0;
const LEGEND_LINE: f64 = 22.0;
const LEGEND_BOX: f64 = 14.0;
const ROW: f64 = 48.0;
const LABEL_TO_BAR: f64 = 8.0;
const BAR_HEIGHT: f64 = 20.0;

/// A part of a bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Consulted, with the UDO outcome recorded before the consultation opened.
    UdoBefore,
    /// Consulted, without the UDO outcome before.
    ConsultedWithout,
    /// Not (yet) consulted.
    NotConsulted,
}

impl Part {
    pub const ALL: [Part; 3] = [Part::UdoBefore, Part::ConsultedWithout, Part::NotConsulted];

    pub fn key(self) -> &'static str {
        match self {
            Part::UdoBefore => "udo-before",
            Part::ConsultedWithout => "consulted-without",
            Part::NotConsulted => "not-consulted",
        }
    }
}

/// One ministry's dossiers over the years counted, by part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MinistryTotal {
    pub ministry: String,
    pub dossiers: u32,
    pub udo_before: u32,
    pub consulted_without: u32,
    pub not_consulted: u32,
}

impl MinistryTotal {
    pub fn count(&self, part: Part) -> u32 {
        match part {
            Part::UdoBefore => self.udo_before,
            Part::ConsultedWithout => self.consulted_without,
            Part::NotConsulted => self.not_consulted,
        }
    }
}

/// The figures summed per ministry, in the order the ministries first appear (the figures
/// come ordered by ministry code).
pub fn per_ministry(figures: &[UdoYearFigures]) -> Vec<MinistryTotal> {
    let mut out: Vec<MinistryTotal> = Vec::new();
    for f in figures {
        let index = match out.iter().position(|t| t.ministry == f.ministry) {
            Some(index) => index,
            None => {
                out.push(MinistryTotal {
                    ministry: f.ministry.clone(),
                    dossiers: 0,
                    udo_before: 0,
                    consulted_without: 0,
                    not_consulted: 0,
                });
                out.len() - 1
            }
        };
        let total = &mut out[index];
        total.dossiers += f.dossiers;
        total.udo_before += f.udo_before_consultation;
        total.consulted_without += f.consulted.saturating_sub(f.udo_before_consultation);
        total.not_consulted += f.dossiers.saturating_sub(f.consulted);
    }
    out
}

#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    pub part: Part,
    pub x: f64,
    pub y: f64,
    pub size: f64,
    pub text_x: f64,
    pub text_y: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub part: Part,
    pub count: u32,
    pub x: f64,
    pub width: f64,
}

/// One ministry: its name's baseline, its bar (only the parts it has) and its number.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub total: MinistryTotal,
    pub label_y: f64,
    pub y: f64,
    pub height: f64,
    pub segments: Vec<Segment>,
    pub number_x: f64,
    pub number_y: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub legend: Vec<LegendEntry>,
    pub bars: Vec<Bar>,
}

/// The chart of `totals`, one bar each in their order, scaled to the largest.
pub fn layout(totals: &[MinistryTotal]) -> Layout {
    let legend: Vec<LegendEntry> = Part::ALL
        .iter()
        .enumerate()
        .map(|(i, part)| {
            let y = 4.0 + LEGEND_LINE * i as f64;
            LegendEntry {
                part: *part,
                x: 0.0,
                y,
                size: LEGEND_BOX,
                text_x: LEGEND_BOX + 8.0,
                text_y: y + LEGEND_BOX - 2.0,
            }
        })
        .collect();
    let top = 4.0 + LEGEND_LINE * Part::ALL.len() as f64 + 8.0;
    let largest = totals.iter().map(|t| t.dossiers).max().unwrap_or(0).max(1);
    let scale = BAR_MAX / f64::from(largest);
    let bars = totals
        .iter()
        .enumerate()
        .map(|(i, total)| {
            let label_y = top + ROW * i as f64 + 14.0;
            let y = label_y + LABEL_TO_BAR - 2.0;
            let mut x = 0.0;
            let segments = Part::ALL
                .iter()
                .filter(|part| total.count(**part) > 0)
                .map(|part| {
                    let count = total.count(*part);
                    let width = f64::from(count) * scale;
                    let segment = Segment {
                        part: *part,
                        count,
                        x,
                        width,
                    };
                    x += width;
                    segment
                })
                .collect();
            Bar {
                total: total.clone(),
                label_y,
                y,
                height: BAR_HEIGHT,
                segments,
                number_x: x + 6.0,
                number_y: y + BAR_HEIGHT - 5.0,
            }
        })
        .collect();
    Layout {
        width: WIDTH,
        height: top + ROW * totals.len() as f64,
        legend,
        bars,
    }
}
