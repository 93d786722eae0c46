//! The ROB *Model voor gelijkwaardig partnerschap* (Rol nemen, ruimte geven, 2021, §5.3 and
//! annex III): six questions on which each partner states its intended stance, scored 1–5,
//! compared with the ideal type of equal partnership and the ROB's reference profiles.

mod analysis;
mod dimension;
mod one_voice;
mod profile;
pub mod radar;
mod stance;

pub use analysis::{
    Analysis, CollaborationProfile, DISAGREEMENT_THRESHOLD, DISTANCE_MEASURE, Deviation, DimensionAnalysis,
    DimensionScore, PartnerAnalysis, PartnerStance, ProfileDistance, analyse,
};
pub use dimension::Dimension;
pub use one_voice::{RijkDivergence, rijk_divergences};
pub use profile::{IDEAL_TYPE, Profile, REFERENCE_PROFILES, ReferenceProfile, Score};
pub use stance::{MAX_MOTIVATION_CHARS, ScoreValue, Stance, StanceInput, resolve_phase};
