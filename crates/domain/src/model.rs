//! The learning models the programme recognises, what each evaluates, and the states of an
//! evaluation. The rules that move an evaluation between states live in the evaluation crate's
//! `workflow` module; these are the words they are written in.

use crate::UnitLevel;
use crate::named_enum;

named_enum! {
    /// The learning-society models ("mô hình học tập").
    pub enum ModelKind {
        /// Công dân học tập.
        CongDanHocTap = "cong_dan_hoc_tap",
        /// Gia đình học tập.
        GiaDinhHocTap = "gia_dinh_hoc_tap",
        /// Dòng họ học tập.
        DongHoHocTap = "dong_ho_hoc_tap",
        /// Cộng đồng học tập cấp thôn.
        CongDongHocTapThon = "cong_dong_hoc_tap_thon",
        /// Đơn vị học tập cấp xã.
        DonViHocTapXa = "don_vi_hoc_tap_xa",
        /// Đơn vị học tập cấp huyện.
        DonViHocTapHuyen = "don_vi_hoc_tap_huyen",
        /// Đơn vị học tập cấp tỉnh.
        DonViHocTapTinh = "don_vi_hoc_tap_tinh",
        /// Cộng đồng học tập cấp xã.
        CongDongHocTapXa = "cong_dong_hoc_tap_xa",
        /// Cộng đồng học tập cấp huyện.
        CongDongHocTapHuyen = "cong_dong_hoc_tap_huyen",
        /// Cộng đồng học tập cấp tỉnh.
        CongDongHocTapTinh = "cong_dong_hoc_tap_tinh",
    }
}

impl ModelKind {
    /// The title as people write it.
    pub fn name_vi(self) -> &'static str {
        match self {
            Self::CongDanHocTap => "Công dân học tập",
            Self::GiaDinhHocTap => "Gia đình học tập",
            Self::DongHoHocTap => "Dòng họ học tập",
            Self::CongDongHocTapThon => "Cộng đồng học tập cấp thôn",
            Self::DonViHocTapXa => "Đơn vị học tập cấp xã",
            Self::DonViHocTapHuyen => "Đơn vị học tập cấp huyện",
            Self::DonViHocTapTinh => "Đơn vị học tập cấp tỉnh",
            Self::CongDongHocTapXa => "Cộng đồng học tập cấp xã",
            Self::CongDongHocTapHuyen => "Cộng đồng học tập cấp huyện",
            Self::CongDongHocTapTinh => "Cộng đồng học tập cấp tỉnh",
        }
    }

    /// The title in English.
    pub fn name_en(self) -> &'static str {
        match self {
            Self::CongDanHocTap => "Learning citizen",
            Self::GiaDinhHocTap => "Learning family",
            Self::DongHoHocTap => "Learning clan",
            Self::CongDongHocTapThon => "Village learning community",
            Self::DonViHocTapXa => "Commune learning unit",
            Self::DonViHocTapHuyen => "District learning unit",
            Self::DonViHocTapTinh => "Provincial learning unit",
            Self::CongDongHocTapXa => "Commune learning community",
            Self::CongDongHocTapHuyen => "District learning community",
            Self::CongDongHocTapTinh => "Provincial learning community",
        }
    }

    /// What the model evaluates: a kind of subject, and for communities the level of the unit.
    pub fn subject(self) -> (SubjectKind, Option<UnitLevel>) {
        match self {
            Self::CongDanHocTap => (SubjectKind::Citizen, None),
            Self::GiaDinhHocTap => (SubjectKind::Household, None),
            Self::DongHoHocTap => (SubjectKind::Clan, None),
            Self::DonViHocTapXa | Self::DonViHocTapHuyen | Self::DonViHocTapTinh => (SubjectKind::Organisation, None),
            Self::CongDongHocTapThon => (SubjectKind::Unit, Some(UnitLevel::Village)),
            Self::CongDongHocTapXa => (SubjectKind::Unit, Some(UnitLevel::Commune)),
            Self::CongDongHocTapHuyen => (SubjectKind::Unit, Some(UnitLevel::District)),
            Self::CongDongHocTapTinh => (SubjectKind::Unit, Some(UnitLevel::Province)),
        }
    }

    /// The grassroots titles, which the commune decides (the Study Promotion Association's
    /// models); the others are decided at provincial level.
    pub fn decided_by_commune(self) -> bool {
        matches!(
            self,
            Self::CongDanHocTap
                | Self::GiaDinhHocTap
                | Self::DongHoHocTap
                | Self::CongDongHocTapThon
                | Self::DonViHocTapXa
        )
    }
}

