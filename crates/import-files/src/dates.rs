//! The dates clerks type: ISO (`2026-03-15`), Vietnamese day first (`15/03/2026`, `15-3-2026`,
//! `15.03.2026`), and Excel's serial numbers (`46096`), which a date column becomes when a
//! spreadsheet is saved as CSV without formatting.

use chrono::{Datelike, NaiveDate, TimeDelta};

/// Day 0 of Excel's 1900 date system, as Excel counts (it believes 1900 was a leap year, so
/// serials from 61 on are one more than the days since 1899-12-31).
fn excel_epoch() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(1899, 12, 30)
}

/// The date of an Excel serial number (the whole part; a time of day is dropped).
pub fn from_excel_serial(serial: f64) -> Option<NaiveDate> {
    // 1 is 1900-01-01; 2958465 is 9999-12-31. Serial 60 is Excel's 1900-02-29, which never was.
    if !(1.0..2_958_466.0).contains(&serial) || serial.trunc() == 60.0 {
        return None;
    }
    let days = serial.trunc() as i64;
    let days = if days < 60 { days + 1 } else { days };
    excel_epoch()?.checked_add_signed(TimeDelta::try_days(days)?)
}

/// Reads a date in any of the accepted forms.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some(date);
    }
    // An ISO date and time, as a JSON client or calamine may give it: the date part.
    if let Some((day, _)) = text.split_once('T').filter(|(d, _)| d.len() == 10) {
        return NaiveDate::parse_from_str(day, "%Y-%m-%d").ok();
    }
    let dots = text.bytes().filter(|&b| b == b'.').count();
    if dots <= 1 && text.bytes().all(|b| b.is_ascii_digit() || b == b'.') && text.bytes().any(|b| b.is_ascii_digit()) {
        // A bare number of five digits or more is a serial (10000 is 1927-05-18); a shorter
        // one is more likely a year or a slip than a date.
        return text.parse::<f64>().ok().filter(|n| *n >= 10_000.0).and_then(from_excel_serial);
    }
    let parts: Vec<&str> = text.split(['/', '-', '.']).collect();
    if let [d, m, y] = parts.as_slice() {
        let (d, m, y) = (d.parse().ok()?, m.parse().ok()?, y.parse::<i32>().ok()?);
        if y.to_string().len() != 4 {
            return None;
        }
        return NaiveDate::from_ymd_opt(y, m, d);
    }
    None
}

/// A year, or the year of a date: a birth date typed where a birth year is asked keeps only
/// its year, the least the registry needs.
pub fn parse_year(text: &str) -> Option<i32> {
    let text = text.trim();
    if let Ok(year) = text.parse::<i32>()
        && (1000..=9999).contains(&year)
    {
        return Some(year);
    }
    if let Ok(n) = text.parse::<f64>()
        && n.fract() == 0.0
        && (1000.0..=9999.0).contains(&n)
    {
        return Some(n as i32);
    }
    parse_date(text).map(|d| d.year())
}

#[cfg(test)]
#[allow(clippy::expect_used, clippy::unwrap_used, reason = "tests fail loudly on purpose")]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn every_accepted_form() {
        assert_eq!(parse_date("2026-03-15"), date(2026, 3, 15));
        assert_eq!(parse_date("15/03/2026"), date(2026, 3, 15));
        assert_eq!(parse_date("5/3/2026"), date(2026, 3, 5));
        assert_eq!(parse_date("15-03-2026"), date(2026, 3, 15));
        assert_eq!(parse_date("15.03.2026"), date(2026, 3, 15));
        assert_eq!(parse_date("2026-03-15T00:00:00"), date(2026, 3, 15));
        assert_eq!(parse_date("46096"), date(2026, 3, 15));
        assert_eq!(parse_date("46096.5"), date(2026, 3, 15));
        // Excel's own anchors: 1 is 1900-01-01, 61 is 1900-03-01.
        assert_eq!(from_excel_serial(1.0), date(1900, 1, 1));
        assert_eq!(from_excel_serial(61.0), date(1900, 3, 1));
        assert_eq!(from_excel_serial(60.0), None);
    }

    #[test]
    fn nonsense_is_not_a_date() {
        for text in ["", "31/02/2026", "15/03/26", "2026", "abc", "1/2/3/4", "99999999999", "-5", "NaN"] {
            assert_eq!(parse_date(text), None, "{text}");
        }
    }

    #[test]
    fn a_year_or_the_year_of_a_date() {
        assert_eq!(parse_year("1985"), Some(1985));
        assert_eq!(parse_year("1985.0"), Some(1985));
        assert_eq!(parse_year("12/07/1985"), Some(1985));
        assert_eq!(parse_year("31241"), Some(1985));
        assert_eq!(parse_year("85"), None);
    }
}
