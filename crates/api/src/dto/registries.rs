//! The registries: citizens, households, organisations, clans, learning centres.

use super::*;

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RegistryQuery {
    /// Only records under this unit (its subtree).
    pub within: Option<i64>,
    /// Only records changed at or after this instant, deletions included (`deleted: true`):
    /// for offline clients that sync. RFC 3339, e.g. `2026-01-01T00:00:00Z` (a `+07:00`
    /// offset must be URL-encoded as `%2B07:00`).
    pub updated_since: Option<DateTime<Utc>>,
    /// Page size, 1–500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page, as received. A full page always has one, so the
    /// last page may come back empty.
    pub cursor: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Male,
    Female,
}

/// The target group of the learning-citizen criteria (QĐ 324/QĐ-KHVN).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TargetGroup {
    /// Người dân trong xã.
    Resident,
    /// Người lao động.
    Worker,
    /// Cán bộ, công nhân viên, doanh nhân.
    StaffBusiness,
    /// Học sinh, sinh viên, học viên.
    Learner,
}

/// A citizen. The national ID number is never returned.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CitizenDto {
    pub id: i64,
    pub full_name: String,
    pub birth_year: i32,
    pub sex: Sex,
    pub target_group: TargetGroup,
    pub household_id: Option<i64>,
    /// The organisation the citizen works or studies at.
    pub workplace_id: Option<i64>,
    pub unit_id: i64,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
    /// A deletion marker, in sync reads.
    pub deleted: bool,
    /// The province's own key of the record, when it came from an import.
    pub external_id: Option<String>,
    /// The import that last created or changed the record (`GET /api/v1/imports/{id}`).
    pub import_job_id: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"full_name": "Nguyễn Thị Lan", "birth_year": 1985, "sex": "female",
    "target_group": "worker", "household_id": 1, "unit_id": 10845}))]
pub struct CitizenRequest {
    #[validate(length(min = 1, max = 200), custom(function = "not_blank"))]
    #[schema(
        min_length = 1,
        max_length = 200,
        pattern = "[^\\t\\n\\x0B\\f\\r \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]"
    )]
    pub full_name: String,
    #[validate(range(min = 1900, max = 2100))]
    #[schema(minimum = 1900, maximum = 2100)]
    pub birth_year: i32,
    pub sex: Sex,
    pub target_group: TargetGroup,
    pub household_id: Option<i64>,
    pub workplace_id: Option<i64>,
    /// The home unit (commune or village).
    pub unit_id: i64,
    /// Optional; 9 or 12 digits. Kept only as a keyed hash, to find duplicates; never returned.
    #[validate(length(min = 9, max = 12), custom(function = "digits"))]
    #[schema(min_length = 9, max_length = 12, pattern = "^[0-9]{9}([0-9]{3})?$")]
    pub national_id: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HouseholdDto {
    pub id: i64,
    pub label: String,
    /// The village or commune the household lives in.
    pub unit_id: i64,
    pub head_citizen_id: Option<i64>,
    pub member_ids: Vec<i64>,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
    pub deleted: bool,
    /// The province's own key of the record, when it came from an import.
    pub external_id: Option<String>,
    /// The import that last created or changed the record (`GET /api/v1/imports/{id}`).
    pub import_job_id: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"label": "Hộ ông Trần Văn Bình", "unit_id": 10845}))]
pub struct HouseholdRequest {
    /// How the household is known locally; no address.
    #[validate(length(min = 1, max = 200), custom(function = "not_blank"))]
    #[schema(
        min_length = 1,
        max_length = 200,
        pattern = "[^\\t\\n\\x0B\\f\\r \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]"
    )]
    pub label: String,
    pub unit_id: i64,
    /// A member of the household.
    pub head_citizen_id: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationType {
    StateAgency,
    PublicServiceUnit,
    Kindergarten,
    PrimarySchool,
    LowerSecondarySchool,
    UpperSecondarySchool,
    MultiLevelSchoolTopUpperSecondary,
    ContinuingEducationCentre,
    HigherEducationInstitution,
    VocationalEducationInstitution,
    Enterprise,
    Cooperative,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ManagingLevel {
    Commune,
    Province,
}

/// A learning unit candidate: an agency, school, enterprise…
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OrganisationDto {
    pub id: i64,
    pub name: String,
    pub org_type: OrganisationType,
    pub managing_level: ManagingLevel,
    pub unit_id: i64,
    pub staff_count: i32,
    pub learner_count: Option<i32>,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
    pub deleted: bool,
    /// The province's own key of the record, when it came from an import.
    pub external_id: Option<String>,
    /// The import that last created or changed the record (`GET /api/v1/imports/{id}`).
    pub import_job_id: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Trường THPT Phan Đình Phùng", "org_type": "upper_secondary_school",
    "managing_level": "province", "unit_id": 10845, "staff_count": 120, "learner_count": 1500}))]
