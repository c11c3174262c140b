//! What the engine needs to know about the evaluated subject besides its answers.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Kinds of organisation that indicators are restricted to (`applies_to`) or vary by
/// (`variants`). The list is closed so that a typo in a framework is caught by validation.
///
/// A subject usually has several types: an upper-secondary school is both
/// `educational_establishment` and `upper_secondary_school` (and usually
/// `public_service_unit`). The engine does not infer one type from another; the caller passes
/// them all.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum SubjectType {
    /// Cơ quan nhà nước.
    StateAgency,
    /// Đơn vị sự nghiệp công lập.
    PublicServiceUnit,
    /// Cơ sở giáo dục (any level).
    EducationalEstablishment,
    /// Trường trung học phổ thông.
    UpperSecondarySchool,
    /// Trường phổ thông có nhiều cấp học, cấp học cao nhất là trung học phổ thông.
    MultiLevelSchoolTopUpperSecondary,
    /// Trung tâm giáo dục thường xuyên.
    ContinuingEducationCentre,
    /// Cơ sở giáo dục đại học.
    HigherEducationInstitution,
    /// Cơ sở giáo dục nghề nghiệp.
    VocationalEducationInstitution,
}

impl SubjectType {
    /// Every subject type, in declaration order.
    pub const ALL: [SubjectType; 8] = [
        Self::StateAgency,
        Self::PublicServiceUnit,
        Self::EducationalEstablishment,
        Self::UpperSecondarySchool,
        Self::MultiLevelSchoolTopUpperSecondary,
        Self::ContinuingEducationCentre,
        Self::HigherEducationInstitution,
        Self::VocationalEducationInstitution,
    ];

    /// The snake_case name used in framework documents.
    pub fn name(self) -> &'static str {
        match self {
            Self::StateAgency => "state_agency",
            Self::PublicServiceUnit => "public_service_unit",
            Self::EducationalEstablishment => "educational_establishment",
            Self::UpperSecondarySchool => "upper_secondary_school",
            Self::MultiLevelSchoolTopUpperSecondary => "multi_level_school_top_upper_secondary",
            Self::ContinuingEducationCentre => "continuing_education_centre",
            Self::HigherEducationInstitution => "higher_education_institution",
            Self::VocationalEducationInstitution => "vocational_education_institution",
        }
    }

    /// The type as people write it.
    pub fn name_vi(self) -> &'static str {
        match self {
            Self::StateAgency => "Cơ quan nhà nước",
            Self::PublicServiceUnit => "Đơn vị sự nghiệp công lập",
            Self::EducationalEstablishment => "Cơ sở giáo dục",
            Self::UpperSecondarySchool => "Trường trung học phổ thông",
            Self::MultiLevelSchoolTopUpperSecondary => {
                "Trường phổ thông có nhiều cấp học, cấp học cao nhất là trung học phổ thông"
            }
            Self::ContinuingEducationCentre => "Trung tâm giáo dục thường xuyên",
            Self::HigherEducationInstitution => "Cơ sở giáo dục đại học",
            Self::VocationalEducationInstitution => "Cơ sở giáo dục nghề nghiệp",
        }
    }

    /// The type of that snake_case name, if it exists.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.name() == name)
    }

    /// The types an organisation of the registry's `org_type` counts as, for indicators that
    /// apply only to some: its own type when the criteria name it, and "educational
    /// establishment" for every kind of school or institution.
    pub fn of_organisation(org_type: &str) -> Vec<SubjectType> {
        let educational = matches!(
            org_type,
            "kindergarten"
                | "primary_school"
                | "lower_secondary_school"
                | "upper_secondary_school"
                | "multi_level_school_top_upper_secondary"
                | "continuing_education_centre"
                | "higher_education_institution"
                | "vocational_education_institution"
        );
        let mut types: Vec<SubjectType> = Self::from_name(org_type).into_iter().collect();
        if educational {
            types.push(Self::EducationalEstablishment);
        }
        types
    }

    /// The type as one bit, so that "does this indicator apply" is a mask test.
    pub(crate) fn bit(self) -> u32 {
        1 << (self as u32)
    }
}

impl fmt::Display for SubjectType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The evaluated subject's attributes that change which indicators and thresholds apply.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct Subject {
    #[serde(default)]
    pub types: Vec<SubjectType>,
}

impl Subject {
    /// A subject of these types.
    pub fn new(types: impl IntoIterator<Item = SubjectType>) -> Self {
        Self { types: types.into_iter().collect() }
    }

    pub(crate) fn mask(&self) -> u32 {
        self.types.iter().fold(0, |mask, t| mask | t.bit())
    }
}

/// When the evaluation happens and what the subject already holds.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Context {
    /// The day the result is decided on; prerequisites such as "12 months at level 1" count
    /// up to this day.
    pub evaluation_date: NaiveDate,
    /// Date of the decision that first recognised the subject at level 1 (or higher) of this
    /// model, if it holds such a recognition.
    #[serde(default)]
    pub held_level1_since: Option<NaiveDate>,
}

impl Context {
    /// An evaluation on `evaluation_date` of a subject holding no level-1 recognition.
    pub fn on(evaluation_date: NaiveDate) -> Self {
        Self { evaluation_date, held_level1_since: None }
    }

    /// Records the date of the level-1 decision.
    pub fn with_level1_since(mut self, since: NaiveDate) -> Self {
        self.held_level1_since = Some(since);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schools_are_educational_establishments() {
        assert_eq!(
            SubjectType::of_organisation("upper_secondary_school"),
            vec![SubjectType::UpperSecondarySchool, SubjectType::EducationalEstablishment]
        );
        assert_eq!(SubjectType::of_organisation("kindergarten"), vec![SubjectType::EducationalEstablishment]);
        assert_eq!(SubjectType::of_organisation("enterprise"), vec![]);
    }

    #[test]
    fn names_round_trip_and_match_serde() {
        for t in SubjectType::ALL {
            assert_eq!(SubjectType::from_name(t.name()), Some(t));
            assert_eq!(serde_json::to_value(t).ok(), Some(serde_json::Value::from(t.name())));
        }
    }
}
