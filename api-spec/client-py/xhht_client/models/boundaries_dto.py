from typing import Literal

BoundariesDto = Literal["of_the_time", "today"]

BOUNDARIES_DTO_VALUES: set[BoundariesDto] = {
    "of_the_time",
    "today",
}


def check_boundaries_dto(value: str) -> BoundariesDto:
    if value in BOUNDARIES_DTO_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BOUNDARIES_DTO_VALUES!r}")