pub struct OrganisationRequest {
    #[validate(length(min = 1, max = 300), custom(function = "not_blank"))]
    #[schema(
        min_length = 1,
        max_length = 300,
        pattern = "[^\\t\\n\\x0B\\f\\r \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]"
    )]
    pub name: String,
    pub org_type: OrganisationType,
    pub managing_level: ManagingLevel,
    pub unit_id: i64,
    #[validate(range(min = 0, max = 1000000))]
    #[schema(minimum = 0, maximum = 1000000)]
    pub staff_count: i32,
    #[validate(range(min = 0, max = 1000000))]
    #[schema(minimum = 0, maximum = 1000000)]
    pub learner_count: Option<i32>,
}

/// A clan (dòng họ) or a branch of one; its households may live in several communes.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ClanDto {
    pub id: i64,
    pub name: String,
    pub unit_id: i64,
    pub household_ids: Vec<i64>,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
    pub deleted: bool,
    /// The province's own key of the record, when it came from an import.
    pub external_id: Option<String>,
    /// The import that last created or changed the record (`GET /api/v1/imports/{id}`).
    pub import_job_id: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Họ Nguyễn Văn, chi 2", "unit_id": 10845, "household_ids": [1, 2]}))]
pub struct ClanRequest {
    #[validate(length(min = 1, max = 200), custom(function = "not_blank"))]
    #[schema(
        min_length = 1,
        max_length = 200,
        pattern = "[^\\t\\n\\x0B\\f\\r \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]"
    )]
    pub name: String,
    /// The unit the clan is registered in (where its council meets).
    pub unit_id: i64,
    #[validate(length(max = 5000))]
    #[schema(max_items = 5000)]
    #[serde(default)]
    pub household_ids: Vec<i64>,
}

/// A community learning centre (trung tâm học tập cộng đồng), one per commune.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CentreDto {
    pub id: i64,
    pub name: String,
    pub unit_id: i64,
    pub director_name: Option<String>,
    pub activities_count: i32,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
    pub deleted: bool,
    /// The province's own key of the record, when it came from an import.
    pub external_id: Option<String>,
    /// The import that last created or changed the record (`GET /api/v1/imports/{id}`).
    pub import_job_id: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "TTHTCĐ phường Ba Đình", "unit_id": 10845, "director_name": "Lê Văn Hùng", "activities_count": 24}))]
pub struct CentreRequest {
    #[validate(length(min = 1, max = 200), custom(function = "not_blank"))]
    #[schema(
        min_length = 1,
        max_length = 200,
        pattern = "[^\\t\\n\\x0B\\f\\r \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]"
    )]
    pub name: String,
    /// The commune.
    pub unit_id: i64,
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub director_name: Option<String>,
    #[validate(range(min = 0, max = 100000))]
    #[schema(minimum = 0, maximum = 100000)]
    pub activities_count: i32,
}

macro_rules! page_of {
    ($name:ident, $item:ty) => {
        #[derive(Debug, Clone, Serialize, ToSchema)]
        pub struct $name {
            pub items: Vec<$item>,
            /// Pass as `cursor` for the next page; null on the last one.
            pub next_cursor: Option<String>,
        }
    };
}

page_of!(CitizenPage, CitizenDto);
page_of!(HouseholdPage, HouseholdDto);
page_of!(OrganisationPage, OrganisationDto);
page_of!(ClanPage, ClanDto);
page_of!(CentrePage, CentreDto);

fn digits(value: &str) -> Result<(), validator::ValidationError> {
    if value.bytes().all(|b| b.is_ascii_digit()) && (value.len() == 9 || value.len() == 12) {
        Ok(())
    } else {
        Err(validator::ValidationError::new("national_id_digits"))
    }
}

/// Where a possible duplicate stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DuplicateStatus {
    Open,
    Merged,
    Dismissed,
}

/// Two citizens with one national ID: the second was registered by an officer who could not
/// see the first, and was not told of it. Shown only to officers whose units cover both.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CitizenDuplicateDto {
    pub id: i64,
    /// The citizen registered second.
    pub citizen_id: i64,
    /// The citizen that had the national ID first.
    pub twin_id: i64,
    pub flagged_at: DateTime<Utc>,
    pub status: DuplicateStatus,
    pub resolved_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CitizenDuplicatePage {
    pub items: Vec<CitizenDuplicateDto>,
    pub next_cursor: Option<String>,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DuplicateQuery {
    /// `open` (the default) or `resolved` (merged or dismissed).
    #[param(pattern = "^(open|resolved)$")]
    pub status: Option<String>,
    /// Page size, 1–500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// Which of the two records to keep; the other is deleted.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"keep_citizen_id": 1}))]
pub struct MergeRequest {
    pub keep_citizen_id: i64,
}
