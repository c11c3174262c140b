//! Figures provinces report that no registry computes: the Study Promotion Association's
//! branches and members, community learning centres by rating, libraries, courses, funds. They
//! are declared per unit and year by the officer responsible, with a source. The catalogue is
//! versioned: a changed definition gets a new version, and values keep the key they were
//! declared under.

use serde::Serialize;

/// What a declared figure counts.
// `DeclaredMeasure` in the API document: schema names are global there, and `Measure` is the
// framework's (how an indicator is answered).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = DeclaredMeasure))]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// A number of things (branches, centres, libraries, courses).
    Count,
    /// A number of people.
    Persons,
    /// Vietnamese đồng.
    Vnd,
}

/// One declared indicator of the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeclaredIndicator {
    pub key: &'static str,
    pub label_vi: &'static str,
    pub label_en: &'static str,
    pub measure: Measure,
    pub version: u32,
}

const fn indicator(
    key: &'static str,
    label_vi: &'static str,
    label_en: &'static str,
    measure: Measure,
) -> DeclaredIndicator {
    DeclaredIndicator { key, label_vi, label_en, measure, version: 1 }
}

/// The catalogue.
pub const DECLARED_INDICATORS: &[DeclaredIndicator] = &[
    indicator("population", "Dân số", "Population", Measure::Persons),
    indicator(
        "association_branches",
        "Chi hội, ban khuyến học",
        "Study Promotion Association branches",
        Measure::Count,
    ),
    indicator("association_members", "Hội viên khuyến học", "Study Promotion Association members", Measure::Persons),
    indicator(
        "learning_centres_rated_good",
        "Trung tâm học tập cộng đồng xếp loại tốt",
        "Community learning centres rated good",
        Measure::Count,
    ),
    indicator(
        "learning_centres_rated_fair",
        "Trung tâm học tập cộng đồng xếp loại khá",
        "Community learning centres rated fair",
        Measure::Count,
    ),
    indicator(
        "learning_centres_rated_average",
        "Trung tâm học tập cộng đồng xếp loại trung bình",
        "Community learning centres rated average",
        Measure::Count,
    ),
    indicator("libraries", "Thư viện", "Libraries", Measure::Count),
    indicator(
        "reading_rooms",
        "Phòng đọc, tủ sách cộng đồng",
        "Reading rooms and community bookshelves",
        Measure::Count,
    ),
    indicator("courses", "Lớp học, chuyên đề", "Courses and topics taught", Measure::Count),
    indicator("course_learners", "Lượt người học", "Learners (attendances)", Measure::Persons),
    indicator("funds_raised", "Quỹ khuyến học, khuyến tài huy động", "Study promotion funds raised", Measure::Vnd),
];

/// The indicator of this key, if the catalogue has it.
pub fn declared_indicator(key: &str) -> Option<&'static DeclaredIndicator> {
    DECLARED_INDICATORS.iter().find(|i| i.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_labelled_in_both_languages() {
        for (i, a) in DECLARED_INDICATORS.iter().enumerate() {
            assert!(!a.label_vi.is_empty() && !a.label_en.is_empty() && a.label_vi != a.label_en, "{}", a.key);
            assert!(DECLARED_INDICATORS[i + 1..].iter().all(|b| b.key != a.key), "{}", a.key);
        }
        assert_eq!(declared_indicator("association_members").map(|i| i.measure), Some(Measure::Persons));
    }
}
