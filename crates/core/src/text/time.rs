//! Instants as whole seconds since the Unix epoch (UTC), with the calendar arithmetic the app
//! needs to print them. Kept here, not in chrono, so the wasm app carries no clock or time-zone
//! database: the reader's locale formatting is the browser's job.

use crate::wire::{Reader, Wire};
use serde::Serialize;
use std::fmt;

/// 0001-01-01T00:00:00Z, the earliest instant accepted.
pub const MIN_UNIX: i64 = -62_135_596_800;
/// 9999-12-31T23:59:59Z, the latest instant accepted (four-digit years only).
pub const MAX_UNIX: i64 = 253_402_300_799;

/// An instant between years 1 and 9999, in whole seconds since 1970-01-01T00:00:00Z.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "i64")]
pub struct Timestamp(i64);

/// The instant lies outside years 1 to 9999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("is outside the years 1 to 9999")]
pub struct OutOfRange;

impl Timestamp {
    /// 1970-01-01T00:00:00Z.
    pub const EPOCH: Self = Self(0);

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
    // |seconds| < 2^38, so milliseconds fit f64 exactly.
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

impl Wire for Timestamp {
    fn read(r: &mut Reader<'_>) -> Self {
        let seconds = r.read();
        Self::from_unix(seconds)
            .unwrap_or_else(|_| r.invalid("an instant is outside the years 1 to 9999", Self::EPOCH))
    }
}

impl From<Timestamp> for i64 {
    fn from(value: Timestamp) -> Self {
        value.0
    }
}

/// A calendar day in UTC, as days since 1970-01-01; written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(i32);

impl Day {
    /// The UTC day an instant falls on.
    #[must_use]
    pub fn of(t: Timestamp) -> Self {
        Self(i32::try_from(t.0.div_euclid(86_400)).expect("years 1..=9999 fit i32 days"))
    }

    /// Days since 1970-01-01.
    #[must_use]
    pub fn number(self) -> i32 {
        self.0
    }

    /// The day with this number, when it lies in years 1 to 9999.
    #[must_use]
    pub fn from_number(n: i32) -> Option<Self> {
        let n64 = i64::from(n) * 86_400;
        (MIN_UNIX..=MAX_UNIX).contains(&n64).then_some(Self(n))
    }

    /// Parses `YYYY-MM-DD` strictly: four-digit year, real month and day.
    ///
    /// ```
    /// use broadsheet_core::text::time::Day;
    /// assert_eq!(Day::parse("2024-02-29").map(|d| d.to_string()), Some("2024-02-29".into()));
    /// assert_eq!(Day::parse("2023-02-29"), None);
    /// assert_eq!(Day::parse("2024-2-1"), None);
    /// ```
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<i64> {
            let part = &text[r];
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        if y < 1 || !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m) {
            return None;
        }
        Self::from_number(i32::try_from(days_from_civil(y, m, d)).ok()?)
    }

    /// What a date field's text says as the reader types: `Some(None)` for an empty field (an
    /// open end), `Some(Some(day))` for a whole date, and `None` while the year is still being
    /// typed. A browser's date field reports a complete value after every digit of the year,
    /// so typing 2024 passes through years 2, 20 and 202; a year below 1000 is read as not
    /// finished rather than as a date two thousand years back.
    ///
    /// ```
    /// use broadsheet_core::text::time::Day;
    /// assert_eq!(Day::from_field(""), Some(None));
    /// assert_eq!(Day::from_field("0202-09-01"), None);
    /// assert_eq!(Day::from_field("2024-09-01"), Some(Day::parse("2024-09-01")));
    /// ```
    #[must_use]
    pub fn from_field(text: &str) -> Option<Option<Self>> {
        match Self::parse(text) {
            Some(day) if civil_from_days(i64::from(day.0)).0 < 1000 => None,
            day => Some(day),
        }
    }

    /// The first second of the day.
    #[must_use]
    pub fn start(self) -> i64 {
        i64::from(self.0) * 86_400
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = civil_from_days(i64::from(self.0));
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
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
    fn a_date_field_is_read_once_its_year_is_whole() {
        let day = |text: &str| Day::parse(text).expect("a valid day");
        let cases = [
            ("", Some(None)),
            ("2024-09-01", Some(Some(day("2024-09-01")))),
            ("1000-01-01", Some(Some(day("1000-01-01")))),
            ("0002-09-01", None),
            ("0020-09-01", None),
            ("0999-12-31", None),
            ("not a date", Some(None)),
        ];
        for (text, want) in cases {
            assert_eq!(Day::from_field(text), want, "{text:?}");
        }
    }

    #[test]
    fn days_round_trip_through_text() {
        for text in [
            "1970-01-01",
            "2000-02-29",
            "0001-01-01",
            "9999-12-31",
            "2022-08-03",
        ] {
            assert_eq!(
                Day::parse(text).map(|d| d.to_string()).as_deref(),
                Some(text)
            );
        }
        for bad in [
            "",
            "2022-13-01",
            "2022-00-10",
            "2022-04-31",
            "1900-02-29",
            "0000-01-01",
            "20220803",
            "2022-08-3x",
            "+202-08-03",
        ] {
            assert_eq!(Day::parse(bad), None, "{bad}");
        }
        let t = Timestamp::from_unix(1_659_507_780).expect("in range");
        assert_eq!(Day::of(t).to_string(), "2022-08-03");
        assert!(Day::of(t).start() <= t.unix() && t.unix() < Day::of(t).start() + 86_400);
    }

    #[test]
    fn date_is_the_utc_day() {
        let t = Timestamp::from_unix(1_659_571_199).expect("in range");
        assert_eq!(t.date(), "2022-08-03");
        assert!((t.unix_millis() - 1_659_571_199_000.0).abs() < f64::EPSILON);
    }
}
