//! The statistics of one statement in one group, from its kept counts: n, mean, standard
//! deviation, median, the distribution over 1–5 and the top-2-box; and the ranking of the
//! statements per group.

use serde::Serialize;

/// The kept counts of one statement in one group: how many answered 1, 2, 3, 4, 5, and how
/// many said weet niet / niet van toepassing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Distribution {
    pub counts: [u64; 5],
    pub dont_know: u64,
}

impl Distribution {
    /// From the six kept numbers in the order of [`super::Answer::index`].
    pub fn from_indexed(kept: [u64; 6]) -> Self {
        Self {
            counts: [kept[0], kept[1], kept[2], kept[3], kept[4]],
            dont_know: kept[5],
        }
    }

    /// The respondents who gave a score (weet niet and no answer do not count).
    pub fn n(&self) -> u64 {
        self.counts.iter().sum()
    }

    /// Adds another distribution (pooling statements or layers).
    pub fn add(&mut self, other: &Distribution) {
        for (a, b) in self.counts.iter_mut().zip(other.counts) {
            *a += b;
        }
        self.dont_know += other.dont_know;
    }

    pub fn mean(&self) -> Option<f64> {
        let n = self.n();
        (n > 0).then(|| self.weighted_sum(1) / n as f64)
    }

    fn weighted_sum(&self, power: i32) -> f64 {
        self.counts
            .iter()
            .enumerate()
            .map(|(i, c)| *c as f64 * ((i + 1) as f64).powi(power))
            .sum()
    }

    /// The sample standard deviation (divisor n − 1); absent below two answers.
    pub fn sd(&self) -> Option<f64> {
        let n = self.n();
        if n < 2 {
            return None;
        }
        let mean = self.weighted_sum(1) / n as f64;
        let squares: f64 = self
            .counts
            .iter()
            .enumerate()
            .map(|(i, c)| *c as f64 * ((i + 1) as f64 - mean).powi(2))
            .sum();
        Some((squares / (n - 1) as f64).sqrt())
    }

    /// The score at a 1-based position in the sorted answers.
    fn value_at(&self, position: u64) -> u8 {
        let mut seen = 0;
        for (i, c) in self.counts.iter().enumerate() {
            seen += c;
            if seen >= position {
                return (i + 1) as u8;
            }
        }
        5
    }

    /// The median: the middle answer, or the mean of the two middle answers.
    pub fn median(&self) -> Option<f64> {
        let n = self.n();
        if n == 0 {
            return None;
        }
        if n % 2 == 1 {
            Some(f64::from(self.value_at(n / 2 + 1)))
        } else {
            Some((f64::from(self.value_at(n / 2)) + f64::from(self.value_at(n / 2 + 1))) / 2.0)
        }
    }

    /// The share answering 4 or 5.
    pub fn top2box(&self) -> Option<f64> {
        let n = self.n();
        (n > 0).then(|| (self.counts[3] + self.counts[4]) as f64 / n as f64)
    }
}

/// The ranks of statements by mean, highest first; equal means keep the order of the
/// instrument (as the ROB's table lists S21 before S22 at 2.66). Statements without a mean
/// are not ranked. Returns the ids in rank order.
pub fn ranking<'a>(means: &[(&'a str, Option<f64>)]) -> Vec<&'a str> {
    let mut ranked: Vec<(usize, &str, f64)> = means
        .iter()
        .enumerate()
        .filter_map(|(i, (id, m))| m.map(|m| (i, *id, m)))
        .collect();
    ranked.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
    ranked.into_iter().map(|(_, id, _)| id).collect()
}

/// The rank of each statement with a mean: one more than the number of statements with a
/// higher mean, so equal means share a rank (1, 2, 2, 4: "standard competition ranking").
/// Statements without a mean have none.
pub fn ranks<'a>(means: &[(&'a str, Option<f64>)]) -> Vec<(&'a str, usize)> {
    means
        .iter()
        .filter_map(|(id, m)| {
            let m = (*m)?;
            let higher = means
                .iter()
                .filter(|(_, other)| other.is_some_and(|o| o > m))
                .count();
            Some((*id, higher + 1))
        })
        .collect()
}

/// The rank of `id` in `ranks`, if it has one.
pub fn rank_of(ranks: &[(&str, usize)], id: &str) -> Option<usize> {
    ranks.iter().find(|(r, _)| *r == id).map(|(_, rank)| *rank)
}

/// The statements ranked `n` or better in both groups (a tie at place `n` counts in full),
/// in the order of the first ranking.
pub fn shared_top<'a>(order: &[&'a str], a: &[(&str, usize)], b: &[(&str, usize)], n: usize) -> Vec<&'a str> {
    let top = |ranks: &[(&str, usize)], id: &str| rank_of(ranks, id).is_some_and(|r| r <= n);
    order
        .iter()
        .copied()
        .filter(|id| top(a, id) && top(b, id))
        .collect()
}
