//! A limit on anonymous answers by a wave's link: anyone with the link may answer, so one
//! address may give at most [`LINK_ANSWERS`] answers per wave in [`LINK_WINDOW`]. Generous
//! enough for an office behind one address, tight enough that a script cannot flood a wave.
//! Kept per process (a restart forgets it); personal invitations are not limited, each gives
//! one response.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Answers by link allowed per address and wave within [`LINK_WINDOW`].
pub const LINK_ANSWERS: usize = 30;

pub const LINK_WINDOW: Duration = Duration::from_secs(10 * 60);

/// Beyond this many (wave, address) pairs, the ones without recent answers are forgotten.
const TRACKED: usize = 10_000;

/// The moments of recent answers, per (wave id, address).
type Recent = HashMap<(i64, String), VecDeque<Instant>>;

#[derive(Clone, Default)]
pub struct LinkLimiter(Arc<Mutex<Recent>>);

impl LinkLimiter {
    /// Notes an answer from `address` to wave `wave_id` at `now`; false (and nothing noted)
    /// when the address has reached the limit.
    pub fn admit(&self, wave_id: i64, address: &str, now: Instant) -> bool {
        let Ok(mut map) = self.0.lock() else {
            return true;
        };
        let recent = |t: &Instant| now.saturating_duration_since(*t) < LINK_WINDOW;
        if map.len() >= TRACKED {
            map.retain(|_, times| times.back().is_some_and(recent));
        }
        let times = map.entry((wave_id, address.to_owned())).or_default();
        while times.front().is_some_and(|t| !recent(t)) {
            times.pop_front();
        }
        if times.len() >= LINK_ANSWERS {
            return false;
        }
        times.push_back(now);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_limited_per_wave_and_window() {
        let limiter = LinkLimiter::default();
        let start = Instant::now();
        for i in 0..LINK_ANSWERS {
            assert!(limiter.admit(1, "10.0.0.1", start + Duration::from_secs(i as u64)));
        }
        let later = start + Duration::from_secs(60);
        assert!(!limiter.admit(1, "10.0.0.1", later), "the limit is reached");
        assert!(limiter.admit(1, "10.0.0.2", later), "another address");
        assert!(limiter.admit(2, "10.0.0.1", later), "another wave");
        let after_window = start + LINK_WINDOW;
        assert!(
            limiter.admit(1, "10.0.0.1", after_window),
            "the first answer has left the window"
        );
        assert!(!limiter.admit(1, "10.0.0.1", after_window), "but only one has");
    }

    #[test]
    fn many_addresses_do_not_grow_without_end() {
        let limiter = LinkLimiter::default();
        let start = Instant::now();
        for i in 0..TRACKED {
            limiter.admit(1, &i.to_string(), start);
        }
        let later = start + LINK_WINDOW * 2;
        assert!(limiter.admit(1, "new", later));
        assert_eq!(limiter.0.lock().unwrap().len(), 1, "the old ones are forgotten");
    }
}
