from typing import Literal

SubjectKind = Literal["citizen", "clan", "household", "organisation", "unit"]

SUBJECT_KIND_VALUES: set[SubjectKind] = {
    "citizen",
    "clan",
    "household",
    "organisation",
    "unit",
}


def check_subject_kind(value: str) -> SubjectKind:
    if value in SUBJECT_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUBJECT_KIND_VALUES!r}")
