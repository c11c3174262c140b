//! Administrative units as the law sees them: a code in a period.
//!
//! The 2025 reform reused codes for other territories (`00004` was Phường Trúc Bạch until
//! 2025-06-30 and is Phường Ba Đình from 2025-07-01), so a unit is never identified by its code
//! alone: it has its own id, a validity period and a parent.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The level of a unit. The level is a kind of unit, not a depth: after 2025 a commune sits
/// directly under its province, before 2025 under a district.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitLevel {
    Province,
    District,
    Commune,
    Village,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown unit level `{0}`")]
pub struct LevelError(pub String);

impl UnitLevel {
    pub const ALL: [UnitLevel; 4] = [UnitLevel::Province, UnitLevel::District, UnitLevel::Commune, UnitLevel::Village];

    pub fn as_str(self) -> &'static str {
        match self {
            UnitLevel::Province => "province",
            UnitLevel::District => "district",
            UnitLevel::Commune => "commune",
            UnitLevel::Village => "village",
        }
    }

    /// Levels a unit of this level may hang under. Communes hang under districts (before the
    /// reform) or directly under provinces (after it).
    pub fn allowed_parents(self) -> &'static [UnitLevel] {
        match self {
            UnitLevel::Province => &[],
            UnitLevel::District => &[UnitLevel::Province],
            UnitLevel::Commune => &[UnitLevel::District, UnitLevel::Province],
            UnitLevel::Village => &[UnitLevel::Commune],
        }
    }

    /// Division types (the Vietnamese type word) that fit this level.
    pub fn division_types(self) -> &'static [&'static str] {
        match self {
            UnitLevel::Province => &["tỉnh", "thành phố trung ương"],
            UnitLevel::District => &["huyện", "quận", "thị xã", "thành phố"],
            UnitLevel::Commune => &["xã", "phường", "thị trấn", "đặc khu"],
            // The names below the commune that the Ministry of Home Affairs recognises for
            // villages and residential groups ("and equivalent").
            UnitLevel::Village => &[
                "thôn",
                "làng",
                "ấp",
                "bản",
                "buôn",
                "bon",
                "phum",
                "sóc",
                "plei",
                "tổ dân phố",
                "khu phố",
                "khối phố",
                "khóm",
                "tiểu khu",
                "khu dân cư",
            ],
        }
    }
}

impl fmt::Display for UnitLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for UnitLevel {
    type Err = LevelError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        UnitLevel::ALL.into_iter().find(|l| l.as_str() == s).ok_or_else(|| LevelError(s.to_owned()))
    }
}

/// A division type word checked against the level it is used with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DivisionType(String);

