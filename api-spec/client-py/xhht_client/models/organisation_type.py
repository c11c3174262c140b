from typing import Literal

OrganisationType = Literal[
    "continuing_education_centre",
    "cooperative",
    "enterprise",
    "higher_education_institution",
    "kindergarten",
    "lower_secondary_school",
    "multi_level_school_top_upper_secondary",
    "other",
    "primary_school",
    "public_service_unit",
    "state_agency",
    "upper_secondary_school",
    "vocational_education_institution",
]

ORGANISATION_TYPE_VALUES: set[OrganisationType] = {
    "continuing_education_centre",
    "cooperative",
    "enterprise",
    "higher_education_institution",
    "kindergarten",
    "lower_secondary_school",
    "multi_level_school_top_upper_secondary",
    "other",
    "primary_school",
    "public_service_unit",
    "state_agency",
    "upper_secondary_school",
    "vocational_education_institution",
}


def check_organisation_type(value: str) -> OrganisationType:
    if value in ORGANISATION_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ORGANISATION_TYPE_VALUES!r}")
