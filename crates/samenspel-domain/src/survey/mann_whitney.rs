//! The Mann–Whitney U test of two groups' answers to one statement, from their counts over
//! 1–5 alone: with five possible values nearly every answer is tied, so each value gets the
//! mean of the ranks it spans (mid-ranks), the variance is corrected for ties, and the two-sided
//! p-value comes from the normal approximation with a continuity correction (the usual choice
//! for samples of the size a wave has; groups below k are suppressed before any test). Over
//! the statements the p-values are Holm-corrected. The effect size is the rank-biserial
//! correlation r = (U₁ − U₂) / (n₁ n₂): the chance that an answer of group A is higher minus
//! the chance that it is lower than one of group B, from −1 to 1.

use serde::Serialize;

/// The outcome of one test of group A against group B.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, utoipa::ToSchema)]
pub struct MannWhitney {
    pub n_a: u64,
    pub n_b: u64,
    /// U of group A: the number of (A, B) pairs in which A's answer is higher, ties counting
    /// half.
    pub u: f64,
    pub z: f64,
    /// Two-sided, before the Holm correction.
    pub p: f64,
    pub rank_biserial: f64,
}

/// Tests `a` against `b` (counts of the answers 1–5). Absent when a group has no answers.
pub fn test(a: &[u64; 5], b: &[u64; 5]) -> Option<MannWhitney> {
    let n_a: u64 = a.iter().sum();
    let n_b: u64 = b.iter().sum();
    if n_a == 0 || n_b == 0 {
        return None;
    }
    let (na, nb) = (n_a as f64, n_b as f64);
    let total = na + nb;
    let mut below = 0.0;
    let mut rank_sum_a = 0.0;
    let mut ties = 0.0;
    for v in 0..5 {
        let t = (a[v] + b[v]) as f64;
        let mid_rank = below + (t + 1.0) / 2.0;
        rank_sum_a += a[v] as f64 * mid_rank;
        ties += t * t * t - t;
        below += t;
    }
    let u = rank_sum_a - na * (na + 1.0) / 2.0;
    let expected = na * nb / 2.0;
    let variance = na * nb / 12.0 * ((total + 1.0) - ties / (total * (total - 1.0)));
    let (z, p) = if variance > 0.0 {
        let distance = ((u - expected).abs() - 0.5).max(0.0);
        let z = distance / variance.sqrt() * (u - expected).signum();
        (z, erfc(z.abs() / std::f64::consts::SQRT_2).min(1.0))
    } else {
        // Every answer the same: nothing to tell apart.
        (0.0, 1.0)
    };
    Some(MannWhitney {
        n_a,
        n_b,
        u,
        z,
        p,
        rank_biserial: (2.0 * u - na * nb) / (na * nb),
    })
}

/// Holm's step-down correction: the adjusted p-values, in the order given.
pub fn holm(p: &[f64]) -> Vec<f64> {
    let m = p.len();
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|a, b| p[*a].total_cmp(&p[*b]));
    let mut adjusted = vec![0.0; m];
    let mut running: f64 = 0.0;
    for (step, &i) in order.iter().enumerate() {
        running = running.max(((m - step) as f64 * p[i]).min(1.0));
        adjusted[i] = running;
    }
    adjusted
}

/// The complementary error function, with a fractional error below 1.2 × 10⁻⁷ everywhere
/// (the Chebyshev fit of Press et al., Numerical Recipes, §6.2).
pub fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let poly = -z * z - 1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    let r = t * poly.exp();
    if x >= 0.0 { r } else { 2.0 - r }
}
