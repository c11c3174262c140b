from typing import Literal

DeclaredMeasure = Literal["count", "persons", "vnd"]

DECLARED_MEASURE_VALUES: set[DeclaredMeasure] = {
    "count",
    "persons",
    "vnd",
}


def check_declared_measure(value: str) -> DeclaredMeasure:
    if value in DECLARED_MEASURE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DECLARED_MEASURE_VALUES!r}")
