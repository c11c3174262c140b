from typing import Literal

DeclaredValueRequestIndicator = Literal[
    "association_branches",
    "association_members",
    "course_learners",
    "courses",
    "funds_raised",
    "learning_centres_rated_average",
    "learning_centres_rated_fair",
    "learning_centres_rated_good",
    "libraries",
    "population",
    "reading_rooms",
]

DECLARED_VALUE_REQUEST_INDICATOR_VALUES: set[DeclaredValueRequestIndicator] = {
    "association_branches",
    "association_members",
    "course_learners",
    "courses",
    "funds_raised",
    "learning_centres_rated_average",
    "learning_centres_rated_fair",
    "learning_centres_rated_good",
    "libraries",
    "population",
    "reading_rooms",
}


def check_declared_value_request_indicator(value: str) -> DeclaredValueRequestIndicator:
    if value in DECLARED_VALUE_REQUEST_INDICATOR_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DECLARED_VALUE_REQUEST_INDICATOR_VALUES!r}")
