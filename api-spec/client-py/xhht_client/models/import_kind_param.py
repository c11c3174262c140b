from typing import Literal

ImportKindParam = Literal[
    "citizens", "clans", "households", "learning_centres", "organisations", "self_assessments", "villages"
]

IMPORT_KIND_PARAM_VALUES: set[ImportKindParam] = {
    "citizens",
    "clans",
    "households",
    "learning_centres",
    "organisations",
    "self_assessments",
    "villages",
}


def check_import_kind_param(value: str) -> ImportKindParam:
    if value in IMPORT_KIND_PARAM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {IMPORT_KIND_PARAM_VALUES!r}")
