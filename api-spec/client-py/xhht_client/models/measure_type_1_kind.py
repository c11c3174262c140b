from typing import Literal

MeasureType1Kind = Literal["points"]

MEASURE_TYPE_1_KIND_VALUES: set[MeasureType1Kind] = {
    "points",
}


def check_measure_type_1_kind(value: str) -> MeasureType1Kind:
    if value in MEASURE_TYPE_1_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MEASURE_TYPE_1_KIND_VALUES!r}")
