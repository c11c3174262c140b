//! The closed list of metrics an indicator can be bound to.
//!
//! Many thresholds are shares of things the registry already knows (members of a unit who
//! hold "Công dân học tập", learning families in a village). Binding such an indicator to a
//! named metric lets the registry fill the figure instead of trusting a typed-in answer. The
//! list is closed so that a framework cannot name a metric nobody computes.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::MeasureKind;

/// A figure the registry can compute for a subject and a year.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Share of the unit's members who hold "Công dân học tập" (TT 24/2023 TC3.CT1).
    ShareMembersCongDanHocTap,
    /// Share of an educational establishment's learners who hold "Công dân học tập"
    /// (TT 24/2023 TC3.CT1, variant for educational establishments).
    ShareLearnersCongDanHocTap,
    /// Share of the area's adults who hold "Công dân học tập" (QĐ 1373, QĐ 677 targets).
    ShareAdultsCongDanHocTap,
    /// Share of the area's households recognised "Gia đình học tập" (QĐ 387 targets).
    ShareHouseholdsGiaDinhHocTap,
    /// Share of the area's clans recognised "Dòng họ học tập" (QĐ 387 targets).
    ShareClansDongHoHocTap,
    /// Share of the commune's villages recognised "Cộng đồng học tập" (QĐ 387 targets).
    ShareVillagesCongDongHocTap,
    /// Share of the commune's units recognised "Đơn vị học tập" (QĐ 387 targets).
    ShareUnitsDonViHocTap,
}

impl Metric {
    /// Number of metrics; sizes [`MetricValues`].
    pub const COUNT: usize = 7;

    /// Every metric, in declaration order.
    pub const ALL: [Metric; Self::COUNT] = [
        Self::ShareMembersCongDanHocTap,
        Self::ShareLearnersCongDanHocTap,
        Self::ShareAdultsCongDanHocTap,
        Self::ShareHouseholdsGiaDinhHocTap,
        Self::ShareClansDongHoHocTap,
        Self::ShareVillagesCongDongHocTap,
        Self::ShareUnitsDonViHocTap,
    ];

    /// The snake_case name used in framework documents.
    pub fn name(self) -> &'static str {
        match self {
            Self::ShareMembersCongDanHocTap => "share_members_cong_dan_hoc_tap",
            Self::ShareLearnersCongDanHocTap => "share_learners_cong_dan_hoc_tap",
            Self::ShareAdultsCongDanHocTap => "share_adults_cong_dan_hoc_tap",
            Self::ShareHouseholdsGiaDinhHocTap => "share_households_gia_dinh_hoc_tap",
            Self::ShareClansDongHoHocTap => "share_clans_dong_ho_hoc_tap",
            Self::ShareVillagesCongDongHocTap => "share_villages_cong_dong_hoc_tap",
            Self::ShareUnitsDonViHocTap => "share_units_don_vi_hoc_tap",
        }
    }

    /// The metric of that name, if it exists.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.name() == name)
    }

    /// What the figure is, in Vietnamese.
    pub fn description_vi(self) -> &'static str {
        match self {
            Self::ShareMembersCongDanHocTap => "Tỉ lệ thành viên của đơn vị đạt danh hiệu Công dân học tập",
            Self::ShareLearnersCongDanHocTap => "Tỉ lệ người học của cơ sở giáo dục đạt danh hiệu Công dân học tập",
            Self::ShareAdultsCongDanHocTap => "Tỉ lệ người lớn trên địa bàn đạt danh hiệu Công dân học tập",
            Self::ShareHouseholdsGiaDinhHocTap => "Tỉ lệ hộ gia đình trên địa bàn được công nhận Gia đình học tập",
            Self::ShareClansDongHoHocTap => "Tỉ lệ dòng họ trên địa bàn được công nhận Dòng họ học tập",
            Self::ShareVillagesCongDongHocTap => "Tỉ lệ thôn, tổ dân phố được công nhận Cộng đồng học tập",
            Self::ShareUnitsDonViHocTap => "Tỉ lệ cơ quan, đơn vị trên địa bàn được công nhận Đơn vị học tập",
        }
    }

    /// The measure kind the metric fills; all known metrics are percentages (0–100).
    pub fn kind(self) -> MeasureKind {
        MeasureKind::Percentage
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Metric values for one subject and year. In JSON, a map from metric name to value.
///
/// Stored by position rather than in a map so that reading a value while scoring is an
/// array index.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "BTreeMap<Metric, f64>", into = "BTreeMap<Metric, f64>")]
pub struct MetricValues {
    values: [Option<f64>; Metric::COUNT],
}

impl MetricValues {
    /// No values: every metric-bound indicator falls back to its answer.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets a value; builder style.
    pub fn with(mut self, metric: Metric, value: f64) -> Self {
        self.set(metric, value);
        self
    }

    /// Sets the value of `metric` (a percentage, 0–100).
    pub fn set(&mut self, metric: Metric, value: f64) {
        self.values[metric.index()] = Some(value);
    }

    /// The value of `metric`, if the registry gave one.
    pub fn get(&self, metric: Metric) -> Option<f64> {
        self.values[metric.index()]
    }
}

impl From<BTreeMap<Metric, f64>> for MetricValues {
    fn from(map: BTreeMap<Metric, f64>) -> Self {
        let mut values = Self::default();
        for (metric, value) in map {
            values.set(metric, value);
        }
        values
    }
}

impl From<MetricValues> for BTreeMap<Metric, f64> {
    fn from(values: MetricValues) -> Self {
        Metric::ALL.into_iter().filter_map(|m| values.get(m).map(|v| (m, v))).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_match_serde() {
        for (i, metric) in Metric::ALL.into_iter().enumerate() {
            assert_eq!(metric.index(), i);
            assert_eq!(Metric::from_name(metric.name()), Some(metric));
            assert_eq!(serde_json::to_value(metric).ok(), Some(serde_json::Value::from(metric.name())));
        }
    }
}
