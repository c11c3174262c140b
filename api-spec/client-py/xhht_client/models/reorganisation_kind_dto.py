from typing import Literal

ReorganisationKindDto = Literal["merge", "restructure", "split"]

REORGANISATION_KIND_DTO_VALUES: set[ReorganisationKindDto] = {
    "merge",
    "restructure",
    "split",
}


def check_reorganisation_kind_dto(value: str) -> ReorganisationKindDto:
    if value in REORGANISATION_KIND_DTO_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REORGANISATION_KIND_DTO_VALUES!r}")
