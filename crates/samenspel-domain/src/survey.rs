//! The knelpuntenmonitor (ROB 2021, §3.5): the survey of bottlenecks in intergovernmental
//! collaboration, run again in waves. The instrument (24 statements, 1–5 plus "weet niet"),
//! the groups respondents fall in, and every statistic of the report, computed from kept
//! counts per (group, statement, answer) — never from the responses themselves.

pub mod charts;
pub mod instrument;
pub mod mann_whitney;
pub mod packed;
pub mod period;
pub mod report;
pub mod response;
pub mod stats;
pub mod wave;

pub use instrument::{Answer, Group, RespondentLayer, Statement, Theme};
pub use stats::Distribution;

#[cfg(test)]
mod tests;