named_enum! {
    /// What an evaluation is about.
    pub enum SubjectKind {
        Citizen = "citizen",
        Household = "household",
        Clan = "clan",
        Organisation = "organisation",
        /// A village, commune or province evaluated as a learning community.
        Unit = "unit",
    }
}

impl SubjectKind {
    pub fn name_vi(self) -> &'static str {
        match self {
            Self::Citizen => "công dân",
            Self::Household => "hộ gia đình",
            Self::Clan => "dòng họ",
            Self::Organisation => "cơ quan, tổ chức",
            Self::Unit => "đơn vị hành chính",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Self::Citizen => "citizen",
            Self::Household => "household",
            Self::Clan => "clan",
            Self::Organisation => "organisation",
            Self::Unit => "administrative unit",
        }
    }
}

named_enum! {
    /// Where an evaluation stands in the yearly workflow.
    pub enum EvaluationStatus {
        /// Registered (đăng ký); the self-assessment is being filled in.
        Registered = "registered",
        /// The dossier is filed.
        Submitted = "submitted",
        /// The inspection team has answered.
        Inspected = "inspected",
        /// A decision recognised it.
        Recognised = "recognised",
        /// A decision rejected it.
        Rejected = "rejected",
        /// A decision revoked its recognition.
        Revoked = "revoked",
    }
}

impl EvaluationStatus {
    pub fn name_vi(self) -> &'static str {
        match self {
            Self::Registered => "đã đăng ký",
            Self::Submitted => "đã nộp hồ sơ",
            Self::Inspected => "đã thẩm định",
            Self::Recognised => "đã công nhận",
            Self::Rejected => "không công nhận",
            Self::Revoked => "đã thu hồi công nhận",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Self::Registered => "registered",
            Self::Submitted => "submitted",
            Self::Inspected => "inspected",
            Self::Recognised => "recognised",
            Self::Rejected => "rejected",
            Self::Revoked => "revoked",
        }
    }
}

named_enum! {
    /// Life cycle of a framework version.
    pub enum FrameworkStatus {
        /// Incomplete or under review: can be scored for a preview, never for a recognition.
        Draft = "draft",
        /// Complete and frozen: the only status usable for a recognition.
        Published = "published",
        /// Withdrawn from use; kept so past evaluations still reproduce.
        Retired = "retired",
    }
}

named_enum! {
    /// What a decision (Quyết định) does to the evaluations it lists.
    pub enum DecisionKind {
        Recognition = "recognition",
        Rejection = "rejection",
        Revocation = "revocation",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_through_text_and_json() {
        for kind in ModelKind::ALL {
            assert_eq!(kind.as_str().parse::<ModelKind>(), Ok(*kind));
            assert_eq!(serde_json::to_value(kind).ok(), Some(serde_json::Value::from(kind.as_str())));
        }
        for status in EvaluationStatus::ALL {
            assert_eq!(EvaluationStatus::try_from(status.as_str().to_owned()), Ok(*status));
        }
        assert!("Registered".parse::<EvaluationStatus>().is_err(), "names are exact");
    }

    #[test]
    fn every_model_names_its_subject() {
        assert_eq!(ModelKind::GiaDinhHocTap.subject(), (SubjectKind::Household, None));
        assert_eq!(ModelKind::CongDongHocTapThon.subject(), (SubjectKind::Unit, Some(UnitLevel::Village)));
        let commune: Vec<_> = ModelKind::ALL.iter().filter(|m| m.decided_by_commune()).collect();
        assert_eq!(commune.len(), 5);
    }
}
