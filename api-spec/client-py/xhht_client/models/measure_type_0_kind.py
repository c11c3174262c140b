from typing import Literal

MeasureType0Kind = Literal["yes_no"]

MEASURE_TYPE_0_KIND_VALUES: set[MeasureType0Kind] = {
    "yes_no",
}


def check_measure_type_0_kind(value: str) -> MeasureType0Kind:
    if value in MEASURE_TYPE_0_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MEASURE_TYPE_0_KIND_VALUES!r}")
