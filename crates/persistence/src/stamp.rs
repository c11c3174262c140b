//! Timestamps read from SQLite without a format string. SQLite keeps them as text; diesel
//! parses that with chrono's `parse_from_str`, which reads its format string anew for each
//! value (`%F %T%.f` first of 18): a few microseconds a row, 5 % of a household read. What this
//! project writes, `YYYY-MM-DD HH:MM:SS` with an optional fraction, is read here by position;
//! anything else goes to diesel's own parser.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::backend::Backend;
use diesel::deserialize::{self, FromSql};
use diesel::sql_types::Timestamp;

/// A `NaiveDateTime` as a row field reads it: `#[diesel(deserialize_as = Stamp)]`.
#[derive(Debug, Clone, Copy, diesel::deserialize::FromSqlRow)]
pub struct Stamp(pub NaiveDateTime);

impl From<Stamp> for NaiveDateTime {
    fn from(stamp: Stamp) -> Self {
        stamp.0
    }
}

impl FromSql<Timestamp, diesel::sqlite::Sqlite> for Stamp {
    fn from_sql(mut value: <diesel::sqlite::Sqlite as Backend>::RawValue<'_>) -> deserialize::Result<Self> {
        if let Some(at) = by_position(value.read_text()) {
            return Ok(Stamp(at));
        }
        <NaiveDateTime as FromSql<Timestamp, diesel::sqlite::Sqlite>>::from_sql(value).map(Stamp)
    }
}

impl FromSql<Timestamp, diesel::pg::Pg> for Stamp {
    fn from_sql(value: <diesel::pg::Pg as Backend>::RawValue<'_>) -> deserialize::Result<Self> {
        <NaiveDateTime as FromSql<Timestamp, diesel::pg::Pg>>::from_sql(value).map(Stamp)
    }
}

impl FromSql<Timestamp, crate::db::MultiBackend> for Stamp {
    fn from_sql(value: <crate::db::MultiBackend as Backend>::RawValue<'_>) -> deserialize::Result<Self> {
        value.from_sql::<Self, Timestamp>()
    }
}

/// `YYYY-MM-DD HH:MM:SS`, a `T` allowed for the space, then nothing or `.` and 1-9 digits.
fn by_position(text: &str) -> Option<NaiveDateTime> {
    let b = text.as_bytes();
    if b.len() < 19 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b' ' | b'T') || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        b[range].iter().try_fold(0u32, |n, &d| d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0')))
    };
    let nanos = match &b[19..] {
        [] => 0,
        [b'.', digits @ ..] if (1..=9).contains(&digits.len()) => {
            number(20..b.len())? * 10u32.pow(9 - u32::try_from(digits.len()).ok()?)
        }
        _ => return None,
    };
    let year = i32::try_from(number(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)?.and_hms_nano_opt(
        number(11..13)?,
        number(14..16)?,
        number(17..19)?,
        nanos,
    )
}

#[cfg(test)]
mod tests {
    use super::by_position;
    use chrono::NaiveDateTime;

    #[test]
    fn what_is_written_is_read_back_the_same_as_chrono_reads_it() {
        for text in [
            "2026-11-30 23:59:59",
            "2026-11-30 23:59:59.5",
            "2026-11-30 23:59:59.123456",
            "2026-11-30T00:00:00.123456789",
            "2024-02-29 12:00:00.000001",
        ] {
            let chrono = NaiveDateTime::parse_from_str(&text.replace('T', " "), "%F %T%.f").ok();
            assert_eq!(by_position(text), chrono, "{text}");
            assert!(chrono.is_some(), "{text}");
        }
    }

    #[test]
    fn anything_else_is_left_to_the_full_parser() {
        for text in [
            "",
            "2026-11-30",
            "2026-11-30 23:59",
            "2026-11-30 23:59:59Z",
            "2026-11-30 23:59:59+07:00",
            "2026-11-30 23:59:59.",
            "2026-11-30 23:59:59.1234567890",
            "2026-13-01 00:00:00",
            "2025-02-29 00:00:00",
            "2026-11-30 24:00:00",
            "20x6-11-30 23:59:59",
            "2460645.5",
        ] {
            assert_eq!(by_position(text), None, "{text}");
        }
    }
}
