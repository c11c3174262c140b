from typing import Literal

ScoreRequestSubjectTypesItem = Literal[
    "continuing_education_centre",
    "educational_establishment",
    "higher_education_institution",
    "multi_level_school_top_upper_secondary",
    "public_service_unit",
    "state_agency",
    "upper_secondary_school",
    "vocational_education_institution",
]

SCORE_REQUEST_SUBJECT_TYPES_ITEM_VALUES: set[ScoreRequestSubjectTypesItem] = {
    "continuing_education_centre",
    "educational_establishment",
    "higher_education_institution",
    "multi_level_school_top_upper_secondary",
    "public_service_unit",
    "state_agency",
    "upper_secondary_school",
    "vocational_education_institution",
}


def check_score_request_subject_types_item(value: str) -> ScoreRequestSubjectTypesItem:
    if value in SCORE_REQUEST_SUBJECT_TYPES_ITEM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SCORE_REQUEST_SUBJECT_TYPES_ITEM_VALUES!r}")
