//! Instants as whole seconds since the Unix epoch (UTC), with the calendar arithmetic the app
//! needs to print them. Kept here, not in chrono, so the wasm app carries no clock or time-zone
//! database: the reader's locale formatting is the browser's job.

use serde::{Deserialize, Serialize};
use std::fmt;

/// 0001-01-01T00:00:00Z, the earliest instant accepted.
pub const MIN_UNIX: i64 = -62_135_596_800;
/// 9999-12-31T23:59:59Z, the latest instant accepted (four-digit years only).
pub const MAX_UNIX: i64 = 253_402_300_799;

/// An instant between years 1 and 9999, in whole seconds since 1970-01-01T00:00:00Z.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "i64")]
pub struct Timestamp(i64);

/// The instant lies outside years 1 to 9999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("is outside the years 1 to 9999")]
pub struct OutOfRange;

impl Timestamp {
    /// An instant from seconds since the epoch.
    pub fn from_unix(seconds: i64) -> Result<Self, OutOfRange> {
        if (MIN_UNIX..=MAX_UNIX).contains(&seconds) {
            Ok(Self(seconds))
        } else {
            Err(OutOfRange)
        }
    }

    /// Seconds since the epoch.
    #[must_use]
    pub fn unix(self) -> i64 {
        self.0
    }

    /// Milliseconds since the epoch, as JavaScript's `Date` wants them.
    #[must_use]
    #[allow(clippy::cast_precision_loss)] // |seconds| < 2^38, so milliseconds fit f64 exactly.
    pub fn unix_millis(self) -> f64 {
        self.0 as f64 * 1000.0
    }

    /// The UTC calendar date as `YYYY-MM-DD`.
    #[must_use]
    pub fn date(self) -> String {
        let (y, m, d) = civil_from_days(self.0.div_euclid(86_400));
        format!("{y:04}-{m:02}-{d:02}")
    }
}

impl fmt::Display for Timestamp {
    /// RFC 3339 in UTC, e.g. `2022-08-03T06:23:00Z`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let secs = self.0.rem_euclid(86_400);
        write!(
            f,
            "{}T{:02}:{:02}:{:02}Z",
            self.date(),
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        )
    }
}

impl TryFrom<i64> for Timestamp {
    type Error = OutOfRange;
    fn try_from(value: i64) -> Result<Self, Self::Error> {
        Self::from_unix(value)
    }
}

impl From<Timestamp> for i64 {
    fn from(value: Timestamp) -> Self {
        value.0
    }
}

/// Year, month (1–12) and day (1–31) of a day count since 1970-01-01, by Howard Hinnant's
/// `civil_from_days`, exact over the whole proleptic Gregorian calendar.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        let cases = [
            (0, "1970-01-01T00:00:00Z"),
            (1_659_507_780, "2022-08-03T06:23:00Z"),
            (951_782_400, "2000-02-29T00:00:00Z"),
            (-1, "1969-12-31T23:59:59Z"),
            (MIN_UNIX, "0001-01-01T00:00:00Z"),
            (MAX_UNIX, "9999-12-31T23:59:59Z"),
        ];
        for (secs, want) in cases {
            assert_eq!(
                Timestamp::from_unix(secs).expect("in range").to_string(),
                want
            );
        }
    }

    #[test]
    fn rejects_years_past_9999_and_before_1() {
        assert_eq!(Timestamp::from_unix(MAX_UNIX + 1), Err(OutOfRange));
        assert_eq!(Timestamp::from_unix(MIN_UNIX - 1), Err(OutOfRange));
    }

    #[test]
    fn date_is_the_utc_day() {
        let t = Timestamp::from_unix(1_659_571_199).expect("in range");
        assert_eq!(t.date(), "2022-08-03");
        assert!((t.unix_millis() - 1_659_571_199_000.0).abs() < f64::EPSILON);
    }
}
