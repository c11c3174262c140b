//! Why an indicator got its verdict, and what the next level needs.
//!
//! Reasons are structured values rendered to Vietnamese only when displayed or serialised:
//! scoring builds no strings, and a stored outcome keeps the figures, not just a sentence.
//! Numbers use the Vietnamese convention (decimal comma, dot between thousands).

use std::borrow::Cow;
use std::fmt::{self, Write as _};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::Tier;

/// A number written the Vietnamese way: `88,5`, `1.234`, at most two decimals.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct VnNumber(pub f64);

impl fmt::Display for VnNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let x = self.0;
        if !x.is_finite() || x.abs() >= 1e15 {
            // Out of the range figures come in; print it plainly rather than lose digits.
            return write!(f, "{x}");
        }
        // Hundredths as an integer, so that rounding happens once.
        #[allow(clippy::cast_possible_truncation, reason = "bounded above by 1e17")]
        let hundredths = (x.abs() * 100.0).round() as u64;
        if x < 0.0 && hundredths != 0 {
            f.write_char('-')?;
        }
        write_grouped(f, hundredths / 100)?;
        let frac = hundredths % 100;
        if frac == 0 {
            Ok(())
        } else if frac.is_multiple_of(10) {
            write!(f, ",{}", frac / 10)
        } else {
            write!(f, ",{frac:02}")
        }
    }
}

/// Writes `n` with a dot every three digits, without allocating.
fn write_grouped(f: &mut fmt::Formatter<'_>, n: u64) -> fmt::Result {
    let mut digits = [0u8; 20];
    let mut len = 0;
    let mut rest = n;
    loop {
        #[allow(clippy::cast_possible_truncation, reason = "a single decimal digit")]
        let digit = (rest % 10) as u8;
        digits[len] = b'0' + digit;
        len += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for i in (0..len).rev() {
        f.write_char(char::from(digits[i]))?;
        if i > 0 && i.is_multiple_of(3) {
            f.write_char('.')?;
        }
    }
    Ok(())
}

/// A date written `dd/mm/yyyy`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct VnDate(pub NaiveDate);

impl fmt::Display for VnDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}/{:02}/{}", self.0.day(), self.0.month(), self.0.year())
    }
}

/// A value of an indicator, or a threshold, with its kind.
///
/// Texts borrow from the [`crate::Scorer`] that produced them (see [`crate::Outcome`]).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Figure<'a> {
    YesNo(bool),
    Points(f64),
    Percentage(f64),
    Count(u64),
    /// A value of the indicator's list; `None` is below every listed value.
    Ordinal(Option<Cow<'a, str>>),
}

impl<'a> Figure<'a> {
    /// A copy, cheap while its text is borrowed.
    #[inline]
    pub(crate) fn reborrow(&self) -> Figure<'a> {
        match self {
            Self::YesNo(v) => Figure::YesNo(*v),
            Self::Points(v) => Figure::Points(*v),
            Self::Percentage(v) => Figure::Percentage(*v),
            Self::Count(v) => Figure::Count(*v),
            Self::Ordinal(v) => Figure::Ordinal(v.as_ref().map(reborrow)),
        }
    }

    /// The same figure, owning its text.
    pub fn into_owned(self) -> Figure<'static> {
        match self {
            Self::YesNo(v) => Figure::YesNo(v),
            Self::Points(v) => Figure::Points(v),
            Self::Percentage(v) => Figure::Percentage(v),
            Self::Count(v) => Figure::Count(v),
            Self::Ordinal(v) => Figure::Ordinal(v.map(own)),
        }
    }

    /// Writes the figure as a value ("88,5 %"), followed or preceded by `label` when given.
    fn write_value(&self, f: &mut fmt::Formatter<'_>, label: Option<&str>) -> fmt::Result {
        match self {
            Self::YesNo(true) => f.write_str("có"),
            Self::YesNo(false) => f.write_str("không"),
            Self::Points(p) => write!(f, "{} điểm", VnNumber(*p)),
            Self::Percentage(p) => {
                write!(f, "{} %", VnNumber(*p))?;
                label.map_or(Ok(()), |l| write!(f, " {l}"))
            }
            Self::Count(n) => {
                write_grouped(f, *n)?;
                label.map_or(Ok(()), |l| write!(f, " {l}"))
            }
            Self::Ordinal(value) => {
                if let Some(l) = label {
                    write!(f, "{l} ")?;
                }
                match value {
                    Some(v) => write!(f, "“{v}”"),
                    None => f.write_str("chưa đạt mức nào trong danh sách"),
                }
            }
        }
    }

    /// Writes the figure as a requirement ("≥ 90 %", "từ “…” trở lên").
    fn write_requirement(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::YesNo(true) => f.write_str("“có”"),
            Self::YesNo(false) => f.write_str("không bắt buộc"),
            Self::Points(p) => write!(f, "≥ {} điểm", VnNumber(*p)),
            Self::Percentage(p) => write!(f, "≥ {} %", VnNumber(*p)),
            Self::Count(n) => {
                f.write_str("≥ ")?;
                write_grouped(f, *n)
            }
            Self::Ordinal(Some(v)) => write!(f, "từ “{v}” trở lên"),
            Self::Ordinal(None) => f.write_str("không bắt buộc"),
        }
    }
}

