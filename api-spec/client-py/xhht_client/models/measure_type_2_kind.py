from typing import Literal

MeasureType2Kind = Literal["percentage"]

MEASURE_TYPE_2_KIND_VALUES: set[MeasureType2Kind] = {
    "percentage",
}


def check_measure_type_2_kind(value: str) -> MeasureType2Kind:
    if value in MEASURE_TYPE_2_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MEASURE_TYPE_2_KIND_VALUES!r}")
