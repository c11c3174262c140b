from typing import Literal

MeasureType3Kind = Literal["count"]

MEASURE_TYPE_3_KIND_VALUES: set[MeasureType3Kind] = {
    "count",
}


def check_measure_type_3_kind(value: str) -> MeasureType3Kind:
    if value in MEASURE_TYPE_3_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MEASURE_TYPE_3_KIND_VALUES!r}")