/// The check of a value against one level's threshold.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct TierCheck<'a> {
    /// The threshold; `None` when the regulation's threshold is not known.
    pub required: Option<Figure<'a>>,
    pub passed: bool,
}

impl TierCheck<'_> {
    /// The same check, owning its texts.
    pub fn into_owned(self) -> TierCheck<'static> {
        TierCheck { required: self.required.map(Figure::into_owned), passed: self.passed }
    }
}

/// A text that owns its content.
pub(crate) fn own(text: Cow<'_, str>) -> Cow<'static, str> {
    Cow::Owned(text.into_owned())
}

/// A copy of a text that is cheap when borrowed, which it always is while scoring (unlike
/// `Cow::clone`, which the compiler keeps out of line for the owned case).
#[inline]
pub(crate) fn reborrow<'a>(text: &Cow<'a, str>) -> Cow<'a, str> {
    match text {
        Cow::Borrowed(s) => Cow::Borrowed(s),
        Cow::Owned(s) => Cow::Owned(s.clone()),
    }
}

/// Why an indicator got its verdict. Displayed without the indicator code; see
/// [`crate::IndicatorOutcome`] for the full sentence.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Reason<'a> {
    /// The indicator does not apply to the subject's type.
    NotApplicable,
    /// No answer and no metric value: the indicator fails (0 points in a points framework).
    MissingAnswer,
    /// Points awarded; `floor` is shown when the award is below it.
    Points { awarded: f64, max: f64, floor: Option<f64> },
    /// A value checked against the thresholds of each level the framework has.
    Checked {
        value: Figure<'a>,
        figure_vi: Option<Cow<'a, str>>,
        level1: Option<TierCheck<'a>>,
        level2: Option<TierCheck<'a>>,
    },
}

impl Reason<'_> {
    /// The same reason, owning its texts.
    pub fn into_owned(self) -> Reason<'static> {
        match self {
            Self::NotApplicable => Reason::NotApplicable,
            Self::MissingAnswer => Reason::MissingAnswer,
            Self::Points { awarded, max, floor } => Reason::Points { awarded, max, floor },
            Self::Checked { value, figure_vi, level1, level2 } => Reason::Checked {
                value: value.into_owned(),
                figure_vi: figure_vi.map(own),
                level1: level1.map(TierCheck::into_owned),
                level2: level2.map(TierCheck::into_owned),
            },
        }
    }
}

impl fmt::Display for Reason<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotApplicable => f.write_str("không áp dụng cho đối tượng được đánh giá"),
            Self::MissingAnswer => f.write_str("chưa có câu trả lời"),
            Self::Points { awarded, max, floor } => {
                write!(f, "{}/{} điểm", VnNumber(*awarded), VnNumber(*max))?;
                match floor {
                    Some(floor) if awarded < floor => {
                        write!(f, "; mỗi chỉ tiêu cần ≥ {} điểm", VnNumber(*floor))
                    }
                    _ => Ok(()),
                }
            }
            Self::Checked { value, figure_vi, level1, level2 } => {
                value.write_value(f, figure_vi.as_deref())?;
                // Show the highest level passed, then the first level not passed, and stop:
                // a reader needs what was reached and the next step, not every threshold.
                let mut highest_passed = None;
                let mut first_blocked = None;
                for (tier, check) in [(Tier::Level1, level1), (Tier::Level2, level2)] {
                    let Some(check) = check else { continue };
                    if check.passed {
                        highest_passed = Some((tier, check));
                    } else {
                        first_blocked = Some((tier, check));
                        break;
                    }
                }
                if let Some((tier, check)) = highest_passed {
                    write!(f, "; đạt {tier}")?;
                    if let Some(required) = check.required.as_ref().filter(|r| !matches!(r, Figure::YesNo(_))) {
                        f.write_str(" (cần ")?;
                        required.write_requirement(f)?;
                        f.write_char(')')?;
                    }
                }
                if let Some((tier, check)) = first_blocked {
                    match &check.required {
                        Some(required) => {
                            write!(f, "; {tier} cần ")?;
                            required.write_requirement(f)?;
                        }
                        None => write!(f, "; ngưỡng {tier} chưa xác định")?,
                    }
                }
                Ok(())
            }
        }
    }
}

