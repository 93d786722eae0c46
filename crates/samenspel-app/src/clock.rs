//! The one clock of the application. Pages and API ask the [`App`](crate::App) for "today"
//! instead of each reading the system time, so every caller agrees on the date and a test can
//! set it.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};

/// Where the current time comes from: the system, or a fixed moment (tests, demonstrations).
#[derive(Clone)]
pub struct Clock(Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>);

impl Clock {
    /// The system's clock.
    pub fn system() -> Self {
        Self(Arc::new(Utc::now))
    }

    /// A clock that always says `at`.
    pub fn fixed(at: DateTime<Utc>) -> Self {
        Self(Arc::new(move || at))
    }

    pub fn now(&self) -> DateTime<Utc> {
        (self.0)()
    }

    /// Today's date (UTC).
    pub fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }
}

impl Default for Clock {
    fn default() -> Self {
        Self::system()
    }
}

impl std::fmt::Debug for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Clock({})", self.now())
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn a_fixed_clock_gives_its_date_and_the_system_clock_moves_on() {
        let at = Utc.with_ymd_and_hms(2026, 3, 31, 23, 59, 0).unwrap();
        let clock = Clock::fixed(at);
        assert_eq!(clock.today(), NaiveDate::from_ymd_opt(2026, 3, 31).unwrap());
        assert_eq!(clock.now(), at);

        let before = Utc::now();
        let now = Clock::system().now();
        assert!(now >= before && now <= Utc::now());
    }
}