impl DivisionType {
    pub fn parse(level: UnitLevel, word: &str) -> Option<Self> {
        let word = word.trim();
        level
            .division_types()
            .iter()
            .find(|known| known.eq_ignore_ascii_case(word) || **known == word.to_lowercase())
            .map(|known| DivisionType((*known).to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// An official or local unit code.
///
/// Official codes are digits of a fixed width per level (province 2, district 3, commune 5).
/// Villages are not in the national list; their code is local to the commune (letters, digits,
/// `-`, `.`, at most 20 characters).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct UnitCode(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UnitCodeError {
    #[error("a {level} code has exactly {width} digits")]
    WrongWidth { level: UnitLevel, width: usize },
    #[error("a village code has 1 to 20 letters, digits, '-' or '.'")]
    BadVillageCode,
    #[error("a unit code is 1 to 20 letters, digits, '-' or '.'")]
    BadCode,
}

impl UnitCode {
    pub fn official_width(level: UnitLevel) -> Option<usize> {
        match level {
            UnitLevel::Province => Some(2),
            UnitLevel::District => Some(3),
            UnitLevel::Commune => Some(5),
            UnitLevel::Village => None,
        }
    }

    /// Parses a code for a unit of the given level.
    pub fn parse(level: UnitLevel, code: &str) -> Result<Self, UnitCodeError> {
        match Self::official_width(level) {
            Some(width) => {
                if code.len() == width && code.bytes().all(|b| b.is_ascii_digit()) {
                    Ok(UnitCode(code.to_owned()))
                } else {
                    Err(UnitCodeError::WrongWidth { level, width })
                }
            }
            None => Self::parse_any(code).map_err(|_| UnitCodeError::BadVillageCode),
        }
    }

    /// Parses a code when the level is not known (lookups by code).
    pub fn parse_any(code: &str) -> Result<Self, UnitCodeError> {
        let ok = !code.is_empty()
            && code.len() <= 20
            && code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
        if ok { Ok(UnitCode(code.to_owned())) } else { Err(UnitCodeError::BadCode) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// The days on which a unit (or a name, or a link) exists. Both ends are inclusive; `None` means
/// open-ended (or, for the start, unknown: the pre-2025 list does not say when old units began).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Validity {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a validity period cannot end before it starts")]
pub struct ValidityError;

impl Validity {
    pub fn new(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<Self, ValidityError> {
        match (from, to) {
            (Some(f), Some(t)) if t < f => Err(ValidityError),
            _ => Ok(Validity { from, to }),
        }
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= day) && self.to.is_none_or(|t| day <= t)
    }

    pub fn overlaps(&self, other: &Validity) -> bool {
        let starts_before_other_ends = match (self.from, other.to) {
            (Some(f), Some(t)) => f <= t,
            _ => true,
        };
        let other_starts_before_self_ends = match (other.from, self.to) {
            (Some(f), Some(t)) => f <= t,
            _ => true,
        };
        starts_before_other_ends && other_starts_before_self_ends
    }
}

/// What a reorganisation did. `Restructure` is many-to-many, as in the 2025 reform where some
/// old communes were split between several new ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReorganisationKind {
    Merge,
    Split,
    Restructure,
}

impl ReorganisationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ReorganisationKind::Merge => "merge",
            ReorganisationKind::Split => "split",
            ReorganisationKind::Restructure => "restructure",
        }
    }
}

impl FromStr for ReorganisationKind {
    type Err = LevelError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "merge" => Ok(ReorganisationKind::Merge),
            "split" => Ok(ReorganisationKind::Split),
            "restructure" => Ok(ReorganisationKind::Restructure),
            other => Err(LevelError(other.to_owned())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn official_codes_have_fixed_widths() {
        assert!(UnitCode::parse(UnitLevel::Commune, "00004").is_ok());
        assert!(UnitCode::parse(UnitLevel::Commune, "0004").is_err());
        assert!(UnitCode::parse(UnitLevel::Province, "01").is_ok());
        assert!(UnitCode::parse(UnitLevel::District, "01a").is_err());
        assert!(UnitCode::parse(UnitLevel::Village, "00004-T01").is_ok());
        assert!(UnitCode::parse(UnitLevel::Village, "thôn 1").is_err());
    }

    #[test]
    fn validity_is_inclusive_at_both_ends() {
        let v = Validity::new(None, Some(d("2025-06-30"))).unwrap_or(Validity { from: None, to: None });
        assert!(v.contains(d("2025-06-30")));
        assert!(!v.contains(d("2025-07-01")));
        let w = Validity { from: Some(d("2025-07-01")), to: None };
        assert!(!v.overlaps(&w));
        assert!(w.overlaps(&Validity { from: None, to: None }));
        assert!(Validity::new(Some(d("2025-07-02")), Some(d("2025-07-01"))).is_err());
    }

    #[test]
    fn division_types_match_their_level() {
        assert!(DivisionType::parse(UnitLevel::Village, "tổ dân phố").is_some());
        assert!(DivisionType::parse(UnitLevel::Village, "phường").is_none());
        assert!(DivisionType::parse(UnitLevel::Commune, "đặc khu").is_some());
    }
}