/// One thing that stands between the outcome and the next level.
#[derive(Deserialize, Clone, Debug, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Gap<'a> {
    /// An indicator below the next level's threshold (or whose threshold is unknown).
    Indicator {
        indicator_id: Cow<'a, str>,
        tier: Tier,
        needed: Option<Figure<'a>>,
        has: Figure<'a>,
        figure_vi: Option<Cow<'a, str>>,
    },
    /// An indicator without an answer.
    MissingAnswer { indicator_id: Cow<'a, str> },
    /// The total is below the next band.
    Points { have: f64, need: f64, max: f64 },
    /// An indicator below the next band's per-indicator floor.
    Floor { indicator_id: Cow<'a, str>, have: f64, need: f64 },
    /// Level 2 needs level 1 held for some months first.
    HeldLevel1 { months: u32, since: Option<NaiveDate>, eligible_on: Option<NaiveDate> },
}

impl Gap<'_> {
    /// The same gap, owning its texts.
    pub fn into_owned(self) -> Gap<'static> {
        match self {
            Self::Indicator { indicator_id, tier, needed, has, figure_vi } => Gap::Indicator {
                indicator_id: own(indicator_id),
                tier,
                needed: needed.map(Figure::into_owned),
                has: has.into_owned(),
                figure_vi: figure_vi.map(own),
            },
            Self::MissingAnswer { indicator_id } => Gap::MissingAnswer { indicator_id: own(indicator_id) },
            Self::Points { have, need, max } => Gap::Points { have, need, max },
            Self::Floor { indicator_id, have, need } => Gap::Floor { indicator_id: own(indicator_id), have, need },
            Self::HeldLevel1 { months, since, eligible_on } => Gap::HeldLevel1 { months, since, eligible_on },
        }
    }
}

impl fmt::Display for Gap<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Indicator { indicator_id, tier, needed, has, figure_vi } => {
                write!(f, "{indicator_id}: ")?;
                match needed {
                    Some(needed) => {
                        write!(f, "{tier} cần ")?;
                        needed.write_requirement(f)?;
                    }
                    None => write!(f, "ngưỡng {tier} chưa xác định")?,
                }
                f.write_str(" (hiện ")?;
                has.write_value(f, figure_vi.as_deref())?;
                f.write_char(')')
            }
            Self::MissingAnswer { indicator_id } => write!(f, "{indicator_id}: chưa có câu trả lời"),
            Self::Points { have, need, max } => {
                write!(f, "tổng điểm cần ≥ {} (hiện {}/{})", VnNumber(*need), VnNumber(*have), VnNumber(*max))
            }
            Self::Floor { indicator_id, have, need } => {
                write!(f, "{indicator_id}: cần ≥ {} điểm (hiện {})", VnNumber(*need), VnNumber(*have))
            }
            Self::HeldLevel1 { months, since, eligible_on } => {
                write!(f, "cần đã được công nhận Mức độ 1 ít nhất {months} tháng")?;
                match (since, eligible_on) {
                    (Some(since), Some(eligible)) => write!(
                        f,
                        " (công nhận Mức độ 1 ngày {}, đủ {months} tháng vào ngày {})",
                        VnDate(*since),
                        VnDate(*eligible)
                    ),
                    _ => f.write_str(" (chưa được công nhận Mức độ 1)"),
                }
            }
        }
    }
}

/// Gaps serialise with their Vietnamese sentence as `text_vi`, so that a stored or sent
/// outcome reads on its own; the sentence is ignored when reading one back.
impl Serialize for Gap<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        #[serde(tag = "kind", rename_all = "snake_case")]
        enum Repr<'a> {
            Indicator {
                indicator_id: &'a str,
                tier: Tier,
                needed: &'a Option<Figure<'a>>,
                has: &'a Figure<'a>,
                figure_vi: Option<&'a str>,
                text_vi: String,
            },
            MissingAnswer {
                indicator_id: &'a str,
                text_vi: String,
            },
            Points {
                have: f64,
                need: f64,
                max: f64,
                text_vi: String,
            },
            Floor {
                indicator_id: &'a str,
                have: f64,
                need: f64,
                text_vi: String,
            },
            HeldLevel1 {
                months: u32,
                since: Option<NaiveDate>,
                eligible_on: Option<NaiveDate>,
                text_vi: String,
            },
        }
        let text_vi = self.to_string();
        let repr = match self {
            Self::Indicator { indicator_id, tier, needed, has, figure_vi } => {
                Repr::Indicator { indicator_id, tier: *tier, needed, has, figure_vi: figure_vi.as_deref(), text_vi }
            }
            Self::MissingAnswer { indicator_id } => Repr::MissingAnswer { indicator_id, text_vi },
            Self::Points { have, need, max } => Repr::Points { have: *have, need: *need, max: *max, text_vi },
            Self::Floor { indicator_id, have, need } => Repr::Floor { indicator_id, have: *have, need: *need, text_vi },
            Self::HeldLevel1 { months, since, eligible_on } => {
                Repr::HeldLevel1 { months: *months, since: *since, eligible_on: *eligible_on, text_vi }
            }
        };
        repr.serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_numbers() {
        let cases = [
            (88.5, "88,5"),
            (90.0, "90"),
            (0.0, "0"),
            (1234.5, "1.234,5"),
            (1_234_567.0, "1.234.567"),
            (0.1 + 0.2, "0,3"),
            (12.345, "12,35"),
            (7.05, "7,05"),
            (-3.5, "-3,5"),
            (999.999, "1.000"),
        ];
        for (x, want) in cases {
            assert_eq!(VnNumber(x).to_string(), want, "{x}");
        }
    }

    #[test]
    fn vietnamese_dates() {
        let d = NaiveDate::from_ymd_opt(2024, 3, 1);
        assert_eq!(d.map(|d| VnDate(d).to_string()).as_deref(), Some("01/03/2024"));
    }
}
