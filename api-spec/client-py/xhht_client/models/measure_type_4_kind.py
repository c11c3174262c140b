from typing import Literal

MeasureType4Kind = Literal["ordinal"]

MEASURE_TYPE_4_KIND_VALUES: set[MeasureType4Kind] = {
    "ordinal",
}


def check_measure_type_4_kind(value: str) -> MeasureType4Kind:
    if value in MEASURE_TYPE_4_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MEASURE_TYPE_4_KIND_VALUES!r}")
